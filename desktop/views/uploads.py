"""Uploads: the queue panel (per-file progress, cancel, summary) and the "Subir" dialog."""

from __future__ import annotations

import logging
import time
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QEventLoop,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    Signal,
    Slot,
)
from PySide6.QtGui import QColor, QFont, QPainter, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLineEdit,
    QListView,
    QPlainTextEdit,
    QProgressBar,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from desktop import assets
from desktop.api.models import Album
from desktop.api.multipart import ProgressCallback
from desktop.context import AppContext
from desktop.core.messages import message_for
from desktop.core.pending_uploads import PendingUpload
from desktop.core.uploads import (
    RETRY_DELAYS,
    UploadItem,
    UploadQueue,
    UploadState,
    UploadSummary,
)
from desktop.operations import photos as photo_ops
from desktop.ops import QueryOp
from desktop.views.widgets import DropArea, button, keep_wrapped_text_whole, label

log = logging.getLogger(__name__)

ItemRole = Qt.ItemDataRole.UserRole + 1
ModelIndex = QModelIndex | QPersistentModelIndex
MAX_PARALLEL_UPLOADS = 3


class UploadController(QObject):
    """Runs upload batches in the background and reports each file's changes on the UI thread."""

    item_changed = Signal(int)  # key of an UploadItem (see ``item``); emitted from worker threads
    items_added = Signal(list)
    batch_finished = Signal(object)  # UploadSummary
    retry_delays = RETRY_DELAYS  # pauses before each automatic retry of a file (seconds)

    def __init__(self, ctx: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._queues: list[UploadQueue] = []
        self._last_emit: dict[int, float] = {}
        # Worker threads announce items by an int key, so no Python object rides a queued signal.
        self._keys: dict[int, int] = {}
        self._items: dict[int, UploadItem] = {}
        self._namespace_of: dict[int, str] = {}  # the account each item belongs to
        self._suspended: set[int] = set()  # stopped by quitting or logging out: kept for later
        self.item_changed.connect(self._on_item_changed)
        ctx.events.session_ending.connect(self._on_session_ending)

    def item(self, key: int) -> UploadItem | None:
        """The item behind a key sent by ``item_changed``."""
        return self._items.get(key)

    @property
    def busy(self) -> bool:
        return bool(self._queues)

    @property
    def pending_count(self) -> int:
        """Files queued or being sent right now."""
        return sum(
            1
            for item in self._items.values()
            if item.state in (UploadState.QUEUED, UploadState.UPLOADING)
        )

    def start(
        self, album: Album, paths: list[Path], *, name: str = "", description: str = ""
    ) -> list[UploadItem]:
        """Queue files (folders expanded) into ``album`` and start uploading them."""
        entries = [
            PendingUpload(str(p), album.id, name if len(paths) == 1 else "", description)
            for p in paths
        ]
        return self._run(entries)

    def restore(self) -> int:
        """Start again what was pending when this account last closed the app; returns how many."""
        namespace = self.ctx.thumbnail_namespace()
        entries = self.ctx.pending_uploads.load(namespace)
        self.ctx.pending_uploads.save(namespace, [])
        if entries:
            log.info("resuming %d pending uploads", len(entries))
            self._run(entries)
        return len(entries)

    def retryable(self, items: list[UploadItem]) -> list[UploadItem]:
        """Those of ``items`` that failed for a reason that may have passed (server gone, file
        unreadable) and belong to the account signed in now."""
        if self.ctx.user is None:
            return []
        namespace = self.ctx.thumbnail_namespace()
        return [
            item
            for item in items
            if item.state is UploadState.FAILED
            and item.can_retry
            and self._namespace_of.get(self._keys.get(id(item), -1)) == namespace
        ]

    def retry(self, items: list[UploadItem]) -> int:
        """Send the retryable ``items`` again, each under its first Idempotency-Key; how many.

        Only between batches: a running queue still owns its failed items until it ends.
        """
        if self.busy:
            return 0
        queue = self._new_queue()
        self._queues.append(queue)  # busy before the panel hears of the change (see ``_run``)
        requeued = queue.requeue(self.retryable(items))
        if not requeued:
            self._queues.remove(queue)
            return 0
        self._save_pending()
        self._start(queue, requeued)
        return len(requeued)

    def _new_queue(self) -> UploadQueue:
        client = self.ctx.client

        def upload(item: UploadItem, progress: ProgressCallback) -> Any:
            return client.upload_photo(
                item.album_id,
                item.path,
                name=item.name,
                description=item.description,
                progress=progress,
                idempotency_key=item.idempotency_key,
            )

        return UploadQueue(
            upload,
            max_parallel=MAX_PARALLEL_UPLOADS,
            retry_delays=self.retry_delays,
            listener=self._listen,
            check=client.check_photos,
        )

    def _run(self, entries: list[PendingUpload]) -> list[UploadItem]:
        namespace = self.ctx.thumbnail_namespace()
        queue = self._new_queue()
        items: list[UploadItem] = []
        for entry in entries:
            items += queue.add(
                [Path(entry.path)], entry.album_id, name=entry.name, description=entry.description
            )
        for item in items:
            key = len(self._items)
            self._keys[id(item)] = key
            self._items[key] = item
            self._namespace_of[key] = namespace
        has_work = any(item.state is UploadState.QUEUED for item in items)
        if has_work:
            # Busy before the panel hears of the items: it shows "Cancelar" from the start, not
            # "Cerrar" (which does nothing while busy) until the first file has been sent.
            self._queues.append(queue)
        self.items_added.emit(items)
        self._save_pending()
        if not has_work:
            self.batch_finished.emit(queue.summary())
            return items
        self._start(queue, items)
        return items

    def _start(self, queue: UploadQueue, items: list[UploadItem]) -> None:
        album_ids = sorted({item.album_id for item in items})
        QueryOp(
            parent=self,
            op=queue.run,
            success=lambda summary: self._on_done(queue, album_ids, summary),
        ).failure(lambda _e: self._on_done(queue, album_ids, queue.summary())).run_in_background()

    def cancel(self) -> None:
        """Cancel every running batch (the person asked: nothing is kept for later)."""
        for queue in self._queues:
            queue.cancel()

    def suspend(self, wait_seconds: float = 15.0) -> int:
        """Stop sending and keep every file not uploaded yet for the next start of this account.

        Waits (events keep flowing) until the files in flight have stopped, so one that the
        server took at the last moment is not sent twice. Returns how many files were kept.
        """
        for key, item in self._items.items():
            if item.state in (UploadState.QUEUED, UploadState.UPLOADING):
                self._suspended.add(key)
        return self._stop(wait_seconds)

    def discard(self, wait_seconds: float = 15.0) -> None:
        """Stop sending and forget what was not sent (nothing resumes later)."""
        self._stop(wait_seconds)

    def _stop(self, wait_seconds: float) -> int:
        for queue in self._queues:
            queue.cancel()
        deadline = time.monotonic() + wait_seconds
        while self._queues and time.monotonic() < deadline:
            QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
        return self._save_pending()

    def _on_session_ending(self, why: str) -> None:
        if why == "deleted":
            self.discard()  # the account and its albums are gone
        elif self.pending_count:
            self.suspend()

    def _keep(self, key: int, item: UploadItem) -> bool:
        if item.state in (UploadState.QUEUED, UploadState.UPLOADING):
            return True
        return item.state is UploadState.CANCELLED and key in self._suspended

    def _save_pending(self) -> int:
        by_namespace: dict[str, list[PendingUpload]] = {}
        for key, item in self._items.items():
            namespace = self._namespace_of[key]
            entries = by_namespace.setdefault(namespace, [])
            if self._keep(key, item):
                entries.append(
                    PendingUpload(str(item.path), item.album_id, item.name, item.description)
                )
        for namespace, entries in by_namespace.items():
            self.ctx.pending_uploads.save(namespace, entries)
        return sum(len(entries) for entries in by_namespace.values())

    @Slot(int)
    def _on_item_changed(self, key: int) -> None:
        item = self._items.get(key)
        if item is not None and item.state not in (UploadState.QUEUED, UploadState.UPLOADING):
            self._save_pending()

    def _listen(self, item: UploadItem) -> None:
        # Called for every block sent: only pass on state changes and visible progress steps.
        now = time.monotonic()
        if item.state is UploadState.UPLOADING and item.sent and item.sent < item.total:
            key = id(item)
            if now - self._last_emit.get(key, 0.0) < 0.1:
                return
            self._last_emit[key] = now
        item_key = self._keys.get(id(item))
        if item_key is not None:
            self.item_changed.emit(item_key)

    def _on_done(self, queue: UploadQueue, album_ids: list[int], summary: UploadSummary) -> None:
        if queue in self._queues:
            self._queues.remove(queue)
        self._save_pending()
        for album_id in sorted({item.album_id for item in summary.done}):
            photo_ops.photos_uploaded(self.ctx, album_id)
        self.batch_finished.emit(summary)


class UploadListModel(QAbstractListModel):
    """Every file queued since the panel was last cleared."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.items: list[UploadItem] = []
        self._rows: dict[int, int] = {}

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.items)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        item = self.items[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return item.path.name
        if role == ItemRole:
            return item
        return None

    def add(self, items: list[UploadItem]) -> None:
        if not items:
            return
        first = len(self.items)
        self.beginInsertRows(QModelIndex(), first, first + len(items) - 1)
        for offset, item in enumerate(items):
            self._rows[id(item)] = first + offset
            self.items.append(item)
        self.endInsertRows()

    def changed(self, item: UploadItem) -> None:
        row = self._rows.get(id(item))
        if row is not None:
            index = self.index(row)
            self.dataChanged.emit(index, index)

    def clear(self) -> None:
        self.beginResetModel()
        self.items.clear()
        self._rows.clear()
        self.endResetModel()


class UploadDelegate(QStyledItemDelegate):
    """One row: file name, state text (or reason) and a thin progress bar."""

    def __init__(self, state_text: Any, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.state_text = state_text

    def sizeHint(self, option: QStyleOptionViewItem, index: ModelIndex) -> QSize:
        return QSize(200, 44)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: ModelIndex) -> None:
        item: UploadItem = index.data(ItemRole)
        rect: QRect = option.rect.adjusted(10, 4, -10, -4)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        icon_name, color = {
            UploadState.DONE: ("check", "#12b76a"),
            UploadState.FAILED: ("warning", "#d92d20"),
            UploadState.SKIPPED: ("info", "#f79009"),
            UploadState.CANCELLED: ("close", "#98a2b3"),
        }.get(item.state, ("upload", "#3461e8"))
        painter.drawPixmap(rect.left(), rect.top() + 8, assets.pixmap(icon_name, 18, color))
        text_left = rect.left() + 28
        font = QFont(option.font)
        painter.setFont(font)
        painter.setPen(QColor("#1d2433"))
        name_rect = QRect(text_left, rect.top(), rect.width() // 2 - 28, 18)
        painter.drawText(
            name_rect,
            int(Qt.AlignmentFlag.AlignVCenter),
            painter.fontMetrics().elidedText(
                item.path.name, Qt.TextElideMode.ElideMiddle, name_rect.width()
            ),
        )
        small = QFont(font)
        small.setPointSizeF(8.5)
        painter.setFont(small)
        painter.setPen(
            QColor(color if item.state in (UploadState.FAILED, UploadState.SKIPPED) else "#667085")
        )
        status_rect = QRect(rect.left() + rect.width() // 2, rect.top(), rect.width() // 2, 18)
        status = painter.fontMetrics().elidedText(
            self.state_text(item), Qt.TextElideMode.ElideRight, status_rect.width()
        )
        painter.drawText(
            status_rect, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), status
        )
        bar = QRect(text_left, rect.top() + 24, rect.width() - 28, 6)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor("#e9edf5"))
        painter.drawRoundedRect(bar, 3, 3)
        fraction = item.fraction if item.state is not UploadState.SKIPPED else 0.0
        if fraction > 0:
            painter.setBrush(QColor(color))
            painter.drawRoundedRect(
                QRect(bar.left(), bar.top(), max(6, round(bar.width() * fraction)), bar.height()),
                3,
                3,
            )
        painter.restore()


class UploadPanel(QFrame):
    """A panel at the bottom of the window listing uploads, with overall progress and cancel."""

    def __init__(self, controller: UploadController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("uploadPanel")
        self.controller = controller
        self.model = UploadListModel(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 12, 20, 14)
        layout.setSpacing(8)
        top = QHBoxLayout()
        self.title = label("sectionTitle")
        self.summary = label("muted")
        self.retry_button = button("primary", "retry")
        self.retry_button.clicked.connect(lambda: controller.retry(self.model.items))
        self.cancel_button = button("", "close")
        self.cancel_button.clicked.connect(controller.cancel)
        self.close_button = button("", "")
        self.close_button.clicked.connect(self.dismiss)
        top.addWidget(self.title)
        top.addWidget(self.summary, 1)
        top.addWidget(self.retry_button)
        top.addWidget(self.cancel_button)
        top.addWidget(self.close_button)
        layout.addLayout(top)
        self.overall = QProgressBar()
        self.overall.setTextVisible(False)
        self.overall.setRange(0, 1000)
        layout.addWidget(self.overall)
        self.list = QListView()
        self.list.setObjectName("uploadList")
        self.list.setModel(self.model)
        self.list.setItemDelegate(UploadDelegate(self.state_text, self.list))
        self.list.setUniformItemSizes(True)
        self.list.setMinimumHeight(140)
        self.list.setMaximumHeight(200)
        layout.addWidget(self.list)
        controller.items_added.connect(self._on_added)
        controller.item_changed.connect(self._on_changed)
        controller.batch_finished.connect(self._on_finished)
        controller.ctx.events.session_ended.connect(self._on_session_ended)
        self.hide()
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Subidas"))
        self.retry_button.setText(self.tr("Reintentar"))
        self.retry_button.setToolTip(self.tr("Volver a enviar los archivos con error"))
        self.cancel_button.setText(self.tr("Cancelar"))
        self.close_button.setText(self.tr("Cerrar"))
        self._update_summary()

    def changeEvent(self, event: Any) -> None:
        from PySide6.QtCore import QEvent

        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def state_text(self, item: UploadItem) -> str:
        if item.state is UploadState.UPLOADING:
            return self.tr("Subiendo… {percent} %").format(percent=round(item.fraction * 100))
        if item.state is UploadState.QUEUED:
            return self.tr("Se reintentará al final") if item.attempts else self.tr("En cola")
        if item.state is UploadState.DONE:
            return self.tr("Subida")
        if item.state is UploadState.CANCELLED:
            return self.tr("Cancelada")
        prefix = self.tr("Omitida") if item.state is UploadState.SKIPPED else self.tr("Error")
        # From the code, not the sentence kept at the time: it follows a language switch.
        reason = (
            message_for(item.reason_code, default=item.reason) if item.reason_code else item.reason
        )
        return f"{prefix}: {reason}"

    def dismiss(self) -> None:
        if not self.controller.busy:
            self.model.clear()
            self.hide()

    @Slot(str)
    def _on_session_ended(self, _why: str) -> None:
        # The rows name the old account's files: nothing of it stays on screen (what was still
        # pending is kept by the controller for that account's next login).
        self.model.clear()
        self.hide()

    @Slot(list)
    def _on_added(self, items: list[UploadItem]) -> None:
        self.model.add(items)
        self.show()
        self._update_summary()

    @Slot(int)
    def _on_changed(self, key: int) -> None:
        item = self.controller.item(key)
        if item is not None:
            self.model.changed(item)
        self._update_summary()

    @Slot(object)
    def _on_finished(self, _summary: UploadSummary) -> None:
        for item in self.model.items:
            self.model.changed(item)
        self._update_summary()

    def counts(self) -> dict[UploadState, int]:
        result = dict.fromkeys(UploadState, 0)
        for item in self.model.items:
            result[item.state] += 1
        return result

    def _update_summary(self) -> None:
        counts = self.counts()
        total = len(self.model.items)
        finished = total - counts[UploadState.QUEUED] - counts[UploadState.UPLOADING]
        busy = self.controller.busy
        self.cancel_button.setVisible(busy)
        self.close_button.setVisible(not busy)
        self.retry_button.setVisible(not busy and bool(self.controller.retryable(self.model.items)))
        parts = [self.tr("%n subida(s)", "", counts[UploadState.DONE])]
        if counts[UploadState.SKIPPED]:
            parts.append(self.tr("%n omitida(s)", "", counts[UploadState.SKIPPED]))
        if counts[UploadState.FAILED]:
            parts.append(self.tr("%n con error", "", counts[UploadState.FAILED]))
        if counts[UploadState.CANCELLED]:
            parts.append(self.tr("%n cancelada(s)", "", counts[UploadState.CANCELLED]))
        prefix = self.tr("{done} de {total}").format(done=finished, total=total) if busy else ""
        self.summary.setText(" · ".join(([prefix] if prefix else []) + parts))
        weight = sum(
            item.fraction
            if item.state is UploadState.UPLOADING
            else (0.0 if item.state is UploadState.QUEUED else 1.0)
            for item in self.model.items
        )
        self.overall.setValue(round(1000 * weight / total) if total else 0)


class UploadDialog(QDialog):
    """Choose files, an album, a name and a description, then hand them to the queue."""

    def __init__(
        self, albums: list[Album], current: Album | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.paths: list[Path] = []
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(22, 20, 22, 16)
        layout.setSpacing(12)
        self.drop = DropArea()
        self.drop.files_dropped.connect(self._set_paths)
        self.pick = button("", "folder")
        self.pick.clicked.connect(self._choose)
        layout.addWidget(self.drop)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.pick)
        layout.addLayout(row)
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        self.album = QComboBox()
        for album in albums:
            if not album.is_profile:
                self.album.addItem(assets.icon("albums"), album.name, album)
        if current is not None and not current.is_profile:
            self.album.setCurrentIndex(max(0, self.album.findText(current.name)))
        self.name = QLineEdit()
        self.name.setMaxLength(100)
        self.description = QPlainTextEdit()
        self.description.setFixedHeight(80)
        self.album_label, self.name_label, self.description_label = label(), label(), label()
        form.addRow(self.album_label, self.album)
        form.addRow(self.name_label, self.name)
        form.addRow(self.description_label, self.description)
        layout.addLayout(form)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setProperty("kind", "primary")
        layout.addWidget(self.buttons)
        self.setWindowTitle(self.tr("Subir fotos"))
        self.pick.setText(self.tr("Elegir archivos…"))
        self.album_label.setText(self.tr("Álbum"))
        self.name_label.setText(self.tr("Nombre"))
        self.description_label.setText(self.tr("Descripción"))
        self.description.setPlaceholderText(self.tr("Opcional: se puede traducir a otros idiomas"))
        ok.setText(self.tr("Subir"))
        self._refresh()

    def showEvent(self, event: QShowEvent) -> None:
        keep_wrapped_text_whole(self)
        super().showEvent(event)

    def selected_album(self) -> Album | None:
        data = self.album.currentData()
        return data if isinstance(data, Album) else None

    def _choose(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(
            self,
            self.tr("Elige las fotos"),
            str(Path.home()),
            self.tr("Imágenes ({patterns})").format(patterns="*.jpg *.jpeg *.png *.webp *.heic"),
        )
        if files:
            self._set_paths([Path(f) for f in files])

    def _set_paths(self, paths: list[Path]) -> None:
        self.paths = paths
        if len(paths) == 1 and not self.name.text():
            self.name.setText(paths[0].stem)
        self._refresh()

    def _refresh(self) -> None:
        if self.paths:
            names = ", ".join(p.name for p in self.paths[:3]) + ("…" if len(self.paths) > 3 else "")
            self.drop.setText(
                self.tr("%n elemento(s) elegido(s)", "", len(self.paths)) + "\n" + names
            )
        else:
            self.drop.setText(self.tr("Arrastra aquí fotos o carpetas\no elige archivos"))
        self.name.setEnabled(len(self.paths) <= 1)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(self.paths) and self.selected_album() is not None)
