"""Background operations (after Anki's ``aqt.operations``): slow work off the UI thread.

    QueryOp(parent=self, op=lambda: client.albums(), success=self._show_albums)
        .failure(self._show_error)
        .with_progress(self.tr("Cargando álbumes…"))
        .run_in_background()

The op function runs on a worker thread (a Python thread pool) and must never touch widgets; ``success`` and
``failure`` run on the UI thread, and only while ``parent`` still exists. A 401 on a signed-in
call (``SessionExpired``) is also announced on :data:`hub` so the window can return to login.
"""

from __future__ import annotations

import logging
import queue
import threading
from collections.abc import Callable
from concurrent.futures import Executor, ThreadPoolExecutor
from typing import Any, Generic, Protocol, TypeVar

import shiboken6
from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtWidgets import QMessageBox, QWidget

from desktop.api.errors import ApiError, NotAuthenticated, SessionExpired

log = logging.getLogger(__name__)

T = TypeVar("T")


class OpsHub(QObject):
    """App-wide announcements from background ops, and the way their outcomes reach the UI.

    A worker puts its finished op on a queue and emits ``outcome_ready`` (no arguments, so no
    Python object is copied through a queued Qt call); the hub, which lives on the UI thread,
    delivers every queued outcome there. One long-lived receiver for all ops: a receiver per op
    was a Python-owned QObject whose last reference could drop on the worker thread, deleting it
    there while the UI thread was still dispatching to it (a segfault, now and then).
    """

    session_expired = Signal(object)  # the SessionExpired error
    busy_changed = Signal(int)  # number of ops running with a progress label
    outcome_ready = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.running = 0
        self._outcomes: queue.SimpleQueue[QueryOp[Any]] = queue.SimpleQueue()
        self.outcome_ready.connect(self._deliver_outcomes, Qt.ConnectionType.QueuedConnection)

    def post(self, op: QueryOp[Any]) -> None:
        """From a worker thread: ``op`` has its outcome; deliver it on the UI thread."""
        self._outcomes.put(op)
        self.outcome_ready.emit()

    @Slot()
    def _deliver_outcomes(self) -> None:
        while True:
            try:
                op = self._outcomes.get_nowait()
            except queue.Empty:
                return
            op._deliver()


hub = OpsHub()


class BusyIndicator(Protocol):
    """A parent that can show a progress label (e.g. a status line or spinner)."""

    def set_busy(self, label: str | None) -> None: ...


_default_pool: ThreadPoolExecutor | None = None


def default_pool() -> ThreadPoolExecutor:
    """The shared worker threads for ops that do not bring their own pool."""
    global _default_pool
    if _default_pool is None:
        _default_pool = ThreadPoolExecutor(max_workers=8, thread_name_prefix="op")
    return _default_pool


_live: set[QueryOp[Any]] = set()


class QueryOp(Generic[T]):
    """One background call with a success handler, an optional failure handler and progress."""

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
        self._outcome: tuple[bool, Any] | None = None
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

    def run_in_background(self, pool: Executor | None = None) -> QueryOp[T]:
        """Start the op; returns self so callers can keep it to cancel."""
        _live.add(self)
        self._set_busy(True)
        # Python's own threads: their lifetime and thread state stay on the Python side.
        (pool or default_pool()).submit(self._work)
        return self

    # -- worker thread --------------------------------------------------------------------
    def _work(self) -> None:
        try:
            self._outcome = (True, self._op())
        except Exception as exc:  # every failure goes back to the UI thread as a value
            if not isinstance(exc, ApiError):
                log.exception("background op failed")
            self._outcome = (False, exc)
        hub.post(self)

    # -- UI thread ------------------------------------------------------------------------
    def _deliver(self) -> None:
        outcome, self._outcome = self._outcome, None
        if outcome is None:
            return
        ok, value = outcome
        if ok:
            self._on_success(value)
        else:
            self._on_failure(value)

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
