"""Desktop test fixtures: offscreen Qt, fixture photos, and a real server process."""

from __future__ import annotations

import gc
import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import secrets
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import keyring.backend
import pytest

# The helper module sits beside this file (tests/desktop is not a package: "desktop" is taken).
sys.path.insert(0, str(Path(__file__).resolve().parent))

from desktop_server_process import REPO, free_port, start_server, stop_server

REPO_ROOT = REPO
FIXTURES = REPO / "tests" / "fixtures"
FACES = FIXTURES / "faces"
VIDEO = FIXTURES / "video" / "hamilton_clip.mp4"


_SHARED_SERVERS: list[subprocess.Popen[bytes]] = []


@pytest.fixture(scope="session")
def server_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A real FaceAlbum server for the desktop tests (stopped after the last of them)."""
    data_dir = tmp_path_factory.mktemp("server") / "data"
    port = free_port()
    process = start_server(data_dir, port)
    _SHARED_SERVERS.append(process)
    yield f"http://127.0.0.1:{port}"
    stop_server(process)


def pytest_runtest_teardown(item: pytest.Item, nextitem: pytest.Item | None) -> None:
    """Stop the shared server once the desktop tests are done: it would otherwise go on tagging
    and indexing every photo they uploaded, taking CPU from the rest of the suite."""
    desktop = Path(__file__).parent
    if nextitem is None or desktop not in nextitem.path.parents:
        while _SHARED_SERVERS:
            stop_server(_SHARED_SERVERS.pop())


@pytest.fixture
def unique() -> str:
    """A short random suffix for usernames and album names."""
    return secrets.token_hex(4)


@pytest.fixture(scope="session")
def faces() -> Path:
    """The test fixture photos folder."""
    if not FACES.is_dir():
        pytest.fail(f"the test fixtures are missing: {FACES}")
    return FACES


@pytest.fixture(scope="session")
def video_clip() -> Path:
    """The fixture video usable as a fake webcam."""
    if not VIDEO.exists():
        pytest.fail(f"the test fixture video is missing: {VIDEO}")
    return VIDEO


@pytest.fixture(scope="session")
def fixture_photo(faces: Path) -> Path:
    return faces / "obama_1.jpg"


class DictKeyring(keyring.backend.KeyringBackend):
    """A working keyring backend keeping secrets in a dict, standing in for the OS keyring."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.secrets: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.secrets.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.secrets[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.secrets.pop((service, username), None)


@pytest.fixture
def dict_keyring() -> DictKeyring:
    return DictKeyring()


@pytest.fixture
def launch(qtbot: object, tmp_path: Path) -> Iterator[object]:
    """Build windows against a server URL; every window is closed (backend stopped) at the end."""
    from desktop.app import LaunchOptions, build_window, create_app
    from desktop.core.session import MemoryTokenStore

    create_app([])
    opened = []

    def _launch(
        server: str,
        *,
        token_store: object | None = None,
        language: str = "es",
        data_dir: Path | None = None,
        camera: str | None = None,
    ) -> tuple[object, object, object]:
        options = LaunchOptions(
            server=server, language=language, data_dir=data_dir or tmp_path / "app", camera=camera
        )
        window, ctx, backend = build_window(options, token_store=token_store or MemoryTokenStore())
        window.show()
        opened.append(window)
        return window, ctx, backend

    yield _launch
    for window in opened:
        if window.uploads.pending_count:
            window.uploads.discard()  # closing would otherwise ask, in a modal box, what to do
        window.close()
    opened.clear()  # collected by ``collect_garbage_on_the_ui_thread``


@pytest.fixture(autouse=True)
def collect_garbage_on_the_ui_thread() -> Iterator[None]:
    """After each test (its windows closed), collect what it left, here on the UI thread.

    Left to Python's collector, a test's windows and dialogs went at a random later moment on
    whichever thread happened to allocate: a window's C++ side destroyed on a worker thread
    while the UI thread ran the next test (a segfault, now and then, in a later test)."""
    yield
    gc.collect()


@pytest.fixture(autouse=True)
def error_boxes(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """Unhandled op errors would open a modal box and block the test: record them instead."""
    import desktop.ops

    shown: list[str] = []
    monkeypatch.setattr(
        desktop.ops,
        "show_error",
        lambda _parent, error: shown.append(desktop.ops.error_text(error)),
    )
    yield shown
    assert not shown, f"unexpected error messages shown to the user: {shown}"
