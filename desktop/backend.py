"""The server the app talks to: the bundled local one (a child process) or a remote URL.

The local server starts as ``python -m server --host 127.0.0.1 --port <free> --data-dir <dir>``
(``FaceAlbum --run-server …`` in the bundle, see ``desktop.core.frozen.server_command``);
``/check`` is polled in the background until it answers, so the window never waits on it.
A remote server is declared gone only after several checks in a row fail, with a pause between
them: one slow answer on a busy machine or network is not an outage.
"""

from __future__ import annotations

import enum
import logging
import socket
import subprocess
import time
from collections import deque
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal

from desktop.api.client import ApiClient
from desktop.api.errors import ApiError
from desktop.core.frozen import server_command
from desktop.ops import QueryOp

log = logging.getLogger(__name__)


class BackendState(enum.Enum):
    STARTING = "starting"
    READY = "ready"
    FAILED = "failed"


def free_port(host: str = "127.0.0.1") -> int:
    """A TCP port nobody listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((host, 0))
        return int(sock.getsockname()[1])


class Backend(QObject):
    """Keeps track of whether the server answers; starts and stops the local one.

    ``state_changed`` carries the new :class:`BackendState` and, for failures, the reason code
    (``server_exited``, ``server_timeout``, ``connection_failed``) and detail text.

    ``check_timeout`` bounds one ``/check``; a remote server fails after ``remote_attempts``
    failed checks in a row, the n-th retry waiting ``retry_pause * 2**(n-1)`` seconds.
    """

    state_changed = Signal(object, str, str)

    def __init__(
        self,
        *,
        remote_url: str | None = None,
        server_data_dir: Path | None = None,
        startup_timeout: float = 60.0,
        check_timeout: float = 3.0,
        remote_attempts: int = 4,
        retry_pause: float = 0.5,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.check_timeout = check_timeout
        self.remote_attempts = remote_attempts
        self.retry_pause = retry_pause
        self.failed_checks = 0  # in a row, since the last answer or start()
        self._next_check_at = 0.0
        self.remote_url = remote_url.rstrip("/") if remote_url else None
        self.server_data_dir = server_data_dir
        self.startup_timeout = startup_timeout
        self.state = BackendState.STARTING
        self.url = self.remote_url or ""
        self._process: subprocess.Popen[bytes] | None = None
        self._log_path: Path | None = None
        self._started_at = 0.0
        self._check_running = False
        self._timer = QTimer(self)
        self._timer.setInterval(250)
        self._timer.timeout.connect(self._poll)

    @property
    def is_local(self) -> bool:
        return self.remote_url is None

    def start(self) -> None:
        """Start (or restart) the local server, or begin checking the remote one."""
        self._set_state(BackendState.STARTING)
        self._started_at = time.monotonic()
        self.failed_checks = 0
        self._next_check_at = 0.0
        if self.is_local:
            self._spawn()
        self._timer.start()
        self._poll()

    def stop(self) -> None:
        """Stop polling and end the local server process (terminate, then kill)."""
        self._timer.stop()
        process, self._process = self._process, None
        if process is None or process.poll() is not None:
            return
        process.terminate()
        try:
            process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=5)

    def _spawn(self) -> None:
        self.stop()
        assert self.server_data_dir is not None, "local mode needs a data dir"
        self.server_data_dir.mkdir(parents=True, exist_ok=True)
        port = free_port()
        self.url = f"http://127.0.0.1:{port}"
        self._log_path = self.server_data_dir / "server.log"
        # `python -m server …`, or the bundle's own executable with --run-server once frozen.
        command = server_command(
            "--host", "127.0.0.1", "--port", str(port), "--data-dir", str(self.server_data_dir)
        )
        log.info("starting local server: %s", " ".join(command))
        with open(self._log_path, "ab") as log_file:
            self._process = subprocess.Popen(
                command,
                stdout=log_file,
                stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
                cwd=str(Path(__file__).resolve().parents[1]),
            )

    def _poll(self) -> None:
        if self._process is not None and self._process.poll() is not None:
            self._timer.stop()
            detail = self._log_tail()
            log.warning("local server exited with %s: %s", self._process.returncode, detail)
            self._set_state(BackendState.FAILED, "server_exited", detail)
            return
        if time.monotonic() - self._started_at > self.startup_timeout:
            self._timer.stop()
            self._set_state(BackendState.FAILED, "server_timeout", self._log_tail())
            return
        if self._check_running or time.monotonic() < self._next_check_at:
            return
        self._check_running = True
        client = ApiClient(self.url, connect_timeout=self.check_timeout)
        timeout = self.check_timeout
        QueryOp(
            parent=self, op=lambda: client.check(timeout=timeout), success=self._on_check
        ).failure(self._on_check_failed).run_in_background()

    def _on_check(self, ok: bool) -> None:
        self._check_running = False
        self.failed_checks = 0
        if ok and self.state is not BackendState.READY:
            self._timer.stop()
            self._set_state(BackendState.READY)

    def _on_check_failed(self, error: Exception) -> None:
        self._check_running = False
        if self.is_local:
            return  # still warming up; the timer tries again
        self.failed_checks += 1
        if self.failed_checks < self.remote_attempts:
            log.info("check of %s failed (%s); trying again", self.url, error)
            pause = self.retry_pause * 2 ** (self.failed_checks - 1)
            self._next_check_at = time.monotonic() + pause
            return
        self._timer.stop()
        code = error.code if isinstance(error, ApiError) else "connection_failed"
        self._set_state(BackendState.FAILED, code, str(error))

    def _set_state(self, state: BackendState, code: str = "", detail: str = "") -> None:
        self.state = state
        self.state_changed.emit(state, code, detail)

    def _log_tail(self, lines: int = 6) -> str:
        if self._log_path is None or not self._log_path.exists():
            return ""
        with open(self._log_path, encoding="utf-8", errors="replace") as handle:
            return "".join(deque(handle, maxlen=lines)).strip()
