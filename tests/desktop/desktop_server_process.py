"""Start and stop a real ``python -m server`` process for the desktop tests and benchmarks."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import requests

REPO = Path(__file__).resolve().parents[2]

# One server stands in for many people who all come from 127.0.0.1: the per-address limits
# (sign-ups, failed logins) would otherwise refuse the later tests' accounts. Per-account
# limits stay as they ship.
SHARED_ADDRESS_LIMITS = {
    "FACEALBUM_REGISTER_MAX_PER_ADDRESS": "100000",
    "FACEALBUM_LOGIN_MAX_FAILURES_PER_ADDRESS": "100000",
    # Desktop tests check the words read in an image, not the 1.5 s answer budget (the hostile
    # corpus holds that): on a loaded machine the budget would cut the reading short.
    "FACEALBUM_TEXT_TIME_BUDGET_SECONDS": "60",
}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def start_server(data_dir: Path, port: int) -> subprocess.Popen[bytes]:
    """``python -m server`` on 127.0.0.1:port, waiting until /check answers."""
    log = open(data_dir.parent / f"server-{port}.log", "wb")  # noqa: SIM115 - lives with the process
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "server",
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "--data-dir",
            str(data_dir),
        ],
        cwd=REPO,
        stdout=log,
        stderr=subprocess.STDOUT,
        env={**os.environ, **SHARED_ADDRESS_LIMITS},
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"server exited early; see {log.name}")
        try:
            if requests.get(f"http://127.0.0.1:{port}/check", timeout=1).ok:
                return process
        except requests.RequestException:
            time.sleep(0.2)
    process.kill()
    raise RuntimeError("server did not answer /check within 60 s")


def stop_server(process: subprocess.Popen[bytes]) -> None:
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
