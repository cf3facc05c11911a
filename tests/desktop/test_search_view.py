"""The top bar's search (Ctrl+F): results in a grid, filter chips, matched words highlighted."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desktop.api.client import ApiClient
from desktop.backend import BackendState

pytestmark = pytest.mark.e2e
PASSWORD = "Tr0mpeta-Azul!"


def test_search_from_the_top_bar_with_filters_and_highlights(
    qtbot: QtBot, launch: Callable[..., tuple], server_url: str, unique: str, faces: Path
) -> None:
    client = ApiClient(server_url)
    username = f"busca_{unique}"
    client.register(
        username=username,
        email=f"{username}@example.com",
        password=PASSWORD,
        password_confirm=PASSWORD,
        photo=faces / "obama_small.jpg",
    )
    party = client.create_album("Fiestas")
    trip = client.create_album("Viajes")
    client.upload_photo(
        party.id, faces / "biden_1.jpg", name="Canción de cumpleaños", description="La abuela canta"
    )
    client.upload_photo(trip.id, faces / "leslie_1.jpg", name="Cumpleaños en la playa")
    client.upload_photo(trip.id, faces / "harington_1.jpg", name="Montaña")

    window, _ctx, backend = launch(server_url)
    qtbot.waitUntil(lambda: backend.state is BackendState.READY, timeout=30000)
    qtbot.keyClicks(window.login.login_edit, username)
    qtbot.keyClicks(window.login.password_edit, PASSWORD)
    qtbot.keyClick(window.login.password_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.top.currentWidget() is window.shell, timeout=15000)
    qtbot.waitUntil(lambda: len(window.albums.model.albums) >= 3, timeout=15000)

    window.nav["albums"].setFocus()
    qtbot.keyClick(window.nav["albums"], Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.search_edit.hasFocus()
    qtbot.keyClicks(window.search_edit, "CUMPLEANOS")
    qtbot.keyClick(window.search_edit, Qt.Key.Key_Return)
    page = window.search
    assert window.content.currentWidget() is page
    qtbot.waitUntil(lambda: len(page.model.photos) == 2 and not page.model.loading, timeout=15000)
    assert page.header.title.text() == "Resultados para «CUMPLEANOS»"

    page.album_filter.setCurrentIndex(page.album_filter.findText("Viajes"))
    qtbot.waitUntil(
        lambda: (
            [p.name for p in page.model.photos] == ["Cumpleaños en la playa"]
            and not page.model.loading
        ),
        timeout=15000,
    )
    qtbot.mouseClick(page.with_text, Qt.MouseButton.LeftButton)  # no photo has text read yet
    qtbot.waitUntil(lambda: not page.model.photos and not page.model.loading, timeout=15000)
    assert page.stack.currentWidget() is page.empty
    qtbot.mouseClick(page.with_text, Qt.MouseButton.LeftButton)
    page.album_filter.setCurrentIndex(0)
    qtbot.waitUntil(lambda: len(page.model.photos) == 2 and not page.model.loading, timeout=15000)

    window.search_edit.clear()
    qtbot.keyClicks(window.search_edit, "cancion abu")  # typing pauses: searches by itself
    qtbot.waitUntil(
        lambda: (
            [p.name for p in page.model.photos] == ["Canción de cumpleaños"]
            and not page.model.loading
        ),
        timeout=15000,
    )
    index = page.model.index(0, 0)
    qtbot.mouseClick(
        page.grid.viewport(), Qt.MouseButton.LeftButton, pos=page.grid.visualRect(index).center()
    )
    qtbot.keyClick(page.grid, Qt.Key.Key_Return)
    assert window.content.currentWidget() is window.photo
    matches = window.photo.matches.text()
    assert '<b style="background:#fff1a8">Canción</b>' in matches
    assert '<b style="background:#fff1a8">abuela</b>' in matches
    qtbot.mouseClick(window.photo.back, Qt.MouseButton.LeftButton)
    assert window.content.currentWidget() is page
