"""Extended selection in the album grid (click, Shift, Ctrl, Ctrl+A), bulk move and trash in
one action, and Undo (Ctrl+Z) within ten seconds — against a real server."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from person import answer_next_message_box
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desktop.api.client import ApiClient
from desktop.backend import BackendState

pytestmark = pytest.mark.e2e
PASSWORD = "Tr0mpeta-Azul!"
FILES = ["biden_1.jpg", "biden_2.jpg", "leslie_1.jpg", "leslie_2.jpg", "harington_1.jpg"]


def log_in(qtbot: QtBot, window: object, backend: object, login: str, password: str) -> None:
    qtbot.waitUntil(lambda: backend.state is BackendState.READY, timeout=30000)
    qtbot.keyClicks(window.login.login_edit, login)
    qtbot.keyClicks(window.login.password_edit, password)
    qtbot.keyClick(window.login.password_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.top.currentWidget() is window.shell, timeout=15000)


def click(
    qtbot: QtBot,
    grid: object,
    row: int,
    modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier,
) -> None:
    index = grid.model().index(row, 0)
    qtbot.mouseClick(
        grid.viewport(), Qt.MouseButton.LeftButton, modifier, grid.visualRect(index).center()
    )


def test_select_move_and_trash_many_then_undo(
    qtbot: QtBot, launch: Callable[..., tuple], server_url: str, unique: str, faces: Path
) -> None:
    client = ApiClient(server_url)
    username = f"sel_{unique}"
    client.register(
        username=username,
        email=f"{username}@example.com",
        password=PASSWORD,
        password_confirm=PASSWORD,
        photo=faces / "obama_small.jpg",
    )
    source = client.create_album("Origen")
    target = client.create_album("Destino")
    for name in FILES:
        client.upload_photo(source.id, faces / name)

    window, _ctx, backend = launch(server_url)
    log_in(qtbot, window, backend, username, PASSWORD)
    qtbot.waitUntil(lambda: len(window.albums.model.albums) >= 3, timeout=15000)
    window.open_album(next(a for a in window.albums.model.albums if a.id == source.id))
    page, grid = window.album, window.album.grid
    qtbot.waitUntil(lambda: len(page.model.photos) == len(FILES), timeout=15000)
    selection = grid.selectionModel()

    click(qtbot, grid, 0)
    click(qtbot, grid, 2, Qt.KeyboardModifier.ShiftModifier)
    assert len(selection.selectedIndexes()) == 3
    click(qtbot, grid, 4, Qt.KeyboardModifier.ControlModifier)
    assert sorted(i.row() for i in selection.selectedIndexes()) == [0, 1, 2, 4]
    qtbot.keyClick(grid, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    assert len(selection.selectedIndexes()) == len(FILES)
    assert page.selection_bar.isVisible()
    assert page.selection_bar.count.text() == "5 fotos seleccionadas"
    click(qtbot, grid, 3, Qt.KeyboardModifier.ControlModifier)  # Ctrl+click takes one out
    click(qtbot, grid, 4, Qt.KeyboardModifier.ControlModifier)
    chosen = {photo.id for photo in page.selected_photos()}
    assert len(chosen) == 3

    page.selection_bar.move_menu.aboutToShow.emit()
    (move_to_target,) = [a for a in page.selection_bar.move_menu.actions() if a.text() == "Destino"]
    move_to_target.trigger()
    qtbot.waitUntil(lambda: len(page.model.photos) == 2, timeout=15000)
    assert {p.id for p in client.list_photos(target.id).items} == chosen
    assert window.undo_bar.isVisible() and "Destino" in window.undo_bar.text.text()

    qtbot.keyClick(grid, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # Undo
    qtbot.waitUntil(lambda: len(page.model.photos) == len(FILES), timeout=15000)
    assert client.list_photos(target.id).items == []
    assert not window.undo_bar.isVisible()

    grid.clearSelection()
    click(qtbot, grid, 1)
    trashed_id = page.selected_photos()[0].id
    answer_next_message_box(qtbot, "Mover a la papelera")
    qtbot.keyClick(grid, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: len(page.model.photos) == len(FILES) - 1, timeout=15000)
    assert [p.id for p in client.trash().items] == [trashed_id]
    qtbot.mouseClick(window.undo_bar.undo_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(page.model.photos) == len(FILES), timeout=15000)
    assert client.trash().items == []


def test_undo_is_offered_for_ten_seconds_only(qtbot: QtBot) -> None:
    from desktop.views.selection import UndoBar

    bar = UndoBar()
    qtbot.addWidget(bar)
    undone: list[str] = []
    bar.offer("hecho", lambda: undone.append("x"), seconds=0.2)
    assert bar.active and bar.isVisible()
    qtbot.waitUntil(lambda: not bar.active, timeout=5000)
    assert bar.undo() is False and undone == []
    bar.offer("hecho", lambda: undone.append("x"))
    assert bar.timer.interval() == 10_000
    assert bar.undo() is True and undone == ["x"]


def test_a_rubber_band_from_an_empty_spot_selects_the_tiles_it_crosses_and_trashes_them(
    qtbot: QtBot, launch: Callable[..., tuple], server_url: str, unique: str, faces: Path
) -> None:
    from PySide6.QtCore import QPoint, QRect
    from PySide6.QtTest import QTest

    client = ApiClient(server_url)
    username = f"banda_{unique}"
    client.register(
        username=username,
        email=f"{username}@example.com",
        password=PASSWORD,
        password_confirm=PASSWORD,
        photo=faces / "obama_small.jpg",
    )
    album = client.create_album("Banda")
    for name in FILES:
        client.upload_photo(album.id, faces / name)

    window, _ctx, backend = launch(server_url)
    log_in(qtbot, window, backend, username, PASSWORD)
    qtbot.waitUntil(
        lambda: any(a.id == album.id for a in window.albums.model.albums), timeout=15000
    )
    window.open_album(next(a for a in window.albums.model.albums if a.id == album.id))
    page, grid = window.album, window.album.grid
    qtbot.waitUntil(lambda: len(page.model.photos) == len(FILES), timeout=15000)
    viewport = grid.viewport()
    tiles = [grid.visualRect(grid.model().index(row, 0)) for row in range(len(FILES))]
    # Tiles 1–3 share a row; the band starts below every tile, under tile 1.
    assert tiles[1].top() == tiles[2].top() == tiles[3].top(), tiles
    start = QPoint(tiles[1].center().x(), max(t.bottom() for t in tiles) + 12)
    end = tiles[3].center()
    assert viewport.rect().contains(start) and not grid.indexAt(start).isValid()
    band = QRect(start, end).normalized()
    expected_rows = [row for row, tile in enumerate(tiles) if tile.intersects(band)]
    assert expected_rows == [1, 2, 3]
    expected = {page.model.photos[row].id for row in expected_rows}

    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    steps = 8
    for step in range(1, steps + 1):
        QTest.mouseMove(viewport, start + (end - start) * step / steps)
    QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, end)

    assert sorted(i.row() for i in grid.selectionModel().selectedIndexes()) == expected_rows
    assert {p.id for p in page.selected_photos()} == expected
    assert page.selection_bar.isVisible()
    assert page.selection_bar.count.text() == "3 fotos seleccionadas"

    qtbot.mouseClick(page.selection_bar.trash_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(page.model.photos) == len(FILES) - 3, timeout=15000)
    assert {p.id for p in client.trash().items} == expected
    left = {p.id for p in client.list_photos(album.id).items}
    assert left == {p.id for p in page.model.photos} and not left & expected
    assert len(left) == len(FILES) - 3
