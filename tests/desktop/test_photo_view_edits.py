"""Rename, move and delete (to the trash) a photo from the photo view, with clicks and keys; the
server's stored photo is checked after each step."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from person import answer_next_message_box, log_in
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView
from pytestqt.qtbot import QtBot

from desktop.api.client import ApiClient

pytestmark = pytest.mark.e2e
PASSWORD = "Tr0mpeta-Azul!"


def open_item(qtbot: QtBot, view: QAbstractItemView, index: QModelIndex) -> None:
    qtbot.mouseClick(
        view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(index).center()
    )
    assert view.currentIndex() == index
    qtbot.keyClick(view, Qt.Key.Key_Return)


def test_rename_move_and_delete_a_photo_in_the_photo_view(
    qtbot: QtBot, launch: Callable[..., tuple], server_url: str, unique: str, faces: Path,
    tmp_path: Path,
) -> None:  # fmt: skip
    login = f"edit_{unique}"
    api = ApiClient(server_url)
    api.register(username=login, email=f"{login}@example.com", password=PASSWORD,
                 password_confirm=PASSWORD, photo=faces / "obama_1.jpg")  # fmt: skip
    first, second = api.create_album("Uno"), api.create_album("Dos")
    photo = api.upload_photo(first.id, faces / "biden_1.jpg", name="Biden")

    window, _ctx, backend = launch(server_url, data_dir=tmp_path / "app")
    log_in(qtbot, window, backend, login, PASSWORD)
    qtbot.mouseClick(window.nav["albums"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: any(a.id == first.id for a in window.albums.model.albums), timeout=60000
    )
    open_item(qtbot, window.albums.grid, window.albums.model.index_of(first.id))
    qtbot.waitUntil(lambda: len(window.album.model.photos) == 1, timeout=60000)
    open_item(qtbot, window.album.grid, window.album.model.index(0))
    page = window.photo
    assert page.photo is not None and page.photo.id == photo.id

    # Rename: select the name, type a new one, press "Guardar".
    page.name_edit.setFocus()
    qtbot.keyClick(page.name_edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(page.name_edit, "Joe en 2020")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.save_status.text() == "Guardado", timeout=60000)
    assert api.photo(photo.id).name == "Joe en 2020"

    # Move: pick "Dos" in the list and press the move button.
    page.move_target.setCurrentIndex(page.move_target.findText("Dos"))
    qtbot.mouseClick(page.move_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.save_status.text() == "Movida a «Dos»", timeout=60000)
    assert api.photo(photo.id).album_id == second.id

    # Delete: the confirmation names the photo; "Mover a la papelera" sends it to the trash.
    seen: list[str] = []
    answer_next_message_box(qtbot, "Mover a la papelera", seen)
    qtbot.mouseClick(page.delete_button, Qt.MouseButton.LeftButton)

    # A deleted photo goes to the trash (30 days): out of its album, listed in the trash.
    qtbot.waitUntil(lambda: [p.id for p in api.trash().items] == [photo.id], timeout=60000)
    assert api.list_photos(second.id).items == []
    assert seen and "«Joe en 2020»" in seen[0]
