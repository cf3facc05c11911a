"""A FaceAlbum cluster on loopback: nginx in front of N `python -m server` processes that share
one MariaDB database and one S3 bucket (moto's server). Used by the cluster test and benchmark.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import httpx

REPO_ROOT = Path(__file__).resolve().parents[2]
NGINX_TEMPLATE = REPO_ROOT / "deploy" / "nginx" / "facealbum.conf.template"
MYSQL_ADMIN_URL = os.environ.get(
    "FACEALBUM_TEST_MYSQL_URL", "mysql+mysqldb://root:@127.0.0.1:3306/"
)
LOOPBACK = "127.0.0.1"
_TEMPLATE_VARIABLE = re.compile(r"\$\{(FACEALBUM_[A-Z_]+)\}")


def free_port() -> int:
    """A TCP port nobody listens on right now (on 127.0.0.1)."""
    with socket.socket() as sock:
        sock.bind((LOOPBACK, 0))
        return int(sock.getsockname()[1])


def wait_for_check(url: str, process: subprocess.Popen[bytes], timeout: float, log: Path) -> None:
    """Poll `url`/check until it answers 200; fail early when the process exits."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{url}: process exited with {process.returncode}; see {log}")
        try:
            if httpx.get(f"{url}/check", timeout=1).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.05)
    raise TimeoutError(f"{url} did not answer /check within {timeout} s; see {log}")


def render_nginx_config(
    listen_port: int, upstream_ports: Sequence[int], *, fail_timeout_seconds: int = 3
) -> str:
    """deploy/nginx/facealbum.conf.template with its two variables filled in (like envsubst)."""
    servers = "\n        ".join(
        f"server {LOOPBACK}:{port} max_fails=1 fail_timeout={fail_timeout_seconds}s;"
        for port in upstream_ports
    )
    values = {
        "FACEALBUM_LISTEN": f"{LOOPBACK}:{listen_port}",
        "FACEALBUM_UPSTREAM_SERVERS": servers,
    }
    return _TEMPLATE_VARIABLE.sub(lambda m: values[m.group(1)], NGINX_TEMPLATE.read_text())


@dataclass
class AccessLogEntry:
    request: str
    status: int
    upstreams: list[str]
    upstream_statuses: list[str]


class Nginx:
    """nginx in the foreground (`daemon off`) with its own prefix folder, config and pid file."""

    def __init__(self, prefix: Path, upstream_ports: Sequence[int]) -> None:
        self.prefix = prefix
        self.port = free_port()
        self.upstream_ports = list(upstream_ports)
        self.process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"http://{LOOPBACK}:{self.port}"

    @property
    def access_log(self) -> Path:
        return self.prefix / "logs" / "access.log"

    def start(self, timeout: float = 15.0) -> Nginx:
        nginx = shutil.which("nginx") or "/usr/sbin/nginx"
        for folder in ("logs", "temp"):
            (self.prefix / folder).mkdir(parents=True, exist_ok=True)
        config = self.prefix / "facealbum.conf"
        config.write_text(render_nginx_config(self.port, self.upstream_ports))
        directives = "daemon off;"
        if os.geteuid() == 0:
            # Workers would drop to "nobody", which cannot write into a private temp folder.
            directives += " user root;"
        log = self.prefix / "logs" / "stderr.log"
        with open(log, "ab") as output:
            self.process = subprocess.Popen(
                [
                    nginx,
                    "-p",
                    str(self.prefix),
                    "-c",
                    str(config),
                    "-e",
                    "stderr",
                    "-g",
                    directives,
                ],
                stdout=output,
                stderr=subprocess.STDOUT,
            )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(
                    f"nginx exited with {self.process.returncode}: {log.read_text()}"
                )
            with socket.socket() as probe:
                if probe.connect_ex((LOOPBACK, self.port)) == 0:
                    return self
            time.sleep(0.05)
        raise TimeoutError("nginx did not listen in time")

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGQUIT)  # graceful: finish requests, then exit
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(10)

    def log_entries(self) -> list[AccessLogEntry]:
        """Every request nginx has logged so far, with the instances it was tried on."""
        pattern = re.compile(
            r'"(?P<request>[^"]*)" (?P<status>\d{3}) upstream=(?P<up>.*?) '
            r"upstream_status=(?P<ups>.*?) request_time="
        )
        entries: list[AccessLogEntry] = []
        if not self.access_log.exists():
            return entries
        for line in self.access_log.read_text().splitlines():
            match = pattern.search(line)
            if match:
                entries.append(
                    AccessLogEntry(
                        request=match["request"],
                        status=int(match["status"]),
                        upstreams=[
                            u.strip() for u in re.split(r"[,:]\s", match["up"]) if u.strip()
                        ],
                        upstream_statuses=[s.strip() for s in re.split(r"[,:]\s", match["ups"])],
                    )
                )
        return entries


@dataclass
class ServiceInstance:
    """One `python -m server` process on a fixed loopback port (kept across restarts)."""

    name: str
    data_dir: Path
    database_url: str
    env: dict[str, str]
    port: int = field(default_factory=free_port)
    process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"http://{LOOPBACK}:{self.port}"

    @property
    def address(self) -> str:
        return f"{LOOPBACK}:{self.port}"

    @property
    def log(self) -> Path:
        return self.data_dir.parent / f"{self.name}.log"

    def launch(self) -> None:
        """Start the process without waiting (see `wait_ready`)."""
        self.data_dir.mkdir(parents=True, exist_ok=True)
        command = [
            sys.executable, "-m", "server",
            "--host", LOOPBACK, "--port", str(self.port),
            "--data-dir", str(self.data_dir),
            "--database-url", self.database_url,
            "--log-level", "warning",
        ]  # fmt: skip
        with open(self.log, "ab") as output:
            self.process = subprocess.Popen(
                command,
                cwd=REPO_ROOT,
                env={**os.environ, **self.env},
                stdout=output,
                stderr=subprocess.STDOUT,
            )

    def wait_ready(self, timeout: float = 60.0) -> None:
        assert self.process is not None, "launch() first"
        wait_for_check(self.url, self.process, timeout, self.log)

    def start(self, timeout: float = 60.0) -> ServiceInstance:
        self.launch()
        self.wait_ready(timeout)
        return self

    def kill(self) -> None:
        """SIGKILL, as in a crash: no shutdown handler runs."""
        if self.process is not None and self.process.poll() is None:
            self.process.kill()
            self.process.wait(10)

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(10)


def service_environment(
    *, s3_endpoint: str, bucket: str, extra: dict[str, str] | None = None
) -> dict[str, str]:
    """What every instance shares: S3 through the endpoint, one trusted proxy, cheap engines."""
    env = {
        "FACEALBUM_STORAGE_BACKEND": "s3",
        "FACEALBUM_S3_BUCKET": bucket,
        "FACEALBUM_S3_ENDPOINT_URL": s3_endpoint,
        "FACEALBUM_AWS_REGION": "us-east-1",
        "FACEALBUM_AWS_ACCESS_KEY_ID": "testing",
        "FACEALBUM_AWS_SECRET_ACCESS_KEY": "testing",
        "AWS_EC2_METADATA_DISABLED": "true",
        "FACEALBUM_TRUSTED_PROXIES": "1",
        "FACEALBUM_JOB_WORKER": "false",
        "FACEALBUM_FACE_ENGINE": "none",
        "FACEALBUM_TEXT_ENGINE": "none",
        "FACEALBUM_LABELS_ENGINE": "none",
        "FACEALBUM_TRANSLATION_ENGINE": "none",
        "FACEALBUM_LOG_LEVEL": "WARNING",
    }
    env.update(extra or {})
    return env


def create_bucket(s3_endpoint: str, bucket: str) -> None:
    """Create the shared bucket (private, like the template's) on the S3 API server."""
    from server.storage import create_object_store

    store = create_object_store(
        backend="s3",
        local_root=Path("/nonexistent"),
        bucket=bucket,
        region="us-east-1",
        endpoint_url=s3_endpoint,
        access_key_id="testing",
        secret_access_key="testing",
    )
    store.ensure_bucket()  # type: ignore[attr-defined]


@contextmanager
def fresh_mysql_database(admin_url: str = MYSQL_ADMIN_URL) -> Iterator[str]:
    """An empty MariaDB/MySQL database for one cluster, dropped afterwards; yields its URL.

    Raises ConnectionError when no server answers at `admin_url`."""
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    admin = create_engine(admin_url, pool_pre_ping=True)
    try:
        with admin.connect() as connection:
            connection.execute(text("SELECT 1"))
    except Exception as exc:
        admin.dispose()
        raise ConnectionError(f"MariaDB/MySQL is not reachable at {admin_url}: {exc}") from exc
    name = f"facealbum_cluster_{os.getpid()}_{uuid.uuid4().hex[:6]}"
    with admin.begin() as connection:
        connection.execute(
            text(f"CREATE DATABASE `{name}` CHARACTER SET utf8mb4 COLLATE utf8mb4_bin")
        )
    url = make_url(admin_url).set(database=name, query={"charset": "utf8mb4"})
    try:
        yield url.render_as_string(hide_password=False)
    finally:
        with admin.begin() as connection:
            connection.execute(text(f"DROP DATABASE IF EXISTS `{name}`"))
        admin.dispose()


@dataclass
class LocalCluster:
    """N instances behind nginx. The first instance starts alone (it migrates the empty
    database); the others start together once the schema is there."""

    workdir: Path
    database_url: str
    env: dict[str, str]
    size: int = 3
    per_instance_env: dict[int, dict[str, str]] = field(default_factory=dict)
    instances: list[ServiceInstance] = field(default_factory=list)
    nginx: Nginx | None = None

    def start(self) -> LocalCluster:
        self.instances = [
            ServiceInstance(
                name=f"instance-{n}",
                data_dir=self.workdir / f"instance-{n}",
                database_url=self.database_url,
                env={**self.env, **self.per_instance_env.get(n, {})},
            )
            for n in range(self.size)
        ]
        self.instances[0].start()
        for instance in self.instances[1:]:
            instance.launch()
        for instance in self.instances[1:]:
            instance.wait_ready()
        self.nginx = Nginx(self.workdir / "nginx", [i.port for i in self.instances]).start()
        return self

    @property
    def url(self) -> str:
        assert self.nginx is not None, "start() first"
        return self.nginx.url

    def stop(self) -> None:
        if self.nginx is not None:
            self.nginx.stop()
        for instance in self.instances:
            instance.stop()
