"""The HTTP client against a real server process: every contract endpoint it can reach."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image

from desktop.api import (
    ApiClient,
    Conflict,
    ConnectionFailed,
    NotAuthenticated,
    NotFound,
    SessionExpired,
    UnsupportedMedia,
    ValidationFailed,
)
from desktop.api.errors import ApiError, Forbidden
from desktop.api.models import FaceStatus, Label

PASSWORD = "Very-secret-42"


def register(server_url: str, unique: str, photo: Path) -> ApiClient:
    client = ApiClient(server_url)
    client.register(
        username=f"ana_{unique}",
        email=f"ana_{unique}@example.com",
        full_name="Ana Pérez",
        password=PASSWORD,
        password_confirm=PASSWORD,
        photo=photo,
    )
    return client


def test_check_and_info(server_url: str) -> None:
    client = ApiClient(server_url)
    assert client.check() is True
    info = client.info()
    assert "version" in info


def test_register_signs_in_and_creates_the_profile_album(
    server_url: str, unique: str, fixture_photo: Path
) -> None:
    client = ApiClient(server_url)
    result = client.register(
        username=f"ana_{unique}",
        email=f"ana_{unique}@example.com",
        full_name="Ana Pérez",
        password=PASSWORD,
        password_confirm=PASSWORD,
        photo=fixture_photo,
    )
    assert client.token == result.token
    me = client.me()
    assert me.username == f"ana_{unique}" and me.full_name == "Ana Pérez"
    albums = client.albums()
    profile = [a for a in albums if a.is_profile]
    assert len(profile) == 1 and profile[0].photo_count == 1
    assert client.profile_photo(me)[:3] == b"\xff\xd8\xff"


def test_duplicate_username_is_a_conflict_with_a_message(
    server_url: str, unique: str, fixture_photo: Path
) -> None:
    register(server_url, unique, fixture_photo)
    with pytest.raises(Conflict) as caught:
        ApiClient(server_url).register(
            username=f"ana_{unique}",
            email=f"other_{unique}@example.com",
            password=PASSWORD,
            password_confirm=PASSWORD,
            photo=fixture_photo,
        )
    assert caught.value.code == "username_taken"
    assert caught.value.message


def test_mismatched_passwords_report_the_field(
    server_url: str, unique: str, fixture_photo: Path
) -> None:
    with pytest.raises(ValidationFailed) as caught:
        ApiClient(server_url).register(
            username=f"bo_{unique}",
            email=f"bo_{unique}@example.com",
            password=PASSWORD,
            password_confirm=PASSWORD + "x",
            photo=fixture_photo,
        )
    assert caught.value.status == 400
    assert caught.value.code == "passwords_do_not_match"
    assert caught.value.fields == {"password_confirm": "mismatch"}
    with pytest.raises(NotAuthenticated):  # nothing was created
        ApiClient(server_url).login(f"bo_{unique}", PASSWORD)


def test_login_logout_and_wrong_password(server_url: str, unique: str, fixture_photo: Path) -> None:
    register(server_url, unique, fixture_photo)
    client = ApiClient(server_url)
    with pytest.raises(NotAuthenticated) as caught:
        client.login(f"ana_{unique}", "wrong-password")
    assert not isinstance(caught.value, SessionExpired)  # no token was sent
    auth = client.login(f"ana_{unique}@example.com", PASSWORD)
    assert auth.user.username == f"ana_{unique}"
    stale = ApiClient(server_url, auth.token)
    client.logout()
    assert client.token is None
    with pytest.raises(SessionExpired):
        stale.me()


def test_albums_crud_and_locked_profile_album(
    server_url: str, unique: str, fixture_photo: Path
) -> None:
    client = register(server_url, unique, fixture_photo)
    album = client.create_album("Viaje a Cádiz")
    assert album.name == "Viaje a Cádiz" and album.photo_count == 0
    with pytest.raises(Conflict):
        client.create_album("viaje a cádiz")
    renamed = client.rename_album(album.id, "Cádiz 2024")
    assert renamed.name == "Cádiz 2024"
    profile = next(a for a in client.albums() if a.is_profile)
    with pytest.raises(Forbidden) as caught:
        client.rename_album(profile.id, "nope")
    assert (caught.value.code, caught.value.status) == ("profile_album_locked", 403)
    assert next(a for a in client.albums() if a.id == profile.id).name == profile.name
    client.delete_album(album.id)
    with pytest.raises(NotFound):
        client.list_photos(album.id)


def test_upload_streams_with_progress_and_pages_with_a_cursor(
    server_url: str, unique: str, fixture_photo: Path, faces: Path
) -> None:
    client = register(server_url, unique, fixture_photo)
    album = client.create_album("Fotos")
    seen: list[tuple[int, int]] = []
    photo = client.upload_photo(
        album.id,
        faces / "biden_1.jpg",
        name="Biden",
        description="Un retrato",
        progress=lambda sent, total: seen.append((sent, total)),
    )
    assert photo.album_id == album.id and photo.name == "Biden"
    assert seen and seen[-1][0] == seen[-1][1]  # the whole body was reported as sent
    for name in ("obama_2.jpg", "leslie_1.jpg"):
        client.upload_photo(album.id, faces / name)
    first = client.list_photos(album.id, limit=2)
    assert len(first.items) == 2 and first.next_cursor
    second = client.list_photos(album.id, limit=2, cursor=first.next_cursor)
    assert len(second.items) == 1 and second.next_cursor is None
    ids = {p.id for p in first.items + second.items}
    assert len(ids) == 3
    thumb = client.photo_content(photo.id, "thumb")
    with Image.open(io.BytesIO(thumb)) as image:  # the contract: thumbnails are 256 px JPEGs
        assert image.format == "JPEG" and max(image.size) == 256


def test_photo_edit_move_delete(
    server_url: str, unique: str, fixture_photo: Path, faces: Path
) -> None:
    client = register(server_url, unique, fixture_photo)
    first, second = client.create_album("Uno"), client.create_album("Dos")
    photo = client.upload_photo(first.id, faces / "harington_1.jpg")
    edited = client.update_photo(photo.id, name="Jon", description="En la nieve")
    assert (edited.name, edited.description) == ("Jon", "En la nieve")
    moved = client.update_photo(photo.id, album_id=second.id)
    assert moved.album_id == second.id
    assert client.photo(photo.id).album_id == second.id
    client.delete_photo(photo.id)  # into the trash: out of the album, restorable
    assert client.photo(photo.id).trashed_at
    assert client.list_photos(second.id).items == []
    assert [p.id for p in client.trash().items] == [photo.id]
    assert [p.album_id for p in client.bulk("restore", [photo.id])] == [second.id]
    client.delete_photo(photo.id)
    assert client.empty_trash() == 1
    with pytest.raises(NotFound):
        client.photo(photo.id)


def test_a_text_file_is_refused_as_unsupported(
    server_url: str, unique: str, fixture_photo: Path, tmp_path: Path
) -> None:
    client = register(server_url, unique, fixture_photo)
    album = client.create_album("Textos")
    fake = tmp_path / "notes.jpg"
    fake.write_text("this is not an image")
    with pytest.raises(UnsupportedMedia) as caught:
        client.upload_photo(album.id, fake)
    assert caught.value.status == 415


def test_another_users_album_is_not_found(
    server_url: str, unique: str, fixture_photo: Path
) -> None:
    owner = register(server_url, unique, fixture_photo)
    album = owner.create_album("Privado")
    stranger = register(server_url, unique + "x", fixture_photo)
    with pytest.raises(NotFound):
        stranger.list_photos(album.id)


def test_change_password_and_delete_account(
    server_url: str, unique: str, fixture_photo: Path
) -> None:
    client = register(server_url, unique, fixture_photo)
    with pytest.raises(ApiError) as caught:
        client.change_password("not-my-password", "Another-secret-7")
    assert (caught.value.code, caught.value.status) == ("wrong_password", 403)
    client.change_password(PASSWORD, "Another-secret-7")
    assert client.login(f"ana_{unique}", "Another-secret-7").user.username == f"ana_{unique}"
    updated = client.update_me(current_password="Another-secret-7", full_name="Ana P.")
    assert updated.full_name == "Ana P."
    client.delete_me("Another-secret-7")
    with pytest.raises(NotAuthenticated):
        ApiClient(server_url).login(f"ana_{unique}", "Another-secret-7")


def test_face_tags_languages_translation_and_text(
    server_url: str, unique: str, fixture_photo: Path, faces: Path
) -> None:
    client = register(server_url, unique, fixture_photo)
    album = client.create_album("Análisis")
    photo = client.upload_photo(
        album.id,
        faces / "group_harington_leslie.jpg",
        description="Los dos actores están en la fiesta de la serie",
    )

    assert client.face_status() == FaceStatus(enabled=False)
    tags = client.me_tags()
    assert len(tags) == 1 and tags[0]["BoundingBox"]["Width"] > 0  # one face in obama_1.jpg
    codes = {language.code for language in client.languages()}
    assert {"es", "en"} <= codes
    translation = client.translation(photo.id, "en")
    assert (translation.source_language, translation.language) == ("es", "en")
    assert translation.text == "The two actors are in the party of the series"
    extracted = client.extract_text(faces / "group_harington_leslie.jpg")
    assert [line.text for line in extracted.lines].count("HBO") >= 2
    with pytest.raises(ValidationFailed) as caught:
        client.translation(photo.id, "xx")
    assert caught.value.status == 400 and caught.value.code


def test_connection_refused_is_connection_failed() -> None:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    with pytest.raises(ConnectionFailed) as caught:
        ApiClient(f"http://127.0.0.1:{port}", connect_timeout=1).albums()
    assert caught.value.message


def test_face_challenge_script_and_refusals(
    server_url: str, unique: str, fixture_photo: Path, faces: Path
) -> None:
    client = register(server_url, unique, fixture_photo)
    challenge = client.face_challenge(f"ana_{unique}")
    assert challenge.challenge_id and challenge.steps[0] == "center"
    assert set(challenge.steps) <= {"center", "left", "right"} and len(challenge.steps) in (3, 4)
    assert challenge.min_seconds > 0
    frames = [(faces / "obama_small.jpg").read_bytes()] * 8
    # Answered at once: too early for the challenge (a prepared batch), and then spent.
    with pytest.raises(ApiError) as early:
        ApiClient(server_url).face_login(
            challenge.challenge_id, frames, [i * 100 for i in range(8)], f"ana_{unique}"
        )
    assert early.value.status == 401 and early.value.code == "challenge_failed"
    # 1:N opt-in needs the password to turn on, not to turn off.
    with pytest.raises(ApiError) as no_password:
        client.set_face_identification(True)
    assert no_password.value.status == 400
    assert client.set_face_identification(True, PASSWORD).identify_without_username is True
    assert client.set_face_identification(False).identify_without_username is False
    assert client.face_status().identify_without_username is False


def test_a_tag_is_named_in_each_ui_language_and_an_older_servers_tag_by_its_name() -> None:
    tag = Label.from_json(
        {"name": "Persona", "confidence": 99.4, "names": {"es": "Persona", "en": "Person"}}
    )
    older = Label.from_json({"name": "Persona", "confidence": 99.4})  # no "names"

    assert (tag.name_in("es"), tag.name_in("en")) == ("Persona", "Person")
    assert (older.name_in("es"), older.name_in("en")) == ("Persona", "Persona")
