"""Exact duplicates (409 and the check endpoint), near-duplicate groups, bulk actions (atomic,
owner-scoped), the trash (restore, empty, purge after 30 days) and idempotent upload retries."""

from __future__ import annotations

import hashlib
import io
import threading
from datetime import timedelta
from typing import Any

from PIL import Image
from sqlalchemy import Engine, event, func, select, update

from server.db import utcnow
from server.photos.models import IdempotencyKey, Photo
from server.photos.service import IDEMPOTENCY_KEY_MAX
from server.sweep import sweep_orphans
from tests.server.conftest import PROFILE_LOCKED, error_body


def _reencoded(data: bytes, **options) -> bytes:  # type: ignore[no-untyped-def]
    image = Image.open(io.BytesIO(data)).convert("RGB")
    if "scale" in options:
        image = image.resize(
            (int(image.width * options["scale"]), int(image.height * options["scale"]))
        )
    if "crop" in options:
        f = options["crop"]
        w, h = image.size
        image = image.crop((int(w * f), int(h * f), int(w * (1 - f)), int(h * (1 - f))))
    out = io.BytesIO()
    image.save(out, "JPEG", quality=options.get("quality", 85))
    return out.getvalue()


def _count_photos(app_context) -> int:  # type: ignore[no-untyped-def]
    with app_context.session_factory() as db:
        return int(db.scalar(select(func.count()).select_from(Photo)) or 0)


def test_same_bytes_twice_is_a_409_with_the_existing_photo(api, client, faces_dir, app_context):
    account = api.register("doble")
    album = api.create_album(account, "Viaje")
    other = api.create_album(account, "Otro")
    data = (faces_dir / "obama_1.jpg").read_bytes()
    first = api.upload(account, album["id"], data, name="Primera")
    before = _count_photos(app_context)
    keys_before = sorted(app_context.store.iter_keys(""))

    again = client.post(
        f"/api/v1/albums/{other['id']}/photos",
        files={"file": ("copia.jpg", data, "image/jpeg")},
        headers=account.headers,
    )
    assert again.status_code == 409
    error = again.json()["error"]
    assert error["code"] == "duplicate_photo"
    assert error["message"] == (
        'You already have this photo in the album "Viaje". Send allow_duplicate=true to keep a'
        " second copy."
    )
    assert error["fields"] == {"file": "duplicate_photo"}
    assert error["existing"]["photo"]["id"] == first["id"]
    assert error["existing"]["album"] == {"id": album["id"], "name": "Viaje"}
    assert _count_photos(app_context) == before
    assert sorted(app_context.store.iter_keys("")) == keys_before  # nothing written

    kept = api.upload(account, other["id"], data, name="Segunda", allow_duplicate=True)
    assert kept["id"] != first["id"] and kept["album_id"] == other["id"]

    stranger = api.register("ajeno")  # another user's copy is no duplicate of theirs
    api.upload(stranger, api.create_album(stranger)["id"], data)


def test_check_says_which_files_are_already_stored(api, client, faces_dir):
    account = api.register("check")
    album = api.create_album(account)
    stored = (faces_dir / "biden_1.jpg").read_bytes()
    api.upload(account, album["id"], stored)
    new = (faces_dir / "biden_2.jpg").read_bytes()
    digests = [hashlib.sha256(stored).hexdigest().upper(), hashlib.sha256(new).hexdigest()]
    response = client.post(
        "/api/v1/photos/check", json={"sha256": digests}, headers=account.headers
    )
    assert response.status_code == 200
    body = response.json()
    assert [item["sha256"] for item in body["existing"]] == [digests[0].lower()]
    assert body["existing"][0]["album_id"] == album["id"]
    assert body["existing"][0]["in_trash"] is False
    assert body["missing"] == [digests[1]]

    stranger = api.register("miron")
    theirs = client.post("/api/v1/photos/check", json={"sha256": digests}, headers=stranger.headers)
    assert theirs.json()["existing"] == []
    bad = client.post("/api/v1/photos/check", json={"sha256": ["xyz"]}, headers=account.headers)
    assert bad.status_code == 400 and bad.json()["error"]["code"] == "validation_error"


def test_near_duplicates_are_grouped_and_the_best_copy_comes_first(api, client, faces_dir):
    account = api.register("cercanas")
    album = api.create_album(account)
    original = (faces_dir / "obama_1.jpg").read_bytes()
    best = api.upload(account, album["id"], original, name="original", description="Discurso")
    smaller = api.upload(
        account,
        album["id"],
        _reencoded(original, scale=0.5, quality=60),
        name="pequeña",
        description="",
    )
    cropped = api.upload(
        account, album["id"], _reencoded(original, crop=0.05), name="recorte", description=""
    )
    api.upload(account, album["id"], (faces_dir / "biden_1.jpg").read_bytes(), name="otra")

    groups = client.get("/api/v1/duplicates", headers=account.headers).json()["groups"]
    assert len(groups) == 1
    (group,) = groups
    assert group["best_photo_id"] == best["id"]
    assert group["photos"][0]["id"] == best["id"]
    assert {p["id"] for p in group["photos"]} == {best["id"], smaller["id"], cropped["id"]}
    assert group["kind"] == "similar" and 4 < group["max_distance"] <= 10  # the crop

    only_duplicates = client.get(
        "/api/v1/duplicates", params={"kind": "duplicate"}, headers=account.headers
    ).json()["groups"]
    assert only_duplicates == []

    keep = client.post(
        "/api/v1/duplicates/keep",
        json={"keep_id": smaller["id"], "trash_ids": [best["id"], cropped["id"]]},
        headers=account.headers,
    )
    assert keep.status_code == 200
    assert keep.json()["description"] == "Discurso"  # the kept copy had none: it takes the best
    assert client.get("/api/v1/duplicates", headers=account.headers).json()["groups"] == []
    trash = client.get("/api/v1/trash", headers=account.headers).json()["items"]
    assert sorted(p["id"] for p in trash) == sorted([best["id"], cropped["id"]])


def test_duplicate_groups_are_made_of_the_users_own_hashed_photos(
    api, client, faces_dir, app_context
):
    """A stranger's copy of the same picture is nobody's duplicate, and a photo stored before
    perceptual hashes existed (no hash) is left out rather than breaking the listing."""
    original = (faces_dir / "obama_1.jpg").read_bytes()
    stranger = api.register("copion")
    api.upload(stranger, api.create_album(stranger)["id"], _reencoded(original, scale=0.5))
    account = api.register("unica")
    album = api.create_album(account)
    mine = api.upload(account, album["id"], original)
    assert client.get("/api/v1/duplicates", headers=account.headers).json() == {"groups": []}

    legacy = api.upload(account, album["id"], _reencoded(original, quality=70), name="vieja")
    copy = api.upload(account, album["id"], _reencoded(original, quality=60), name="copia")
    with app_context.session_factory() as db:
        db.execute(update(Photo).where(Photo.id == legacy["id"]).values(phash=None))
        db.commit()
    groups = client.get("/api/v1/duplicates", headers=account.headers).json()["groups"]
    assert [sorted(p["id"] for p in g["photos"]) for g in groups] == [
        sorted([mine["id"], copy["id"]])
    ]


def test_bulk_is_all_or_nothing_and_owner_scoped(api, client, app_context):
    account = api.register("bulk")
    source = api.create_album(account, "Origen")
    target = api.create_album(account, "Destino")
    ids = [api.upload(account, source["id"], name=f"f{n}")["id"] for n in range(4)]
    stranger = api.register("extrano")
    theirs = api.upload(stranger, api.create_album(stranger)["id"])

    mixed = client.post(
        "/api/v1/photos/bulk",
        json={"action": "move", "ids": [*ids, theirs["id"]], "album_id": target["id"]},
        headers=account.headers,
    )
    assert mixed.status_code == 404 and mixed.json()["error"]["code"] == "photo_not_found"
    with app_context.session_factory() as db:
        assert {p.album_id for p in db.scalars(select(Photo).where(Photo.id.in_(ids)))} == {
            source["id"]
        }
        assert db.get(Photo, theirs["id"]).album_id != target["id"]

    into_theirs = client.post(
        "/api/v1/photos/bulk",
        json={"action": "move", "ids": ids, "album_id": theirs["album_id"]},
        headers=account.headers,
    )
    assert into_theirs.status_code == 404
    no_album = client.post(
        "/api/v1/photos/bulk", json={"action": "move", "ids": ids}, headers=account.headers
    )
    assert no_album.status_code == 400 and no_album.json()["error"]["fields"] == {
        "album_id": "required"
    }

    moved = client.post(
        "/api/v1/photos/bulk",
        json={"action": "move", "ids": ids, "album_id": target["id"]},
        headers=account.headers,
    )
    assert moved.status_code == 200
    assert {p["album_id"] for p in moved.json()["items"]} == {target["id"]}
    page = client.get(f"/api/v1/albums/{target['id']}/photos", headers=account.headers).json()
    assert sorted(p["id"] for p in page["items"]) == sorted(ids)

    trashed = client.post(
        "/api/v1/photos/bulk", json={"action": "trash", "ids": ids[:3]}, headers=account.headers
    )
    assert trashed.status_code == 200
    page = client.get(f"/api/v1/albums/{target['id']}/photos", headers=account.headers).json()
    assert [p["id"] for p in page["items"]] == [ids[3]]
    albums = {a["id"]: a for a in client.get("/api/v1/albums", headers=account.headers).json()}
    assert albums[target["id"]]["photo_count"] == 1

    restored = client.post(
        "/api/v1/photos/bulk", json={"action": "restore", "ids": ids[:2]}, headers=account.headers
    )
    assert restored.status_code == 200
    page = client.get(f"/api/v1/albums/{target['id']}/photos", headers=account.headers).json()
    assert sorted(p["id"] for p in page["items"]) == sorted([ids[0], ids[1], ids[3]])


def test_trash_is_purged_after_thirty_days_and_emptied_on_request(api, client, app_context):
    account = api.register("papelera")
    album = api.create_album(account)
    old = api.upload(account, album["id"], name="vieja")
    recent = api.upload(account, album["id"], name="reciente")
    kept = api.upload(account, album["id"], name="guardada")
    for photo in (old, recent):
        assert (
            client.delete(f"/api/v1/photos/{photo['id']}", headers=account.headers).status_code
            == 204
        )
    with app_context.session_factory() as db:
        db.execute(
            update(Photo)
            .where(Photo.id == old["id"])
            .values(trashed_at=utcnow() - timedelta(days=31))
        )
        db.commit()
        old_keys = db.get(Photo, old["id"]).object_keys
    report = sweep_orphans(app_context, grace_seconds=3600, dry_run=False)
    assert report["trash_purged"] == 1
    assert client.get(f"/api/v1/photos/{old['id']}", headers=account.headers).status_code == 404
    assert not set(old_keys) & set(app_context.store.iter_keys(""))
    trash = client.get("/api/v1/trash", headers=account.headers).json()["items"]
    assert [p["id"] for p in trash] == [recent["id"]]

    emptied = client.delete("/api/v1/trash", headers=account.headers)
    assert emptied.json() == {"deleted": 1}
    assert client.get(f"/api/v1/photos/{recent['id']}", headers=account.headers).status_code == 404
    assert client.get(f"/api/v1/photos/{kept['id']}", headers=account.headers).status_code == 200


def test_a_retry_with_the_same_idempotency_key_returns_the_first_photo(api, client, app_context):
    account = api.register("reintento")
    album = api.create_album(account)
    data = api.distinct_jpeg()
    headers = {**account.headers, "Idempotency-Key": "upload-7f1c2a"}

    def send(key_headers: dict[str, str]):  # type: ignore[no-untyped-def]
        return client.post(
            f"/api/v1/albums/{album['id']}/photos",
            data={"name": "una vez"},
            files={"file": ("p.jpg", data, "image/jpeg")},
            headers=key_headers,
        )

    first = send(headers)
    assert first.status_code == 201 and "Idempotency-Replayed" not in first.headers
    before = _count_photos(app_context)
    retry = send(headers)
    assert retry.status_code == 201
    assert retry.headers["Idempotency-Replayed"] == "true"
    assert retry.json()["id"] == first.json()["id"]
    assert _count_photos(app_context) == before

    other_key = send({**account.headers, "Idempotency-Key": "another-key"})
    assert other_key.status_code == 409  # a new upload of the same bytes: a duplicate

    stranger = api.register("otro")  # keys are per user: theirs never answers with our photo
    their_album, their_data = api.create_album(stranger)["id"], api.distinct_jpeg()

    def send_theirs():  # type: ignore[no-untyped-def]
        return client.post(
            f"/api/v1/albums/{their_album}/photos",
            files={"file": ("p.jpg", their_data, "image/jpeg")},
            headers={**stranger.headers, "Idempotency-Key": "upload-7f1c2a"},
        )

    theirs = send_theirs()
    assert theirs.status_code == 201 and theirs.json()["id"] != first.json()["id"]
    their_retry = send_theirs()  # finds their own photo under the key both of us used
    assert their_retry.status_code == 201, their_retry.text
    assert their_retry.headers["Idempotency-Replayed"] == "true"
    assert their_retry.json()["id"] == theirs.json()["id"]
    with app_context.session_factory() as db:
        assert db.scalar(select(func.count()).select_from(IdempotencyKey)) == 2

    bad = send({**account.headers, "Idempotency-Key": "x" * 201})
    assert bad.status_code == 400 and bad.json()["error"]["code"] == "invalid_idempotency_key"


def test_bulk_refusals_say_what_is_wrong_and_change_nothing(api, client, app_context):
    """The whole error envelope of each bulk refusal: the ids that are not the user's (sorted,
    at most 20), the missing target album, and the profile album on either side of a move."""
    account = api.register("masivo")
    album = api.create_album(account, "Normal")
    profile = client.get("/api/v1/albums", headers=account.headers).json()[0]
    assert profile["kind"] == "profile"
    profile_photo = account.user["profile_photo_id"]
    ids = [api.upload(account, album["id"], name=f"m{n}")["id"] for n in range(2)]

    def bulk(body):  # type: ignore[no-untyped-def]
        return client.post("/api/v1/photos/bulk", json=body, headers=account.headers)

    absent = list(range(max(ids) + 1000, max(ids) + 1025))  # 25 ids no one has
    unknown = bulk({"action": "trash", "ids": [ids[0], *reversed(absent)]})
    assert unknown.status_code == 404
    assert unknown.json() == error_body(
        "photo_not_found",
        "Some of those photos do not exist.",
        {"ids": ",".join(str(i) for i in absent[:20])},
    )
    no_target = bulk({"action": "move", "ids": ids})
    assert no_target.status_code == 400
    assert no_target.json() == error_body(
        "validation_error", "Choose the album to move the photos to.", {"album_id": "required"}
    )
    into_profile = bulk({"action": "move", "ids": ids, "album_id": profile["id"]})
    assert (into_profile.status_code, into_profile.json()) == (403, PROFILE_LOCKED)
    out_of_profile = bulk({"action": "move", "ids": [profile_photo], "album_id": album["id"]})
    assert (out_of_profile.status_code, out_of_profile.json()) == (403, PROFILE_LOCKED)
    mixed = bulk({"action": "move", "ids": [ids[0], profile_photo], "album_id": album["id"]})
    assert (mixed.status_code, mixed.json()) == (403, PROFILE_LOCKED)

    with app_context.session_factory() as db:
        stored = {p.id: (p.album_id, p.trashed_at) for p in db.scalars(select(Photo))}
    assert stored[ids[0]] == (album["id"], None) and stored[ids[1]] == (album["id"], None)
    assert stored[profile_photo] == (profile["id"], None)


def test_the_trash_is_each_users_own_pages_by_cursor_and_empties_only_itself(
    api, client, app_context
):
    account = api.register("papelera2")
    album = api.create_album(account)
    ids = [api.upload(account, album["id"], name=f"t{n}")["id"] for n in range(4)]
    stranger = api.register("vecino")
    theirs = api.upload(stranger, api.create_album(stranger)["id"], name="suya")
    for owner, photo_ids in ((account, ids), (stranger, [theirs["id"]])):
        trashed = client.post(
            "/api/v1/photos/bulk", json={"action": "trash", "ids": photo_ids}, headers=owner.headers
        )
        assert trashed.status_code == 200

    def trash_page(owner, **params):  # type: ignore[no-untyped-def]
        response = client.get("/api/v1/trash", params=params, headers=owner.headers)
        assert response.status_code == 200, response.text
        body = response.json()
        return [p["id"] for p in body["items"]], body["next_cursor"]

    newest_first = sorted(ids, reverse=True)
    assert trash_page(account) == (newest_first, None)
    assert trash_page(stranger) == ([theirs["id"]], None)
    first, cursor = trash_page(account, limit=2)
    assert first == newest_first[:2] and cursor is not None
    second, end = trash_page(account, limit=2, cursor=cursor)
    assert (second, end) == (newest_first[2:], None)  # a full last page has no next cursor
    third, cursor = trash_page(account, limit=3)  # the cursor is the last photo, not the second
    assert third == newest_first[:3]
    assert trash_page(account, limit=3, cursor=cursor) == (newest_first[3:], None)
    assert trash_page(account, limit=1)[0] == newest_first[:1]  # the limits are inclusive
    assert trash_page(account, limit=200) == (newest_first, None)
    for limit in (0, 201):
        refused = client.get("/api/v1/trash", params={"limit": limit}, headers=account.headers)
        assert refused.status_code == 400
        assert refused.json() == error_body(
            "validation_error", "limit must be between 1 and 200.", {"limit": "1..200"}
        )

    emptied = client.delete("/api/v1/trash", headers=stranger.headers)
    assert emptied.json() == {"deleted": 1}
    assert trash_page(account) == (newest_first, None)  # ours is untouched
    assert client.delete("/api/v1/trash", headers=stranger.headers).json() == {"deleted": 0}
    with app_context.session_factory() as db:
        assert db.get(Photo, theirs["id"]) is None
        assert all(db.get(Photo, photo_id) is not None for photo_id in ids)


def test_keeping_a_photo_id_past_any_row_is_not_found(api, client):
    account = api.register("enorme")
    photo = api.upload(account, api.create_album(account)["id"])
    response = client.post(
        "/api/v1/duplicates/keep",
        json={"keep_id": 2**63, "trash_ids": [photo["id"]]},
        headers=account.headers,
    )
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "photo_not_found"
    assert (
        client.get(f"/api/v1/photos/{photo['id']}", headers=account.headers).json()["trashed_at"]
        is None
    )


def test_a_duplicate_points_to_the_oldest_copy_outside_the_trash(api, client, faces_dir):
    account = api.register("copias")
    album = api.create_album(account)
    data = (faces_dir / "leslie_1.jpg").read_bytes()
    first = api.upload(account, album["id"], data, name="primera")
    second = api.upload(account, album["id"], data, name="segunda", allow_duplicate=True)
    third = api.upload(account, album["id"], data, name="tercera", allow_duplicate=True)

    def existing() -> int:
        response = client.post(
            f"/api/v1/albums/{album['id']}/photos",
            files={"file": ("otra.jpg", data, "image/jpeg")},
            headers=account.headers,
        )
        assert response.status_code == 409
        return int(response.json()["error"]["existing"]["photo"]["id"])

    assert existing() == first["id"]
    client.delete(f"/api/v1/photos/{first['id']}", headers=account.headers)
    assert existing() == second["id"]  # the trashed first copy is not the one to show
    client.delete(f"/api/v1/photos/{second['id']}", headers=account.headers)
    assert existing() == third["id"]
    client.delete(f"/api/v1/photos/{third['id']}", headers=account.headers)
    assert existing() == first["id"]  # all in the trash: the oldest


def test_idempotency_keys_are_printable_ascii_up_to_their_limit(api, client):
    account = api.register("claves")
    album = api.create_album(account)

    def send(key: str | bytes):  # type: ignore[no-untyped-def]
        return client.post(
            f"/api/v1/albums/{album['id']}/photos",
            files={"file": ("p.jpg", api.distinct_jpeg(), "image/jpeg")},
            headers={**account.headers, "Idempotency-Key": key},
        )

    assert send("k" * IDEMPOTENCY_KEY_MAX).status_code == 201
    for key in ("k" * (IDEMPOTENCY_KEY_MAX + 1), "clé-1".encode(), b"tab\x7fkey", "   "):
        refused = send(key)
        assert refused.status_code == 400, key
        assert refused.json() == error_body(
            "invalid_idempotency_key",
            f"Idempotency-Key must be 1 to {IDEMPOTENCY_KEY_MAX} printable ASCII characters.",
            {"Idempotency-Key": "invalid"},
        ), key


def test_two_uploads_racing_with_one_idempotency_key_store_one_photo(api, client, app_context):
    """Both requests look the key up before either stores it (held at a barrier); the one that
    commits second finds the key taken and answers with the winner's photo, leaving nothing of
    its own behind."""
    account = api.register("carrera")
    album = api.create_album(account)
    data = api.distinct_jpeg()
    lookups = threading.Barrier(2, timeout=60)
    seen = {"count": 0}
    guard = threading.Lock()

    def hold_first_lookups(conn, cursor, statement, parameters, context, executemany):  # type: ignore[no-untyped-def]
        if "idempotency_keys" in statement and statement.lstrip().upper().startswith("SELECT"):
            with guard:
                seen["count"] += 1
                first_two = seen["count"] <= 2
            if first_two:
                lookups.wait()

    keys_before = sorted(app_context.store.iter_keys(""))
    answers: list[Any] = [None, None]

    def send(slot: int) -> None:
        answers[slot] = client.post(
            f"/api/v1/albums/{album['id']}/photos",
            files={"file": ("p.jpg", data, "image/jpeg")},
            headers={**account.headers, "Idempotency-Key": "race-7"},
        )

    event.listen(Engine, "after_cursor_execute", hold_first_lookups)
    try:
        threads = [threading.Thread(target=send, args=(slot,)) for slot in (0, 1)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(120)
    finally:
        event.remove(Engine, "after_cursor_execute", hold_first_lookups)
    assert [a.status_code for a in answers] == [201, 201], [a.text for a in answers]
    assert answers[0].json()["id"] == answers[1].json()["id"]
    assert sorted(a.headers.get("Idempotency-Replayed", "") for a in answers) == ["", "true"]
    with app_context.session_factory() as db:
        assert (
            db.scalar(select(func.count()).select_from(Photo).where(Photo.album_id == album["id"]))
            == 1
        )
    assert len(set(app_context.store.iter_keys("")) - set(keys_before)) == 3  # one photo's objects
