"""Application start: settings, language, style, the backend and the main window."""

from __future__ import annotations

import contextlib
import logging
import signal
import socket
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSocketNotifier
from PySide6.QtWidgets import QApplication

from desktop import assets
from desktop.backend import Backend
from desktop.context import AppContext
from desktop.core.paths import AppPaths
from desktop.core.session import TokenStore
from desktop.core.settings import AppSettings
from desktop.main_window import MainWindow

log = logging.getLogger(__name__)


@dataclass
class LaunchOptions:
    """What the command line may override."""

    server: str | None = None
    camera: str | None = None
    language: str | None = None
    data_dir: Path | None = None


def create_app(argv: list[str] | None = None) -> QApplication:
    """The QApplication, with names and the stylesheet (reuses an existing instance)."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(argv if argv is not None else sys.argv)
    QCoreApplication.setOrganizationName("FaceAlbum")
    QCoreApplication.setApplicationName("FaceAlbum")
    app.setStyle("Fusion")
    app.setStyleSheet(assets.stylesheet())
    return app


def build_window(
    options: LaunchOptions, *, token_store: TokenStore | None = None, start_backend: bool = True
) -> tuple[MainWindow, AppContext, Backend]:
    """Create the context, backend and window (the window is not shown)."""
    paths = (AppPaths.under(options.data_dir) if options.data_dir else AppPaths.for_user()).ensure()
    settings = AppSettings.load(paths.settings_file)
    if options.language:
        settings.language = options.language
    ctx = AppContext(
        paths,
        settings,
        token_store=token_store,
        camera_override=options.camera,
        server_override=options.server,
    )
    ctx.language.apply(settings.language)
    backend = Backend(remote_url=ctx.remote_url(), server_data_dir=paths.server_data_dir)
    window = MainWindow(ctx, backend)
    if start_backend:
        backend.start()
    return window, ctx, backend


def quit_on_signals(app: QApplication, before_quit: Callable[[], None]) -> QSocketNotifier | None:
    """Ctrl+C in the terminal and ``kill -TERM`` end the app cleanly (local server included).

    Python runs signal handlers only when it gets control, which Qt's event loop never gives
    back on its own; the handler's wake-up byte on a socket makes Qt call us at once.
    """
    if not hasattr(signal, "set_wakeup_fd"):
        return None
    reader, writer = socket.socketpair()
    reader.setblocking(False)
    writer.setblocking(False)
    signal.set_wakeup_fd(writer.fileno(), warn_on_full_buffer=False)
    for number in (signal.SIGINT, signal.SIGTERM):
        signal.signal(number, lambda _n, _f: None)  # the work happens below, on the UI thread
    notifier = QSocketNotifier(reader.fileno(), QSocketNotifier.Type.Read, app)

    def on_signal() -> None:
        with contextlib.suppress(OSError):
            reader.recv(64)
        log.info("signal received: quitting")
        before_quit()
        app.quit()

    notifier.activated.connect(on_signal)
    _signal_sockets.extend((reader, writer))  # both ends live as long as the process
    return notifier


_signal_sockets: list[socket.socket] = []


def run(options: LaunchOptions) -> int:
    """Start the app and block until the window closes (or a quit signal arrives)."""
    started = time.perf_counter()
    app = create_app()
    window, _ctx, backend = build_window(options)
    app.aboutToQuit.connect(backend.stop)
    quit_on_signals(app, window.prepare_to_quit)
    window.show()
    log.info("login window shown after %.0f ms", (time.perf_counter() - started) * 1000)
    return app.exec()
