"""Search results: a grid like an album's, with filter chips (album, dates, "con texto")."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QDate, QModelIndex, QObject, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QStackedLayout,
    QVBoxLayout,
    QWidget,
)

from desktop.api.models import Album, Photo, SearchPage
from desktop.context import AppContext
from desktop.operations import bulk as bulk_ops
from desktop.ops import error_text
from desktop.views.album_view import PAGE_SIZE, ModelIndex, PhotoGrid, PhotoListModel, PhotoRole
from desktop.views.thumbnails import ThumbnailLoader
from desktop.views.widgets import Page, PageHeader, label

SEARCH_PAGE_SIZE = min(PAGE_SIZE, 100)


class SearchResultsModel(PhotoListModel):
    """Search results, fetched page by page like an album's photos."""

    def __init__(
        self, ctx: AppContext, loader: ThumbnailLoader, parent: QObject | None = None
    ) -> None:
        super().__init__(ctx, loader, parent)
        self.query = ""
        self.filters: dict[str, object] = {}
        self.terms: tuple[str, ...] = ()

    def search(self, query: str, **filters: object) -> None:
        """Start a new search (the album id here is only a marker that a search is open)."""
        self.query = query
        self.filters = filters
        self.open_album(0)

    def fetchMore(self, parent: ModelIndex = QModelIndex()) -> None:
        if self.album_id is None or self._loading or not self._more:
            return
        self._set_loading(True)
        cursor, generation = self._cursor, self._generation
        album_id = self.filters.get("album_id")
        bulk_ops.search(
            parent=self,
            ctx=self.ctx,
            query=self.query,
            album_id=album_id if isinstance(album_id, int) else None,
            date_from=_text(self.filters.get("date_from")),
            date_to=_text(self.filters.get("date_to")),
            has_text=True if self.filters.get("has_text") else None,
            limit=SEARCH_PAGE_SIZE,
            cursor=cursor,
            success=lambda page: self._append_results(page, generation),
            failure=lambda error: self._failed(error, generation),
        )

    def _append_results(self, page: SearchPage, generation: int) -> None:
        if generation == self._generation:
            self.terms = page.terms
        self._append(page, generation)  # type: ignore[arg-type]

    def update_photo(self, photo: Photo) -> None:
        """Results span albums: a moved photo stays, with its new record."""
        row = self._rows.get(photo.id)
        if row is not None:
            self.photos[row] = photo
            index = self.index(row)
            self.dataChanged.emit(index, index)


def _text(value: object) -> str | None:
    return value if isinstance(value, str) and value else None


class SearchResultsPage(Page):
    """What the top bar's search found."""

    open_photo = Signal(object, tuple)  # Photo, the matched terms

    def __init__(
        self,
        ctx: AppContext,
        loader: ThumbnailLoader,
        parent: QWidget | None = None,
        albums: Callable[[], list[Album]] | None = None,
    ) -> None:
        super().__init__(ctx, parent)
        self._album_list = albums or (lambda: [])
        self.model = SearchResultsModel(ctx, loader, self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 18, 28, 20)
        layout.setSpacing(10)
        self.header = PageHeader()
        layout.addWidget(self.header)

        chips = QHBoxLayout()
        self.album_filter = QComboBox()
        self.album_filter.setObjectName("filterChip")
        self.dates = QCheckBox()
        self.date_from = QDateEdit()
        self.date_to = QDateEdit()
        for edit in (self.date_from, self.date_to):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setEnabled(False)
        today = QDate.currentDate()
        self.date_from.setDate(today.addYears(-1))
        self.date_to.setDate(today)
        self.with_text = QCheckBox()
        self.with_text.setObjectName("filterChip")
        chips.addWidget(self.album_filter)
        chips.addWidget(self.dates)
        chips.addWidget(self.date_from)
        chips.addWidget(self.date_to)
        chips.addWidget(self.with_text)
        chips.addStretch(1)
        layout.addLayout(chips)

        self.stack = QStackedLayout()
        self.grid = PhotoGrid()
        self.grid.setAcceptDrops(False)
        self.grid.setModel(self.model)
        self.grid.doubleClicked.connect(self._open)
        self.grid.activated.connect(self._open)
        self.empty = label("hint", wrap=True)
        self.stack.addWidget(self.grid)
        self.stack.addWidget(self.empty)
        layout.addLayout(self.stack, 1)

        self.album_filter.currentIndexChanged.connect(lambda _i: self.run())
        self.dates.toggled.connect(self._dates_toggled)
        self.date_from.dateChanged.connect(lambda _d: self.run())
        self.date_to.dateChanged.connect(lambda _d: self.run())
        self.with_text.toggled.connect(lambda _c: self.run())
        self.model.modelReset.connect(self._update_state)
        self.model.rowsInserted.connect(self._update_state)
        self.model.rowsRemoved.connect(self._update_state)
        self.model.loading_changed.connect(lambda _loading: self._update_state())
        self.model.load_failed.connect(self._on_failed)
        events = ctx.events
        events.photo_updated.connect(self.model.update_photo)
        events.photo_deleted.connect(lambda photo_id, _album: self.model.remove_photo(photo_id))
        events.session_ended.connect(lambda _why: self.model.close_album())
        self._query = ""
        self._error = ""
        self.retranslate()

    def retranslate(self) -> None:
        self.dates.setText(self.tr("Entre fechas"))
        self.with_text.setText(self.tr("Con texto"))
        self._fill_albums()
        self._update_state()

    def _fill_albums(self) -> None:
        current = self.album_filter.currentData()
        self.album_filter.blockSignals(True)
        self.album_filter.clear()
        self.album_filter.addItem(self.tr("Todos los álbumes"), None)
        for album in self._album_list():
            self.album_filter.addItem(album.name, album.id)
        index = self.album_filter.findData(current)
        self.album_filter.setCurrentIndex(max(0, index))
        self.album_filter.blockSignals(False)

    def _dates_toggled(self, on: bool) -> None:
        self.date_from.setEnabled(on)
        self.date_to.setEnabled(on)
        self.run()

    def search(self, query: str) -> None:
        """Search for ``query`` with the current filters."""
        self._query = query.strip()
        self._fill_albums()
        self.run()

    def run(self) -> None:
        self._error = ""
        filters: dict[str, object] = {
            "album_id": self.album_filter.currentData(),
            "has_text": self.with_text.isChecked(),
        }
        if self.dates.isChecked():
            filters["date_from"] = self.date_from.date().toString("yyyy-MM-dd")
            filters["date_to"] = self.date_to.date().toString("yyyy-MM-dd")
        self.model.search(self._query, **filters)

    def _open(self, index: QModelIndex) -> None:
        self.open_photo.emit(index.data(PhotoRole), self.model.terms)

    def _on_failed(self, error: Exception) -> None:
        self._error = error_text(error)
        self._update_state()

    def _update_state(self) -> None:
        query = self._query
        self.header.title.setText(
            self.tr("Resultados para «{q}»").format(q=query)
            if query
            else self.tr("Todas las fotos")
        )
        count = len(self.model.photos)
        if self.model.loading and not count:
            subtitle = self.tr("Buscando…")
        elif self.model.has_more:
            subtitle = self.tr("Más de %n foto(s)", "", count)
        else:
            subtitle = self.tr("%n foto(s)", "", count)
        self.header.subtitle.setText(subtitle)
        empty = not count and not self.model.loading
        self.empty.setText(
            self._error
            or self.tr("Ninguna foto coincide. Prueba con otras palabras o quita algún filtro.")
        )
        self.stack.setCurrentWidget(self.empty if empty else self.grid)
