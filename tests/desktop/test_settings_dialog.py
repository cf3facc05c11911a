"""The settings dialog, opened as a person opens it (the "Ajustes" button of the sidebar, the gear
of the login screen, Ctrl+, from either): Cancel or Escape keeps every setting as it was; Save
writes them to the settings file, applies the server at once (back to login against it) and the
next start uses them."""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from person import log_in
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox
from pytestqt.qtbot import QtBot

from desktop.api.client import ApiClient
from desktop.backend import BackendState
from desktop.views.settings_dialog import SettingsDialog

pytestmark = pytest.mark.e2e
PASSWORD = "Tr0mpeta-Azul!"
UNREACHABLE = "http://192.0.2.1:9"  # TEST-NET-1: never answers


def in_next_settings_dialog(
    qtbot: QtBot, act: Callable[[SettingsDialog], None], deadline_s: float = 30.0
) -> list[SettingsDialog]:
    """Run ``act`` on the settings dialog about to open (modal); returns the dialogs seen."""
    seen: list[SettingsDialog] = []
    started = time.monotonic()

    def look() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, SettingsDialog) and dialog.isVisible():
            seen.append(dialog)
            try:
                act(dialog)
            finally:
                if dialog.isVisible():  # never leave a modal loop running in a test
                    dialog.reject()
            return
        if time.monotonic() - started < deadline_s:
            QTimer.singleShot(20, look)

    QTimer.singleShot(20, look)
    return seen


def change_everything(qtbot: QtBot, dialog: SettingsDialog, url: str, camera: str) -> None:
    """Remote server at ``url``, ``camera`` typed as the camera source."""
    qtbot.mouseClick(dialog.remote_radio, Qt.MouseButton.LeftButton)
    assert dialog.url.isEnabled()
    dialog.url.selectAll()
    qtbot.keyClicks(dialog.url, url)
    editor = dialog.camera.lineEdit()
    editor.selectAll()
    qtbot.keyClicks(editor, camera)


def press(qtbot: QtBot, dialog: SettingsDialog, which: QDialogButtonBox.StandardButton) -> None:
    box = dialog.findChild(QDialogButtonBox)
    qtbot.mouseClick(box.button(which), Qt.MouseButton.LeftButton)


def stored(path: Path) -> dict[str, object]:
    return dict(json.loads(path.read_text(encoding="utf-8")))


def test_cancel_keeps_the_settings_and_save_persists_and_applies_them(
    qtbot: QtBot,
    launch: Callable[..., tuple],
    server_url: str,
    unique: str,
    faces: Path,
    video_clip: Path,
    tmp_path: Path,
) -> None:
    name = f"ajustes_{unique}"
    ApiClient(server_url).register(
        username=name,
        email=f"{name}@example.com",
        password=PASSWORD,
        password_confirm=PASSWORD,
        photo=faces / "leslie_1.jpg",
    )
    data_dir = tmp_path / "app"
    window, ctx, backend = launch(server_url, data_dir=data_dir)
    log_in(qtbot, window, backend, name, PASSWORD)
    settings_file = ctx.paths.settings_file
    before = stored(settings_file)  # logging in already wrote the last login
    assert before["server_mode"] == "local" and before["camera_source"] == "0"

    # Cancel, from the sidebar: nothing is written, nothing applied, the session goes on.
    seen = in_next_settings_dialog(
        qtbot,
        lambda d: (
            change_everything(qtbot, d, UNREACHABLE, str(video_clip)),
            press(qtbot, d, QDialogButtonBox.StandardButton.Cancel),
        ),
    )
    qtbot.mouseClick(window.settings_button, Qt.MouseButton.LeftButton)
    assert len(seen) == 1
    assert stored(settings_file) == before
    assert ctx.settings.server_mode == "local" and ctx.settings.camera_source == "0"
    assert window.top.currentWidget() is window.shell and backend.url == server_url

    # Save: written at once, and the new server applies now (log in again there).
    seen = in_next_settings_dialog(
        qtbot,
        lambda d: (
            change_everything(qtbot, d, server_url + "/", str(video_clip)),
            press(qtbot, d, QDialogButtonBox.StandardButton.Save),
        ),
    )
    qtbot.mouseClick(window.settings_button, Qt.MouseButton.LeftButton)
    assert len(seen) == 1
    after = stored(settings_file)
    assert after["server_mode"] == "remote"
    assert after["remote_url"] == server_url  # the trailing slash is dropped
    assert after["camera_source"] == str(video_clip)
    assert after["last_login"] == before["last_login"]
    assert window.top.currentWidget() is window.login
    qtbot.waitUntil(lambda: backend.state is BackendState.READY, timeout=60000)
    assert backend.url == server_url and ctx.client.token is None

    # The gear of the login screen opens the same dialog; it shows what was saved.
    shown: list[tuple[bool, str, str]] = []
    in_next_settings_dialog(
        qtbot,
        lambda d: (
            shown.append((d.remote_radio.isChecked(), d.url.text(), d.camera_source())),
            press(qtbot, d, QDialogButtonBox.StandardButton.Cancel),
        ),
    )
    qtbot.mouseClick(window.login.settings_button, Qt.MouseButton.LeftButton)
    assert shown == [(True, server_url, str(video_clip))]
    assert stored(settings_file) == after
    window.close()

    # The next start, with no server given on the command line, uses the saved settings.
    again, ctx2, backend2 = launch(None, data_dir=data_dir)
    assert ctx2.settings.server_mode == "remote" and ctx2.camera_source().describe() == str(
        video_clip
    )
    log_in(qtbot, again, backend2, name, PASSWORD)
    assert backend2.url == server_url


def ctrl_comma_then_escape(qtbot: QtBot, window: object, url: str | None = None) -> list[bool]:
    """Press Ctrl+, where the window has focus; in the dialog type ``url`` (if given), then
    press Escape.

    Returns, per dialog seen, whether Escape closed it (the dialog opens once the key is done)."""
    closed: list[bool] = []

    def escape(dialog: SettingsDialog) -> None:
        if url is not None:
            qtbot.mouseClick(dialog.remote_radio, Qt.MouseButton.LeftButton)
            dialog.url.selectAll()
            qtbot.keyClicks(dialog.url, url)
        qtbot.keyClick(dialog.focusWidget() or dialog, Qt.Key.Key_Escape)
        closed.append(not dialog.isVisible())

    in_next_settings_dialog(qtbot, escape)
    window.activateWindow()  # as a person's click on it after a dialog closed
    qtbot.waitUntil(window.isActiveWindow, timeout=30000)
    target = window.focusWidget() or window
    qtbot.keyClick(target, Qt.Key.Key_Comma, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: bool(closed), timeout=30000)
    return closed


def test_ctrl_comma_opens_the_settings_and_escape_closes_them_unsaved(
    qtbot: QtBot,
    launch: Callable[..., tuple],
    server_url: str,
    unique: str,
    faces: Path,
    tmp_path: Path,
) -> None:
    name = f"atajo_{unique}"
    ApiClient(server_url).register(
        username=name,
        email=f"{name}@example.com",
        password=PASSWORD,
        password_confirm=PASSWORD,
        photo=faces / "leslie_1.jpg",
    )
    window, ctx, backend = launch(server_url, data_dir=tmp_path / "app")
    settings_file = ctx.paths.settings_file

    # From the login screen, typing in the login field.
    assert window.top.currentWidget() is window.login
    window.login.login_edit.setFocus()
    assert ctrl_comma_then_escape(qtbot, window) == [True]
    assert window.top.currentWidget() is window.login

    # Logged in, from the main window: the same, and the session goes on.
    log_in(qtbot, window, backend, name, PASSWORD)
    before = stored(settings_file)
    window.search_edit.setFocus()
    assert ctrl_comma_then_escape(qtbot, window, UNREACHABLE) == [True]
    assert stored(settings_file) == before
    assert ctx.settings.server_mode == "local" and ctx.settings.remote_url != UNREACHABLE
    assert window.top.currentWidget() is window.shell and backend.url == server_url
    assert ctx.client.token is not None
