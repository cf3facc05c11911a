"""One album: a lazy thumbnail grid (model/view) that takes dropped files and folders."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPoint,
    QRect,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QFont,
    QKeyEvent,
    QPainter,
    QPainterPath,
)
from PySide6.QtWidgets import (
    QFileDialog,
    QListView,
    QMenu,
    QMessageBox,
    QStackedLayout,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from desktop import assets
from desktop.api.models import Album, Photo, PhotoPage
from desktop.context import AppContext
from desktop.operations import bulk as bulk_ops
from desktop.operations import photos as photo_ops
from desktop.views.selection import SelectionBar
from desktop.views.thumbnails import ThumbnailLoader
from desktop.views.widgets import (
    DropArea,
    Page,
    PageHeader,
    album_title,
    button,
    local_paths,
    set_drop_highlight,
)

PhotoRole = Qt.ItemDataRole.UserRole + 1
ModelIndex = QModelIndex | QPersistentModelIndex
PAGE_SIZE = 200


class PhotoListModel(QAbstractListModel):
    """An album's photos, fetched page by page as the view scrolls (``canFetchMore``)."""

    loading_changed = Signal(bool)
    load_failed = Signal(object)

    def __init__(
        self, ctx: AppContext, loader: ThumbnailLoader, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.loader = loader
        self.album_id: int | None = None
        self.photos: list[Photo] = []
        self._rows: dict[int, int] = {}
        self._cursor: str | None = None
        self._more = False
        self._loading = False
        self._generation = 0
        loader.loaded.connect(self._on_thumbnail)

    # -- model ----------------------------------------------------------------------------
    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.photos)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        photo = self.photos[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return photo.name
        if role == PhotoRole:
            return photo
        if role == Qt.ItemDataRole.DecorationRole:
            return self.loader.get(photo.id, photo.sha256)
        if role == Qt.ItemDataRole.ToolTipRole:
            return photo.description or photo.name
        return None

    def canFetchMore(self, parent: ModelIndex = QModelIndex()) -> bool:
        return not parent.isValid() and self._more and not self._loading

    def fetchMore(self, parent: ModelIndex = QModelIndex()) -> None:
        if self.album_id is None or self._loading or not self._more:
            return
        self._set_loading(True)
        album_id, cursor, generation = self.album_id, self._cursor, self._generation
        photo_ops.list_photos(
            parent=self,
            ctx=self.ctx,
            album_id=album_id,
            limit=PAGE_SIZE,
            cursor=cursor,
            success=lambda page: self._append(page, generation),
            failure=lambda error: self._failed(error, generation),
        )

    # -- loading --------------------------------------------------------------------------
    def open_album(self, album_id: int) -> None:
        """Show another album (or reload this one) from its first page."""
        self._generation += 1
        self.beginResetModel()
        self.album_id = album_id
        self.photos = []
        self._rows = {}
        self._cursor = None
        self._more = True
        self._loading = False
        self.endResetModel()
        self.fetchMore()

    def close_album(self) -> None:
        """Show nothing (the session ended)."""
        self._generation += 1
        self.beginResetModel()
        self.album_id = None
        self.photos = []
        self._rows = {}
        self._cursor = None
        self._more = False
        self._loading = False
        self.endResetModel()

    def load_all(self) -> None:
        """Keep fetching until the last page (used by tests and benchmarks)."""
        if self.canFetchMore():
            self.fetchMore()

    @property
    def loading(self) -> bool:
        return self._loading

    @property
    def has_more(self) -> bool:
        return self._more

    def _set_loading(self, loading: bool) -> None:
        self._loading = loading
        self.loading_changed.emit(loading)

    def _append(self, page: PhotoPage, generation: int) -> None:
        if generation != self._generation:
            return
        self._cursor = page.next_cursor
        self._more = page.next_cursor is not None
        fresh = [photo for photo in page.items if photo.id not in self._rows]
        if fresh:
            first = len(self.photos)
            self.beginInsertRows(QModelIndex(), first, first + len(fresh) - 1)
            for offset, photo in enumerate(fresh):
                self._rows[photo.id] = first + offset
                self.photos.append(photo)
            self.endInsertRows()
        self._set_loading(False)

    def _failed(self, error: Exception, generation: int) -> None:
        if generation != self._generation:
            return
        self._more = False
        self._set_loading(False)
        self.load_failed.emit(error)

    def update_photo(self, photo: Photo) -> None:
        """Replace a photo's record (after an edit); drop it if it moved to another album."""
        row = self._rows.get(photo.id)
        if row is None:
            return
        if photo.album_id and photo.album_id != self.album_id:
            self.remove_photo(photo.id)
            return
        self.photos[row] = photo
        index = self.index(row)
        self.dataChanged.emit(index, index)

    def remove_photo(self, photo_id: int) -> None:
        row = self._rows.get(photo_id)
        if row is None:
            return
        self.beginRemoveRows(QModelIndex(), row, row)
        del self.photos[row]
        self.endRemoveRows()
        self._rows = {photo.id: i for i, photo in enumerate(self.photos)}

    def _on_thumbnail(self, photo_id: int) -> None:
        row = self._rows.get(photo_id)
        if row is not None:
            index = self.index(row)
            self.dataChanged.emit(index, index, [Qt.ItemDataRole.DecorationRole])


class PhotoDelegate(QStyledItemDelegate):
    """A square thumbnail with rounded corners and the photo name underneath."""

    CELL = QSize(172, 196)

    def sizeHint(self, option: QStyleOptionViewItem, index: ModelIndex) -> QSize:
        return self.CELL

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: ModelIndex) -> None:
        rect: QRect = option.rect.adjusted(6, 6, -6, -6)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        hovered = bool(option.state & QStyle.StateFlag.State_MouseOver)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        side = rect.width()
        thumb = QRect(rect.left(), rect.top(), side, side)
        if selected or hovered:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor("#e8eeff" if selected else "#f2f5fb"))
            painter.drawRoundedRect(rect.adjusted(-4, -4, 4, 4), 12, 12)
        path = QPainterPath()
        path.addRoundedRect(thumb, 10, 10)
        painter.setClipPath(path)
        pixmap = index.data(Qt.ItemDataRole.DecorationRole)
        if pixmap is not None:
            painter.drawPixmap(thumb, pixmap)
        else:
            painter.fillRect(thumb, QColor("#eef2f8"))
            painter.drawPixmap(
                thumb.center().x() - 16,
                thumb.center().y() - 16,
                assets.pixmap("photo", 32, "#b4c0d6"),
            )
        painter.setClipping(False)
        if selected:
            painter.setPen(QColor("#3461e8"))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(thumb, 10, 10)
        font = QFont(option.font)
        font.setPointSizeF(9)
        painter.setFont(font)
        painter.setPen(QColor("#344054"))
        text_rect = QRect(rect.left() + 2, thumb.bottom() + 4, side - 4, 20)
        name = painter.fontMetrics().elidedText(
            index.data(Qt.ItemDataRole.DisplayRole) or "",
            Qt.TextElideMode.ElideRight,
            text_rect.width(),
        )
        painter.drawText(
            text_rect, int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignVCenter), name
        )
        painter.restore()


class PhotoGrid(QListView):
    """The thumbnail grid; dropping files or folders anywhere on it asks to upload them.

    Drag events arrive at the viewport (the widget under the pointer); a scroll area only sees
    them when the viewport accepts drops, so that is where drops are switched on.
    """

    files_dropped = Signal(list)
    delete_pressed = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Delete and self.selectionModel().selectedIndexes():
            self.delete_pressed.emit()
        else:
            super().keyPressEvent(event)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setViewMode(QListView.ViewMode.IconMode)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setMovement(QListView.Movement.Static)
        self.setUniformItemSizes(True)
        self.setLayoutMode(QListView.LayoutMode.Batched)
        self.setBatchSize(200)
        self.setSpacing(2)
        self.setMouseTracking(True)
        self.set_drops_enabled(True)
        self.setSelectionMode(QListView.SelectionMode.ExtendedSelection)
        self.setSelectionRectVisible(True)  # rubber band from an empty spot
        self.setVerticalScrollMode(QListView.ScrollMode.ScrollPerPixel)
        self.verticalScrollBar().setSingleStep(24)
        self.setItemDelegate(PhotoDelegate(self))

    def set_drops_enabled(self, enabled: bool) -> None:
        self.setAcceptDrops(enabled)
        self.viewport().setAcceptDrops(enabled)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if local_paths(event.mimeData()):
            set_drop_highlight(self, True)
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if local_paths(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragLeaveEvent(self, event: Any) -> None:
        set_drop_highlight(self, False)

    def dropEvent(self, event: QDropEvent) -> None:
        set_drop_highlight(self, False)
        paths = local_paths(event.mimeData())
        if paths:
            event.acceptProposedAction()
            self.files_dropped.emit(paths)
        else:
            event.ignore()


class AlbumPage(Page):
    """The photos of one album."""

    back_requested = Signal()
    open_photo = Signal(object)  # Photo
    upload_requested = Signal(object, list)  # Album, list[Path]
    upload_dialog_requested = Signal(object)  # Album
    undo_offered = Signal(str, object)  # what was done, a callable that undoes it

    def __init__(
        self,
        ctx: AppContext,
        loader: ThumbnailLoader,
        parent: QWidget | None = None,
        albums: Callable[[], list[Album]] | None = None,
    ) -> None:
        super().__init__(ctx, parent)
        self.album: Album | None = None
        self._album_list = albums or (lambda: [])
        self.model = PhotoListModel(ctx, loader, self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 18, 28, 20)
        layout.setSpacing(12)
        self.back = button("link", "back")
        self.back.clicked.connect(self.back_requested)
        layout.addWidget(self.back, 0, Qt.AlignmentFlag.AlignLeft)
        self.header = PageHeader()
        self.upload_button = button("primary", "upload")
        self.upload_button.clicked.connect(lambda: self.upload_dialog_requested.emit(self.album))
        self.header.add_action(self.upload_button)
        layout.addWidget(self.header)
        self.selection_bar = SelectionBar(self._album_list)
        self.selection_bar.move_requested.connect(self.move_selected)
        self.selection_bar.trash_requested.connect(self.trash_selected)
        self.selection_bar.export_requested.connect(self.export_selected)
        layout.addWidget(self.selection_bar)

        self.stack = QStackedLayout()
        self.grid = PhotoGrid()
        self.grid.setModel(self.model)
        self.grid.selectionModel().selectionChanged.connect(self._on_selection)
        self.selection_bar.clear_requested.connect(self.grid.clearSelection)
        self.grid.doubleClicked.connect(lambda index: self.open_photo.emit(index.data(PhotoRole)))
        self.grid.activated.connect(lambda index: self.open_photo.emit(index.data(PhotoRole)))
        self.grid.files_dropped.connect(self._on_drop)
        self.grid.delete_pressed.connect(self.delete_selected)
        self.grid.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.grid.customContextMenuRequested.connect(self._context_menu)
        self.albums_source: Callable[[], list[Album]] = list  # the move targets (set by the window)
        self.empty = DropArea()
        self.empty.files_dropped.connect(self._on_drop)
        self.stack.addWidget(self.grid)
        self.stack.addWidget(self.empty)
        layout.addLayout(self.stack, 1)
        self.model.modelReset.connect(self._update_state)
        self.model.rowsInserted.connect(self._update_state)
        self.model.rowsRemoved.connect(self._update_state)
        self.model.loading_changed.connect(lambda _loading: self._update_state())
        self.setAcceptDrops(True)  # the header and margins take drops too
        events = ctx.events
        events.photo_updated.connect(self.model.update_photo)
        events.photo_deleted.connect(lambda photo_id, _album: self.model.remove_photo(photo_id))
        events.photos_added.connect(self._on_photos_added)
        events.album_deleted.connect(self._on_album_deleted)
        events.session_ended.connect(lambda _why: self.close_album())
        self.retranslate()

    def retranslate(self) -> None:
        self.back.setText(self.tr("Álbumes"))
        self.upload_button.setText(self.tr("Subir fotos"))
        self.selection_bar.retranslate()
        self._update_state()

    # -- selection and bulk actions ---------------------------------------------------------
    def selected_photos(self) -> list[Photo]:
        rows = sorted(index.row() for index in self.grid.selectionModel().selectedIndexes())
        return [self.model.photos[row] for row in rows if row < len(self.model.photos)]

    def _on_selection(self, *_args: object) -> None:
        self.selection_bar.exclude_album_id = self.album.id if self.album else None
        self.selection_bar.set_count(len(self.grid.selectionModel().selectedIndexes()))

    def trash_selected(self) -> None:
        """Move the selection to the trash; Undo restores it."""
        self.trash_photos(self.selected_photos())

    def trash_photos(self, photos: list[Photo]) -> None:
        if not photos or (self.album is not None and self.album.is_profile):
            return
        ids = [photo.id for photo in photos]
        text = self.tr("%n foto(s) movida(s) a la papelera", "", len(ids))

        def undo() -> None:
            bulk_ops.restore_photos(parent=self, ctx=self.ctx, photo_ids=ids)

        bulk_ops.trash_photos(
            parent=self,
            ctx=self.ctx,
            photo_ids=ids,
            success=lambda _photos: self.undo_offered.emit(text, undo),
        )

    def move_selected(self, target: Album) -> None:
        """Move the selection into ``target`` in one action; Undo moves each photo back."""
        self.move_photos(self.selected_photos(), target)

    def move_photos(self, photos: list[Photo], target: Album) -> None:
        if not photos:
            return
        origins: dict[int, list[int]] = {}
        for photo in photos:
            origins.setdefault(photo.album_id, []).append(photo.id)
        text = self.tr("%n foto(s) movida(s) a «%1»", "", len(photos)).replace("%1", target.name)

        def undo() -> None:
            for album_id, ids in origins.items():
                bulk_ops.move_photos(parent=self, ctx=self.ctx, photo_ids=ids, album_id=album_id)

        bulk_ops.move_photos(
            parent=self,
            ctx=self.ctx,
            photo_ids=[p.id for p in photos],
            album_id=target.id,
            success=lambda _moved: self.undo_offered.emit(text, undo),
        )

    def export_selected(self, folder: Path | None = None) -> None:
        """Save the originals of the selection into a folder the person picks."""
        photos = self.selected_photos()
        if not photos:
            return
        if folder is None:
            chosen = QFileDialog.getExistingDirectory(self, self.tr("Exportar originales a…"))
            if not chosen:
                return
            folder = Path(chosen)
        bulk_ops.export_originals(parent=self, ctx=self.ctx, photos=photos, folder=folder)

    def show_album(self, album: Album) -> None:
        """Open ``album`` from its first page."""
        self.album = album
        self.model.open_album(album.id)
        self._update_state()

    def reload(self) -> None:
        if self.album is not None:
            self.model.open_album(self.album.id)

    def close_album(self) -> None:
        """Forget the album shown (the session ended)."""
        self.album = None
        self.model.close_album()
        self.header.title.setText("")
        self.header.subtitle.setText("")

    def _on_photos_added(self, album_id: int) -> None:
        if self.album is not None and self.album.id == album_id:
            self.reload()

    def _on_album_deleted(self, album_id: int) -> None:
        if self.album is not None and self.album.id == album_id:
            self.close_album()
            if self.isVisible():
                self.back_requested.emit()

    # -- actions on tiles -----------------------------------------------------------------
    def photo_menu(self, photos: list[Photo]) -> QMenu:
        """The right-click menu of one or more selected tiles."""
        menu = QMenu(self)
        if len(photos) == 1:
            menu.addAction(self.tr("Abrir"), lambda: self.open_photo.emit(photos[0]))
        move = menu.addMenu(self.tr("Mover a"))
        targets = [
            a
            for a in self.albums_source()
            if not a.is_profile and self.album is not None and a.id != self.album.id
        ]
        for album in targets:
            move.addAction(album.name, partial(self.move_photos, photos, album))
        move.setEnabled(bool(targets) and not (self.album is not None and self.album.is_profile))
        menu.addSeparator()
        menu.addAction(self.tr("Eliminar…"), lambda: self.delete_photos(photos))
        return menu

    def _context_menu(self, pos: QPoint) -> None:
        index = self.grid.indexAt(pos)
        if not index.isValid():
            return
        if not self.grid.selectionModel().isSelected(index):
            self.grid.setCurrentIndex(index)
        self.photo_menu(self.selected_photos()).exec(self.grid.viewport().mapToGlobal(pos))

    def delete_selected(self) -> None:
        self.delete_photos(self.selected_photos())

    def delete_photos(self, photos: list[Photo], *, confirm: bool = True) -> None:
        """Move photos to the trash after one confirmation naming them (or their count)."""
        if not photos:
            return
        if confirm:
            question = (
                self.tr(
                    "¿Mover «{name}» a la papelera? Podrás recuperarla durante 30 días."
                ).format(name=photos[0].name)
                if len(photos) == 1
                else self.tr(
                    "¿Mover %n fotos a la papelera? Podrás recuperarlas durante 30 días.",
                    "",
                    len(photos),
                )
            )
            box = QMessageBox(
                QMessageBox.Icon.Warning, self.tr("Mover a la papelera"), question, parent=self
            )
            delete = box.addButton(
                self.tr("Mover a la papelera"), QMessageBox.ButtonRole.DestructiveRole
            )
            box.addButton(self.tr("Cancelar"), QMessageBox.ButtonRole.RejectRole)
            box.exec()
            if box.clickedButton() is not delete:
                return
        self.trash_photos(photos)

    def _drop_target(self) -> QWidget:
        return self.empty if self.stack.currentWidget() is self.empty else self.grid

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self.album is not None and not self.album.is_profile and local_paths(event.mimeData()):
            set_drop_highlight(self._drop_target(), True)
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if self.album is not None and not self.album.is_profile and local_paths(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragLeaveEvent(self, event: Any) -> None:
        set_drop_highlight(self._drop_target(), False)

    def dropEvent(self, event: QDropEvent) -> None:
        set_drop_highlight(self._drop_target(), False)
        paths = local_paths(event.mimeData())
        if self.album is None or self.album.is_profile or not paths:
            event.ignore()
            return
        event.acceptProposedAction()
        self._on_drop(paths)

    def _on_drop(self, paths: list[Path]) -> None:
        if self.album is not None:
            self.upload_requested.emit(self.album, paths)

    def _update_state(self) -> None:
        album = self.album
        if album is None:
            return
        count = max(len(self.model.photos), album.photo_count if self.model.has_more else 0)
        self.header.title.setText(album_title(album))
        if self.model.loading and not self.model.photos:
            subtitle = self.tr("Cargando fotos…")
        else:
            subtitle = self.tr("%n foto(s)", "", count)
            if album.is_profile:
                subtitle += " · " + self.tr("Se llena sola con tus fotos de perfil")
            else:
                subtitle += " · " + self.tr("Arrastra fotos o carpetas aquí para subirlas")
        self.header.subtitle.setText(subtitle)
        self.upload_button.setVisible(not album.is_profile)
        self.grid.set_drops_enabled(not album.is_profile)
        empty = not self.model.photos and not self.model.loading and not album.is_profile
        self.empty.setText(
            self.tr(
                "Este álbum está vacío.\nArrastra aquí fotos o carpetas desde "
                "el gestor de archivos, o pulsa «Subir fotos»."
            )
        )
        self.stack.setCurrentWidget(self.empty if empty else self.grid)
