"""The trash screen: restore the selected photos, empty the trash after a confirmation."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from desktop.api.client import ApiClient
from desktop.backend import BackendState

pytestmark = pytest.mark.e2e
PASSWORD = "Tr0mpeta-Azul!"


def click_in_next_message_box(button_text: str) -> None:
    def press() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            for candidate in box.buttons():
                if candidate.text() == button_text:
                    candidate.click()
                    return
        QTimer.singleShot(50, press)

    QTimer.singleShot(50, press)


def test_restore_from_the_trash_and_empty_it(
    qtbot: QtBot, launch: Callable[..., tuple], server_url: str, unique: str, faces: Path
) -> None:
    client = ApiClient(server_url)
    username = f"pap_{unique}"
    client.register(
        username=username,
        email=f"{username}@example.com",
        password=PASSWORD,
        password_confirm=PASSWORD,
        photo=faces / "obama_small.jpg",
    )
    album = client.create_album("Borradas")
    ids = [
        client.upload_photo(album.id, faces / name).id for name in ("biden_1.jpg", "leslie_1.jpg")
    ]
    client.bulk("trash", ids)

    window, _ctx, backend = launch(server_url)
    qtbot.waitUntil(lambda: backend.state is BackendState.READY, timeout=30000)
    qtbot.keyClicks(window.login.login_edit, username)
    qtbot.keyClicks(window.login.password_edit, PASSWORD)
    qtbot.keyClick(window.login.password_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.top.currentWidget() is window.shell, timeout=15000)

    qtbot.mouseClick(window.nav["trash"], Qt.MouseButton.LeftButton)
    page = window.trash
    qtbot.waitUntil(lambda: len(page.model.photos) == 2 and not page.model.loading, timeout=15000)
    assert not page.restore_button.isEnabled()
    first = page.model.index(0, 0)
    qtbot.mouseClick(
        page.grid.viewport(), Qt.MouseButton.LeftButton, pos=page.grid.visualRect(first).center()
    )
    restored_id = page.model.photos[0].id
    qtbot.mouseClick(page.restore_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(page.model.photos) == 1 and not page.model.loading, timeout=15000)
    assert [p.id for p in client.list_photos(album.id).items] == [restored_id]

    click_in_next_message_box("Vaciar papelera")
    qtbot.mouseClick(page.empty_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not page.model.photos and not page.model.loading, timeout=15000)
    assert client.trash().items == []
    assert page.stack.currentWidget() is page.empty
