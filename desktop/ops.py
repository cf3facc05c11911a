"""Background operations (after Anki's ``aqt.operations``): slow work off the UI thread.

    QueryOp(parent=self, op=lambda: client.albums(), success=self._show_albums)
        .failure(self._show_error)
        .with_progress(self.tr("Cargando álbumes…"))
        .run_in_background()

The op function runs on a ``QThreadPool`` thread and must never touch widgets; ``success`` and
``failure`` run on the UI thread, and only while ``parent`` still exists. A 401 on a signed-in
call (``SessionExpired``) is also announced on :data:`hub` so the window can return to login.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any, Generic, Protocol, TypeVar

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot
from PySide6.QtWidgets import QMessageBox, QWidget

from desktop.api.errors import ApiError, NotAuthenticated, SessionExpired

log = logging.getLogger(__name__)

T = TypeVar("T")


class OpsHub(QObject):
    """App-wide announcements from background ops."""

    session_expired = Signal(object)  # the SessionExpired error
    busy_changed = Signal(int)  # number of ops running with a progress label

    def __init__(self) -> None:
        super().__init__()
        self.running = 0


hub = OpsHub()


class BusyIndicator(Protocol):
    """A parent that can show a progress label (e.g. a status line or spinner)."""

    def set_busy(self, label: str | None) -> None: ...


class _Relay(QObject):
    # Lives on the UI thread; emitting from the worker queues the slot call back to it.
    succeeded = Signal(object)
    failed = Signal(object)

    def __init__(self, on_success: Callable[[Any], None], on_failure: Callable[[Any], None]) -> None:
        super().__init__()
        self._on_success = on_success
        self._on_failure = on_failure
        self.succeeded.connect(self._deliver_success)
        self.failed.connect(self._deliver_failure)

    @Slot(object)
    def _deliver_success(self, boxed: Any) -> None:
        self._on_success(boxed[0])

    @Slot(object)
    def _deliver_failure(self, error: Any) -> None:
        self._on_failure(error)


_live: set[QueryOp[Any]] = set()


class _Runner(QRunnable):
    def __init__(self, fn: Callable[[], None]) -> None:
        super().__init__()
        self._fn = fn
        self.setAutoDelete(True)

    def run(self) -> None:
        self._fn()


class QueryOp(Generic[T]):
    """One background call with a success handler, an optional failure handler and progress."""

    pool: QThreadPool | None = None  # None = the global pool

    def __init__(
        self,
        *,
        parent: QObject,
        op: Callable[[], T],
        success: Callable[[T], None],
    ) -> None:
        self._parent = parent
        self._op = op
        self._success = success
        self._failure: Callable[[Exception], None] | None = None
        self._progress_label: str | None = None
        self._relay = _Relay(self._on_success, self._on_failure)
        self.cancel_event = threading.Event()

    def failure(self, handler: Callable[[Exception], None]) -> QueryOp[T]:
        """Handle errors yourself (otherwise a message box shows the error's message)."""
        self._failure = handler
        return self

    def with_progress(self, label: str) -> QueryOp[T]:
        """Show ``label`` on the parent (if it implements ``set_busy``) while the op runs."""
        self._progress_label = label
        return self

    def cancel(self) -> None:
        """Ask the op to stop (it sees ``cancel_event``) and drop its result."""
        self.cancel_event.set()

    def run_in_background(self, pool: QThreadPool | None = None) -> QueryOp[T]:
        """Start the op; returns self so callers can keep it to cancel."""
        _live.add(self)
        self._set_busy(True)
        (pool or self.pool or QThreadPool.globalInstance()).start(_Runner(self._work))
        return self

    # -- worker thread --------------------------------------------------------------------
    def _work(self) -> None:
        try:
            result = self._op()
        except Exception as exc:  # every failure goes back to the UI thread as a value
            if not isinstance(exc, ApiError):
                log.exception("background op failed")
            self._relay.failed.emit(exc)
        else:
            # Boxed in a tuple: bare True/False/None crossing threads through Signal(object)
            # crashed PySide6 6.12 ("bool_dealloc") under load.
            self._relay.succeeded.emit((result,))

    # -- UI thread ------------------------------------------------------------------------
    def _parent_alive(self) -> bool:
        return shiboken6.isValid(self._parent)

    def _finish(self) -> bool:
        _live.discard(self)
        alive = self._parent_alive()
        if alive:
            self._set_busy(False)
        return alive and not self.cancel_event.is_set()

    def _on_success(self, result: Any) -> None:
        if self._finish():
            self._success(result)

    def _on_failure(self, error: Exception) -> None:
        if isinstance(error, SessionExpired):
            hub.session_expired.emit(error)
        if not self._finish():
            return
        if self._failure is not None:
            self._failure(error)
        elif not isinstance(error, NotAuthenticated):
            # 401s are handled once, by the window (back to login); a call that raced a logout
            # and went out without a token has nothing to tell the user either.
            show_error(self._parent, error)

    def _set_busy(self, on: bool) -> None:
        if self._progress_label is None:
            return
        hub.running += 1 if on else -1
        hub.busy_changed.emit(hub.running)
        setter = getattr(self._parent, "set_busy", None)
        if callable(setter) and self._parent_alive():
            setter(self._progress_label if on else None)


def error_text(error: Exception) -> str:
    """The sentence to show for an error from an op."""
    if isinstance(error, ApiError):
        return error.message
    return str(error) or type(error).__name__


def show_error(parent: QObject, error: Exception) -> None:
    """A modal message box with the error's human message."""
    widget = parent if isinstance(parent, QWidget) else None
    QMessageBox.warning(
        widget,
        "FaceAlbum",
        error_text(error),
    )
