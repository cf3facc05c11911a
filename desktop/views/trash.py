"""The trash: photos deleted in the last 30 days, to restore or delete for good."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QObject, Qt
from PySide6.QtWidgets import QMessageBox, QStackedLayout, QVBoxLayout, QWidget

from desktop.context import AppContext
from desktop.operations import bulk as bulk_ops
from desktop.views.album_view import PAGE_SIZE, ModelIndex, PhotoGrid, PhotoListModel
from desktop.views.thumbnails import ThumbnailLoader
from desktop.views.widgets import Page, PageHeader, button, label


class TrashModel(PhotoListModel):
    """The trashed photos, page by page."""

    def __init__(
        self, ctx: AppContext, loader: ThumbnailLoader, parent: QObject | None = None
    ) -> None:
        super().__init__(ctx, loader, parent)

    def fetchMore(self, parent: ModelIndex = QModelIndex()) -> None:
        if self.album_id is None or self._loading or not self._more:
            return
        self._set_loading(True)
        cursor, generation = self._cursor, self._generation
        bulk_ops.list_trash(
            parent=self,
            ctx=self.ctx,
            limit=PAGE_SIZE,
            cursor=cursor,
            success=lambda page: self._append(page, generation),
            failure=lambda error: self._failed(error, generation),
        )


class TrashPage(Page):
    """Restore the selected photos, or empty the trash."""

    def __init__(
        self, ctx: AppContext, loader: ThumbnailLoader, parent: QWidget | None = None
    ) -> None:
        super().__init__(ctx, parent)
        self.model = TrashModel(ctx, loader, self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 18, 28, 20)
        self.header = PageHeader()
        self.restore_button = button("primary", "retry")
        self.restore_button.clicked.connect(self.restore_selected)
        self.empty_button = button("danger", "trash")
        self.empty_button.clicked.connect(lambda: self.empty_trash())
        self.header.add_action(self.restore_button)
        self.header.add_action(self.empty_button)
        layout.addWidget(self.header)
        self.stack = QStackedLayout()
        self.grid = PhotoGrid()
        self.grid.setAcceptDrops(False)
        self.grid.setModel(self.model)
        self.grid.selectionModel().selectionChanged.connect(lambda *_a: self._update_state())
        self.empty = label("hint", wrap=True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stack.addWidget(self.grid)
        self.stack.addWidget(self.empty)
        layout.addLayout(self.stack, 1)
        for signal in (self.model.modelReset, self.model.rowsInserted, self.model.rowsRemoved):
            signal.connect(self._update_state)
        self.model.loading_changed.connect(lambda _l: self._update_state())
        ctx.events.photo_deleted.connect(lambda _photo, _album: self._reload_if_visible())
        ctx.events.session_ended.connect(lambda _why: self.model.close_album())
        self.retranslate()

    def retranslate(self) -> None:
        self.header.title.setText(self.tr("Papelera"))
        self.restore_button.setText(self.tr("Restaurar"))
        self.empty_button.setText(self.tr("Vaciar papelera"))
        self._update_state()

    def refresh(self) -> None:
        self.model.open_album(0)

    def _reload_if_visible(self) -> None:
        if self.isVisible():
            self.refresh()

    def restore_selected(self) -> None:
        rows = sorted(index.row() for index in self.grid.selectionModel().selectedIndexes())
        ids = [self.model.photos[row].id for row in rows]
        if ids:
            bulk_ops.restore_photos(
                parent=self, ctx=self.ctx, photo_ids=ids, success=lambda _p: self.refresh()
            )

    def empty_trash(self, *, confirm: bool = True) -> None:
        if confirm:
            box = QMessageBox(
                QMessageBox.Icon.Warning,
                self.tr("Vaciar papelera"),
                self.tr("¿Borrar para siempre las fotos de la papelera? No se puede deshacer."),
                parent=self,
            )
            delete = box.addButton(
                self.tr("Vaciar papelera"), QMessageBox.ButtonRole.DestructiveRole
            )
            box.addButton(self.tr("Cancelar"), QMessageBox.ButtonRole.RejectRole)
            box.exec()
            if box.clickedButton() is not delete:
                return
        bulk_ops.empty_trash(parent=self, ctx=self.ctx, success=lambda _n: self.refresh())

    def _update_state(self) -> None:
        count = len(self.model.photos)
        if self.model.loading and not count:
            subtitle = self.tr("Cargando…")
        else:
            subtitle = self.tr("%n foto(s) · se borran solas a los 30 días", "", count)
        self.header.subtitle.setText(subtitle)
        self.restore_button.setEnabled(bool(self.grid.selectionModel().selectedIndexes()))
        self.empty_button.setEnabled(count > 0)
        self.empty.setText(self.tr("La papelera está vacía."))
        self.stack.setCurrentWidget(
            self.empty if not count and not self.model.loading else self.grid
        )
