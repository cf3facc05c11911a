"""Face login over HTTP with the real dlib engine: enrol, log in (1:1 and 1:N), liveness,
lockout shared by two instances, disable, profile tags."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select

from server.app import create_app
from server.deps import AppContext
from server.engines.registry import EngineRegistry
from server.faces.models import UserFace

ENROL = (90, 130, 170)
HEAD_TURN = (100, 120, 140, 160, 180)
SIX_FRAMES = (90, 100, 110, 120, 130, 140)


@pytest.fixture
def lin(api, faces_dir):  # type: ignore[no-untyped-def]
    return api.register("lin", photo=(faces_dir / "miranda_1.png").read_bytes())


def enrol(client: TestClient, account: Any, frames: list[bytes], files: Any) -> Any:
    return client.put(
        "/api/v1/me/face",
        data={"current_password": account.password},
        files=files(frames),
        headers=account.headers,
    )


def face_login(client: TestClient, frames: list[bytes], files: Any, **data: str) -> Any:
    return client.post("/api/v1/auth/face-login", data=data, files=files(frames))


def test_enrol_login_and_disable(client, app_context, lin, video_frames, files):
    assert client.get("/api/v1/me/face", headers=lin.headers).json()["enabled"] is False
    response = enrol(client, lin, [video_frames[i] for i in ENROL], files)
    assert response.status_code == 200, response.text
    assert response.json()["enabled"] is True and response.json()["samples"] == 3
    assert client.get("/api/v1/me", headers=lin.headers).json()["face_login_enabled"] is True
    face_keys = [k for k in app_context.store.iter_keys(f"users/{lin.user['id']}/face/")]
    assert len(face_keys) == 1

    login = face_login(
        client, [video_frames[i] for i in HEAD_TURN], files, login="lin", challenge="turn_either"
    )
    assert login.status_code == 200, login.text
    token = login.json()["token"]
    me = client.get("/api/v1/me", headers={"Authorization": f"Bearer {token}"})
    assert me.json()["username"] == "lin"

    wrong_password = client.request(
        "DELETE", "/api/v1/me/face", json={"current_password": "nope nope 1"}, headers=lin.headers
    )
    assert wrong_password.status_code == 403
    assert (
        client.request(
            "DELETE",
            "/api/v1/me/face",
            json={"current_password": lin.password},
            headers=lin.headers,
        ).status_code
        == 204
    )
    with app_context.session_factory() as db:
        assert db.scalar(select(func.count()).select_from(UserFace)) == 0
    assert list(app_context.store.iter_keys(f"users/{lin.user['id']}/face/")) == []
    refused = face_login(
        client, [video_frames[i] for i in HEAD_TURN], files, login="lin", challenge="turn_either"
    )
    assert refused.status_code == 401
    assert refused.json()["error"]["code"] == "not_recognized"


def test_enrolment_needs_password_and_one_person(client, lin, video_frames, faces_dir, files):
    frames = [video_frames[i] for i in ENROL]
    wrong = client.put(
        "/api/v1/me/face",
        data={"current_password": "bad bad 12"},
        files=files(frames),
        headers=lin.headers,
    )
    assert wrong.status_code == 403
    group = (faces_dir / "group_two_people.jpg").read_bytes()
    two_faces = enrol(client, lin, [frames[0], group, frames[2]], files)
    assert two_faces.status_code == 422
    assert two_faces.json()["error"]["code"] == "multiple_faces"
    other = (faces_dir / "obama_1.jpg").read_bytes()
    mixed = enrol(client, lin, [frames[0], frames[1], other], files)
    assert mixed.status_code == 422
    assert mixed.json()["error"]["code"] == "not_same_person"
    too_few = enrol(client, lin, frames[:2], files)
    assert too_few.status_code == 400
    assert too_few.json()["error"]["code"] == "too_few_frames"
    not_image = enrol(client, lin, [b"not an image"] * 3, files)
    assert not_image.status_code == 422
    assert client.get("/api/v1/me/face", headers=lin.headers).json()["enabled"] is False


def test_still_replay_is_refused(client, lin, video_frames, faces_dir, files):
    assert enrol(client, lin, [video_frames[i] for i in ENROL], files).status_code == 200
    still = video_frames[140]
    replay = face_login(client, [still] * 4, files, login="lin", challenge="turn_either")
    assert replay.status_code == 422
    assert replay.json()["error"]["code"] == "liveness_failed"
    photo = (faces_dir / "miranda_1.png").read_bytes()
    printed = face_login(client, [photo] * 3, files, login="lin", challenge="turn_left")
    assert printed.status_code == 422
    assert printed.json()["error"]["code"] == "liveness_failed"


def test_identification_without_a_username(api, client, lin, video_frames, faces_dir, files):
    assert enrol(client, lin, [video_frames[i] for i in ENROL], files).status_code == 200
    obama = api.register("barack", photo=(faces_dir / "obama_small.jpg").read_bytes())
    obama_frames = [
        (faces_dir / name).read_bytes() for name in ("obama_1.jpg", "obama_2.jpg", "obama_3.jpg")
    ]
    assert enrol(client, obama, obama_frames, files).status_code == 200
    found = face_login(client, [video_frames[i] for i in HEAD_TURN], files, challenge="turn_either")
    assert found.status_code == 200, found.text
    assert found.json()["user"]["username"] == "lin"


@pytest.mark.parametrize("settings_overrides", [{"face_liveness": False}])
def test_different_person_and_unenrolled_face_are_refused(
    api, client, lin, video_frames, faces_dir, files
):
    assert enrol(client, lin, [video_frames[i] for i in ENROL], files).status_code == 200
    biden = [
        (faces_dir / name).read_bytes() for name in ("biden_1.jpg", "biden_2.jpg", "biden_1.jpg")
    ]
    as_lin = face_login(client, biden, files, login="lin")
    assert as_lin.status_code == 401
    assert as_lin.json()["error"]["code"] == "not_recognized"
    anyone = face_login(client, biden, files)
    assert anyone.status_code == 401
    unknown_user = face_login(client, [video_frames[i] for i in HEAD_TURN], files, login="nobody")
    assert unknown_user.status_code == 401
    assert unknown_user.json()["error"]["message"] == as_lin.json()["error"]["message"]


@pytest.mark.parametrize("settings_overrides", [{"face_liveness": False}])
def test_lockout_is_shared_by_two_instances(app_context, lin, video_frames, faces_dir, files):
    # A second instance: its own app and engines, the same database and store.
    other_instance = AppContext(
        settings=app_context.settings,
        engine=app_context.engine,
        session_factory=app_context.session_factory,
        store=app_context.store,
        engines=EngineRegistry(app_context.settings),
    )
    second = TestClient(create_app(context=other_instance), raise_server_exceptions=False)
    first = TestClient(create_app(context=app_context), raise_server_exceptions=False)
    assert enrol(first, lin, [video_frames[i] for i in ENROL], files).status_code == 200
    stranger = [
        (faces_dir / name).read_bytes() for name in ("leslie_1.jpg", "leslie_2.jpg", "leslie_1.jpg")
    ]
    for attempt in range(5):
        instance = first if attempt % 2 == 0 else second
        assert face_login(instance, stranger, files, login="lin").status_code == 401
    for instance in (first, second):
        locked = face_login(instance, [video_frames[i] for i in HEAD_TURN], files, login="lin")
        assert locked.status_code == 429
        assert locked.json()["error"]["code"] == "face_login_locked"
        assert int(locked.headers["Retry-After"]) > 0
    password = first.post("/api/v1/auth/login", json={"login": "lin", "password": lin.password})
    assert password.status_code == 200  # the password always still works


def test_face_login_input_errors(client, lin, video_frames, files):
    assert enrol(client, lin, [video_frames[i] for i in ENROL], files).status_code == 200
    bad_challenge = face_login(
        client, [video_frames[i] for i in HEAD_TURN], files, login="lin", challenge="dance"
    )
    assert bad_challenge.status_code == 400
    assert bad_challenge.json()["error"]["code"] == "unsupported_challenge"
    no_frames = client.post("/api/v1/auth/face-login", data={"login": "lin"})
    assert no_frames.status_code == 400
    too_many = face_login(client, [video_frames[i] for i in SIX_FRAMES], files, login="lin")
    assert too_many.status_code == 400
    assert too_many.json()["error"]["code"] == "too_many_frames"


def test_profile_tags_are_computed_once(client, app_context, lin):
    first = client.get("/api/v1/me/tags", headers=lin.headers)
    assert first.status_code == 200
    body = first.json()
    assert body["face_count"] == 1
    assert body["photo_id"] == lin.user["profile_photo_id"]
    face = body["faces"][0]  # Rekognition's FaceDetail shape, with what the local engine measures
    assert face["Confidence"] > 50
    assert set(face["BoundingBox"]) == {"Left", "Top", "Width", "Height"}
    assert face["EyesOpen"]["Value"] is True
    assert "AgeRange" not in face and "Gender" not in face  # never invented locally
    app_context.engines._built.pop("faces", None)
    app_context.settings.face_engine = (
        "none"  # a recomputation would now fail: the stored tags answer
    )
    assert client.get("/api/v1/me/tags", headers=lin.headers).json() == body


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
