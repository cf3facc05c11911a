"""After logout or account deletion nothing of the old account is left on any screen or in caches."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from person import answer_next_message_box, log_in, register_account, settle
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from desktop.api.client import ApiClient
from desktop.api.errors import NotAuthenticated, SessionExpired

pytestmark = pytest.mark.e2e
PASSWORD = "Tr0mpeta-Azul!"


def register(server_url: str, name: str, photo: Path) -> ApiClient:
    return register_account(server_url, name, PASSWORD, photo)


def test_email_change_then_logout_offers_the_new_login_not_the_old_email(
    qtbot: QtBot,
    launch: Callable[..., tuple],
    server_url: str,
    unique: str,
    faces: Path,
) -> None:
    name = f"rosa_{unique}"
    register(server_url, name, faces / "leslie_1.jpg")
    window, _ctx, backend = launch(server_url)
    log_in(qtbot, window, backend, f"{name}@example.com", PASSWORD)
    qtbot.mouseClick(window.nav["account"], Qt.MouseButton.LeftButton)
    page = window.account
    qtbot.waitUntil(lambda: page.email.text() == f"{name}@example.com", timeout=30000)
    page.email.clear()
    qtbot.keyClicks(page.email, f"{name}@nuevo.example.com")
    qtbot.keyClicks(page.info_password, PASSWORD)
    qtbot.mouseClick(page.save_info, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.info_status.text() == "Cambios guardados.", timeout=30000)
    qtbot.mouseClick(window.logout_button, Qt.MouseButton.LeftButton)
    assert window.top.currentWidget() is window.login
    assert window.login.login_edit.text() == name
    assert window.login.password_edit.text() == ""


def test_deleting_an_account_leaves_nothing_for_the_next_one(
    qtbot: QtBot,
    launch: Callable[..., tuple],
    server_url: str,
    unique: str,
    faces: Path,
    tmp_path: Path,
) -> None:
    first = f"old_{unique}"
    api = register(server_url, first, faces / "leslie_1.jpg")
    album = api.create_album("Secreta")
    api.upload_photo(album.id, faces / "obama_1.jpg")
    window, ctx, backend = launch(server_url, data_dir=tmp_path / "app")
    log_in(qtbot, window, backend, first, PASSWORD)
    settle(qtbot, window)

    # Browse: the album's thumbnails land in the disk cache.
    qtbot.mouseClick(window.nav["albums"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: any(a.name == "Secreta" for a in window.albums.model.albums), timeout=30000
    )
    window.open_album(next(a for a in window.albums.model.albums if a.name == "Secreta"))
    qtbot.waitUntil(lambda: len(window.album.model.photos) == 1, timeout=30000)
    first_index = window.album.model.index(0)
    qtbot.waitUntil(
        lambda: first_index.data(Qt.ItemDataRole.DecorationRole) is not None, timeout=30000
    )
    assert any(ctx.paths.thumbnail_dir.rglob("*.img"))

    # A wrong current password reads as a sentence, never the raw reason "wrong".
    qtbot.mouseClick(window.nav["account"], Qt.MouseButton.LeftButton)
    page = window.account
    qtbot.keyClicks(page.pw_current, "no-es-esta-1")
    qtbot.keyClicks(page.pw_new, "Otra-Clave-99!")
    qtbot.keyClicks(page.pw_confirm, "Otra-Clave-99!")
    qtbot.mouseClick(page.change_pw, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: page.pw_status.text() == "La contraseña actual no es correcta.", timeout=30000
    )
    page.full_name.setText("Nombre a medio escribir")

    # Delete the account from its page. "Cancelar" in the confirmation keeps everything.
    qtbot.keyClicks(page.delete_password, PASSWORD)
    asked: list[str] = []
    answer_next_message_box(qtbot, "Cancelar", asked)
    qtbot.mouseClick(page.delete_button, Qt.MouseButton.LeftButton)
    assert asked and "no se podrá recuperar" in asked[0]
    assert api.me().username == first and [p.name for p in api.list_photos(album.id).items] == [
        "obama_1"
    ]
    assert window.top.currentWidget() is window.shell and page.delete_status.text() == ""
    old_token = ctx.client.token
    answer_next_message_box(qtbot, "Eliminar para siempre")
    notices: list[str] = []  # the "account deleted" notice comes next
    qtbot.mouseClick(page.delete_button, Qt.MouseButton.LeftButton)
    answer_next_message_box(qtbot, "Aceptar", notices)  # Qt's own button, in Spanish too
    qtbot.waitUntil(lambda: window.top.currentWidget() is window.login, timeout=30000)
    qtbot.waitUntil(lambda: bool(notices), timeout=10000)
    assert "eliminado" in notices[0]
    assert window.login.login_edit.text() == "" and window.login.password_edit.text() == ""
    assert window.sidebar_user.text() == "" and page.username.text() == ""
    assert not any(ctx.paths.thumbnail_dir.rglob("*.img")), (
        "the deleted account's images stayed cached"
    )
    # Gone on the server: neither the app's session nor the password open it any more.
    for token in (old_token, api.token):
        with pytest.raises(SessionExpired) as expired:
            ApiClient(server_url, token).me()
        assert expired.value.status == 401
    with pytest.raises(NotAuthenticated) as refused:
        ApiClient(server_url).login(first, PASSWORD)
    assert refused.value.code == "invalid_credentials"
    assert ctx.client.token is None and ctx.user is None

    # Someone else signs up and logs in: every screen shows only them.
    second = f"new_{unique}"
    register(server_url, second, faces / "biden_1.jpg")
    log_in(qtbot, window, backend, second, PASSWORD)
    qtbot.mouseClick(window.nav["account"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.username.text() == second, timeout=30000)
    assert page.full_name.text() == ""
    for edit in page.findChildren(QLineEdit):
        if edit.echoMode() is QLineEdit.EchoMode.Password:
            assert edit.text() == "", "a password of the old account is still typed in"
    for status in (page.pw_status, page.info_status, page.delete_status, page.face_status):
        assert status.text() == ""
    assert window.album.album is None and window.album.model.photos == []
    assert window.photo.photo is None and window.photo.name_edit.text() == ""
    qtbot.mouseClick(window.nav["albums"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(window.albums.model.albums) == 1, timeout=30000)
    assert [a.kind for a in window.albums.model.albums] == ["profile"]
    assert window.home.name.text() != "" and first not in window.home.username.text()
