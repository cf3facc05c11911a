"""Duplicates review: the group side by side, the best copy pre-selected; keeping another one
trashes the rest and keeps the best description; Undo brings them back."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desktop.api.client import ApiClient
from desktop.backend import BackendState

pytestmark = pytest.mark.e2e
PASSWORD = "Tr0mpeta-Azul!"


def test_keep_one_copy_of_a_duplicate_group_and_undo(
    qtbot: QtBot, launch: Callable[..., tuple], server_url: str, unique: str, faces: Path
) -> None:
    client = ApiClient(server_url)
    username = f"dup_{unique}"
    client.register(
        username=username,
        email=f"{username}@example.com",
        password=PASSWORD,
        password_confirm=PASSWORD,
        photo=faces / "obama_small.jpg",
    )
    album = client.create_album("Discursos")
    original = client.upload_photo(
        album.id, faces / "obama_1.jpg", name="original", description="Discurso en Chicago"
    )
    image = Image.open(faces / "obama_1.jpg").convert("RGB")
    small = io.BytesIO()
    image.resize((image.width // 2, image.height // 2)).save(small, "JPEG", quality=70)
    copy = client.upload_photo(album.id, small.getvalue(), name="copia")
    client.upload_photo(album.id, faces / "biden_1.jpg", name="otra")

    window, _ctx, backend = launch(server_url)
    qtbot.waitUntil(lambda: backend.state is BackendState.READY, timeout=30000)
    qtbot.keyClicks(window.login.login_edit, username)
    qtbot.keyClicks(window.login.password_edit, PASSWORD)
    qtbot.keyClick(window.login.password_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.top.currentWidget() is window.shell, timeout=15000)

    qtbot.mouseClick(window.nav["duplicates"], Qt.MouseButton.LeftButton)
    page = window.duplicates
    qtbot.waitUntil(lambda: len(page.cards) == 1, timeout=15000)
    (group_card,) = page.cards
    assert group_card.radios[original.id].isChecked()  # the largest copy is suggested
    assert set(group_card.radios) == {original.id, copy.id}
    qtbot.mouseClick(group_card.radios[copy.id], Qt.MouseButton.LeftButton)
    assert group_card.chosen().id == copy.id
    qtbot.mouseClick(group_card.keep_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not page.cards, timeout=15000)
    assert [p.id for p in client.trash().items] == [original.id]
    assert client.photo(copy.id).description == "Discurso en Chicago"
    assert page.header.subtitle.text() == "No hay fotos repetidas."

    assert window.undo_bar.isVisible()
    qtbot.keyClick(page, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: len(page.cards) == 1, timeout=15000)
    assert client.trash().items == []
