"""Uploads started by dropping files on an album, as a person does: "Cancelar" in the upload
panel stops the rest (the server holds only what was sent before), and a server that is gone
for longer than the automatic retries leaves the files marked with the error; dropping them
again once it is back, or pressing "Reintentar" in the panel, stores each exactly once, and a
file the server refuses says why."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from desktop_server_process import free_port, start_server, stop_server
from person import distinct_copy, drag_and_drop, log_in
from PySide6.QtCore import QPoint, Qt
from pytestqt.qtbot import QtBot

from desktop.api.client import ApiClient
from desktop.api.models import Album
from desktop.core.messages import message_for
from desktop.core.uploads import UploadState

pytestmark = pytest.mark.e2e
PASSWORD = "Tr0mpeta-Azul!"


def person(server_url: str, name: str, faces: Path) -> tuple[ApiClient, Album]:
    """An account with an album "Lote" that holds one photo (so its grid shows)."""
    api = ApiClient(server_url)
    api.token = api.register(
        username=name,
        email=f"{name}@example.com",
        password=PASSWORD,
        password_confirm=PASSWORD,
        photo=faces / "leslie_1.jpg",
    ).token
    album = api.create_album("Lote")
    api.upload_photo(album.id, faces / "obama_1.jpg")
    return api, album


def copies(faces: Path, folder: Path, count: int, first: int = 0) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    sources = sorted(faces.glob("*.jpg"))
    return [
        distinct_copy(sources[i % len(sources)], folder / f"foto_{i:02d}.jpg", i)
        for i in range(first, first + count)
    ]


def open_lote(qtbot: QtBot, window: object, album: Album) -> object:
    qtbot.waitUntil(
        lambda: any(a.id == album.id for a in window.albums.model.albums), timeout=30000
    )
    window.open_album(next(a for a in window.albums.model.albums if a.id == album.id))
    qtbot.waitUntil(lambda: len(window.album.model.photos) >= 1, timeout=30000)
    return window.album.grid


def drop_on(grid: object, paths: list[Path]) -> None:
    viewport = grid.viewport()
    spot = QPoint(viewport.width() - 20, viewport.height() - 20)
    assert drag_and_drop(viewport, spot, paths), "the album grid did not take the files"


def stored_names(api: ApiClient, album: Album) -> list[str]:
    return sorted(p.name for p in api.list_photos(album.id, limit=100).items)


def plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def test_cancel_stops_the_rest_of_a_dropped_batch(
    qtbot: QtBot,
    launch: Callable[..., tuple],
    server_url: str,
    unique: str,
    faces: Path,
    tmp_path: Path,
) -> None:
    api, album = person(server_url, f"corta_{unique}", faces)
    batch = copies(faces, tmp_path / "batch", 24)
    window, ctx, backend = launch(server_url, data_dir=tmp_path / "app")
    log_in(qtbot, window, backend, f"corta_{unique}", PASSWORD)
    grid = open_lote(qtbot, window, album)
    panel = window.upload_panel

    drop_on(grid, batch)
    assert panel.isVisible() and panel.cancel_button.isVisible()
    qtbot.waitUntil(lambda: panel.counts()[UploadState.DONE] >= 1, timeout=120000)
    qtbot.mouseClick(panel.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not window.uploads.busy, timeout=120000)

    counts = panel.counts()
    done, cancelled = counts[UploadState.DONE], counts[UploadState.CANCELLED]
    assert done >= 1 and cancelled >= 1 and done + cancelled == len(batch), counts
    # The server holds exactly the files the panel calls uploaded: nothing sent after Cancel.
    uploaded = sorted(
        item.path.stem for item in panel.model.items if item.state is UploadState.DONE
    )
    assert stored_names(api, album) == sorted(["obama_1", *uploaded])
    assert panel.summary.text() == f"{plural(done, 'subida')} · {plural(cancelled, 'cancelada')}"
    assert {
        panel.state_text(item) for item in panel.model.items if item.state is UploadState.CANCELLED
    } == {"Cancelada"}
    assert panel.close_button.isVisible() and not panel.cancel_button.isVisible()
    # Cancelled means dropped: nothing is kept to resume at the next start.
    assert ctx.pending_uploads.load(ctx.thumbnail_namespace()) == []
    assert window.uploads.restore() == 0

    # Logging out leaves none of this account's file names on screen.
    qtbot.mouseClick(window.logout_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: ctx.user is None, timeout=30000)
    assert not panel.isVisible() and panel.model.rowCount() == 0


@pytest.fixture
def own_server(tmp_path: Path) -> Iterator[dict[str, object]]:
    """A server only this test stops and starts again (same port, same data)."""
    port = free_port()
    data = tmp_path / "server" / "data"
    data.parent.mkdir(parents=True)
    state: dict[str, object] = {"url": f"http://127.0.0.1:{port}", "port": port, "data": data}
    state["process"] = start_server(data, port)
    yield state
    stop_server(state["process"])  # type: ignore[arg-type]


def test_uploads_failed_while_the_server_was_gone_go_once_when_dropped_again(
    qtbot: QtBot,
    launch: Callable[..., tuple],
    own_server: dict[str, object],
    unique: str,
    faces: Path,
    tmp_path: Path,
) -> None:
    url = str(own_server["url"])
    api, album = person(url, f"vuelve_{unique}", faces)
    batch = copies(faces, tmp_path / "batch", 3)
    window, _ctx, backend = launch(url, data_dir=tmp_path / "app")
    log_in(qtbot, window, backend, f"vuelve_{unique}", PASSWORD)
    grid = open_lote(qtbot, window, album)
    panel = window.upload_panel

    stop_server(own_server["process"])  # type: ignore[arg-type]
    drop_on(grid, batch)
    # The panel says they will be tried again; after the last automatic attempt, why they failed.
    qtbot.waitUntil(
        lambda: (
            {panel.state_text(item) for item in panel.model.items} == {"Se reintentará al final"}
        ),
        timeout=60000,
    )
    qtbot.waitUntil(lambda: not window.uploads.busy, timeout=120000)
    assert panel.counts()[UploadState.FAILED] == len(batch)
    assert {panel.state_text(item) for item in panel.model.items} == {
        "Error: " + message_for("connection_failed")
    }
    assert panel.summary.text() == "0 subidas · 3 con error"

    own_server["process"] = start_server(own_server["data"], own_server["port"])  # type: ignore[arg-type]
    assert stored_names(api, album) == ["obama_1"]  # nothing half-stored by the failures

    # Dropped again (with a file that only looks like a JPEG): each photo once, the fake refused.
    fake = tmp_path / "batch" / "rota.jpg"
    fake.write_bytes(b"\xff\xd8\xff\xe0" + b"\x00\x10JFIF\x00" + b"no es una foto " * 200)
    qtbot.mouseClick(panel.close_button, Qt.MouseButton.LeftButton)
    assert not panel.isVisible()
    drop_on(grid, [*batch, fake])
    qtbot.waitUntil(lambda: not window.uploads.busy, timeout=120000)
    states = {item.path.name: item.state for item in panel.model.items}
    assert states == {
        **{path.name: UploadState.DONE for path in batch},
        "rota.jpg": UploadState.FAILED,
    }
    refused = next(item for item in panel.model.items if item.path.name == "rota.jpg")
    assert refused.reason_code == "image_unreadable"
    assert panel.state_text(refused) == "Error: " + message_for("image_unreadable")
    assert panel.summary.text() == "3 subidas · 1 con error"
    assert stored_names(api, album) == sorted(["obama_1", *(p.stem for p in batch)])

    # A third drop sends nothing: the server already has them.
    qtbot.mouseClick(panel.close_button, Qt.MouseButton.LeftButton)
    drop_on(grid, batch)
    qtbot.waitUntil(lambda: not window.uploads.busy, timeout=120000)
    assert {panel.state_text(item) for item in panel.model.items} == {
        "Omitida: " + message_for("already_uploaded")
    }
    assert stored_names(api, album) == sorted(["obama_1", *(p.stem for p in batch)])


def test_retry_in_the_panel_sends_the_failed_uploads_once_the_server_is_back(
    qtbot: QtBot,
    launch: Callable[..., tuple],
    own_server: dict[str, object],
    unique: str,
    faces: Path,
    tmp_path: Path,
) -> None:
    url = str(own_server["url"])
    api, album = person(url, f"reintenta_{unique}", faces)
    batch = copies(faces, tmp_path / "batch", 3)
    window, ctx, backend = launch(url, data_dir=tmp_path / "app")
    window.uploads.retry_delays = (0.1, 0.1, 0.1)  # the automatic retries, without 1 + 4 + 15 s
    log_in(qtbot, window, backend, f"reintenta_{unique}", PASSWORD)
    grid = open_lote(qtbot, window, album)
    panel = window.upload_panel

    stop_server(own_server["process"])  # type: ignore[arg-type]
    drop_on(grid, batch)
    assert not panel.retry_button.isVisible()  # not while the batch is still trying
    qtbot.waitUntil(
        lambda: not window.uploads.busy and panel.counts()[UploadState.FAILED] == len(batch),
        timeout=120000,
    )
    assert panel.summary.text() == "0 subidas · 3 con error"
    assert panel.retry_button.isVisible() and panel.retry_button.text() == "Reintentar"
    assert panel.retry_button.focusPolicy() & Qt.FocusPolicy.TabFocus  # reachable by keyboard

    own_server["process"] = start_server(own_server["data"], own_server["port"])  # type: ignore[arg-type]
    assert stored_names(api, album) == ["obama_1"]
    # Meanwhile the first file reached the album another way (another device): not sent again.
    api.upload_photo(album.id, batch[0])
    qtbot.mouseClick(panel.retry_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: not window.uploads.busy and panel.counts()[UploadState.FAILED] == 0,
        timeout=120000,
    )
    assert {item.path.name: panel.state_text(item) for item in panel.model.items} == {
        batch[0].name: "Omitida: " + message_for("already_uploaded"),
        batch[1].name: "Subida",
        batch[2].name: "Subida",
    }
    assert panel.summary.text() == "2 subidas · 1 omitida"
    assert not panel.retry_button.isVisible() and panel.close_button.isVisible()
    # Each file once on the server (the list would name a duplicate twice).
    assert stored_names(api, album) == sorted(["obama_1", *(p.stem for p in batch)])
    assert ctx.pending_uploads.load(ctx.thumbnail_namespace()) == []
    # The album on screen shows the new photos.
    qtbot.waitUntil(lambda: len(window.album.model.photos) == 1 + len(batch), timeout=30000)
