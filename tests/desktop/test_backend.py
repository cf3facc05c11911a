"""The bundled local server starts as a child process, answers, and stops with the app."""

from __future__ import annotations

from pathlib import Path

import pytest
import requests
from pytestqt.qtbot import QtBot

from desktop.backend import Backend, BackendState

pytestmark = pytest.mark.e2e


def test_the_local_server_starts_answers_and_stops(qtbot: QtBot, tmp_path: Path) -> None:
    backend = Backend(server_data_dir=tmp_path / "server")
    states: list[BackendState] = []
    backend.state_changed.connect(lambda state, _code, _detail: states.append(state))
    backend.start()
    assert states == [BackendState.STARTING]
    try:
        qtbot.waitUntil(lambda: backend.state is BackendState.READY, timeout=60000)
        assert requests.get(f"{backend.url}/check", timeout=2).json() == {"status": "ok"}
        assert (tmp_path / "server").is_dir()
    finally:
        backend.stop()
    with pytest.raises(requests.ConnectionError):
        requests.get(f"{backend.url}/check", timeout=2)
