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
from PySide6.QtGui import QColor, QImage, QPainter, QPixmap

from desktop.context import AppContext
from desktop.ops import QueryOp

log = logging.getLogger(__name__)


TILE_BACKGROUND = QColor("#eef2f8")


def fit_square(image: QImage, side: int) -> QImage:
    """``image`` scaled to fit inside ``side``×``side``, centred on the tile colour.

    The whole photo stays visible (a centre crop cut the heads off portraits and group shots).
    """
    scaled = image.scaled(
        side, side, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
    )
    tile = QImage(side, side, QImage.Format.Format_ARGB32_Premultiplied)
    tile.fill(TILE_BACKGROUND)
    painter = QPainter(tile)
    painter.drawImage((side - scaled.width()) // 2, (side - scaled.height()) // 2, scaled)
    painter.end()
    return tile


Key = tuple[int, str]  # photo id, content hash: an id the server reused never shows old bytes


class ThumbnailLoader(QObject):
    """Gives a pixmap for a photo (id + content hash), or None and ``loaded(id)`` later.

    It forgets a deleted photo, and everything when the session ends.
    """

    loaded = Signal(int)
    failed = Signal(int)

    def __init__(
        self,
        ctx: AppContext,
        *,
        side: int = 256,
        memory_items: int = 300,
        threads: int = 4,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.side = side
        self.memory_items = memory_items
        self._memory: OrderedDict[Key, QPixmap] = OrderedDict()
        self._pending: OrderedDict[Key, None] = OrderedDict()  # newest last
        self._in_flight: set[Key] = set()
        self._failed: set[Key] = set()
        self._lock = threading.Lock()
        self._pool = ThreadPoolExecutor(max_workers=threads, thread_name_prefix="thumb")
        self._generation = 0
        ctx.events.session_ended.connect(lambda _why: self.clear())
        ctx.events.photo_deleted.connect(lambda photo_id, _album: self.forget(photo_id))

    def get(self, photo_id: int, sha256: str = "") -> QPixmap | None:
        """The thumbnail if ready; otherwise None and a background load is queued."""
        key = (photo_id, sha256)
        pixmap = self._memory.get(key)
        if pixmap is not None:
            self._memory.move_to_end(key)
            return pixmap
        if key in self._failed or key in self._in_flight:
            return None
        with self._lock:
            self._pending[key] = None
            self._pending.move_to_end(key)
        self._in_flight.add(key)
        generation = self._generation
        QueryOp(
            parent=self, op=self._load_newest, success=lambda r: self._store(r, generation)
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
        """Drop every cached version of one photo from memory."""
        for key in [k for k in self._memory if k[0] == photo_id]:
            del self._memory[key]
        self._failed = {k for k in self._failed if k[0] != photo_id}

    # -- worker ---------------------------------------------------------------------------
    def _load_newest(self) -> tuple[Key | None, QImage | None]:
        with self._lock:
            if not self._pending:
                return None, None
            key, _ = self._pending.popitem(last=True)
        photo_id, sha = key
        namespace = self.ctx.thumbnail_namespace()
        data = self.ctx.thumbnails.get(namespace, photo_id, sha) if sha else None
        if data is None:
            try:
                data = self.ctx.client.photo_content(photo_id, "thumb")
            except Exception as exc:
                log.info("thumbnail %s failed: %s", photo_id, exc)
                return key, None
            if sha:
                self.ctx.thumbnails.put(namespace, photo_id, sha, data)
        image = QImage()
        if not image.loadFromData(data):
            return key, None
        return key, fit_square(image, self.side)

    # -- UI thread ------------------------------------------------------------------------
    def _store(self, result: tuple[Key | None, QImage | None], generation: int) -> None:
        key, image = result
        if key is None or generation != self._generation:
            return
        self._in_flight.discard(key)
        if image is None:
            self._failed.add(key)
            self.failed.emit(key[0])
            return
        pixmap = QPixmap.fromImage(image)
        pixmap.setDevicePixelRatio(2.0)
        self._memory[key] = pixmap
        while len(self._memory) > self.memory_items:
            self._memory.popitem(last=False)
        self.loaded.emit(key[0])

    def _on_error(self, error: Exception, generation: int) -> None:
        log.warning("thumbnail loader error: %s", error)
