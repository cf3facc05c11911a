"""A second user can neither see nor touch the first user's albums and photos: always 404."""

from __future__ import annotations

from tests.server.conftest import error_body


def test_other_users_resources_are_not_found(api, client, app_context):
    owner = api.register("owner")
    intruder = api.register("intruder")
    album = api.create_album(owner, "Privado")
    photo = api.upload(owner, album["id"])
    keys_before = sorted(app_context.store.iter_keys(""))

    album_404 = error_body("album_not_found", "That album does not exist.")
    photo_404 = error_body("photo_not_found", "That photo does not exist.")
    attempts = [
        ("GET", f"/api/v1/albums/{album['id']}", None, album_404),
        ("GET", f"/api/v1/albums/{album['id']}/photos", None, album_404),
        ("PATCH", f"/api/v1/albums/{album['id']}", {"name": "Mío"}, album_404),
        ("DELETE", f"/api/v1/albums/{album['id']}", None, album_404),
        ("GET", f"/api/v1/photos/{photo['id']}", None, photo_404),
        ("GET", f"/api/v1/photos/{photo['id']}/content?variant=original", None, photo_404),
        ("GET", f"/api/v1/photos/{photo['id']}/content?variant=thumb", None, photo_404),
        ("PATCH", f"/api/v1/photos/{photo['id']}", {"name": "Mío"}, photo_404),
        ("DELETE", f"/api/v1/photos/{photo['id']}", None, photo_404),
        ("GET", f"/api/v1/photos/{owner.user['profile_photo_id']}/content", None, photo_404),
    ]
    for method, path, body, answer in attempts:
        response = client.request(method, path, json=body, headers=intruder.headers)
        assert response.status_code == 404, (method, path, response.text)
        assert response.json() == answer, (method, path)

    upload_into = client.post(
        f"/api/v1/albums/{album['id']}/photos",
        files={"file": ("p.jpg", api._photo, "image/jpeg")},
        headers=intruder.headers,
    )
    assert upload_into.status_code == 404
    own_album = api.create_album(intruder, "Mío")
    steal = client.patch(
        f"/api/v1/photos/{photo['id']}",
        json={"album_id": own_album["id"]},
        headers=intruder.headers,
    )
    assert steal.status_code == 404
    move_into_theirs = api.upload(intruder, own_album["id"])
    push = client.patch(
        f"/api/v1/photos/{move_into_theirs['id']}",
        json={"album_id": album["id"]},
        headers=intruder.headers,
    )
    assert push.status_code == 404

    assert (
        client.get(f"/api/v1/photos/{photo['id']}", headers=owner.headers).json()["name"] == "Playa"
    )
    assert [a["name"] for a in client.get("/api/v1/albums", headers=intruder.headers).json()] == [
        "Fotos de perfil",
        "Mío",
    ]
    assert set(keys_before) <= set(app_context.store.iter_keys(""))


def test_a_new_profile_photo_goes_into_its_owners_profile_album(api, client, faces_dir):
    first = api.register("primero")
    second = api.register("segundo")
    response = api.change_profile_photo(second, (faces_dir / "biden_1.jpg").read_bytes())
    assert response.status_code == 200, response.text
    new_photo_id = response.json()["profile_photo_id"]
    assert new_photo_id != second.user["profile_photo_id"]
    for account, count, cover in (
        (first, 1, first.user["profile_photo_id"]),
        (second, 2, new_photo_id),
    ):
        albums = client.get("/api/v1/albums", headers=account.headers).json()
        assert [(a["name"], a["photo_count"], a["cover_photo_id"]) for a in albums] == [
            ("Fotos de perfil", count, cover)
        ]
