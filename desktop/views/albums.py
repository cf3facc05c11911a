"""The albums grid: cover and count, create/rename/delete, drop files onto an album card."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractListModel,
    QCoreApplication,
    QModelIndex,
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
    QInputDialog,
    QLineEdit,
    QListView,
    QMenu,
    QMessageBox,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from desktop import assets
from desktop.api.models import Album
from desktop.context import AppContext
from desktop.core.messages import message_for
from desktop.operations import albums as album_ops
from desktop.views.thumbnails import ThumbnailLoader
from desktop.views.widgets import (
    Page,
    PageHeader,
    album_title,
    button,
    label,
    local_paths,
    set_drop_highlight,
)

AlbumRole = Qt.ItemDataRole.UserRole + 1
QT_TRANSLATE_NOOP("Albums", "Fotos de perfil")  # the profile album's shown name (album_title)
ModelIndex = QModelIndex | QPersistentModelIndex


class AlbumListModel(QAbstractListModel):
    """The user's albums; covers come from the thumbnail loader."""

    def __init__(self, loader: ThumbnailLoader, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.loader = loader
        self.albums: list[Album] = []
        loader.loaded.connect(self._on_thumbnail)

    def set_albums(self, albums: list[Album]) -> None:
        self.beginResetModel()
        # The profile album first, then by name, like the original app.
        self.albums = sorted(albums, key=lambda a: (not a.is_profile, a.name.lower()))
        self.endResetModel()

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.albums)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        album = self.albums[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return album_title(album)
        if role == AlbumRole:
            return album
        if role == Qt.ItemDataRole.DecorationRole and album.cover_photo_id:
            return self.loader.get(album.cover_photo_id)
        return None

    def index_of(self, album_id: int) -> QModelIndex:
        for row, album in enumerate(self.albums):
            if album.id == album_id:
                return self.index(row)
        return QModelIndex()

    def _on_thumbnail(self, photo_id: int) -> None:
        for row, album in enumerate(self.albums):
            if album.cover_photo_id == photo_id:
                index = self.index(row)
                self.dataChanged.emit(index, index, [Qt.ItemDataRole.DecorationRole])


class AlbumDelegate(QStyledItemDelegate):
    """Paints an album card: cover, name, photo count, a lock for the profile album."""

    CARD = QSize(216, 214)

    def __init__(self, count_text: Callable[[int], str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.drop_row = -1
        self.count_text = count_text

    def sizeHint(self, option: QStyleOptionViewItem, index: ModelIndex) -> QSize:
        return self.CARD

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: ModelIndex) -> None:
        album: Album = index.data(AlbumRole)
        rect: QRect = option.rect.adjusted(6, 6, -6, -6)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        hovered = bool(option.state & QStyle.StateFlag.State_MouseOver)
        drop = index.row() == self.drop_row
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        border = (
            QColor("#3461e8") if (selected or drop) else QColor("#c9d3e6" if hovered else "#e3e7ee")
        )
        painter.setPen(border)
        painter.setBrush(QColor("#f0f4ff") if drop else QColor("#ffffff"))
        painter.drawRoundedRect(rect, 12, 12)
        cover = QRect(rect.left() + 8, rect.top() + 8, rect.width() - 16, rect.height() - 68)
        path = QPainterPath()
        path.addRoundedRect(cover, 9, 9)
        painter.setClipPath(path)
        pixmap = index.data(Qt.ItemDataRole.DecorationRole)
        if pixmap is not None:
            scaled = pixmap.scaled(
                cover.size() * 2,
                Qt.AspectRatioMode.KeepAspectRatioByExpanding,
                Qt.TransformationMode.SmoothTransformation,
            )
            scaled.setDevicePixelRatio(2.0)
            w, h = scaled.width() / 2, scaled.height() / 2
            painter.drawPixmap(
                round(cover.center().x() - w / 2), round(cover.center().y() - h / 2), scaled
            )
        else:
            painter.fillRect(cover, QColor("#eef2f8"))
            icon = assets.pixmap("albums", 40, "#a6b3cc")
            painter.drawPixmap(cover.center().x() - 20, cover.center().y() - 20, icon)
        painter.setClipping(False)
        if album.is_profile:
            badge = QRect(cover.right() - 34, cover.top() + 8, 26, 26)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(16, 24, 40, 170))
            painter.drawEllipse(badge)
            painter.drawPixmap(
                badge.left() + 5, badge.top() + 5, assets.pixmap("lock", 16, "#ffffff")
            )
        name_font = QFont(option.font)
        name_font.setBold(True)
        name_font.setPointSizeF(10.5)
        painter.setFont(name_font)
        painter.setPen(QColor("#1d2433"))
        text_rect = QRect(rect.left() + 12, cover.bottom() + 10, rect.width() - 24, 22)
        name = painter.fontMetrics().elidedText(
            album_title(album), Qt.TextElideMode.ElideRight, text_rect.width()
        )
        painter.drawText(
            text_rect, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), name
        )
        count_font = QFont(option.font)
        count_font.setPointSizeF(9)
        painter.setFont(count_font)
        painter.setPen(QColor("#667085"))
        count = self.count_text(album.photo_count)
        painter.drawText(
            text_rect.translated(0, 20),
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
            count,
        )
        painter.restore()


class AlbumGrid(QListView):
    """Icon-mode list of album cards that accepts files dropped onto a card.

    The viewport (the widget under the pointer) is what must accept drops; the card under the
    pointer is highlighted while files hover over it.
    """

    files_dropped = Signal(object, list)  # Album, list[Path]
    locked_drop = Signal(object)  # Album
    delete_pressed = Signal()
    rename_pressed = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Delete and self.currentIndex().isValid():
            self.delete_pressed.emit()
        elif event.key() == Qt.Key.Key_F2 and self.currentIndex().isValid():
            self.rename_pressed.emit()
        else:
            super().keyPressEvent(event)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setViewMode(QListView.ViewMode.IconMode)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setMovement(QListView.Movement.Static)
        self.setUniformItemSizes(True)
        self.setSpacing(4)
        self.setMouseTracking(True)
        self.setAcceptDrops(True)
        self.viewport().setAcceptDrops(True)
        self.setDropIndicatorShown(False)
        self.setSelectionMode(QListView.SelectionMode.SingleSelection)
        self.delegate = AlbumDelegate(lambda n: str(n), self)
        self.setItemDelegate(self.delegate)

    def _album_at(self, event: QDragMoveEvent | QDropEvent) -> Album | None:
        index = self.indexAt(event.position().toPoint())
        return index.data(AlbumRole) if index.isValid() else None

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        # Accepted anywhere on the list, so moving between cards keeps the drag alive.
        if local_paths(event.mimeData()):
            event.acceptProposedAction()
            self._highlight(event)
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        album = self._highlight(event)
        if album is not None and not album.is_profile:
            event.acceptProposedAction()
        else:
            event.ignore()

    def _highlight(self, event: QDragMoveEvent | QDropEvent) -> Album | None:
        album = self._album_at(event)
        index = self.indexAt(event.position().toPoint())
        row = index.row() if album is not None and not album.is_profile else -1
        if row != self.delegate.drop_row:
            self.delegate.drop_row = row
            self.viewport().update()
        set_drop_highlight(self, True)
        return album

    def dragLeaveEvent(self, event: Any) -> None:
        self.delegate.drop_row = -1
        set_drop_highlight(self, False)
        self.viewport().update()

    def dropEvent(self, event: QDropEvent) -> None:
        self.delegate.drop_row = -1
        set_drop_highlight(self, False)
        self.viewport().update()
        album = self._album_at(event)
        paths = local_paths(event.mimeData())
        if album is None or not paths:
            event.ignore()
            return
        event.acceptProposedAction()
        if album.is_profile:
            self.locked_drop.emit(album)
        else:
            self.files_dropped.emit(album, paths)


class AlbumsPage(Page):
    """Albums: view, create, rename, delete, and drop files onto one to upload."""

    open_album = Signal(object)  # Album
    upload_requested = Signal(object, list)  # Album, list[Path]

    def __init__(
        self, ctx: AppContext, loader: ThumbnailLoader, parent: QWidget | None = None
    ) -> None:
        super().__init__(ctx, parent)
        self.model = AlbumListModel(loader, self)
        self.edit_mode = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 24, 28, 20)
        layout.setSpacing(12)
        self.header = PageHeader()
        self.new_button = button("primary", "plus")
        self.new_button.clicked.connect(self.create_album)
        self.rename_button = button("", "edit")
        self.rename_button.clicked.connect(self.rename_selected)
        self.delete_button = button("", "trash")
        self.delete_button.clicked.connect(self.delete_selected)
        for widget in (self.rename_button, self.delete_button, self.new_button):
            self.header.add_action(widget)
        layout.addWidget(self.header)
        self.grid = AlbumGrid()
        self.grid.delegate.count_text = self.count_text
        self.grid.setModel(self.model)
        self.grid.doubleClicked.connect(lambda index: self.open_album.emit(index.data(AlbumRole)))
        self.grid.activated.connect(lambda index: self.open_album.emit(index.data(AlbumRole)))
        self.grid.selectionModel().selectionChanged.connect(self._update_buttons)
        self.grid.files_dropped.connect(self.upload_requested)
        self.grid.delete_pressed.connect(self.delete_selected)
        self.grid.rename_pressed.connect(self.rename_selected)
        self.grid.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.grid.customContextMenuRequested.connect(self._context_menu)
        self.grid.locked_drop.connect(self._explain_locked)
        layout.addWidget(self.grid, 1)
        self.hint = label("hint", wrap=True)
        layout.addWidget(self.hint)
        ctx.events.albums_changed.connect(self.refresh)
        ctx.events.album_deleted.connect(self._on_album_deleted)
        ctx.events.session_ended.connect(lambda _why: self.clear())
        self.retranslate()
        self._update_buttons()

    def _on_album_deleted(self, album_id: int) -> None:
        index = self.model.index_of(album_id)
        if index.isValid():
            album = self.model.albums[index.row()]
            if album.cover_photo_id is not None:
                self.model.loader.forget(album.cover_photo_id)

    def count_text(self, count: int) -> str:
        return self.tr("%n foto(s)", "", count)

    def retranslate(self) -> None:
        self.header.title.setText(self.tr("Álbumes"))
        self.header.subtitle.setText(
            self.tr(
                "Abre un álbum con doble clic o Intro; clic derecho para "
                "renombrarlo o borrarlo. Arrastra fotos o carpetas "
                "sobre un álbum para subirlas."
            )
        )
        self.new_button.setText(self.tr("Nuevo álbum"))
        self.rename_button.setText(self.tr("Renombrar"))
        self.delete_button.setText(self.tr("Eliminar"))
        self.hint.setText(
            self.tr(
                "«{name}» guarda tus fotos de perfil y se llena sola: "
                "no se puede renombrar, borrar ni subir a él."
            ).format(name=QCoreApplication.translate("Albums", "Fotos de perfil"))
        )
        self.grid.viewport().update()

    def set_edit_mode(self, on: bool) -> None:
        """Rename and delete work in place; "edit" only selects the first album to edit."""
        self.edit_mode = on
        self._update_buttons()
        if on:
            for row, album in enumerate(self.model.albums):
                if not album.is_profile:
                    self.grid.setCurrentIndex(self.model.index(row))
                    break

    def selected_album(self) -> Album | None:
        index = self.grid.currentIndex()
        return index.data(AlbumRole) if index.isValid() else None

    def _update_buttons(self) -> None:
        album = self.selected_album()
        editable = album is not None and not album.is_profile
        for widget in (self.rename_button, self.delete_button):
            widget.setEnabled(editable)
            widget.setToolTip(
                "" if editable or album is None else message_for("profile_album_locked")
            )

    # -- data -----------------------------------------------------------------------------
    def refresh(self) -> None:
        """Reload the albums from the server."""
        if self.ctx.user is None:
            return
        album_ops.load_albums(
            parent=self, ctx=self.ctx, success=self._show, progress=self.tr("Cargando álbumes…")
        )

    def clear(self) -> None:
        """Forget the albums shown (the session ended)."""
        self.model.set_albums([])
        self._update_buttons()

    def _show(self, albums: list[Album]) -> None:
        selected = self.selected_album()
        self.model.set_albums(albums)
        if selected is not None:
            index = self.model.index_of(selected.id)
            if index.isValid():
                self.grid.setCurrentIndex(index)
        self._update_buttons()

    def create_album(self) -> None:
        name, ok = QInputDialog.getText(
            self,
            self.tr("Nuevo álbum"),
            self.tr("Nombre del álbum:"),
            QLineEdit.EchoMode.Normal,
            "",
        )
        if ok and name.strip():
            album_ops.create_album(parent=self, ctx=self.ctx, name=name.strip())

    def rename_selected(self) -> None:
        album = self.selected_album()
        if album is None:
            return
        if album.is_profile:
            self._explain_locked(album)
            return
        name, ok = QInputDialog.getText(
            self,
            self.tr("Renombrar álbum"),
            self.tr("Nuevo nombre:"),
            QLineEdit.EchoMode.Normal,
            album.name,
        )
        if ok and name.strip() and name.strip() != album.name:
            album_ops.rename_album(parent=self, ctx=self.ctx, album=album, name=name.strip())

    def delete_confirmation_text(self, album: Album) -> str:
        """The question asked before deleting, saying how many photos go with the album."""
        if album.photo_count:
            photos = self.tr("Se eliminarán también sus %n foto(s).", "", album.photo_count)
        else:
            photos = self.tr("El álbum está vacío.")
        return (
            self.tr("¿Eliminar el álbum «{name}»?").format(name=album.name)
            + "\n\n"
            + photos
            + " "
            + self.tr("Esta acción no se puede deshacer.")
        )

    def delete_selected(self, *, confirm: bool = True) -> None:
        album = self.selected_album()
        if album is None:
            return
        if album.is_profile:
            self._explain_locked(album)
            return
        if confirm:
            box = QMessageBox(
                QMessageBox.Icon.Warning,
                self.tr("Eliminar álbum"),
                self.delete_confirmation_text(album),
                parent=self,
            )
            delete = box.addButton(self.tr("Eliminar"), QMessageBox.ButtonRole.DestructiveRole)
            box.addButton(self.tr("Cancelar"), QMessageBox.ButtonRole.RejectRole)
            box.exec()
            if box.clickedButton() is not delete:
                return
        album_ops.delete_album(parent=self, ctx=self.ctx, album=album)

    def album_menu(self, album: Album) -> QMenu:
        """The right-click menu of an album card."""
        menu = QMenu(self)
        menu.addAction(self.tr("Abrir"), lambda: self.open_album.emit(album))
        rename = menu.addAction(self.tr("Renombrar…"), self.rename_selected)
        delete = menu.addAction(self.tr("Eliminar…"), self.delete_selected)
        for action in (rename, delete):
            action.setEnabled(not album.is_profile)
        return menu

    def _context_menu(self, pos: QPoint) -> None:
        index = self.grid.indexAt(pos)
        if not index.isValid():
            return
        self.grid.setCurrentIndex(index)
        self.album_menu(index.data(AlbumRole)).exec(self.grid.viewport().mapToGlobal(pos))

    def _explain_locked(self, album: Album) -> None:
        QMessageBox.information(self, album_title(album), message_for("profile_album_locked"))
