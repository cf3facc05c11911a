"""``kill -TERM`` and Ctrl+C (SIGINT) end the app cleanly, and its local server with it."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.e2e


def children(pid: int) -> list[int]:
    try:
        text = Path(f"/proc/{pid}/task/{pid}/children").read_text()
    except OSError:
        return []
    return [int(p) for p in text.split()]


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def wait_for(condition: Callable[[], bool], timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.1)
    return condition()


@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="reads children from /proc")
@pytest.mark.parametrize("number", [signal.SIGTERM, signal.SIGINT])
def test_a_signal_stops_the_app_and_its_server(tmp_path: Path, number: signal.Signals) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(REPO)}
    log = (tmp_path / "app.log").open("wb")
    app = subprocess.Popen(
        [sys.executable, "-m", "desktop", "--data-dir", str(tmp_path / "data"), "--lang", "es"],
        cwd=REPO,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:

        def server_child() -> list[int]:
            return [
                c for c in children(app.pid) if b"server" in Path(f"/proc/{c}/cmdline").read_bytes()
            ]

        assert wait_for(lambda: bool(server_child()), 120), "the app never started its server"
        server = server_child()[0]
        # The window is logged as shown after the signal handlers are in place.
        assert wait_for(lambda: b"login window shown" in (tmp_path / "app.log").read_bytes(), 60)
        os.kill(app.pid, number)
        assert wait_for(lambda: app.poll() is not None, 60), "the app ignored the signal"
        assert app.returncode == 0, (tmp_path / "app.log").read_text()
        assert wait_for(lambda: not alive(server), 20), "the local server outlived the app"
        assert b"Traceback" not in (tmp_path / "app.log").read_bytes()
    finally:
        if app.poll() is None:
            app.kill()
        log.close()
