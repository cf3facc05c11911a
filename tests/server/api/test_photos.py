"""Photos: upload, list by pages, variants with ETag, edit, move, delete, bad input."""

from __future__ import annotations

import io

import pytest
from PIL import Image
from sqlalchemy import func, select, update

from server.jobs.models import Job
from server.photos.models import Photo
from tests.server.conftest import PROFILE_LOCKED, error_body


def _state(app_context):  # type: ignore[no-untyped-def]
    with app_context.session_factory() as db:
        photos = db.scalar(select(func.count()).select_from(Photo))
    return photos, sorted(app_context.store.iter_keys(""))


def test_upload_real_photo_and_fetch_variants(api, client, faces_dir):
    account = api.register("alba")
    album = api.create_album(account)
    data = (faces_dir / "obama_1.jpg").read_bytes()
    photo = api.upload(account, album["id"], data, name="Obama", description="Retrato oficial")
    assert (photo["name"], photo["description"], photo["content_type"]) == (
        "Obama",
        "Retrato oficial",
        "image/jpeg",
    )
    assert photo["width"] > 0 and photo["height"] > 0
    # Tagging is queued with the photo; this app runs no job worker, so it stays queued.
    assert photo["labels_state"] == "pending"

    original = client.get(
        f"/api/v1/photos/{photo['id']}/content?variant=original", headers=account.headers
    )
    assert original.status_code == 200
    assert original.headers["etag"] == f'"{photo["sha256"]}"'
    longest = {}
    for variant, limit in (("thumb", 256), ("preview", 1440)):
        response = client.get(
            f"/api/v1/photos/{photo['id']}/content?variant={variant}", headers=account.headers
        )
        assert response.status_code == 200
        image = Image.open(io.BytesIO(response.content))
        assert max(image.size) <= limit
        longest[variant] = max(image.size)
        cached = client.get(
            f"/api/v1/photos/{photo['id']}/content?variant={variant}",
            headers={**account.headers, "If-None-Match": response.headers["etag"]},
        )
        assert cached.status_code == 304
    assert longest["thumb"] == 256 < longest["preview"]  # the original is larger than both
    bad = client.get(f"/api/v1/photos/{photo['id']}/content?variant=huge", headers=account.headers)
    assert bad.status_code == 400


def test_name_defaults_to_file_name(api, client):
    account = api.register("beto")
    album = api.create_album(account)
    for data in ({}, {"name": ""}):
        response = client.post(
            f"/api/v1/albums/{album['id']}/photos",
            data=data,
            files={"file": ("atardecer en la playa.jpg", api.distinct_jpeg(), "image/jpeg")},
            headers=account.headers,
        )
        assert response.status_code == 201
        assert response.json()["name"] == "atardecer en la playa"
        assert response.json()["description"] == ""
    # a file name with nothing in its stem gives "Foto"; a long one is cut to the 100 allowed
    for filename, expected in (("   .jpg", "Foto"), ("n" * 150 + ".jpg", "n" * 100)):
        response = client.post(
            f"/api/v1/albums/{album['id']}/photos",
            files={"file": (filename, api.distinct_jpeg(), "image/jpeg")},
            headers=account.headers,
        )
        assert response.status_code == 201, response.text
        assert response.json()["name"] == expected


def test_pages_follow_the_cursor_newest_first(api, client):
    account = api.register("cata")
    album = api.create_album(account)
    ids = [api.upload(account, album["id"], name=f"p{n}")["id"] for n in range(5)]
    seen: list[int] = []
    cursor = None
    for _page in range(10):  # 5 photos in pages of 2: a cursor that never ends fails below
        params = {"limit": 2} | ({"cursor": cursor} if cursor else {})
        page = client.get(
            f"/api/v1/albums/{album['id']}/photos", params=params, headers=account.headers
        ).json()
        seen += [item["id"] for item in page["items"]]
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert cursor is None and _page == 2
    assert seen == sorted(ids, reverse=True)

    def page_of(**params):  # type: ignore[no-untyped-def]
        body = client.get(
            f"/api/v1/albums/{album['id']}/photos", params=params, headers=account.headers
        ).json()
        return [item["id"] for item in body["items"]], body["next_cursor"]

    first, cursor = page_of(limit=3)  # the cursor is the page's last photo, not its second
    assert first == sorted(ids, reverse=True)[:3]
    assert page_of(limit=3, cursor=cursor) == (sorted(ids, reverse=True)[3:], None)
    assert page_of(limit=5) == (sorted(ids, reverse=True), None)  # exactly full: no next page
    for params in ({"limit": 0}, {"limit": 100000}, {"cursor": "garbage!"}):
        response = client.get(
            f"/api/v1/albums/{album['id']}/photos", params=params, headers=account.headers
        )
        assert response.status_code == 400, params


def test_edit_and_move_between_own_albums(api, client):
    account = api.register("dani")
    first, second = api.create_album(account, "Uno"), api.create_album(account, "Dos")
    photo = api.upload(account, first["id"])
    response = client.patch(
        f"/api/v1/photos/{photo['id']}",
        json={"name": "Nuevo nombre", "description": "Otra descripción", "album_id": second["id"]},
        headers=account.headers,
    )
    assert response.status_code == 200, response.text
    assert (
        response.json()["name"],
        response.json()["description"],
        response.json()["album_id"],
    ) == ("Nuevo nombre", "Otra descripción", second["id"])
    profile = client.get("/api/v1/albums", headers=account.headers).json()[0]
    into_profile = client.patch(
        f"/api/v1/photos/{photo['id']}", json={"album_id": profile["id"]}, headers=account.headers
    )
    assert into_profile.status_code == 403
    out_of_profile = client.patch(
        f"/api/v1/photos/{account.user['profile_photo_id']}",
        json={"album_id": first["id"]},
        headers=account.headers,
    )
    assert out_of_profile.status_code == 403
    empty = client.patch(
        f"/api/v1/photos/{photo['id']}", json={"name": ""}, headers=account.headers
    )
    assert empty.status_code == 400
    too_long = client.patch(
        f"/api/v1/photos/{photo['id']}", json={"description": "d" * 256}, headers=account.headers
    )
    assert too_long.status_code == 400
    assert (
        client.get(f"/api/v1/photos/{photo['id']}", headers=account.headers).json()["name"]
        == "Nuevo nombre"
    )


def test_delete_moves_to_trash_and_emptying_it_removes_objects(api, client, app_context):
    account = api.register("eva")
    album = api.create_album(account)
    photo = api.upload(account, album["id"])
    before = set(app_context.store.iter_keys(""))
    assert (
        client.delete(f"/api/v1/photos/{photo['id']}", headers=account.headers).status_code == 204
    )
    assert set(app_context.store.iter_keys("")) == before  # in the trash: nothing removed yet
    listed = client.get(f"/api/v1/albums/{album['id']}/photos", headers=account.headers).json()
    assert listed["items"] == []
    trash = client.get("/api/v1/trash", headers=account.headers).json()
    assert [item["id"] for item in trash["items"]] == [photo["id"]]
    assert trash["items"][0]["trashed_at"] is not None
    emptied = client.delete("/api/v1/trash", headers=account.headers)
    assert emptied.status_code == 200 and emptied.json() == {"deleted": 1}
    assert len(before - set(app_context.store.iter_keys(""))) == 3
    assert client.get(f"/api/v1/photos/{photo['id']}", headers=account.headers).status_code == 404
    assert (
        client.delete(f"/api/v1/photos/{photo['id']}", headers=account.headers).status_code == 404
    )


def _png(size: tuple[int, int]) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, "white").save(out, "PNG")
    return out.getvalue()


def _bomb_png() -> bytes:
    """A valid PNG header declaring 40000×40000 px (the pixel data is never needed to refuse it)."""
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data))
            + kind
            + data
            + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
        )

    header = struct.pack(">IIBBBBB", 40000, 40000, 8, 2, 0, 0, 0)
    row = b"\x00" + b"\x00" * 40000 * 3
    compressed = zlib.compress(row * 8, 9)  # a few rows are enough to be a plausible file
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", compressed)
        + chunk(b"IEND", b"")
    )


@pytest.mark.parametrize(
    ("payload", "status", "code"),
    [
        ("text", 415, "unsupported_media_type"),
        ("truncated", 422, "image_unreadable"),
        ("tiny", 422, "image_too_small"),
        ("bomb", 413, "image_too_large"),
        ("oversized", 413, "file_too_large"),
    ],
)
def test_bad_uploads_change_nothing(api, client, app_context, payload, status, code):
    account = api.register("fabi")
    album = api.create_album(account)
    app_context.settings.max_upload_bytes = 2_000_000
    data = {
        "text": b"GIF89a? no, this is plain text pretending to be a jpeg",
        "truncated": api._photo[: len(api._photo) // 2],
        "tiny": _png((1, 1)),
        "bomb": _bomb_png(),
        "oversized": b"\xff\xd8\xff" + b"\0" * 2_100_000,
    }[payload]
    before = _state(app_context)
    response = client.post(
        f"/api/v1/albums/{album['id']}/photos",
        data={"name": "x"},
        files={"file": ("photo.jpg", data, "image/jpeg")},
        headers=account.headers,
    )
    assert response.status_code == status, response.text
    assert response.json()["error"]["code"] == code
    assert list(response.json()["error"]["fields"]) == ["file"]
    assert _state(app_context) == before


def test_upload_field_validation(api, client, app_context):
    account = api.register("gala")
    album = api.create_album(account)
    before = _state(app_context)

    def refused(message: str, field: str, why: str) -> dict[str, object]:
        return error_body("validation_error", message, {field: why})

    cases = [
        ({"name": "   "}, refused("The photo name cannot be empty.", "name", "required")),
        (
            {"name": "n" * 101},
            refused(
                "The photo name can be at most 100 characters.", "name", "at most 100 characters"
            ),
        ),
        (
            {"name": "ok", "description": "d" * 256},
            refused(
                "The description can be at most 255 characters.",
                "description",
                "at most 255 characters",
            ),
        ),
    ]
    for data, expected in cases:
        response = client.post(
            f"/api/v1/albums/{album['id']}/photos",
            data=data,
            files={"file": ("p.jpg", api._photo, "image/jpeg")},
            headers=account.headers,
        )
        assert response.status_code == 400
        assert response.json() == expected
    missing = client.post(
        f"/api/v1/albums/{album['id']}/photos", data={"name": "x"}, headers=account.headers
    )
    assert missing.status_code == 400
    assert "file" in missing.json()["error"]["fields"]
    assert _state(app_context) == before


def test_sql_metacharacters_and_emoji_survive(api, client):
    account = api.register("hana")
    album = api.create_album(account)
    name = "'; DELETE FROM photos; -- 📸"
    photo = api.upload(
        account, album["id"], name=name, description='"quoted" \\ back\\slash 😀\nsecond line'
    )
    fetched = client.get(f"/api/v1/photos/{photo['id']}", headers=account.headers).json()
    assert fetched["name"] == name
    assert fetched["description"] == '"quoted" \\ back\\slash 😀\nsecond line'


def test_photo_reads_need_a_live_session_whether_or_not_the_photo_exists(api, client):
    """A closed session is told to log in again (401), never "not found", on the hot reads."""
    account = api.register("cerrada")
    album = api.create_album(account)
    photo = api.upload(account, album["id"])
    assert client.post("/api/v1/auth/logout", headers=account.headers).status_code == 204
    expired = {
        "error": {
            "code": "invalid_token",
            "message": "Your session has expired or was closed. Log in again.",
        }
    }
    for path in (
        f"/api/v1/photos/{photo['id']}",
        f"/api/v1/photos/{photo['id'] + 1000}",
        f"/api/v1/albums/{album['id']}/photos",
        f"/api/v1/albums/{album['id'] + 1000}/photos",
    ):
        response = client.get(path, headers=account.headers)
        assert (response.status_code, response.json()) == (401, expired), path


def test_hot_reads_answer_json_with_labels_always_a_list(api, client):
    account = api.register("etiquetas")
    album = api.create_album(account)
    photo = api.upload(account, album["id"])
    for path in (f"/api/v1/photos/{photo['id']}", f"/api/v1/albums/{album['id']}/photos"):
        response = client.get(path, headers=account.headers)
        assert response.status_code == 200
        assert response.headers["content-type"] == "application/json"
        body = response.json()
        shown = body if "items" not in body else body["items"][0]
        assert shown["labels"] == [] and shown["labels_state"] == "pending"


def test_every_answer_shows_the_photo_the_same_way(api, client, app_context):
    """Upload, rename and bulk answers carry every field GET shows: EXIF date and camera, tags
    and the text read in the image (set here as a finished tagging job leaves them)."""
    account = api.register("campos")
    album = api.create_album(account)
    exif = Image.Exif()
    exif[0x0110] = "Pixel 7"  # Model
    exif.get_ifd(0x8769)[0x9003] = "2024:05:17 18:30:00"  # DateTimeOriginal
    buffer = io.BytesIO()
    Image.new("RGB", (64, 48), (200, 120, 40)).save(buffer, format="JPEG", exif=exif)
    uploaded = api.upload(account, album["id"], buffer.getvalue(), name="Con datos")
    assert uploaded["camera"] == "Pixel 7" and uploaded["taken_at"].startswith("2024-05-17T18:30")
    exif[0x0110] = "M" * 250  # a camera model longer than the column: kept to its 200 characters
    long_model = io.BytesIO()
    Image.new("RGB", (64, 48), (20, 120, 40)).save(long_model, format="JPEG", exif=exif)
    assert api.upload(account, album["id"], long_model.getvalue())["camera"] == "M" * 200
    with app_context.session_factory() as db:
        db.execute(
            update(Photo)
            .where(Photo.id == uploaded["id"])
            .values(
                labels=[{"name": "Dog", "confidence": 97.5, "names": {"es": "Perro", "en": "Dog"}}],
                labels_state="done",
                ocr_text="SE VENDE",
            )
        )
        db.commit()
    renamed = client.patch(
        f"/api/v1/photos/{uploaded['id']}", json={"name": "Perro"}, headers=account.headers
    )
    assert renamed.status_code == 200
    shown = client.get(f"/api/v1/photos/{uploaded['id']}", headers=account.headers).json()
    assert renamed.json() == shown
    assert shown["labels"] == [
        {"name": "Dog", "confidence": 97.5, "names": {"es": "Perro", "en": "Dog"}}
    ]
    assert (shown["image_text"], shown["camera"]) == ("SE VENDE", "Pixel 7")
    trashed = client.post(
        "/api/v1/photos/bulk", json={"action": "trash", "ids": [uploaded["id"]]},
        headers=account.headers,
    )  # fmt: skip
    (item,) = trashed.json()["items"]
    assert {k: v for k, v in item.items() if k not in ("trashed_at", "updated_at")} == {
        k: v for k, v in shown.items() if k not in ("trashed_at", "updated_at")
    }


def test_nothing_is_uploaded_into_the_profile_album(api, client, app_context):
    account = api.register("perfil")
    profile = client.get("/api/v1/albums", headers=account.headers).json()[0]
    assert profile["kind"] == "profile"
    before = _state(app_context)
    response = client.post(
        f"/api/v1/albums/{profile['id']}/photos",
        files={"file": ("p.jpg", api.distinct_jpeg(), "image/jpeg")},
        headers=account.headers,
    )
    assert (response.status_code, response.json()) == (403, PROFILE_LOCKED)
    assert _state(app_context) == before


@pytest.mark.parametrize(
    ("settings_overrides", "state", "kinds"),
    [
        ({}, "pending", ["index_faces", "tag_photo"]),
        ({"labels_engine": "none"}, "none", ["index_faces"]),
        ({"face_indexing": False}, "pending", ["tag_photo"]),
        ({"face_engine": "none"}, "pending", ["tag_photo"]),
    ],
)
def test_an_upload_queues_the_work_the_settings_ask_for(api, app_context, state, kinds):
    account = api.register("colas")
    photo = api.upload(account, api.create_album(account)["id"])
    assert photo["labels_state"] == state
    with app_context.session_factory() as db:
        queued = db.execute(select(Job.kind, Job.photo_id).where(Job.photo_id == photo["id"]))
        assert sorted(queued) == [(kind, photo["id"]) for kind in kinds]
