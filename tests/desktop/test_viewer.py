"""The viewer and the grids, by keyboard and mouse: ←/→, Esc, F11, zoom, Delete, Enter, menus."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from person import answer_next_message_box, log_in, right_click_and_choose
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication, QInputDialog
from pytestqt.qtbot import QtBot

from desktop.api.client import ApiClient

pytestmark = pytest.mark.e2e
PASSWORD = "Tr0mpeta-Azul!"
NAMES = ("uno", "dos", "tres", "cuatro")


@pytest.fixture
def person(server_url: str, unique: str, faces: Path) -> tuple[str, ApiClient]:
    api = ApiClient(server_url)
    api.token = api.register(
        username=f"vera_{unique}",
        email=f"vera_{unique}@example.com",
        password=PASSWORD,
        password_confirm=PASSWORD,
        photo=faces / "leslie_1.jpg",
    ).token
    album = api.create_album("Viaje")
    api.create_album("Otro")
    for name, photo in zip(
        NAMES, ("obama_1.jpg", "biden_1.jpg", "obama_2.jpg", "biden_2.jpg"), strict=True
    ):
        api.upload_photo(album.id, faces / photo, name=name)
    return f"vera_{unique}", api


def ctrl_wheel(widget: object, up: bool) -> None:
    pos = QPointF(widget.width() / 2, widget.height() / 2)
    event = QWheelEvent(
        pos,
        widget.mapToGlobal(pos),
        QPoint(0, 0),
        QPoint(0, 120 if up else -120),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.ControlModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(widget, event)


def test_browse_an_album_with_the_keyboard_and_menus(
    qtbot: QtBot,
    launch: Callable[..., tuple],
    server_url: str,
    person: tuple[str, ApiClient],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    username, api = person
    window, _ctx, backend = launch(server_url)
    log_in(qtbot, window, backend, username, PASSWORD)
    qtbot.mouseClick(window.nav["albums"], Qt.MouseButton.LeftButton)
    albums = window.albums
    qtbot.waitUntil(lambda: len(albums.model.albums) == 3, timeout=30000)
    grid = albums.grid

    def card(name: str) -> QPoint:
        return grid.visualRect(
            albums.model.index_of(next(a.id for a in albums.model.albums if a.name == name))
        ).center()

    # Rename in place: right-click the card, then F2 on the focused card.
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Viaje 2026", True))
    right_click_and_choose(qtbot, grid.viewport(), card("Viaje"), "Renombrar…")
    qtbot.waitUntil(lambda: any(a.name == "Viaje 2026" for a in albums.model.albums), timeout=30000)
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Viaje", True))
    qtbot.mouseClick(grid.viewport(), Qt.MouseButton.LeftButton, pos=card("Viaje 2026"))
    qtbot.keyClick(grid, Qt.Key.Key_F2)
    qtbot.waitUntil(lambda: any(a.name == "Viaje" for a in albums.model.albums), timeout=30000)

    # Enter on the focused card opens it; Enter on a focused tile opens the photo.
    qtbot.mouseClick(grid.viewport(), Qt.MouseButton.LeftButton, pos=card("Viaje"))
    qtbot.keyClick(grid, Qt.Key.Key_Return)
    page = window.album
    assert window.content.currentWidget() is page
    qtbot.waitUntil(lambda: len(page.model.photos) == 4, timeout=30000)
    order = [p.name for p in page.model.photos]
    page.grid.setFocus()
    page.grid.setCurrentIndex(page.model.index(1))
    qtbot.keyClick(page.grid, Qt.Key.Key_Return)
    viewer = window.photo
    assert window.content.currentWidget() is viewer and viewer.photo.name == order[1]
    assert viewer.position.text() == "2 de 4"

    # Neighbours are loaded before the person gets there; → and ← walk the album.
    qtbot.waitUntil(
        lambda: all(viewer.preview_ready(p) for p in page.model.photos[0:3]), timeout=30000
    )
    qtbot.keyClick(viewer.preview, Qt.Key.Key_Right)
    assert viewer.photo.name == order[2] and viewer.preview.has_image  # shown at once, preloaded
    qtbot.mouseClick(viewer.next_button, Qt.MouseButton.LeftButton)
    assert viewer.photo.name == order[3] and not viewer.next_button.isEnabled()
    qtbot.keyClick(viewer.preview, Qt.Key.Key_Right)  # the last photo: stays
    assert viewer.photo.name == order[3]
    qtbot.keyClick(viewer.preview, Qt.Key.Key_Left)
    assert viewer.photo.name == order[2]

    # Zoom: + and Ctrl+wheel enlarge, 1 is real size, 0 fits again.
    qtbot.waitUntil(lambda: viewer.preview.has_image, timeout=30000)
    fitted = viewer.preview.scale()
    qtbot.keyClick(viewer.preview, Qt.Key.Key_Plus)
    assert viewer.preview.scale() == pytest.approx(fitted * 1.25)
    ctrl_wheel(viewer.preview.viewport(), up=True)
    assert viewer.preview.scale() == pytest.approx(fitted * 1.25 * 1.25)
    qtbot.keyClick(viewer.preview, Qt.Key.Key_1)
    assert viewer.preview.scale() == 1.0 and viewer.zoom_label.text() == "100 %"
    qtbot.keyClick(viewer.preview, Qt.Key.Key_0)
    assert viewer.preview.scale() == pytest.approx(fitted)

    # F11 goes full screen; Esc leaves it, and Esc again goes back to the album.
    qtbot.keyClick(viewer.preview, Qt.Key.Key_F11)
    qtbot.waitUntil(window.isFullScreen, timeout=5000)
    qtbot.keyClick(viewer.preview, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not window.isFullScreen(), timeout=5000)
    assert window.content.currentWidget() is viewer

    # Delete asks, then the next photo takes the deleted one's place.
    answer_next_message_box(qtbot, "Mover a la papelera")
    qtbot.keyClick(viewer.preview, Qt.Key.Key_Delete)
    qtbot.waitUntil(
        lambda: viewer.photo is not None and viewer.photo.name == order[3], timeout=30000
    )
    assert viewer.position.text() == "3 de 3"
    qtbot.waitUntil(lambda: len(page.model.photos) == 3, timeout=30000)
    qtbot.keyClick(viewer.preview, Qt.Key.Key_Escape)
    assert window.content.currentWidget() is page

    # Tiles: right-click → Mover a → Otro; Delete on a selected tile asks first.
    first = page.grid.visualRect(page.model.index(0)).center()
    right_click_and_choose(qtbot, page.grid.viewport(), first, "Mover a", "Otro")
    qtbot.waitUntil(lambda: len(page.model.photos) == 2, timeout=30000)
    qtbot.mouseClick(
        page.grid.viewport(),
        Qt.MouseButton.LeftButton,
        pos=page.grid.visualRect(page.model.index(0)).center(),
    )
    answer_next_message_box(qtbot, "Cancelar")
    qtbot.keyClick(page.grid, Qt.Key.Key_Delete)
    assert len(page.model.photos) == 2
    answer_next_message_box(qtbot, "Mover a la papelera")
    qtbot.keyClick(page.grid, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: len(page.model.photos) == 1, timeout=30000)
    counts = {a.name: a.photo_count for a in api.albums()}
    assert counts["Viaje"] == 1 and counts["Otro"] == 1
