"""Lazy thumbnails: memory cache, then disk cache, then the server — all off the UI thread.

Requests are served newest first, so when the user scrolls fast the photos now on screen load
before the ones scrolled past.
"""

from __future__ import annotations

import logging
import threading
from collections import OrderedDict
from concurrent.futures import ThreadPoolExecutor

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QImage, QPixmap

from desktop.context import AppContext
from desktop.ops import QueryOp

log = logging.getLogger(__name__)


def square_crop(image: QImage, side: int) -> QImage:
    """``image`` scaled to cover ``side``×``side`` and cropped to the centre."""
    scaled = image.scaled(side, side, Qt.AspectRatioMode.KeepAspectRatioByExpanding,
                          Qt.TransformationMode.SmoothTransformation)
    x = (scaled.width() - side) // 2
    y = (scaled.height() - side) // 2
    return scaled.copy(x, y, side, side)


class ThumbnailLoader(QObject):
    """Gives a pixmap for a photo id, or None and ``loaded(id)`` later."""

    loaded = Signal(int)
    failed = Signal(int)

    def __init__(self, ctx: AppContext, *, side: int = 256, memory_items: int = 300,
                 threads: int = 4, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.side = side
        self.memory_items = memory_items
        self._memory: OrderedDict[int, QPixmap] = OrderedDict()
        self._pending: OrderedDict[int, str] = OrderedDict()  # id -> sha, newest last
        self._in_flight: set[int] = set()
        self._failed: set[int] = set()
        self._lock = threading.Lock()
        self._pool = ThreadPoolExecutor(max_workers=threads, thread_name_prefix="thumb")
        self._generation = 0

    def get(self, photo_id: int, sha256: str = "") -> QPixmap | None:
        """The thumbnail if ready; otherwise None and a background load is queued."""
        pixmap = self._memory.get(photo_id)
        if pixmap is not None:
            self._memory.move_to_end(photo_id)
            return pixmap
        if photo_id in self._failed or photo_id in self._in_flight:
            return None
        with self._lock:
            self._pending[photo_id] = sha256
            self._pending.move_to_end(photo_id)
        self._in_flight.add(photo_id)
        generation = self._generation
        QueryOp(parent=self, op=self._load_newest, success=lambda r: self._store(r, generation)
                ).failure(lambda e: self._on_error(e, generation)).run_in_background(self._pool)
        return None

    def clear(self) -> None:
        """Forget everything in memory (e.g. another user signed in)."""
        self._generation += 1
        self._memory.clear()
        self._failed.clear()
        self._in_flight.clear()
        with self._lock:
            self._pending.clear()

    def forget(self, photo_id: int) -> None:
        """Drop one photo from memory."""
        self._memory.pop(photo_id, None)
        self._failed.discard(photo_id)

    # -- worker ---------------------------------------------------------------------------
    def _load_newest(self) -> tuple[int, QImage | None]:
        with self._lock:
            if not self._pending:
                return -1, None
            photo_id, sha = self._pending.popitem(last=True)
        server = self.ctx.server_url
        data = self.ctx.thumbnails.get(server, photo_id, sha)
        if data is None:
            try:
                data = self.ctx.client.photo_content(photo_id, "thumb")
            except Exception as exc:
                log.info("thumbnail %s failed: %s", photo_id, exc)
                return photo_id, None
            self.ctx.thumbnails.put(server, photo_id, sha, data)
        image = QImage()
        if not image.loadFromData(data):
            return photo_id, None
        return photo_id, square_crop(image, self.side)

    # -- UI thread ------------------------------------------------------------------------
    def _store(self, result: tuple[int, QImage | None], generation: int) -> None:
        photo_id, image = result
        if photo_id < 0 or generation != self._generation:
            return
        self._in_flight.discard(photo_id)
        if image is None:
            self._failed.add(photo_id)
            self.failed.emit(photo_id)
            return
        pixmap = QPixmap.fromImage(image)
        pixmap.setDevicePixelRatio(2.0)
        self._memory[photo_id] = pixmap
        while len(self._memory) > self.memory_items:
            self._memory.popitem(last=False)
        self.loaded.emit(photo_id)

    def _on_error(self, error: Exception, generation: int) -> None:
        log.warning("thumbnail loader error: %s", error)
