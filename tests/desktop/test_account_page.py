"""The account page, driven by a person's clicks and typing against a real server, checked on the
server over HTTP: the profile (name, email, photo), the password, and face login off."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from person import choose_in_next_file_dialog, log_in, register_account
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from desktop.api.client import ApiClient
from desktop.api.errors import NotAuthenticated, SessionExpired

pytestmark = pytest.mark.e2e
PASSWORD = "Tr0mpeta-Azul!"
NEW_PASSWORD = "Otra-Clave-99!"


def register(server_url: str, name: str, photo: Path) -> ApiClient:
    return register_account(server_url, name, PASSWORD, photo)


def retype(qtbot: QtBot, edit: QLineEdit, text: str) -> None:
    edit.selectAll()
    qtbot.keyClick(edit, Qt.Key.Key_Backspace)
    qtbot.keyClicks(edit, text)


def open_account(qtbot: QtBot, window: object, username: str) -> object:
    qtbot.mouseClick(window.nav["account"], Qt.MouseButton.LeftButton)
    page = window.account
    qtbot.waitUntil(lambda: page.username.text() == username, timeout=30000)
    return page


def save_profile(qtbot: QtBot, page: object, password: str) -> str:
    """Type the current password, press "Guardar cambios", wait for the answer, return it."""
    retype(qtbot, page.info_password, password)
    qtbot.mouseClick(page.save_info, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.info_status.text() not in ("", "Guardando…"), timeout=60000)
    return str(page.info_status.text())


def profile_photo_count(api: ApiClient) -> int:
    return next(a.photo_count for a in api.albums() if a.is_profile)


def test_profile_changes_reach_the_server_and_bad_input_changes_nothing(
    qtbot: QtBot,
    launch: Callable[..., tuple],
    server_url: str,
    unique: str,
    faces: Path,
) -> None:
    name = f"pia_{unique}"
    api = register(server_url, name, faces / "leslie_1.jpg")
    register(server_url, f"otra_{unique}", faces / "biden_2.jpg")
    before = api.me()
    window, _ctx, backend = launch(server_url)
    log_in(qtbot, window, backend, name, PASSWORD)
    page = open_account(qtbot, window, name)

    def unchanged() -> None:
        now = api.me()
        assert (now.username, now.email, now.full_name, now.photo_url) == (
            before.username,
            before.email,
            before.full_name,
            before.photo_url,
        )
        assert profile_photo_count(api) == 1

    # An email that is not one: the sentence, and nothing saved.
    retype(qtbot, page.email, "esto-no-es-un-correo")
    retype(qtbot, page.full_name, "Pia Fernandez")
    assert save_profile(qtbot, page, PASSWORD) == "Correo electrónico: El formato no es válido."
    unchanged()

    # Someone else's username: the sentence, and nothing saved.
    retype(qtbot, page.email, f"{name}@example.com")
    retype(qtbot, page.username, f"otra_{unique}")
    assert save_profile(qtbot, page, PASSWORD) == "Ese nombre de usuario ya existe."
    unchanged()

    # A wrong current password: the sentence, never the raw reason, and nothing saved.
    retype(qtbot, page.username, name)
    retype(qtbot, page.email, f"{name}@nuevo.example.com")
    assert save_profile(qtbot, page, "no-es-esta-1") == "La contraseña actual no es correcta."
    unchanged()

    # The right one: name, email and a new photo chosen in the file dialog are saved.
    choose_in_next_file_dialog(qtbot, faces / "leslie_2.jpg")
    qtbot.mouseClick(page.photo_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.new_photo == faces / "leslie_2.jpg", timeout=30000)
    assert page.info_status.text() == "Pulsa «Guardar cambios» para usar la nueva foto."
    assert save_profile(qtbot, page, PASSWORD).startswith("Cambios guardados.")
    after = api.me()
    assert (after.username, after.email, after.full_name) == (
        name,
        f"{name}@nuevo.example.com",
        "Pia Fernandez",
    )
    assert after.photo_url != before.photo_url
    assert profile_photo_count(api) == 2
    assert page.info_password.text() == ""
    assert window.sidebar_user.text() == f"Pia Fernandez\n{name}@nuevo.example.com"


def test_password_change_needs_the_right_current_password_and_replaces_the_old_one(
    qtbot: QtBot,
    launch: Callable[..., tuple],
    server_url: str,
    unique: str,
    faces: Path,
) -> None:
    name = f"pablo_{unique}"
    other_session = register(server_url, name, faces / "leslie_1.jpg")
    window, ctx, backend = launch(server_url)
    log_in(qtbot, window, backend, name, PASSWORD)
    page = open_account(qtbot, window, name)

    qtbot.keyClicks(page.pw_current, "no-es-esta-1")
    qtbot.keyClicks(page.pw_new, NEW_PASSWORD)
    qtbot.keyClicks(page.pw_confirm, NEW_PASSWORD)
    qtbot.mouseClick(page.change_pw, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: page.pw_status.text() == "La contraseña actual no es correcta.", timeout=30000
    )
    ApiClient(server_url).login(name, PASSWORD)  # still the old password
    with pytest.raises(NotAuthenticated) as refused:
        ApiClient(server_url).login(name, NEW_PASSWORD)
    assert refused.value.code == "invalid_credentials"
    assert other_session.me().username == name

    retype(qtbot, page.pw_current, PASSWORD)
    qtbot.mouseClick(page.change_pw, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: page.pw_status.text() == "Contraseña cambiada. Las demás sesiones se han cerrado.",
        timeout=30000,
    )
    for edit in (page.pw_current, page.pw_new, page.pw_confirm):
        assert edit.text() == ""
    with pytest.raises(NotAuthenticated) as old:
        ApiClient(server_url).login(name, PASSWORD)
    assert old.value.code == "invalid_credentials"
    assert ApiClient(server_url).login(name, NEW_PASSWORD).user.username == name
    # The other sessions were closed, as the page says; this one goes on.
    with pytest.raises(SessionExpired):
        other_session.me()
    assert ApiClient(server_url, ctx.client.token).me().username == name
    assert window.top.currentWidget() is window.shell


def test_face_login_turned_off_on_the_page_is_off_on_the_server(
    qtbot: QtBot,
    launch: Callable[..., tuple],
    server_url: str,
    unique: str,
    faces: Path,
) -> None:
    name = f"barack_{unique}"
    api = register(server_url, name, faces / "obama_small.jpg")
    api.enrol_face(PASSWORD, [(faces / f"obama_{n}.jpg").read_bytes() for n in (1, 2, 3)])
    assert api.face_status().enabled and api.me().face_login_enabled
    window, _ctx, backend = launch(server_url)
    log_in(qtbot, window, backend, name, PASSWORD)
    page = open_account(qtbot, window, name)
    qtbot.waitUntil(lambda: page.face_state.text().startswith("Activado"), timeout=30000)
    assert page.face_disable.isEnabled()

    # Without the password, or with a wrong one, face login stays on.
    qtbot.mouseClick(page.face_disable, Qt.MouseButton.LeftButton)
    assert page.face_status.text() == "Escribe tu contraseña actual para continuar."
    qtbot.keyClicks(page.face_password, "no-es-esta-1")
    qtbot.mouseClick(page.face_disable, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: page.face_status.text() == "La contraseña actual no es correcta.", timeout=30000
    )
    assert api.face_status().enabled

    retype(qtbot, page.face_password, PASSWORD)
    qtbot.mouseClick(page.face_disable, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: (
            page.face_status.text()
            == "Acceso con la cara desactivado y datos biométricos borrados."
        ),
        timeout=30000,
    )
    status = api.face_status()
    assert not status.enabled and status.samples == 0 and status.enrolled_at == ""
    assert not api.me().face_login_enabled
    assert page.face_state.text() == "Desactivado." and not page.face_disable.isEnabled()
    assert page.face_password.text() == ""
