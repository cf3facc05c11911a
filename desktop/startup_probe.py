"""Cold-start probe: quit as soon as the first window is on screen and report when that was."""

from __future__ import annotations

import json
import sys

from desktop.core.frozen import process_age_ms


def quit_once_window_shown() -> None:
    """Create the QApplication now (the app reuses it) and quit at the first exposed window."""
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtGui import QWindow
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv)

    class FirstExpose(QObject):
        def __init__(self) -> None:
            super().__init__(app)
            self.done = False

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # Qt API name
            if (
                not self.done
                and event.type() == QEvent.Type.Expose
                and isinstance(watched, QWindow)
                and watched.isExposed()
            ):
                self.done = True
                report = {"window_shown_ms": round(process_age_ms()), "window": watched.title()}
                sys.stdout.write(json.dumps(report) + "\n")
                sys.stdout.flush()
                QTimer.singleShot(0, app.quit)
            return False

    app.installEventFilter(FirstExpose())
