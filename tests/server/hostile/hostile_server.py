"""A real ``python -m server`` process for the hostile tests: its RSS can be read, its files
inspected, and several can share one database (instances behind a load balancer)."""

from __future__ import annotations

import os
import socket
import sqlite3
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import httpx
from hostile_corpus import small_jpeg

REPO = Path(__file__).resolve().parents[3]
# Tables whose rows a refused request must not change (attempt logs and throttle counters
# are meant to change).
CONTENT_TABLES = (
    "users",
    "albums",
    "photos",
    "jobs",
    "sessions",
    "user_faces",
    "photo_translations",
)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class ServerProcess:
    process: subprocess.Popen[bytes]
    url: str
    data_dir: Path
    log_path: Path

    def rss_bytes(self) -> int:
        status = Path(f"/proc/{self.process.pid}/status").read_text()
        for line in status.splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
        raise RuntimeError("no VmRSS line")

    def cpu_seconds(self) -> float:
        """CPU time the server process has used (all its threads, user + system)."""
        fields = Path(f"/proc/{self.process.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def stored_state(self) -> tuple[dict[str, int], list[str]]:
        """Row counts of the content tables and the stored object files (SQLite servers)."""
        database = self.data_dir / "facealbum.sqlite3"
        connection = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
        try:
            counts = {
                table: int(connection.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0])
                for table in CONTENT_TABLES
            }
        finally:
            connection.close()
        objects = self.data_dir / "objects"
        files = sorted(str(p.relative_to(objects)) for p in objects.rglob("*") if p.is_file())
        return counts, files

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=15)


def start_server(
    data_dir: Path, port: int, *, env: dict[str, str] | None = None, database_url: str | None = None
) -> ServerProcess:
    """Start the service with umask 022 (as a desktop session has) and wait for /check."""
    log_path = data_dir.parent / f"server-{port}.log"
    command = [
        sys.executable, "-m", "server", "--host", "127.0.0.1", "--port", str(port),
        "--data-dir", str(data_dir), "--log-level", "warning",
    ]  # fmt: skip
    if database_url:
        command += ["--database-url", database_url]
    environment = {
        **os.environ,
        "PYTHONPATH": str(REPO),
        "FACEALBUM_JOB_WORKER": "false",
        "FACEALBUM_LABELS_ENGINE": "none",
        **(env or {}),
    }
    with open(log_path, "wb") as log:
        process = subprocess.Popen(
            command,
            cwd=REPO,
            stdout=log,
            stderr=subprocess.STDOUT,
            env=environment,
            preexec_fn=lambda: os.umask(0o022),
        )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"server exited early: {log_path.read_text()[-2000:]}")
        try:
            if httpx.get(f"{url}/check", timeout=2).status_code == 200:
                return ServerProcess(process, url, data_dir, log_path)
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    process.kill()
    raise RuntimeError("the server did not answer /check within 2 minutes")


# Every answer costs the server at most this much CPU (the goal). CPU, not wall time:
# on a loaded machine the wall time measures the other jobs (a dense OCR page took 2.4 s of wall
# time once during a full run, its deadline being 1.5 s of work).
TIME_BUDGET_SECONDS = float(os.environ.get("FACEALBUM_HOSTILE_BUDGET_SECONDS", "2.0"))
#: ... and answers within this wall time however loaded the machine is (no hang, no sleep).
WALL_CEILING_SECONDS = 30.0
RSS_BUDGET_BYTES = 300 * 1024 * 1024
PASSWORD = "correct horse 9"


@dataclass
class Target:
    server: ServerProcess
    headers: dict[str, str]
    album_id: int
    photo_id: int
    username: str


def register(url: str, username: str, photo: bytes | None = None) -> httpx.Response:
    return httpx.post(
        f"{url}/api/v1/auth/register",
        data={
            "username": username,
            "email": f"{username}@example.com",
            "password": PASSWORD,
            "password_confirm": PASSWORD,
        },
        files={"photo": ("me.jpg", photo or small_jpeg(), "image/jpeg")},
        timeout=60,
    )
