"""Albums: create, list with counts, rename, delete with photos; the locked profile album."""

from __future__ import annotations

import pytest


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
        assert response.status_code == 403
        assert response.json()["error"]["code"] == "profile_album_locked"
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
        error = response.json()["error"]
        assert (error["code"], error["fields"]) == ("album_name_taken", {"name": "taken"})
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
    response = client.patch(
        "/api/v1/me",
        data={"current_password": account.password},
        files={"photo": ("new.jpg", (faces_dir / "biden_1.jpg").read_bytes(), "image/jpeg")},
        headers=account.headers,
    )
    assert response.status_code == 200, response.text
    albums = client.get("/api/v1/albums", headers=account.headers).json()
    assert [(a["kind"], a["name"], a["photo_count"]) for a in albums] == [
        ("profile", "Fotos de perfil", 2),
        ("regular", "Amigos", 0),
    ]
    assert albums[1]["id"] == regular["id"]
