"""The bundled local server starts as a child process, answers, and stops with the app."""

from __future__ import annotations

import signal
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests
from desktop_server_process import free_port, start_server, stop_server
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


@pytest.fixture
def remote_server(tmp_path: Path) -> Iterator[tuple[str, subprocess.Popen[bytes]]]:
    port = free_port()
    process = start_server(tmp_path / "remote", port)
    yield f"http://127.0.0.1:{port}", process
    process.send_signal(signal.SIGCONT)
    stop_server(process)


def test_a_remote_server_that_misses_one_check_is_not_declared_gone(
    qtbot: QtBot, remote_server: tuple[str, subprocess.Popen[bytes]]
) -> None:
    url, process = remote_server
    backend = Backend(remote_url=url, check_timeout=1.0, remote_attempts=4, retry_pause=1.0)
    states: list[BackendState] = []
    backend.state_changed.connect(lambda state, _code, _detail: states.append(state))
    process.send_signal(signal.SIGSTOP)  # the server hangs: the first check times out
    try:
        backend.start()
        qtbot.waitUntil(lambda: backend.failed_checks >= 1, timeout=60000)
    finally:
        process.send_signal(signal.SIGCONT)
    qtbot.waitUntil(lambda: backend.state is not BackendState.STARTING, timeout=60000)
    backend.stop()
    assert states == [BackendState.STARTING, BackendState.READY]
    assert backend.failed_checks == 0


def test_a_remote_server_that_never_answers_fails_after_the_retries(qtbot: QtBot) -> None:
    backend = Backend(remote_url=f"http://127.0.0.1:{free_port()}", remote_attempts=3,
                      retry_pause=0.1)  # fmt: skip
    failures: list[tuple[str, int]] = []
    backend.state_changed.connect(
        lambda state, code, _detail: (
            failures.append((code, backend.failed_checks)) if state is BackendState.FAILED else None
        )
    )
    backend.start()
    qtbot.waitUntil(lambda: backend.state is BackendState.FAILED, timeout=60000)
    backend.stop()
    assert failures == [("connection_failed", 3)]
