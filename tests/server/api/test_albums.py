"""Albums: create, list with counts, rename, delete with photos; the locked profile album."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from tests.server.conftest import PROFILE_LOCKED


def _listed(client, account):  # type: ignore[no-untyped-def]
    """The album list as (name, kind, photo_count, cover_photo_id) rows."""
    response = client.get("/api/v1/albums", headers=account.headers)
    assert response.status_code == 200, response.text
    return [(a["name"], a["kind"], a["photo_count"], a["cover_photo_id"]) for a in response.json()]


def test_album_list_order_counts_and_covers(api, client):
    """What the album list shows: "Fotos de perfil" first, then by name ignoring case; each count
    and cover from the album's own photos outside the trash, the newest one the cover.

    Kept first in this file: the album queries are built once, at import, and mutmut credits
    code run at import to the first test only."""
    owner = api.register("irene")
    zoo = api.create_album(owner, "Zoo")
    amigos = api.create_album(owner, "amigos")
    bosque = api.create_album(owner, "Bosque")
    api.upload(owner, amigos["id"])
    second = api.upload(owner, amigos["id"])
    newest = api.upload(owner, amigos["id"])
    only = api.upload(owner, bosque["id"])
    for photo in (newest, only):
        trashed = client.delete(f"/api/v1/photos/{photo['id']}", headers=owner.headers)
        assert trashed.status_code == 204
    # Another user's album of the same name, with a newer photo: it counts for them only.
    other = api.register("jaime")
    theirs = api.create_album(other, "Amigos")
    their_photo = api.upload(other, theirs["id"])

    listed = client.get("/api/v1/albums", headers=owner.headers).json()
    assert [(a["name"], a["kind"], a["photo_count"], a["cover_photo_id"]) for a in listed] == [
        ("Fotos de perfil", "profile", 1, owner.user["profile_photo_id"]),
        ("amigos", "regular", 2, second["id"]),
        ("Bosque", "regular", 0, None),
        ("Zoo", "regular", 0, None),
    ]
    assert [a["id"] for a in listed[1:]] == [amigos["id"], bosque["id"], zoo["id"]]
    for album in listed:  # one album reads the same as in the list
        one = client.get(f"/api/v1/albums/{album['id']}", headers=owner.headers)
        assert (one.status_code, one.json()) == (200, album)
    assert _listed(client, other) == [
        ("Fotos de perfil", "profile", 1, other.user["profile_photo_id"]),
        ("Amigos", "regular", 1, their_photo["id"]),
    ]


def test_create_list_rename_delete(api, client, app_context):
    account = api.register("olga")
    album = api.create_album(account, "Vacaciones 2024")
    assert (album["name"], album["kind"], album["photo_count"], album["cover_photo_id"]) == (
        "Vacaciones 2024",
        "regular",
        0,
        None,
    )
    photo = api.upload(account, album["id"])
    listed = {a["name"]: a for a in client.get("/api/v1/albums", headers=account.headers).json()}
    assert listed["Vacaciones 2024"]["photo_count"] == 1
    assert listed["Vacaciones 2024"]["cover_photo_id"] == photo["id"]

    renamed = client.patch(
        f"/api/v1/albums/{album['id']}", json={"name": "Verano"}, headers=account.headers
    )
    assert renamed.status_code == 200
    assert renamed.json()["name"] == "Verano"

    keys_before = set(app_context.store.iter_keys(""))
    assert (
        client.delete(f"/api/v1/albums/{album['id']}", headers=account.headers).status_code == 204
    )
    assert client.get(f"/api/v1/photos/{photo['id']}", headers=account.headers).status_code == 404
    assert len(keys_before - set(app_context.store.iter_keys(""))) == 3
    assert [a["kind"] for a in client.get("/api/v1/albums", headers=account.headers).json()] == [
        "profile"
    ]


def test_albums_are_stored_with_their_kind(api, client, app_context):
    account = api.register("olivia")
    album = api.create_album(account, "Fiestas")
    with app_context.session_factory() as db:
        stored = db.execute(
            text("SELECT id, name, kind FROM albums WHERE user_id = :id ORDER BY id"),
            {"id": account.user["id"]},
        ).all()
    profile_id = stored[0][0]
    assert [tuple(row) for row in stored] == [
        (profile_id, "Fotos de perfil", "profile"),
        (album["id"], "Fiestas", "regular"),
    ]


def test_the_album_list_needs_a_live_session(api, client):
    account = api.register("lidia")
    assert client.post("/api/v1/auth/logout", headers=account.headers).status_code == 204
    for headers in (account.headers, {"Authorization": "Bearer never-issued"}):
        response = client.get("/api/v1/albums", headers=headers)
        assert response.status_code == 401
        assert response.json() == {
            "error": {
                "code": "invalid_token",
                "message": "Your session has expired or was closed. Log in again.",
            }
        }


def test_an_account_without_albums_gets_its_profile_album_back(api, client, app_context, faces_dir):
    """A user whose albums are all gone (the profile album too, say after a partial restore)
    lists none; the next profile photo makes "Fotos de perfil" again instead of being lost."""
    account = api.register("marta")
    with app_context.session_factory() as db:
        db.execute(text("DELETE FROM albums WHERE user_id = :id"), {"id": account.user["id"]})
        db.commit()
    empty = client.get("/api/v1/albums", headers=account.headers)
    assert (empty.status_code, empty.json()) == (200, [])
    amigos = api.create_album(account, "Amigos")
    response = api.change_profile_photo(account, (faces_dir / "biden_1.jpg").read_bytes())
    assert response.status_code == 200, response.text
    albums = client.get("/api/v1/albums", headers=account.headers).json()
    assert [(a["name"], a["kind"], a["photo_count"], a["cover_photo_id"]) for a in albums] == [
        ("Fotos de perfil", "profile", 1, response.json()["profile_photo_id"]),
        ("Amigos", "regular", 0, None),
    ]
    assert albums[1]["id"] == amigos["id"]


def test_deleting_an_album_keeps_the_users_other_photos(api, client, app_context):
    account = api.register("nuria")
    gone = api.create_album(account, "Viejo")
    kept = api.create_album(account, "Nuevo")
    kept_photo = api.upload(account, kept["id"])
    keys_before = set(app_context.store.iter_keys(""))
    gone_photo = api.upload(account, gone["id"])
    assert len(set(app_context.store.iter_keys("")) - keys_before) == 3

    assert client.delete(f"/api/v1/albums/{gone['id']}", headers=account.headers).status_code == 204
    # Exactly the deleted photo's objects are gone; the other photos keep theirs.
    assert set(app_context.store.iter_keys("")) == keys_before
    assert _listed(client, account) == [
        ("Fotos de perfil", "profile", 1, account.user["profile_photo_id"]),
        ("Nuevo", "regular", 1, kept_photo["id"]),
    ]
    gone_read = client.get(f"/api/v1/photos/{gone_photo['id']}", headers=account.headers)
    assert gone_read.status_code == 404
    for photo_id in (kept_photo["id"], account.user["profile_photo_id"]):
        content = client.get(
            f"/api/v1/photos/{photo_id}/content?variant=original", headers=account.headers
        )
        assert content.status_code == 200


def test_an_empty_album_has_an_empty_page_of_photos(api, client):
    account = api.register("ofelia")
    album = api.create_album(account, "Vacío")
    response = client.get(f"/api/v1/albums/{album['id']}/photos", headers=account.headers)
    assert (response.status_code, response.json()) == (200, {"items": [], "next_cursor": None})


def test_names_are_unique_per_user_ignoring_case(api, client):
    account = api.register("pablo")
    api.create_album(account, "Familia")
    duplicate = client.post("/api/v1/albums", json={"name": "FAMILIA"}, headers=account.headers)
    assert duplicate.status_code == 409
    assert duplicate.json()["error"]["code"] == "album_name_taken"
    reserved = client.post(
        "/api/v1/albums", json={"name": "fotos de perfil"}, headers=account.headers
    )
    assert reserved.status_code == 409
    other = api.register("quique")
    assert (
        client.post("/api/v1/albums", json={"name": "Familia"}, headers=other.headers).status_code
        == 201
    )


@pytest.mark.parametrize(
    ("name", "ok"),
    [
        ("", False),
        ("   ", False),
        ("x" * 46, False),
        ("x" * 45, True),
        ("Robert'); DROP TABLE albums;--", True),
        ("Cumpleaños 🎂🎉", True),
        ("tab\tname", False),
    ],
)
def test_album_name_validation(api, client, name, ok):
    account = api.register("rosa")
    response = client.post("/api/v1/albums", json={"name": name}, headers=account.headers)
    if ok:
        assert response.status_code == 201, response.text
        assert response.json()["name"] == name
    else:
        assert response.status_code == 400
        assert response.json()["error"]["fields"]["name"]
        assert len(client.get("/api/v1/albums", headers=account.headers).json()) == 1


def test_a_name_whose_case_folded_key_is_longer_is_kept(api, client):
    """Names are unique by their case-folded key, and case-folding writes some letters as three
    (ﬃ as "ffi"): a 45-letter name may have a 135-letter key (on MariaDB this was a 500)."""
    account = api.register("fiona")
    ffi, ffl = "\ufb03" * 45, "\ufb04" * 45
    created = client.post("/api/v1/albums", json={"name": ffi}, headers=account.headers)
    assert (created.status_code, created.json()["name"]) == (201, ffi)
    other = api.create_album(account, "Otro")
    renamed = client.patch(
        f"/api/v1/albums/{other['id']}", json={"name": ffl}, headers=account.headers
    )
    assert (renamed.status_code, renamed.json()["name"]) == (200, ffl)
    again = client.post("/api/v1/albums", json={"name": ffi}, headers=account.headers)
    assert (again.status_code, again.json()["error"]["code"]) == (409, "album_name_taken")
    assert [name for name, *_ in _listed(client, account)] == ["Fotos de perfil", ffi, ffl]


def test_emoji_names_are_distinct(api, client):
    account = api.register("sara")
    assert (
        client.post("/api/v1/albums", json={"name": "🎂"}, headers=account.headers).status_code
        == 201
    )
    assert (
        client.post("/api/v1/albums", json={"name": "🎉"}, headers=account.headers).status_code
        == 201
    )


def test_missing_name_field(api, client):
    account = api.register("tomas")
    response = client.post("/api/v1/albums", json={}, headers=account.headers)
    assert response.status_code == 400
    assert "name" in response.json()["error"]["fields"]


def test_profile_album_is_locked(api, client):
    account = api.register("ursula")
    profile = client.get("/api/v1/albums", headers=account.headers).json()[0]
    for response in (
        client.patch(
            f"/api/v1/albums/{profile['id']}", json={"name": "Otro"}, headers=account.headers
        ),
        client.delete(f"/api/v1/albums/{profile['id']}", headers=account.headers),
        client.post(
            f"/api/v1/albums/{profile['id']}/photos",
            files={"file": ("a.jpg", api._photo, "image/jpeg")},
            data={"name": "x"},
            headers=account.headers,
        ),
    ):
        assert (response.status_code, response.json()) == (403, PROFILE_LOCKED)
    after = client.get("/api/v1/albums", headers=account.headers).json()
    assert [(a["id"], a["name"], a["photo_count"]) for a in after] == [
        (profile["id"], "Fotos de perfil", 1)
    ]
    photos = client.get(f"/api/v1/albums/{profile['id']}/photos", headers=account.headers).json()
    assert len(photos["items"]) == 1 and photos["items"][0]["name"] != "x"


def test_unknown_and_out_of_range_ids(api, client):
    account = api.register("victor")
    answers = {}
    for album_id in ("999999", "99999999999999999999", "abc", "0"):
        response = client.get(f"/api/v1/albums/{album_id}", headers=account.headers)
        answers[album_id] = (response.status_code, response.json()["error"]["code"])
    assert answers == {
        "999999": (404, "album_not_found"),
        "99999999999999999999": (400, "validation_error"),
        "abc": (400, "validation_error"),
        "0": (400, "validation_error"),
    }
    unknown = client.get("/api/v1/albums/999999", headers=account.headers)
    assert unknown.json() == {
        "error": {"code": "album_not_found", "message": "That album does not exist."}
    }


def test_moving_a_photo_to_an_album_id_past_the_row_range_is_not_found(api, client):
    account = api.register("valeria")
    album = api.create_album(account, "Casa")
    photo = api.upload(account, album["id"])
    for album_id in (2**31, 10**20, 0, -1):
        response = client.patch(
            f"/api/v1/photos/{photo['id']}", json={"album_id": album_id}, headers=account.headers
        )
        assert (response.status_code, response.json()["error"]["code"]) == (
            404,
            "album_not_found",
        ), album_id
    moved = client.get(f"/api/v1/photos/{photo['id']}", headers=account.headers).json()
    assert moved["album_id"] == album["id"]


def test_an_empty_name_is_refused_on_create_and_rename(api, client):
    account = api.register("elena")
    album = api.create_album(account, "Boda")
    for response in (
        client.post("/api/v1/albums", json={"name": "  "}, headers=account.headers),
        client.patch(f"/api/v1/albums/{album['id']}", json={"name": ""}, headers=account.headers),
        client.patch(
            f"/api/v1/albums/{album['id']}", json={"name": " \u00a0 "}, headers=account.headers
        ),
    ):
        assert response.status_code == 400
        assert response.json() == {
            "error": {
                "code": "validation_error",
                "message": "The album name cannot be empty.",
                "fields": {"name": "required"},
            }
        }
    assert _listed(client, account) == [
        ("Fotos de perfil", "profile", 1, account.user["profile_photo_id"]),
        ("Boda", "regular", 0, None),
    ]


def test_a_taken_name_is_reported_on_the_name_field(api, client):
    account = api.register("wanda")
    api.create_album(account, "Familia")
    other = api.create_album(account, "Otro")
    for response in (
        client.post("/api/v1/albums", json={"name": "familia"}, headers=account.headers),
        client.patch(
            f"/api/v1/albums/{other['id']}", json={"name": "FAMILIA"}, headers=account.headers
        ),
    ):
        assert response.status_code == 409
        assert response.json() == {
            "error": {
                "code": "album_name_taken",
                "message": "You already have an album with that name.",
                "fields": {"name": "taken"},
            }
        }
    # Renaming an album to its own name (another case) is no conflict with itself.
    same = client.patch(
        f"/api/v1/albums/{other['id']}", json={"name": "OTRO"}, headers=account.headers
    )
    assert same.status_code == 200 and same.json()["name"] == "OTRO"


def test_trashed_photos_leave_the_album_count_and_cover(api, client):
    account = api.register("xenia")
    album = api.create_album(account, "Playa")
    first = api.upload(account, album["id"])
    second = api.upload(account, album["id"])
    trashed = client.delete(f"/api/v1/photos/{second['id']}", headers=account.headers)
    assert trashed.status_code == 204
    listed = {a["id"]: a for a in client.get("/api/v1/albums", headers=account.headers).json()}
    one = client.get(f"/api/v1/albums/{album['id']}", headers=account.headers).json()
    for shown in (listed[album["id"]], one):
        assert (shown["photo_count"], shown["cover_photo_id"]) == (1, first["id"])


def test_a_new_profile_photo_goes_into_the_profile_album_only(api, client, faces_dir):
    account = api.register("yago")
    regular = api.create_album(account, "Amigos")
    response = api.change_profile_photo(account, (faces_dir / "biden_1.jpg").read_bytes())
    assert response.status_code == 200, response.text
    albums = client.get("/api/v1/albums", headers=account.headers).json()
    assert [(a["kind"], a["name"], a["photo_count"]) for a in albums] == [
        ("profile", "Fotos de perfil", 2),
        ("regular", "Amigos", 0),
    ]
    assert albums[1]["id"] == regular["id"]
