"""The bar of actions on the selected photos, and the Undo bar shown after a move or a trash."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QMenu, QWidget

from desktop.api.models import Album
from desktop.views.widgets import button, label

UNDO_SECONDS = 10


class SelectionBar(QFrame):
    """ "3 seleccionadas · Mover a… · Papelera · Exportar…"; hidden while nothing is selected."""

    move_requested = Signal(object)  # Album
    trash_requested = Signal()
    export_requested = Signal()
    clear_requested = Signal()

    def __init__(self, albums: Callable[[], list[Album]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("selectionBar")
        self._albums = albums
        self.exclude_album_id: int | None = None
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 6, 12, 6)
        self.count = label("selectionCount")
        self.move_button = button("", "move")
        self.move_menu = QMenu(self)
        self.move_menu.aboutToShow.connect(self._fill_move_menu)
        self.move_button.setMenu(self.move_menu)
        self.trash_button = button("danger", "trash")
        self.trash_button.clicked.connect(self.trash_requested)
        self.export_button = button("", "folder")
        self.export_button.clicked.connect(self.export_requested)
        self.clear_button = button("link")
        self.clear_button.clicked.connect(self.clear_requested)
        layout.addWidget(self.count, 1)
        for widget in (self.move_button, self.trash_button, self.export_button, self.clear_button):
            layout.addWidget(widget)
        self._selected = 0
        self.retranslate()
        self.hide()

    def retranslate(self) -> None:
        self.move_button.setText(self.tr("Mover a…"))
        self.trash_button.setText(self.tr("Papelera"))
        self.export_button.setText(self.tr("Exportar…"))
        self.clear_button.setText(self.tr("Quitar selección"))
        self.set_count(self._selected)

    def set_count(self, selected: int) -> None:
        self._selected = selected
        self.count.setText(self.tr("%n foto(s) seleccionada(s)", "", selected))
        self.setVisible(selected > 0)

    def _fill_move_menu(self) -> None:
        self.move_menu.clear()
        for album in self._albums():
            if album.is_profile or album.id == self.exclude_album_id:
                continue
            action = self.move_menu.addAction(album.name)
            action.triggered.connect(lambda _checked=False, a=album: self.move_requested.emit(a))


class UndoBar(QFrame):
    """ "Movidas 200 fotos a Viaje · Deshacer" for UNDO_SECONDS; Ctrl+Z or the button undoes."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("undoBar")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(16, 8, 16, 8)
        self.text = label("undoText")
        self.undo_button = button("link", "retry")
        self.undo_button.clicked.connect(self.undo)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.undo_button)
        self._undo: Callable[[], None] | None = None
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.expire)
        self.retranslate()
        self.hide()

    def retranslate(self) -> None:
        self.undo_button.setText(self.tr("Deshacer (Ctrl+Z)"))

    @property
    def active(self) -> bool:
        return self._undo is not None

    def offer(self, text: str, undo: Callable[[], None], seconds: float = UNDO_SECONDS) -> None:
        """Show ``text`` and keep ``undo`` callable for ``seconds``."""
        self._undo = undo
        self.text.setText(text)
        self.show()
        self.timer.start(int(seconds * 1000))

    def undo(self) -> bool:
        """Undo the last action if still offered; True when something was undone."""
        action, self._undo = self._undo, None
        self.timer.stop()
        self.hide()
        if action is None:
            return False
        action()
        return True

    def expire(self) -> None:
        self._undo = None
        self.hide()
