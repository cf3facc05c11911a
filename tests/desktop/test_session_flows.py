"""Keyring present/absent, server down at start, expired token back to login."""

from __future__ import annotations

import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path

import keyring.backends.fail
import pytest
from desktop_server_process import free_port, start_server, stop_server
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desktop.api.client import ApiClient
from desktop.api.errors import SessionExpired
from desktop.backend import BackendState
from desktop.core.session import FallbackTokenStore

pytestmark = pytest.mark.e2e
PASSWORD = "Tr0mpeta-Azul!"


@pytest.fixture
def account(server_url: str, unique: str, faces: Path) -> tuple[str, str]:
    ApiClient(server_url).register(
        username=f"eva_{unique}",
        email=f"eva_{unique}@example.com",
        password=PASSWORD,
        password_confirm=PASSWORD,
        photo=faces / "leslie_1.jpg",
    )
    return f"eva_{unique}", PASSWORD


def log_in(qtbot: QtBot, window: object, backend: object, login: str, password: str) -> None:
    qtbot.waitUntil(lambda: backend.state is BackendState.READY, timeout=60000)
    window.login.login_edit.clear()
    qtbot.keyClicks(window.login.login_edit, login)
    qtbot.keyClicks(window.login.password_edit, password)
    qtbot.keyClick(window.login.password_edit, Qt.Key.Key_Return)  # Enter submits
    qtbot.waitUntil(lambda: window.top.currentWidget() is window.shell, timeout=60000)


def test_with_a_keyring_the_next_start_skips_login(
    qtbot: QtBot,
    launch: Callable[..., tuple],
    server_url: str,
    account: tuple[str, str],
    dict_keyring: object,
    tmp_path: Path,
) -> None:
    store = FallbackTokenStore(dict_keyring)
    window, _ctx, backend = launch(server_url, token_store=store, data_dir=tmp_path / "a")
    log_in(qtbot, window, backend, *account)
    window.close()
    # A new process would build a new store over the same keyring.
    again, ctx2, _backend2 = launch(
        server_url, token_store=FallbackTokenStore(dict_keyring), data_dir=tmp_path / "a"
    )
    qtbot.waitUntil(lambda: again.top.currentWidget() is again.shell, timeout=60000)
    assert ctx2.user is not None and ctx2.user.username == account[0]
    # Logging out revokes the token on the server and removes it from the keyring.
    token = ctx2.client.token
    qtbot.mouseClick(again.logout_button, Qt.MouseButton.LeftButton)
    assert again.top.currentWidget() is again.login
    assert FallbackTokenStore(dict_keyring).load(server_url) is None
    qtbot.waitUntil(lambda: _token_is_revoked(server_url, token), timeout=60000)


def _token_is_revoked(server_url: str, token: str | None) -> bool:
    """True once the server answers 401 for the token; any other error fails the test."""
    assert token
    try:
        ApiClient(server_url, token).me()
    except SessionExpired as error:
        assert error.status == 401
        return True
    return False


def test_without_a_keyring_the_session_lives_in_memory_and_settings_say_so(
    qtbot: QtBot,
    launch: Callable[..., tuple],
    server_url: str,
    account: tuple[str, str],
    tmp_path: Path,
) -> None:
    backend_fail = keyring.backends.fail.Keyring()
    window, ctx, backend = launch(
        server_url, token_store=FallbackTokenStore(backend_fail), data_dir=tmp_path / "b"
    )
    log_in(qtbot, window, backend, *account)
    assert not ctx.tokens.persistent
    from desktop.views.settings_dialog import SettingsDialog

    dialog = SettingsDialog(ctx, window)
    assert "solo en memoria" in dialog.keyring_state.text()
    dialog.deleteLater()
    window.close()
    again, ctx_again, backend2 = launch(
        server_url, token_store=FallbackTokenStore(backend_fail), data_dir=tmp_path / "b"
    )
    qtbot.waitUntil(lambda: backend2.state is BackendState.READY, timeout=60000)
    # READY is handled synchronously: with no stored token there is no session to resume.
    assert ctx_again.client.token is None and not again.login.banner.isVisible()
    assert again.top.currentWidget() is again.login
    assert again.login.login_edit.text() == account[0]  # the last login is remembered


def test_an_expired_token_returns_to_login_keeping_the_login(
    qtbot: QtBot,
    launch: Callable[..., tuple],
    server_url: str,
    account: tuple[str, str],
    tmp_path: Path,
) -> None:
    window, ctx, backend = launch(server_url, data_dir=tmp_path / "c")
    log_in(qtbot, window, backend, *account)
    ApiClient(server_url, ctx.client.token).logout()  # the server forgets the session
    window.login.login_edit.clear()
    window.navigate("albums")  # any call now answers 401
    qtbot.waitUntil(lambda: window.top.currentWidget() is window.login, timeout=60000)
    assert window.login.login_edit.text() == account[0]
    assert window.login.error.text() == "Tu sesión ha caducado. Vuelve a entrar."
    assert ctx.client.token is None


@pytest.fixture
def down_port() -> Iterator[int]:
    yield free_port()


def test_server_down_at_start_shows_a_message_and_retry_recovers(
    qtbot: QtBot,
    launch: Callable[..., tuple],
    tmp_path: Path,
    down_port: int,
) -> None:
    url = f"http://127.0.0.1:{down_port}"
    window, _ctx, backend = launch(url, data_dir=tmp_path / "d")
    banner = window.login.banner
    qtbot.waitUntil(lambda: backend.state is BackendState.FAILED, timeout=60000)
    assert banner.isVisible() and banner.retry.isVisible()
    assert (
        banner.text.text()
        == "No se puede conectar con el servidor. Comprueba la dirección en Ajustes."
    )
    assert not window.login.submit.isEnabled()
    process: subprocess.Popen[bytes] = start_server(tmp_path / "late-server", down_port)
    try:
        qtbot.mouseClick(banner.retry, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: backend.state is BackendState.READY, timeout=60000)
        assert not banner.isVisible()
    finally:
        stop_server(process)
