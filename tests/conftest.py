"""Fixtures shared by every test: where the shared fixtures live, a real S3 API server, and the
rule that nothing is skipped silently under CI."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

REPO_ROOT = Path(__file__).resolve().parents[1]
FIXTURES = REPO_ROOT / "tests" / "fixtures"
FACES = FIXTURES / "faces"

DUMMY_AWS_ENVIRONMENT = {
    "AWS_ACCESS_KEY_ID": "testing",
    "AWS_SECRET_ACCESS_KEY": "testing",
    "AWS_SESSION_TOKEN": "testing",
    "AWS_DEFAULT_REGION": "us-east-1",
    "AWS_CONFIG_FILE": "/nonexistent/aws-config",
    "AWS_SHARED_CREDENTIALS_FILE": "/nonexistent/aws-credentials",
    "AWS_EC2_METADATA_DISABLED": "true",
}


def in_ci() -> bool:
    return os.environ.get("CI", "").lower() in ("1", "true", "yes")


# The only tests that may be skipped under CI=true, each with the reason. Any other skip under CI
# is reported as a failure: a skipped test cannot see the bug it was written for.
CI_SKIP_ALLOWLIST: dict[str, str] = {
    "tests/packaging/test_bundle.py::test_built_bundle_passes_its_self_test": (
        "opt-in: a full PyInstaller build takes minutes; `make dist` builds and self-tests it"
    ),
}


# Hypothesis: failing examples are kept in the repository's ignored cache (.hypothesis/, replayed
# first on the next run), and a failed property test prints the seed it ran with, to replay it
# anywhere with `pytest --hypothesis-seed=N` (or `@seed(N)` on the test).
HYPOTHESIS_EXAMPLES = REPO_ROOT / ".hypothesis" / "examples"


def _register_hypothesis_profile() -> None:
    from hypothesis import settings
    from hypothesis.database import DirectoryBasedExampleDatabase

    settings.register_profile(
        "facealbum", database=DirectoryBasedExampleDatabase(HYPOTHESIS_EXAMPLES), print_blob=True
    )
    settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "facealbum"))


_register_hypothesis_profile()


def hypothesis_seed_note(test: Any) -> str | None:
    """How to replay the random run of a failed Hypothesis test (``None`` if it was not one)."""
    seed = getattr(test, "_hypothesis_internal_use_generated_seed", None)
    if seed is None:
        return None
    return (
        f"Hypothesis seed: {seed} — replay with `pytest --hypothesis-seed={seed}` or @seed({seed}); "
        f"the failing example is also stored in {HYPOTHESIS_EXAMPLES.relative_to(REPO_ROOT)}"
    )


def _allowed_to_skip(nodeid: str) -> bool:
    return nodeid.split("[", 1)[0] in CI_SKIP_ALLOWLIST


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Iterator[None]:
    outcome = yield
    report = outcome.get_result()
    if report.failed and call.when == "call":
        note = hypothesis_seed_note(getattr(item, "obj", None))
        if note:
            report.sections.append(("Hypothesis seed", note))
    if not (in_ci() and report.skipped) or hasattr(report, "wasxfail"):
        return
    if _allowed_to_skip(item.nodeid):
        return
    reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else str(report.longrepr)
    reason = reason.removeprefix("Skipped: ")
    report.outcome = "failed"
    report.longrepr = (
        f"skipped under CI=true, which is a failure: {reason}\n"
        "Make the test run here, or add it to CI_SKIP_ALLOWLIST in tests/conftest.py with why."
    )


@pytest.hookimpl(hookwrapper=True)
def pytest_make_collect_report(collector: pytest.Collector) -> Iterator[None]:
    outcome = yield
    report = outcome.get_result()
    if in_ci() and report.skipped and not _allowed_to_skip(report.nodeid):
        reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else report.longrepr
        report.outcome = "failed"
        report.longrepr = f"module skipped under CI=true, which is a failure: {reason}"


@pytest.fixture(scope="session")
def faces_dir() -> Path:
    if not FACES.is_dir():
        pytest.fail(f"the test fixtures are missing: {FACES}")
    return FACES


@pytest.fixture(scope="session")
def moto_s3_endpoint() -> Iterator[str]:
    """moto's S3 server on 127.0.0.1 (free port), with dummy credentials for the session."""
    from moto.server import ThreadedMotoServer

    with pytest.MonkeyPatch.context() as patch:
        for name, value in DUMMY_AWS_ENVIRONMENT.items():
            patch.setenv(name, value)
        server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
        server.start()
        host, port = server.get_host_and_port()
        try:
            yield f"http://{host}:{port}"
        finally:
            server.stop()


def free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class ServerProcess:
    """`python -m server` as a real child process on a free loopback port."""

    def __init__(
        self, data_dir: Path, *, port: int | None = None, env: dict[str, str] | None = None
    ) -> None:
        self.data_dir = data_dir
        self.port = port or free_port()
        self.env = env or {}
        self.process: Any = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self, timeout: float = 60.0) -> ServerProcess:
        import subprocess
        import sys
        import time

        import httpx

        env = {**os.environ, "FACEALBUM_JOB_WORKER": "false", **self.env}
        log = open(self.data_dir.parent / f"server-{self.port}.log", "ab")  # noqa: SIM115
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "server",
                "--host",
                "127.0.0.1",
                "--port",
                str(self.port),
                "--data-dir",
                str(self.data_dir),
                "--log-level",
                "warning",
            ],
            cwd=REPO_ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"server exited with {self.process.returncode}; see {log.name}")
            try:
                if httpx.get(f"{self.url}/check", timeout=1).status_code == 200:
                    return self
            except httpx.HTTPError:
                pass
            time.sleep(0.1)
        raise TimeoutError("server did not answer /check in time")

    def kill(self) -> None:
        """SIGKILL: no shutdown handlers run, as in a crash."""
        if self.process is not None and self.process.poll() is None:
            self.process.kill()
            self.process.wait(10)

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except Exception:
                self.process.kill()


@pytest.fixture
def server_process(tmp_path: Path) -> Iterator[Callable[..., ServerProcess]]:
    started: list[ServerProcess] = []

    def start(data_dir: Path | None = None, **kwargs: Any) -> ServerProcess:
        server = ServerProcess(data_dir or tmp_path / "server-data", **kwargs).start()
        started.append(server)
        return server

    yield start
    for server in started:
        server.stop()


def pytest_collection_finish(session: pytest.Session) -> None:
    """A test folder on ``sys.path`` that holds ``server/`` or ``desktop/`` (``tests/`` itself)
    turns those names into namespace packages for every child process the tests spawn (the
    tagging pool, PyInstaller's analysis): fail at once instead of in those children."""
    import sys

    for entry in sys.path:
        folder = Path(entry or ".").resolve()
        if folder != REPO_ROOT and any((folder / name).is_dir() for name in ("server", "desktop")):
            raise pytest.UsageError(f"{folder} on sys.path shadows the server/desktop packages")
