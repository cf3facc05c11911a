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

from desktop.backend import BackendState


def file_mime(paths: list[Path]) -> QMimeData:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    return mime


def drag_over(widget: QWidget, pos: QPoint, paths: list[Path]) -> bool:
    """Files enter ``widget`` and hover at ``pos``; True when the drop would be taken there."""
    mime = file_mime(paths)
    args = (Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
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
    event = QDropEvent(QPointF(pos), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, event)
    return event.isAccepted()


def drag_leave(widget: QWidget) -> None:
    QApplication.sendEvent(widget, QDragLeaveEvent())


def drag_and_drop(widget: QWidget, pos: QPoint, paths: list[Path]) -> bool:
    """The whole gesture; True when the files were taken."""
    return drag_over(widget, pos, paths) and drop(widget, pos, paths)


def log_in(qtbot: QtBot, window: object, backend: object, login: str, password: str) -> None:
    """Type the login and password and press Enter."""
    qtbot.waitUntil(lambda: backend.state is BackendState.READY, timeout=60000)
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
            raise AssertionError(f"no button {button_text!r} in {[b.text() for b in box.buttons()]}")
        QTimer.singleShot(20, press)

    QTimer.singleShot(20, press)
