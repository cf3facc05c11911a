"""What a person does, as real Qt events: log in, drag files from a file manager, press keys.

Drag events are sent with ``QApplication.sendEvent`` to the widget under the pointer (a list's
viewport, not the list): Qt's own dispatch then walks up to the first widget that accepts drops,
exactly as for a drag from another window. A target that does not accept drops is never reached.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDragLeaveEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from desktop.api.client import ApiClient
from desktop.backend import BackendState


def file_mime(paths: list[Path]) -> QMimeData:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    return mime


def drag_over(widget: QWidget, pos: QPoint, paths: list[Path]) -> bool:
    """Files enter ``widget`` and hover at ``pos``; True when the drop would be taken there."""
    mime = file_mime(paths)
    args = (
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    enter = QDragEnterEvent(pos, *args)
    QApplication.sendEvent(widget, enter)
    if not enter.isAccepted():
        return False
    move = QDragMoveEvent(pos, *args)
    QApplication.sendEvent(widget, move)
    widget._test_mime = mime  # type: ignore[attr-defined]  # keep it alive until the drop
    return move.isAccepted()


def drop(widget: QWidget, pos: QPoint, paths: list[Path]) -> bool:
    """Release the dragged files at ``pos``; True when a target took them."""
    mime = file_mime(paths)
    event = QDropEvent(
        QPointF(pos),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(widget, event)
    return event.isAccepted()


def drag_leave(widget: QWidget) -> None:
    QApplication.sendEvent(widget, QDragLeaveEvent())


def drag_and_drop(widget: QWidget, pos: QPoint, paths: list[Path]) -> bool:
    """The whole gesture; True when the files were taken."""
    return drag_over(widget, pos, paths) and drop(widget, pos, paths)


def log_in(qtbot: QtBot, window: object, backend: object, login: str, password: str) -> None:
    """Type the login and password and press Enter.

    A loaded machine can miss the app's first one-second server check (issue 15 makes it
    patient); the person then presses "Reintentar", as the banner offers.
    """

    def ready() -> bool:
        if backend.state is BackendState.FAILED and window.login.banner.retry.isVisible():
            qtbot.mouseClick(window.login.banner.retry, Qt.MouseButton.LeftButton)
        return backend.state is BackendState.READY

    qtbot.waitUntil(ready, timeout=120000)
    window.login.login_edit.clear()
    qtbot.keyClicks(window.login.login_edit, login)
    window.login.password_edit.clear()
    qtbot.keyClicks(window.login.password_edit, password)
    qtbot.keyClick(window.login.password_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.top.currentWidget() is window.shell, timeout=30000)


def answer_next_message_box(qtbot: QtBot, button_text: str, seen: list[str] | None = None) -> None:
    """Click ``button_text`` in the message box about to open (recording its text in ``seen``)."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QMessageBox

    def press() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            if seen is not None:
                seen.append(box.text() + "\n" + box.informativeText())
            for button in box.buttons():
                if button.text() == button_text:
                    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
                    return
            names = [b.text() for b in box.buttons()]
            box.reject()  # never leave a modal box open: the test would hang instead of failing
            raise AssertionError(f"no button {button_text!r} in {names}")
        QTimer.singleShot(20, press)

    QTimer.singleShot(20, press)


def settle(qtbot: QtBot, window: object) -> None:
    """Wait until the home screen has its profile tags (the server's slow first analysis is over)."""
    qtbot.waitUntil(
        lambda: window.home.tags_status.text() != window.home.tr("Analizando tu foto…"),
        timeout=120000,
    )


def right_click_and_choose(qtbot: QtBot, viewport: QWidget, pos: QPoint, *path: str) -> None:
    """Right-click at ``pos`` and pick the menu entry ``path`` (e.g. "Mover a", "Playa")."""
    from PySide6.QtCore import QTimer
    from PySide6.QtGui import QContextMenuEvent
    from PySide6.QtWidgets import QMenu

    chosen: list[str] = []

    def pick(depth: int = 0) -> None:
        menu = QApplication.activePopupWidget()
        if not isinstance(menu, QMenu):
            QTimer.singleShot(20, lambda: pick(depth))
            return
        action = next((a for a in menu.actions() if a.text() == path[depth]), None)
        if action is None:
            menu.close()
            raise AssertionError(f"no {path[depth]!r} in {[a.text() for a in menu.actions()]}")
        if action.menu() is not None and depth + 1 < len(path):
            menu.setActiveAction(action)
            action.menu().popup(menu.mapToGlobal(menu.actionGeometry(action).topRight()))
            QTimer.singleShot(20, lambda: pick(depth + 1))
            return
        chosen.append(action.text())
        action.trigger()
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QMenu) and widget.isVisible():
                widget.close()

    QTimer.singleShot(20, pick)
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, pos, viewport.mapToGlobal(pos))
    QApplication.sendEvent(viewport, event)
    qtbot.waitUntil(lambda: bool(chosen), timeout=5000)


def distinct_copy(source: Path, target: Path, index: int) -> Path:
    """``source`` saved as a JPEG whose bytes no other copy shares (one pixel differs), so the
    server's duplicate check (same SHA-256 → 409) sees a new photo, as a person's own burst of
    similar shots would be."""
    from PIL import Image

    with Image.open(source) as image:
        pixels = image.convert("RGB")
    pixels.putpixel((0, 0), (index % 256, (index // 256) % 256, 7))
    pixels.save(target, "JPEG", quality=92)
    return target


def choose_in_next_file_dialog(qtbot: QtBot, path: Path, deadline_s: float = 30.0) -> None:
    """Type ``path`` into the file dialog about to open and press "Open", as a person would.

    Offscreen Qt has no native dialog: the static ``QFileDialog.getOpenFileName`` opens Qt's own
    modal dialog, whose file name field takes a full path. A dialog that opens is never left
    running (the test would hang instead of failing)."""
    import time

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QDialogButtonBox, QFileDialog, QLineEdit

    started = time.monotonic()

    def type_path() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, QFileDialog):
            edit = dialog.findChild(QLineEdit, "fileNameEdit")
            if edit is None:
                dialog.reject()
                raise AssertionError("the file dialog has no file name field")
            edit.clear()
            # Key by key with the events flowing between them, as a person types: the dialog
            # lists each folder of the path as it is typed (in a thread) and completes from it.
            qtbot.keyClicks(edit, str(path), delay=20)
            qtbot.waitUntil(lambda: edit.text() == str(path), timeout=10000)
            # "Open", not Enter: Enter goes to the completer's popup of the typed path.
            box = dialog.findChild(QDialogButtonBox, "buttonBox")
            qtbot.mouseClick(
                box.button(QDialogButtonBox.StandardButton.Open), Qt.MouseButton.LeftButton
            )
            if not dialog.isVisible():
                return
            # Not taken (still listing a folder): the person types it again and presses again.
            if time.monotonic() - started > deadline_s:
                dialog.reject()
                raise AssertionError(f"the file dialog did not take {path}")
        if time.monotonic() - started < deadline_s:
            QTimer.singleShot(200, type_path)

    QTimer.singleShot(20, type_path)


def register_account(server_url: str, name: str, password: str, photo: Path) -> ApiClient:
    """An account made over HTTP (``name@example.com``), with a client holding its token."""
    api = ApiClient(server_url)
    api.token = api.register(
        username=name,
        email=f"{name}@example.com",
        password=password,
        password_confirm=password,
        photo=photo,
    ).token
    return api
