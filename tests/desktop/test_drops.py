"""Files dragged from a file manager land on an album card, a full album's grid and its margins."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from person import drag_and_drop, drag_leave, drag_over, drop, log_in
from PySide6.QtCore import QPoint, Qt
from pytestqt.qtbot import QtBot

from desktop.api.client import ApiClient
from desktop.core.uploads import UploadState

pytestmark = pytest.mark.e2e
PASSWORD = "Tr0mpeta-Azul!"


@pytest.fixture
def person(server_url: str, unique: str, faces: Path) -> tuple[str, ApiClient]:
    """An account with an album that already holds a photo."""
    api = ApiClient(server_url)
    auth = api.register(
        username=f"dani_{unique}",
        email=f"dani_{unique}@example.com",
        password=PASSWORD,
        password_confirm=PASSWORD,
        photo=faces / "leslie_1.jpg",
    )
    api.token = auth.token
    album = api.create_album("Playa")
    api.upload_photo(album.id, faces / "obama_1.jpg")
    return f"dani_{unique}", api


def album_count(api: ApiClient, name: str) -> int:
    return next(a.photo_count for a in api.albums() if a.name == name)


def test_files_dropped_on_an_album_card_upload_into_that_album(
    qtbot: QtBot,
    launch: Callable[..., tuple],
    server_url: str,
    person: tuple[str, ApiClient],
    faces: Path,
) -> None:
    username, api = person
    window, _ctx, backend = launch(server_url)
    log_in(qtbot, window, backend, username, PASSWORD)
    qtbot.mouseClick(window.nav["albums"], Qt.MouseButton.LeftButton)
    page = window.albums
    qtbot.waitUntil(lambda: any(a.name == "Playa" for a in page.model.albums), timeout=30000)
    grid = page.grid
    card = grid.visualRect(
        page.model.index_of(next(a.id for a in page.model.albums if a.name == "Playa"))
    )
    viewport = grid.viewport()

    # Hovering shows which card takes the files; leaving removes the highlight.
    assert drag_over(viewport, card.center(), [faces / "biden_1.jpg"])
    assert grid.property("dropActive") is True
    assert page.model.albums[grid.delegate.drop_row].name == "Playa"
    drag_leave(viewport)
    assert grid.delegate.drop_row == -1 and grid.property("dropActive") is False

    # The locked profile card refuses the hover (its row is never highlighted).
    profile = grid.visualRect(
        page.model.index_of(next(a.id for a in page.model.albums if a.is_profile))
    )
    assert not drag_over(viewport, profile.center(), [faces / "biden_1.jpg"])
    assert grid.delegate.drop_row == -1
    drag_leave(viewport)

    assert drag_and_drop(viewport, card.center(), [faces / "biden_1.jpg", faces / "biden_2.jpg"])
    qtbot.waitUntil(lambda: not window.uploads.busy, timeout=60000)
    assert window.upload_panel.counts()[UploadState.DONE] == 2
    assert album_count(api, "Playa") == 3
    qtbot.waitUntil(
        lambda: next(a.photo_count for a in page.model.albums if a.name == "Playa") == 3,
        timeout=30000,
    )


def test_files_dropped_on_a_full_album_grid_or_its_header_upload_there(
    qtbot: QtBot,
    launch: Callable[..., tuple],
    server_url: str,
    person: tuple[str, ApiClient],
    faces: Path,
) -> None:
    username, api = person
    window, _ctx, backend = launch(server_url)
    log_in(qtbot, window, backend, username, PASSWORD)
    qtbot.mouseClick(window.nav["albums"], Qt.MouseButton.LeftButton)
    albums = window.albums
    qtbot.waitUntil(lambda: any(a.name == "Playa" for a in albums.model.albums), timeout=30000)
    index = albums.model.index_of(next(a.id for a in albums.model.albums if a.name == "Playa"))
    qtbot.mouseClick(
        albums.grid.viewport(),
        Qt.MouseButton.LeftButton,
        pos=albums.grid.visualRect(index).center(),
    )
    qtbot.keyClick(albums.grid, Qt.Key.Key_Return)
    page = window.album
    qtbot.waitUntil(lambda: len(page.model.photos) == 1, timeout=30000)
    assert page.stack.currentWidget() is page.grid  # not the empty-album drop box

    # Onto a thumbnail, then onto the empty space below the thumbnails.
    viewport = page.grid.viewport()
    first = page.grid.visualRect(page.model.index(0)).center()
    assert drag_over(viewport, first, [faces / "biden_1.jpg"])
    assert page.grid.property("dropActive") is True
    assert drop(viewport, first, [faces / "biden_1.jpg"])
    assert page.grid.property("dropActive") is False
    empty_space = QPoint(viewport.width() - 20, viewport.height() - 20)
    assert page.grid.indexAt(empty_space).isValid() is False
    assert drag_and_drop(viewport, empty_space, [faces / "biden_2.jpg"])
    # Onto the album's title (outside the grid).
    assert drag_and_drop(page.header.title, QPoint(5, 5), [faces / "leslie_2.jpg"])

    qtbot.waitUntil(
        lambda: not window.uploads.busy and window.upload_panel.counts()[UploadState.DONE] == 3,
        timeout=90000,
    )
    assert album_count(api, "Playa") == 4
    qtbot.waitUntil(lambda: len(page.model.photos) == 4, timeout=30000)
