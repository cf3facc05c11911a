"""Face login over HTTP with the real dlib engine: enrol, server-issued challenges answered by a
recording cut from the fixture video, the attack sets A1–A7 built from still photos and sent as
an attacker would, opt-in 1:N, lockout counting every failure, bounded cost, disable.

A challenge can only be answered ``min_seconds`` after issue and its capture cannot be longer
than the time since issue; the tests let that time pass by moving the stored issue time back
(``age``), as a person taking a few seconds in front of the camera would."""

from __future__ import annotations

import io
import sys
import threading
import zlib
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from PIL import Image
from sqlalchemy import func, select, update

from server.app import create_app
from server.auth.models import LoginAttempt
from server.db import utcnow
from server.deps import AppContext
from server.engines.registry import EngineRegistry
from server.faces import service
from server.faces.models import FaceChallenge, FaceLoginFingerprint, UserFace

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "support"))

import face_sequences as fs

ENROL = (90, 130, 170)


@pytest.fixture
def lin(api, client, faces_dir, video_frames, files):  # type: ignore[no-untyped-def]
    account = api.register("lin", photo=(faces_dir / "miranda_1.png").read_bytes())
    assert enrol(client, account, [video_frames[i] for i in ENROL], files).status_code == 200
    return account


def enrol(client: TestClient, account: Any, frames: list[bytes], files: Any) -> Any:
    return client.put(
        "/api/v1/me/face",
        data={"current_password": account.password},
        files=files(frames),
        headers=account.headers,
    )


def challenge(client: TestClient, login: str | None = "lin") -> dict[str, Any]:
    response = client.post("/api/v1/auth/face-challenge", json={"login": login})
    assert response.status_code == 200, response.text
    return dict(response.json())


def age(app_context: AppContext, challenge_id: str, seconds: float) -> None:
    """Let ``seconds`` pass for this challenge (its issue and expiry move back)."""
    with app_context.session_factory() as db:
        row = db.get(FaceChallenge, challenge_id)
        assert row is not None
        db.execute(
            update(FaceChallenge)
            .where(FaceChallenge.id == challenge_id)
            .values(
                issued_at=row.issued_at - timedelta(seconds=seconds),
                expires_at=row.expires_at - timedelta(seconds=seconds),
            )
        )
        db.commit()


def answer(
    client: TestClient,
    challenge_id: str | None,
    sequence: fs.Sequence_,
    login: str | None = "lin",
) -> Any:
    data: dict[str, str] = {"offsets_ms": str(sequence.offsets_ms).replace(" ", "")}
    if challenge_id is not None:
        data["challenge_id"] = challenge_id
    if login is not None:
        data["login"] = login
    files = [
        ("frames", (f"f{n}.jpg", frame, "image/jpeg")) for n, frame in enumerate(sequence.frames)
    ]
    return client.post("/api/v1/auth/face-login", data=data, files=files)


# Genuine recordings follow a fixed script, so a test's outcome does not depend on which script
# the server happened to draw (the recordings are cut from one clip and not every cut passes: see
# KNOWN_FALSE_REJECTIONS).
PINNED_SCRIPT = ["center", "left", "center"]


def pin(app_context: AppContext, challenge_id: str, steps: list[str]) -> None:
    """Make the issued challenge ask for ``steps``."""
    with app_context.session_factory() as db:
        db.execute(
            update(FaceChallenge)
            .where(FaceChallenge.id == challenge_id)
            .values(steps=",".join(steps))
        )
        db.commit()


def attempt(
    client: TestClient,
    app_context: AppContext,
    sequence: fs.Sequence_ | None = None,
    *,
    clip: dict[int, Image.Image] | None = None,
    login: str | None = "lin",
    steps: list[str] | None = None,
    **genuine: Any,
) -> tuple[Any, list[str]]:
    """Ask for a challenge, follow it (a genuine recording of ``steps``, by default
    ``PINNED_SCRIPT``, unless ``sequence``), a few seconds later send it."""
    issued = challenge(client, login)
    if sequence is None:
        assert clip is not None
        issued["steps"] = steps or PINNED_SCRIPT
        pin(app_context, issued["challenge_id"], issued["steps"])
        sequence = fs.genuine(clip, issued["steps"], **genuine)
    age(app_context, issued["challenge_id"], 5)
    return answer(client, issued["challenge_id"], sequence, login), issued["steps"]


def code(response: Any) -> str:
    return str(response.json()["error"]["code"])


def test_enrol_login_and_disable(client, app_context, lin, clip):
    assert client.get("/api/v1/me/face", headers=lin.headers).json()["samples"] == 3
    login, steps = attempt(client, app_context, clip=clip)
    assert login.status_code == 200, (steps, login.text)
    me = client.get("/api/v1/me", headers={"Authorization": f"Bearer {login.json()['token']}"})
    assert me.json()["username"] == "lin"
    with app_context.session_factory() as db:
        assert db.scalar(select(func.count()).select_from(FaceLoginFingerprint)) == 1

    disabled = client.request(
        "DELETE", "/api/v1/me/face", json={"current_password": lin.password}, headers=lin.headers
    )
    assert disabled.status_code == 204
    with app_context.session_factory() as db:
        assert db.scalar(select(func.count()).select_from(UserFace)) == 0
        assert db.scalar(select(func.count()).select_from(FaceLoginFingerprint)) == 0
    refused, _ = attempt(client, app_context, clip=clip, variant=1)
    assert refused.status_code == 401
    assert code(refused) == "not_recognized"


SCRIPTS = (
    ["center", "left", "center"],
    ["center", "right", "center"],
    ["center", "left", "center", "right"],
    ["center", "right", "center", "left"],
)
# Cuts of the clip a live recording of which is refused today, listed so that the day one passes,
# this test says so. None since the same-person check accepts a turned frame that matches the
# account's templates (issue 9).
KNOWN_FALSE_REJECTIONS: set[tuple[tuple[str, ...], int, bool]] = set()


def test_every_script_is_followed_by_a_live_recording(
    api, client, app_context, clip, video_frames, faces_dir, files
):
    """Genuine recordings of the issued scripts pass. Each login is a different account: the
    recordings are cut from one clip, and the same frames sent twice to one account are a
    replay (see test_replayed_login_is_refused)."""
    for number, (steps, variant, flipped) in enumerate(
        (steps, variant, flipped)
        for steps in SCRIPTS
        for variant, flipped in ((0, False), (1, False), (0, True), (1, True))
    ):
        name = f"lin{number}"
        account = api.register(name, photo=(faces_dir / "miranda_1.png").read_bytes())
        assert enrol(client, account, [video_frames[i] for i in ENROL], files).status_code == 200
        response, _ = attempt(
            client, app_context, clip=clip, login=name, steps=steps, variant=variant,
            flipped=flipped,
        )  # fmt: skip
        if (tuple(steps), variant, flipped) in KNOWN_FALSE_REJECTIONS:
            assert code(response) == "not_same_person", response.text
            continue
        assert response.status_code == 200, (steps, variant, flipped, response.text)
        assert response.json()["user"]["username"] == name


@pytest.mark.parametrize(
    "settings_overrides", [{"face_challenge_min_seconds": 30, "face_lockout_failures": 100}]
)
def test_challenge_must_be_fresh_single_use_and_server_issued(client, app_context, lin, clip):
    first = challenge(client)
    assert first["steps"][0] == "center" and len(first["steps"]) in (3, 4)
    assert set(first["steps"]) <= {"center", "left", "right"}
    recording = fs.genuine(clip, first["steps"])
    # too early: a prepared batch sent at once
    early = answer(client, first["challenge_id"], recording)
    assert early.status_code == 401 and code(early) == "challenge_failed"
    # single use: the too-early attempt consumed it
    age(app_context, first["challenge_id"], 40)
    reused = answer(client, first["challenge_id"], recording)
    assert reused.status_code == 401 and code(reused) == "challenge_failed"
    # expired
    old = challenge(client)
    age(app_context, old["challenge_id"], 61)
    expired = answer(client, old["challenge_id"], fs.genuine(clip, old["steps"]))
    assert expired.status_code == 401 and code(expired) == "challenge_failed"
    # missing and unknown
    missing = answer(client, None, recording)
    assert missing.status_code == 401 and code(missing) == "challenge_failed"
    unknown = answer(client, "0" * 32, recording)
    assert unknown.status_code == 401 and code(unknown) == "challenge_failed"
    # issued for another login
    other = challenge(client, login="someone")
    age(app_context, other["challenge_id"], 40)
    stolen = answer(client, other["challenge_id"], fs.genuine(clip, other["steps"]))
    assert stolen.status_code == 401 and code(stolen) == "challenge_failed"
    # the old client-chosen challenge is gone
    assert client.get("/api/v1/auth/face-challenge").status_code == 405


@pytest.mark.parametrize("settings_overrides", [{"face_lockout_failures": 100}])
def test_replayed_login_is_refused(client, app_context, lin, clip):
    """A5: a passing login's frames, re-encoded, under a new challenge with the same script."""
    passing, steps = attempt(client, app_context, clip=clip)
    assert passing.status_code == 200, passing.text
    captured = fs.genuine(clip, steps)
    for _ in range(40):  # the server picks the script: ask until it asks for the same one
        issued = challenge(client)
        if issued["steps"] == steps:
            break
    assert issued["steps"] == steps
    age(app_context, issued["challenge_id"], 5)
    replay = answer(client, issued["challenge_id"], fs.reencode(captured, seed=3))
    assert replay.status_code == 401
    assert code(replay) == "replay_detected"


@pytest.mark.parametrize("settings_overrides", [{"face_lockout_failures": 100}])
def test_attacks_from_still_photos_are_refused(client, app_context, lin, clip, faces_dir):
    miranda = fs.load_photo("miranda_1.png")
    frame = clip[150]
    refusals: dict[str, str] = {}

    def refused(name: str, sequence: fs.Sequence_, expected: str) -> None:
        response, _ = attempt(client, app_context, sequence)
        assert response.status_code == 401, (name, response.text)
        refusals[name] = code(response)
        assert refusals[name] == expected, (name, response.text)

    refused("A1 still photo", fs.still_replay(miranda, 12, seed=1), "liveness_failed")
    # A small face (~100 px) jittered decorrelates below the still bar; it cannot turn either.
    refused("A1 still frame", fs.still_replay(frame, 12, seed=2), "script_not_followed")
    for order in ("pmp" * 4, "ppppmmmmpppp", "mmmmppppmmmm"):
        refused(f"A2 mirror {order}", fs.photo_and_mirror(miranda, order, 4), "mirror_detected")
    face = (195, 35, 305, 145)  # around the face of clip frame 150
    refused(
        "A2 face-only mirror",
        fs.photo_and_mirror(frame, "ppppmmmmpppp", 5, face_box=face),
        "mirror_detected",
    )
    series = [clip[i] for i in (150, 158, 150, 130, 150)]  # other pictures, in yaw order
    refused("A3 photos in yaw order", fs.photo_series(series, 3, seed=6), "not_continuous")
    angles = [0, 0, 10, 20, 30, 35, 30, 20, 10, 0, 0, -10, -20, -30, -35, -30, -20]
    # The warp fakes centre → right → centre → left: under that script only the depth check
    # stands between it and a token; under the others the script check refuses it first.
    # (A frontal photo: miranda_1.png reads 7–12°, which the 10° bar already calls a turn.)
    warped = fs.perspective_turn(fs.load_photo("obama_1.jpg"), angles, seed=7)
    for _ in range(60):
        issued = challenge(client)
        if issued["steps"] == ["center", "right", "center", "left"]:
            break
    age(app_context, issued["challenge_id"], 5)
    flat = answer(client, issued["challenge_id"], warped)
    assert flat.status_code == 401 and code(flat) == "flat_face", flat.text
    for _ in range(60):
        issued = challenge(client)
        if issued["steps"] == ["center", "left", "center"]:
            break
    age(app_context, issued["challenge_id"], 5)
    other_script = answer(client, issued["challenge_id"], warped)
    assert other_script.status_code == 401 and code(other_script) == "script_not_followed"
    lin_and_obama = [clip[150], clip[130], fs.load_photo("obama_1.jpg")]
    refused("A6 two people", fs.photo_series(lin_and_obama, 4, seed=8), "not_continuous")


@pytest.mark.parametrize("settings_overrides", [{"face_lockout_failures": 100}])
def test_wrong_direction_or_order_is_refused_with_the_step(client, app_context, lin, clip):
    """A7: a live recording of another script."""
    issued = challenge(client)
    steps = issued["steps"]
    wrong = [{"left": "right", "right": "left"}.get(s, s) for s in steps]
    age(app_context, issued["challenge_id"], 5)
    response = answer(client, issued["challenge_id"], fs.genuine(clip, wrong))
    assert response.status_code == 401
    assert code(response) == "script_not_followed"
    assert response.json()["error"]["fields"]["step"] == steps[1]
    assert response.json()["error"]["fields"]["step_index"] == "1"


def test_identification_is_opt_in(api, client, app_context, lin, clip, faces_dir, files):
    obama = api.register("barack", photo=(faces_dir / "obama_small.jpg").read_bytes())
    obama_frames = [(faces_dir / f"obama_{n}.jpg").read_bytes() for n in (1, 2, 3)]
    assert enrol(client, obama, obama_frames, files).status_code == 200
    off, _ = attempt(client, app_context, clip=clip, login=None)
    assert off.status_code == 401 and code(off) == "not_recognized"

    no_password = client.patch(
        "/api/v1/me/face", json={"identify_without_username": True}, headers=lin.headers
    )
    assert no_password.status_code == 400
    wrong = client.patch(
        "/api/v1/me/face",
        json={"identify_without_username": True, "current_password": "wrong wrong 1"},
        headers=lin.headers,
    )
    assert wrong.status_code == 403
    on = client.patch(
        "/api/v1/me/face",
        json={"identify_without_username": True, "current_password": lin.password},
        headers=lin.headers,
    )
    assert on.status_code == 200 and on.json()["identify_without_username"] is True
    found, _ = attempt(client, app_context, clip=clip, login=None, variant=1)
    assert found.status_code == 200, found.text
    assert found.json()["user"]["username"] == "lin"

    back_off = client.patch(
        "/api/v1/me/face", json={"identify_without_username": False}, headers=lin.headers
    )
    assert back_off.status_code == 200 and back_off.json()["identify_without_username"] is False
    again, _ = attempt(client, app_context, clip=clip, login=None, flipped=True)
    assert again.status_code == 401 and code(again) == "not_recognized"


def test_stranger_is_refused_by_recognition(api, client, app_context, clip, faces_dir, files):
    obama = api.register("barack", photo=(faces_dir / "obama_small.jpg").read_bytes())
    obama_frames = [(faces_dir / f"obama_{n}.jpg").read_bytes() for n in (1, 2, 3)]
    assert enrol(client, obama, obama_frames, files).status_code == 200
    response, _ = attempt(client, app_context, clip=clip, login="barack")
    assert response.status_code == 401 and code(response) == "not_recognized"
    unknown, _ = attempt(client, app_context, clip=clip, login="nobody")
    assert unknown.status_code == 401
    assert unknown.json()["error"]["message"] == response.json()["error"]["message"]


@pytest.mark.parametrize("settings_overrides", [{"face_lockout_failures": 3}])
def test_every_failure_counts_toward_the_lockout(app_context, lin, clip, faces_dir):
    # A second instance: its own app and engines, the same database and store.
    other_instance = AppContext(
        settings=app_context.settings,
        engine=app_context.engine,
        session_factory=app_context.session_factory,
        store=app_context.store,
        engines=EngineRegistry(app_context.settings),
    )
    first = TestClient(create_app(context=app_context), raise_server_exceptions=False)
    second = TestClient(create_app(context=other_instance), raise_server_exceptions=False)
    landscape = fs.timed([fs.to_jpeg(Image.new("RGB", (640, 360), (90, 120, 60)))] * 10)
    no_face, _ = attempt(first, app_context, landscape)
    assert no_face.status_code == 422 and code(no_face) == "no_face"
    no_challenge = answer(second, None, landscape)
    assert no_challenge.status_code == 401 and code(no_challenge) == "challenge_failed"
    bad_offsets, _ = attempt(first, app_context, fs.Sequence_(landscape.frames, [0] * 10))
    assert bad_offsets.status_code == 401 and code(bad_offsets) == "not_continuous"
    for instance in (first, second):
        locked = answer(instance, None, landscape)
        assert locked.status_code == 429
        assert code(locked) == "face_login_locked"
        assert int(locked.headers["Retry-After"]) > 0
        assert instance.post("/api/v1/auth/face-challenge", json={}).status_code == 429
    password = first.post("/api/v1/auth/login", json={"login": "lin", "password": lin.password})
    assert password.status_code == 200  # the password always still works


def _from(client: TestClient, address: str) -> TestClient:
    """The next requests come from ``address`` (the server trusts one proxy hop)."""
    client.headers["X-Forwarded-For"] = address
    return client


@pytest.mark.parametrize("settings_overrides", [{"face_lockout_failures": 3, "trusted_proxies": 1}])
def test_a_face_login_clears_the_account_count_not_the_address_count(
    client, app_context, lin, clip
):
    landscape = fs.timed([fs.to_jpeg(Image.new("RGB", (640, 360), (90, 120, 60)))] * 10)
    for _ in range(2):  # one short of the limit, for the account and for this address
        assert code(answer(_from(client, "10.1.1.1"), None, landscape)) == "challenge_failed"
    # Typed as the e-mail, the login is the same account: its failures count for "lin" too.
    email_failure = answer(_from(client, "10.3.3.3"), None, landscape, login=lin.user["email"])
    assert code(email_failure) == "challenge_failed"
    assert (
        _from(client, "10.9.9.9")
        .post("/api/v1/auth/face-challenge", json={"login": "lin"})
        .status_code
        == 429
    )

    # Later (the failures leave the window), Lin gets in by face from the first address.
    with app_context.session_factory() as db:
        db.execute(
            update(LoginAttempt)
            .where(LoginAttempt.address == "10.3.3.3")
            .values(created_at=utcnow() - timedelta(hours=1))
        )
        db.commit()
    success, _ = attempt(_from(client, "10.1.1.1"), app_context, clip=clip)
    assert success.status_code == 200, success.text
    user_id = success.json()["user"]["id"]
    with app_context.session_factory() as db:
        recorded = db.execute(
            select(LoginAttempt.account_key, LoginAttempt.address).where(
                LoginAttempt.method == "face", LoginAttempt.success
            )
        ).all()
    assert [tuple(row) for row in recorded] == [(f"user:{user_id}", "10.1.1.1")]

    # The account starts again from zero: two new failures elsewhere do not lock it...
    for address in ("10.2.2.2", "10.2.2.3"):
        assert code(answer(_from(client, address), None, landscape)) == "challenge_failed"
    assert (
        _from(client, "10.9.9.9")
        .post("/api/v1/auth/face-challenge", json={"login": "lin"})
        .status_code
        == 200
    )
    # ...but the address keeps its two failures from before the success: one more locks it,
    # for any login (an attacker's own successful login must not clear an address).
    assert code(answer(_from(client, "10.1.1.1"), None, landscape, login="zoe")) == (
        "challenge_failed"
    )
    locked = _from(client, "10.1.1.1").post("/api/v1/auth/face-challenge", json={"login": "zoe"})
    assert locked.status_code == 429 and code(locked) == "face_login_locked"


def _png_claiming(width: int, height: int) -> bytes:
    """A small PNG whose header claims ``width``×``height`` (decoding it would need GBs)."""
    buffer = io.BytesIO()
    Image.new("L", (64, 64)).save(buffer, format="PNG")
    data = bytearray(buffer.getvalue())
    data[16:24] = width.to_bytes(4, "big") + height.to_bytes(4, "big")
    data[29:33] = zlib.crc32(bytes(data[12:29])).to_bytes(4, "big")  # a valid IHDR
    return bytes(data)


@pytest.mark.parametrize("settings_overrides", [{"face_lockout_failures": 100}])
def test_oversized_frames_are_refused_before_decoding(client, app_context, lin, clip):
    big = fs.to_jpeg(Image.new("RGB", (2592, 1944), (128, 128, 128)))
    recording = fs.genuine(clip, ["center", "left", "center"])
    frames = [big, *recording.frames[1:]]
    response, _ = attempt(client, app_context, fs.Sequence_(frames, recording.offsets_ms))
    assert response.status_code == 413 and code(response) == "image_too_large"
    bomb = [_png_claiming(40_000, 30_000), *recording.frames[1:]]
    response, _ = attempt(client, app_context, fs.Sequence_(bomb, recording.offsets_ms))
    assert response.status_code == 413 and code(response) == "image_too_large"
    too_few = fs.Sequence_(recording.frames[:5], recording.offsets_ms[:5])
    response, _ = attempt(client, app_context, too_few)
    assert response.status_code == 400 and code(response) == "too_few_frames"


@pytest.mark.parametrize("settings_overrides", [{"face_concurrency": 1, "face_queue_seconds": 0}])
def test_busy_server_answers_503_with_retry_after(client, app_context, lin, clip):
    issued = challenge(client)
    age(app_context, issued["challenge_id"], 5)
    holding, release = threading.Event(), threading.Event()

    def hold_the_only_slot() -> None:
        with service.face_slots.slot(app_context.settings):
            holding.set()
            release.wait(60)

    worker = threading.Thread(target=hold_the_only_slot)
    worker.start()
    try:
        assert holding.wait(60)
        busy = answer(client, issued["challenge_id"], fs.genuine(clip, issued["steps"]))
    finally:
        release.set()
        worker.join()
    assert busy.status_code == 503 and code(busy) == "face_busy"
    assert int(busy.headers["Retry-After"]) > 0
    # the challenge was not spent on a refusal to work: it still answers
    retry = answer(client, issued["challenge_id"], fs.genuine(clip, issued["steps"]))
    assert retry.status_code == 200, retry.text


def test_enrolment_needs_password_and_one_person(client, api, video_frames, faces_dir, files):
    account = api.register("lin", photo=(faces_dir / "miranda_1.png").read_bytes())
    frames = [video_frames[i] for i in ENROL]
    wrong = client.put(
        "/api/v1/me/face",
        data={"current_password": "bad bad 12"},
        files=files(frames),
        headers=account.headers,
    )
    assert wrong.status_code == 403
    group = (faces_dir / "group_two_people.jpg").read_bytes()
    two_faces = enrol(client, account, [frames[0], group, frames[2]], files)
    assert two_faces.status_code == 422
    assert two_faces.json()["error"]["code"] == "multiple_faces"
    other = (faces_dir / "obama_1.jpg").read_bytes()
    mixed = enrol(client, account, [frames[0], frames[1], other], files)
    assert mixed.status_code == 422
    assert mixed.json()["error"]["code"] == "not_same_person"
    too_few = enrol(client, account, frames[:2], files)
    assert too_few.status_code == 400
    assert too_few.json()["error"]["code"] == "too_few_frames"
    not_image = enrol(client, account, [b"not an image"] * 3, files)
    assert not_image.status_code == 422
    assert client.get("/api/v1/me/face", headers=account.headers).json()["enabled"] is False


def test_profile_tags_are_computed_once(client, app_context, api, faces_dir):
    account = api.register("lin", photo=(faces_dir / "miranda_1.png").read_bytes())
    first = client.get("/api/v1/me/tags", headers=account.headers)
    assert first.status_code == 200
    body = first.json()
    assert body["face_count"] == 1
    assert body["photo_id"] == account.user["profile_photo_id"]
    face = body["faces"][0]  # Rekognition's FaceDetail shape, with what the local engine measures
    assert face["Confidence"] > 50
    assert set(face["BoundingBox"]) == {"Left", "Top", "Width", "Height"}
    assert face["EyesOpen"]["Value"] is True
    assert "AgeRange" not in face and "Gender" not in face  # never invented locally
    app_context.engines._built.pop("faces", None)
    app_context.settings.face_engine = "none"  # a recomputation would now fail: stored tags answer
    assert client.get("/api/v1/me/tags", headers=account.headers).json() == body


def test_cloud_descriptions_map_to_rekognition_face_details():
    from server.faces.service import detect_faces_detail

    stored = {
        "face": {
            "box": {"left": 0.1, "top": 0.2, "width": 0.3, "height": 0.4},
            "confidence": 99.9,
            "brightness": 70.0,
            "sharpness": 80.0,
            "smiling": True,
            "eyes_open": None,
            "pose": {"yaw": 5.0, "roll": 1.0, "pitch": None},
        },
        "age_range": [25, 35],
        "gender": "Female",
        "emotions": [{"type": "HAPPY", "confidence": 97.0}],
        "attributes": {
            "eyeglasses": {"value": True, "confidence": 96.5},
            "mouth_open": {"value": False, "confidence": 90.0},
        },
    }
    detail = detect_faces_detail(stored)
    assert detail["AgeRange"] == {"Low": 25, "High": 35}
    assert detail["Gender"] == {"Value": "Female"}
    assert detail["Smile"]["Value"] is True
    assert "EyesOpen" not in detail
    assert detail["Eyeglasses"] == {"Value": True, "Confidence": 96.5}
    assert detail["MouthOpen"]["Value"] is False
    assert detail["Pose"] == {"Yaw": 5.0, "Roll": 1.0}
    assert detail["Emotions"] == [{"Type": "HAPPY", "Confidence": 97.0}]
