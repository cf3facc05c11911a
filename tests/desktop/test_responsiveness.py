"""The UI thread keeps ticking while 20 photos upload (the longest stall is reported)."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

import pytest
from person import distinct_copy
from PySide6.QtCore import QTimer
from pytestqt.qtbot import QtBot

from desktop.api.client import ApiClient
from desktop.backend import BackendState
from desktop.core.uploads import UploadState

pytestmark = pytest.mark.e2e
PASSWORD = "Tr0mpeta-Azul!"
PHOTO_NAMES = [
    "obama_1.jpg",
    "obama_2.jpg",
    "biden_1.jpg",
    "biden_2.jpg",
    "harington_1.jpg",
    "leslie_1.jpg",
    "lacamoire_1.jpg",
    "group_two_people.jpg",
    "miranda_1.png",
    "obama_3.jpg",
]


class StallMeter:
    """A 10 ms timer on the UI thread; the longest gap between ticks is the longest stall."""

    def __init__(self) -> None:
        self.timer = QTimer()
        self.timer.setInterval(10)
        self.timer.timeout.connect(self._tick)
        self.last = 0.0
        self.longest = 0.0
        self.ticks = 0

    def start(self) -> None:
        self.last = time.perf_counter()
        self.timer.start()

    def _tick(self) -> None:
        now = time.perf_counter()
        self.longest = max(self.longest, now - self.last)
        self.last = now
        self.ticks += 1

    def stop(self) -> float:
        self.timer.stop()
        return self.longest


def test_uploading_twenty_photos_keeps_the_event_loop_running(
    qtbot: QtBot,
    launch: Callable[..., tuple],
    server_url: str,
    unique: str,
    faces: Path,
    tmp_path: Path,
) -> None:
    client = ApiClient(server_url)
    client.register(
        username=f"rui_{unique}",
        email=f"rui_{unique}@example.com",
        password=PASSWORD,
        password_confirm=PASSWORD,
        photo=faces / "obama_1.jpg",
    )
    album = client.create_album("Veinte")
    folder = tmp_path / "veinte"
    folder.mkdir()
    for i in range(20):
        name = PHOTO_NAMES[i % len(PHOTO_NAMES)]
        distinct_copy(faces / name, folder / f"{i:02d}_{name}", i)

    window, _ctx, backend = launch(server_url)
    qtbot.waitUntil(lambda: backend.state is BackendState.READY, timeout=10000)
    window.login.login_edit.setText(f"rui_{unique}")
    window.login.password_edit.setText(PASSWORD)
    window.login.submit_password()
    qtbot.waitUntil(lambda: window.top.currentWidget() is window.shell, timeout=15000)
    window.open_album(album)

    meter = StallMeter()
    meter.start()
    window.album.grid.files_dropped.emit([folder])  # the grid's drop handler output
    qtbot.waitUntil(
        lambda: not window.uploads.busy and window.upload_panel.counts()[UploadState.DONE] == 20,
        timeout=120000,
    )
    qtbot.waitUntil(lambda: len(window.album.model.photos) == 20, timeout=20000)
    longest = meter.stop()
    print(f"\nlongest UI stall during a 20-photo upload: {longest * 1000:.0f} ms")  # noqa: T201 - for the note
    assert meter.ticks > 50
    assert longest < 0.5
