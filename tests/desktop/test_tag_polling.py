"""The photo page keeps waiting for tags while it is open, backing off, and never gives up.

No clock is involved: each "still pending" answer is delivered the way the background call
delivers it, and the test reads the wait the page schedules next.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop.api.models import Label, Photo
from desktop.app import LaunchOptions, build_window, create_app
from desktop.core.session import MemoryTokenStore
from desktop.views.photo_view import LABEL_POLL_MAX_MS


def test_pending_tags_are_polled_with_backoff_until_they_arrive(
    qtbot: QtBot, tmp_path: Path
) -> None:
    create_app([])
    window, _ctx, _backend = build_window(
        LaunchOptions(server="http://127.0.0.1:9", language="es", data_dir=tmp_path),
        token_store=MemoryTokenStore(),
        start_backend=False,
    )
    window.show()
    page = window.photo
    window.content.setCurrentWidget(page)
    pending = Photo(id=1, album_id=1, name="playa", labels_state="pending")
    page.photo = pending

    waits = []
    for _ in range(15):  # well past the old ~9 s give-up
        page._on_details(pending)  # the server answered: still pending
        assert page._poll_timer.isActive(), "the page stopped waiting for tags"
        waits.append(page._poll_timer.interval())
        page._poll_timer.stop()  # as if it fired; the next answer arrives below
        assert page.tags_status.text() == "Calculando etiquetas…"
    assert waits == sorted(waits) and waits[0] < waits[-1] == LABEL_POLL_MAX_MS
    assert sum(waits) > 60_000

    done = Photo(
        id=1, album_id=1, name="playa", labels_state="done", labels=(Label("1 persona", 99.0),)
    )
    page._on_details(done)
    assert not page._poll_timer.isActive()
    assert page.tags.chips() == ["1 persona · 99 %"]
    QApplication.processEvents()
    window.close()
