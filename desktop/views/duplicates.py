"""Duplicates review: each group side by side, the best copy pre-selected; "Conservar esta"
keeps it (with the group's best description) and moves the others to the trash."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QHBoxLayout,
    QLabel,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop.api.models import DuplicateGroup, Photo
from desktop.context import AppContext
from desktop.operations import bulk as bulk_ops
from desktop.operations import photos as photo_ops
from desktop.ops import error_text
from desktop.views.widgets import Page, PageHeader, button, card, label

THUMB = 200


class GroupCard(QFrame):
    """One group: a column per photo with its thumbnail, facts and a "keep" choice."""

    resolved = Signal(object, list)  # kept Photo, trashed photos

    def __init__(
        self, ctx: AppContext, group: DuplicateGroup, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.group = group
        frame, layout = card()
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(frame)
        self.title = label("sectionTitle")
        layout.addWidget(self.title)
        row = QHBoxLayout()
        self.choice = QButtonGroup(self)
        self.radios: dict[int, QRadioButton] = {}
        self.images: dict[int, QLabel] = {}
        for photo in group.photos:
            column = QVBoxLayout()
            image = QLabel()
            image.setFixedSize(THUMB, THUMB)
            image.setAlignment(Qt.AlignmentFlag.AlignCenter)
            self.images[photo.id] = image
            radio = QRadioButton()
            radio.setChecked(photo.id == group.best_photo_id)
            self.choice.addButton(radio, photo.id)
            self.radios[photo.id] = radio
            facts = label("hint", wrap=True)
            facts.setText(self._facts(photo))
            column.addWidget(image)
            column.addWidget(radio)
            column.addWidget(facts)
            row.addLayout(column)
            photo_ops.load_image(
                parent=self,
                ctx=ctx,
                photo=photo,
                variant="thumb",
                success=self._shower(photo.id),
                failure=lambda _e: None,
            )
        row.addStretch(1)
        layout.addLayout(row)
        actions = QHBoxLayout()
        self.status = label("hint", wrap=True)
        self.keep_button = button("primary", "check")
        self.keep_button.clicked.connect(self.keep_chosen)
        actions.addWidget(self.status, 1)
        actions.addWidget(self.keep_button)
        layout.addLayout(actions)
        self.retranslate()

    def retranslate(self) -> None:
        kind = self.tr("Iguales") if self.group.kind == "duplicate" else self.tr("Parecidas")
        self.title.setText(
            self.tr("{kind} · %n foto(s)", "", len(self.group.photos)).format(kind=kind)
        )
        for photo_id, radio in self.radios.items():
            radio.setText(
                self.tr("Conservar esta (sugerida)")
                if photo_id == self.group.best_photo_id
                else self.tr("Conservar esta")
            )
        self.keep_button.setText(self.tr("Conservar la elegida y mover las demás a la papelera"))

    def _facts(self, photo: Photo) -> str:
        size = (
            f"{photo.size_bytes / 1_048_576:.1f} MB"
            if photo.size_bytes >= 1_048_576
            else f"{max(1, photo.size_bytes // 1024)} KB"
        )
        parts = [photo.name, f"{photo.width} × {photo.height} px", size]
        if photo.taken_at:
            parts.append(photo.taken_at[:10])
        if photo.description:
            parts.append(f"«{photo.description[:60]}»")
        return "\n".join(parts)

    def _shower(self, photo_id: int) -> Callable[[QImage], None]:
        return lambda image: self._show(photo_id, image)

    def _show(self, photo_id: int, image: QImage) -> None:
        pixmap = QPixmap.fromImage(image).scaled(
            THUMB,
            THUMB,
            Qt.AspectRatioMode.KeepAspectRatio,
            Qt.TransformationMode.SmoothTransformation,
        )
        self.images[photo_id].setPixmap(pixmap)

    def chosen(self) -> Photo:
        chosen_id = self.choice.checkedId()
        return next(p for p in self.group.photos if p.id == chosen_id)

    def keep_chosen(self) -> None:
        keep = self.chosen()
        others = [p for p in self.group.photos if p.id != keep.id]
        self.keep_button.setEnabled(False)
        bulk_ops.keep_one(
            parent=self,
            ctx=self.ctx,
            keep=keep,
            others=others,
            success=lambda kept: self.resolved.emit(kept, others),
            failure=self._failed,
        )

    def _failed(self, error: Exception) -> None:
        self.keep_button.setEnabled(True)
        self.status.setText(error_text(error))


class DuplicatesPage(Page):
    """Every group of the user's photos that look the same or alike."""

    undo_offered = Signal(str, object)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 18, 28, 20)
        self.header = PageHeader()
        self.refresh_button = button("", "retry")
        self.refresh_button.clicked.connect(self.refresh)
        self.header.add_action(self.refresh_button)
        layout.addWidget(self.header)
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.body = QWidget()
        self.groups_layout = QVBoxLayout(self.body)
        self.groups_layout.setSpacing(14)
        self.groups_layout.addStretch(1)
        self.scroll_area.setWidget(self.body)
        layout.addWidget(self.scroll_area, 1)
        self.cards: list[GroupCard] = []
        self._loading = False
        self._error = ""
        self.retranslate()

    def retranslate(self) -> None:
        self.header.title.setText(self.tr("Duplicados"))
        self.refresh_button.setText(self.tr("Buscar de nuevo"))
        for group_card in self.cards:
            group_card.retranslate()
        self._update_subtitle()

    def refresh(self) -> None:
        self._loading = True
        self._error = ""
        self._update_subtitle()
        bulk_ops.load_duplicates(
            parent=self, ctx=self.ctx, success=self._show_groups, failure=self._failed
        )

    def _failed(self, error: Exception) -> None:
        self._loading = False
        self._error = error_text(error)
        self._update_subtitle()

    def _show_groups(self, groups: list[DuplicateGroup]) -> None:
        self._loading = False
        for group_card in self.cards:
            group_card.deleteLater()
        self.cards = []
        for group in groups:
            group_card = GroupCard(self.ctx, group)
            group_card.resolved.connect(
                lambda kept, others, c=group_card: self._resolved(c, kept, others)
            )
            self.groups_layout.insertWidget(self.groups_layout.count() - 1, group_card)
            self.cards.append(group_card)
        self._update_subtitle()

    def _resolved(self, group_card: GroupCard, kept: Photo, others: list[Photo]) -> None:
        self.cards.remove(group_card)
        group_card.deleteLater()
        self._update_subtitle()
        ids = [photo.id for photo in others]

        def undo() -> None:
            bulk_ops.restore_photos(
                parent=self, ctx=self.ctx, photo_ids=ids, success=lambda _p: self.refresh()
            )

        self.undo_offered.emit(
            self.tr("Conservada «{name}»; %n foto(s) a la papelera", "", len(ids)).format(
                name=kept.name
            ),
            undo,
        )

    def _update_subtitle(self) -> None:
        if self._loading:
            text = self.tr("Buscando fotos iguales o parecidas…")
        elif self._error:
            text = self._error
        elif not self.cards:
            text = self.tr("No hay fotos repetidas.")
        else:
            text = self.tr("%n grupo(s) por revisar", "", len(self.cards))
        self.header.subtitle.setText(text)
