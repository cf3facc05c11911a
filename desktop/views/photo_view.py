"""One photo: preview, name and description (editable), tags, translation, move and delete."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QImage, QPixmap, QResizeEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from desktop import assets
from desktop.api.errors import ApiError, NotFound, Unavailable
from desktop.api.models import Album, Language, Photo, Translation
from desktop.context import AppContext
from desktop.core.highlight import highlight_html, matched_words
from desktop.core.messages import message_for
from desktop.operations import bulk as bulk_ops
from desktop.operations import photos as photo_ops
from desktop.ops import error_text
from desktop.views.widgets import ChipList, Page, button, card, label

# Tags are computed in the background after an upload: while the photo stays open, look again,
# waiting longer each time (backoff), and never give up.
LABEL_POLL_FIRST_MS = 1000
LABEL_POLL_MAX_MS = 10000


class PreviewLabel(QLabel):
    """Shows an image scaled to fit, keeping its aspect ratio, on a dark background."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("preview")
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setMinimumSize(320, 260)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self._source: QPixmap | None = None

    def set_image(self, image: QImage | None) -> None:
        self._source = None if image is None or image.isNull() else QPixmap.fromImage(image)
        self._rescale()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._rescale()

    def _rescale(self) -> None:
        if self._source is None:
            self.setPixmap(assets.pixmap("photo", 48, "#475467"))
            return
        ratio = self.devicePixelRatioF()
        scaled = self._source.scaled(self.size() * ratio, Qt.AspectRatioMode.KeepAspectRatio,
                                     Qt.TransformationMode.SmoothTransformation)
        scaled.setDevicePixelRatio(ratio)
        self.setPixmap(scaled)


class PhotoPage(Page):
    """Details of one photo."""

    back_requested = Signal()
    undo_offered = Signal(str, object)  # what was done, a callable that undoes it

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.photo: Photo | None = None
        self.albums: list[Album] = []
        self.languages: list[Language] | None = None
        self._translations: dict[tuple[int, str, str], Translation] = {}
        self._label_poll_ms = LABEL_POLL_FIRST_MS
        self._poll_timer = QTimer(self)
        self._poll_timer.setSingleShot(True)
        self._poll_timer.timeout.connect(self._poll_labels)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 18, 28, 20)
        layout.setSpacing(12)
        self.back = button("link", "back")
        self.back.clicked.connect(self.back_requested)
        layout.addWidget(self.back, 0, Qt.AlignmentFlag.AlignLeft)
        body = QHBoxLayout()
        body.setSpacing(18)
        self.preview = PreviewLabel()
        body.addWidget(self.preview, 3)

        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 6, 0)
        side_layout.setSpacing(12)
        details, d = card()
        self.details_title = label("sectionTitle")
        self.name_label, self.description_label = label("muted"), label("muted")
        self.name_edit = QLineEdit()
        self.name_edit.setMaxLength(100)
        self.description_edit = QPlainTextEdit()
        self.description_edit.setFixedHeight(84)
        self.info = label("hint", wrap=True)
        self.matches = label("hint", wrap=True)  # the search words found in this photo
        self.matches.setTextFormat(Qt.TextFormat.RichText)
        self.image_text = label("hint", wrap=True)  # the words the server read in the image
        self.image_text.setTextFormat(Qt.TextFormat.RichText)
        self.image_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.terms: tuple[str, ...] = ()
        self.save_button = button("primary", "save")
        self.save_button.clicked.connect(self.save)
        self.save_status = label("hint")
        for widget in (self.details_title, self.name_label, self.name_edit, self.description_label,
                       self.description_edit, self.info, self.matches, self.image_text):
            d.addWidget(widget)
        row = QHBoxLayout()
        row.addWidget(self.save_status, 1)
        row.addWidget(self.save_button)
        d.addLayout(row)
        side_layout.addWidget(details)

        tags, t = card()
        self.tags_title = label("sectionTitle")
        self.tags = ChipList()
        self.tags_status = label("hint", wrap=True)
        t.addWidget(self.tags_title)
        t.addWidget(self.tags)
        t.addWidget(self.tags_status)
        side_layout.addWidget(tags)

        translation, tr_layout = card()
        header = QHBoxLayout()
        self.translation_title = label("sectionTitle")
        self.language = QComboBox()
        self.language.setMinimumWidth(150)
        self.language.currentIndexChanged.connect(self._on_language)
        header.addWidget(self.translation_title, 1)
        header.addWidget(self.language)
        self.translation = label(wrap=True)
        self.translation.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.translation_status = label("hint", wrap=True)
        tr_layout.addLayout(header)
        tr_layout.addWidget(self.translation)
        tr_layout.addWidget(self.translation_status)
        side_layout.addWidget(translation)

        manage, m = card()
        self.manage_title = label("sectionTitle")
        move_row = QHBoxLayout()
        self.move_target = QComboBox()
        self.move_button = button("", "move")
        self.move_button.clicked.connect(self.move_to_selected_album)
        move_row.addWidget(self.move_target, 1)
        move_row.addWidget(self.move_button)
        self.delete_button = button("danger", "trash")
        self.delete_button.clicked.connect(lambda: self.delete())
        m.addWidget(self.manage_title)
        m.addLayout(move_row)
        m.addWidget(self.delete_button, 0, Qt.AlignmentFlag.AlignLeft)
        side_layout.addWidget(manage)
        side_layout.addStretch(1)

        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(side)
        scroll.setMinimumWidth(380)
        scroll.setMaximumWidth(440)
        body.addWidget(scroll, 2)
        layout.addLayout(body, 1)
        ctx.events.photo_deleted.connect(self._on_photo_deleted)
        ctx.events.photo_updated.connect(self._on_photo_updated)
        ctx.events.session_ended.connect(lambda _why: self.clear())
        self.retranslate()

    def clear(self) -> None:
        """Show nothing (the session ended): no name, text, tags or image of the old account."""
        self._poll_timer.stop()
        self.photo = None
        self.albums = []
        self._translations.clear()
        self.name_edit.clear()
        self.description_edit.clear()
        self.info.clear()
        self.save_status.clear()
        self.tags.set_chips([])
        self.tags_status.clear()
        self.translation.clear()
        self.translation_status.clear()
        self.move_target.clear()
        self.preview.set_image(None)

    def _on_photo_deleted(self, photo_id: int, _album_id: int) -> None:
        if self.photo is not None and self.photo.id == photo_id:
            self.clear()
            if self.isVisible():
                self.back_requested.emit()

    def _on_photo_updated(self, photo: Photo) -> None:
        if self.photo is not None and self.photo.id == photo.id:
            self.photo = photo

    def retranslate(self) -> None:
        self.details_title.setText(self.tr("Detalles"))
        self.name_label.setText(self.tr("Nombre"))
        self.description_label.setText(self.tr("Descripción"))
        self.save_button.setText(self.tr("Guardar"))
        self.tags_title.setText(self.tr("Etiquetas"))
        self.translation_title.setText(self.tr("Traducción"))
        self.manage_title.setText(self.tr("Organizar"))
        self.move_button.setText(self.tr("Mover"))
        self.delete_button.setText(self.tr("Eliminar foto"))
        if self.photo is not None:
            self.back.setText(self.tr("Volver al álbum"))
            self._show_info(self.photo)
            self._show_labels(self.photo)

    # -- loading --------------------------------------------------------------------------
    def show_photo(self, photo: Photo, albums: list[Album], terms: tuple[str, ...] = ()) -> None:
        """Open ``photo``; ``albums`` are the targets offered to move it; ``terms`` are the
        search words that found it (highlighted in its details)."""
        self.photo = photo
        self.albums = albums
        self.terms = terms
        self.back.setText(self.tr("Volver a los resultados") if terms else self.tr("Volver al álbum"))
        self.name_edit.setText(photo.name)
        self.description_edit.setPlainText(photo.description)
        self.save_status.setText("")
        self.preview.set_image(None)
        self._fill_move_targets()
        self._show_info(photo)
        self._show_labels(photo)
        self._label_poll_ms = LABEL_POLL_FIRST_MS
        photo_ops.load_image(parent=self, ctx=self.ctx, photo=photo, variant="preview",
                             success=self._on_preview, failure=lambda _e: self.preview.set_image(None))
        photo_ops.load_photo(parent=self, ctx=self.ctx, photo_id=photo.id, success=self._on_details,
                             failure=lambda _e: None)
        self._load_languages()

    def _on_preview(self, image: QImage) -> None:
        self.preview.set_image(image)

    def _on_details(self, photo: Photo) -> None:
        if self.photo is None or photo.id != self.photo.id:
            return
        self.photo = photo
        self._show_info(photo)
        self._show_labels(photo)

    def _show_info(self, photo: Photo) -> None:
        parts = []
        if photo.width and photo.height:
            parts.append(f"{photo.width} × {photo.height} px")
        if photo.size_bytes:
            parts.append(self.tr("{size} MB").format(size=f"{photo.size_bytes / 1_048_576:.1f}")
                         if photo.size_bytes >= 1_048_576 else
                         self.tr("{size} KB").format(size=max(1, photo.size_bytes // 1024)))
        if photo.taken_at:
            parts.append(self.tr("tomada el {date}").format(date=photo.taken_at[:10]))
        self.info.setText(" · ".join(parts))
        self._show_matches(photo)

    def _show_matches(self, photo: Photo) -> None:
        texts = [photo.name, photo.description, " ".join(lab.name for lab in photo.labels),
                 photo.image_text]
        found = [word for text in texts for word in matched_words(text, self.terms)]
        self.matches.setVisible(bool(self.terms))
        if self.terms:
            unique = list(dict.fromkeys(found))
            self.matches.setText(
                self.tr("Coincide: {words}").format(
                    words=highlight_html(", ".join(unique), self.terms)) if unique
                else self.tr("Coincide por su álbum, cámara o fecha."))
        self.image_text.setVisible(bool(photo.image_text))
        if photo.image_text:
            self.image_text.setText(self.tr("Texto en la imagen: {text}").format(
                text=highlight_html(photo.image_text, self.terms)))

    def _show_labels(self, photo: Photo) -> None:
        chips = [f"{lab.name} · {round(lab.confidence)} %" if lab.confidence else lab.name
                 for lab in photo.labels]
        self.tags.set_chips(chips)
        if chips:
            self.tags_status.setText("")
        elif photo.labels_state == "failed":
            self.tags_status.setText(self.tr("No se pudieron calcular las etiquetas."))
        elif photo.labels_state == "none":
            self.tags_status.setText(self.tr("Este servidor no calcula etiquetas."))
        elif photo.labels_state != "done":
            self.tags_status.setText(self.tr("Calculando etiquetas…"))
            if not self._poll_timer.isActive():
                self._poll_timer.start(self._label_poll_ms)
                self._label_poll_ms = min(LABEL_POLL_MAX_MS, round(self._label_poll_ms * 1.5))
        else:
            self.tags_status.setText(self.tr("Sin etiquetas para esta foto."))

    def _poll_labels(self) -> None:
        if self.photo is None or not self.isVisible():
            return  # closed: showing the photo again starts polling again
        photo_ops.load_photo(parent=self, ctx=self.ctx, photo_id=self.photo.id,
                             success=self._on_details, failure=self._on_poll_failed)

    def _on_poll_failed(self, _error: Exception) -> None:
        # A network hiccup is no reason to stop waiting: try again after the next backoff step.
        if self.photo is not None and self.photo.labels_state != "done":
            self._show_labels(self.photo)

    def _fill_move_targets(self) -> None:
        self.move_target.clear()
        for album in self.albums:
            if not album.is_profile and self.photo is not None and album.id != self.photo.album_id:
                self.move_target.addItem(assets.icon("albums"), album.name, album)
        can_move = self.move_target.count() > 0 and not self._in_profile_album()
        self.move_target.setEnabled(can_move)
        self.move_button.setEnabled(can_move)

    def _in_profile_album(self) -> bool:
        return any(a.is_profile and self.photo is not None and a.id == self.photo.album_id
                   for a in self.albums)

    # -- translation ----------------------------------------------------------------------
    def _load_languages(self) -> None:
        if self.languages is not None:
            self._fill_languages()
            return
        self.translation_status.setText(self.tr("Cargando idiomas…"))
        photo_ops.load_languages(parent=self, ctx=self.ctx, success=self._on_languages,
                                 failure=self._on_languages_failed)

    def _on_languages(self, languages: list[Language]) -> None:
        self.languages = languages
        self._fill_languages()

    def _on_languages_failed(self, error: Exception) -> None:
        self.languages = None
        self.language.clear()
        self.language.setVisible(False)
        self.translation.setText("")
        self.translation.setVisible(False)
        self.translation_status.setText(self._translation_error(error))

    def _fill_languages(self) -> None:
        self.language.blockSignals(True)
        self.language.clear()
        self.language.addItem(self.tr("Elige un idioma…"), "")
        for language in self.languages or []:
            self.language.addItem(language.name or language.code, language.code)
        self.language.setVisible(bool(self.languages))
        self.language.blockSignals(False)
        self.translation.setText("")
        self.translation.setVisible(False)
        self.translation_status.setText(
            self.tr("Elige un idioma para leer la descripción traducida.") if self.languages
            else self.tr("Este servidor no ofrece traducciones."))

    def _on_language(self, _index: int) -> None:
        code = self.language.currentData()
        photo = self.photo
        if not code or photo is None:
            return
        if not photo.description.strip():
            self.translation.setText("")
            self.translation.setVisible(False)
            self.translation_status.setText(self.tr("Esta foto no tiene descripción que traducir."))
            return
        key = (photo.id, code, photo.description)
        cached = self._translations.get(key)
        if cached is not None:
            self._show_translation(cached)
            return
        self.translation.setText("")
        self.translation.setVisible(False)
        self.translation_status.setText(self.tr("Traduciendo…"))
        photo_ops.translate_description(parent=self, ctx=self.ctx, photo_id=photo.id, language=code,
                                        success=lambda t: self._on_translation(key, t),
                                        failure=self._on_translation_failed)

    def _on_translation(self, key: tuple[int, str, str], translation: Translation) -> None:
        self._translations[key] = translation
        if self.photo is not None and key[0] == self.photo.id and key[1] == self.language.currentData():
            self._show_translation(translation)

    def _show_translation(self, translation: Translation) -> None:
        self.translation.setText(translation.text)
        self.translation.setVisible(True)
        source = translation.source_language or "?"
        self.translation_status.setText(self.tr("Traducido del «{source}» ({engine})").format(
            source=source, engine=translation.engine or "—"))

    def _on_translation_failed(self, error: Exception) -> None:
        self.translation.setText("")
        self.translation.setVisible(False)
        self.translation_status.setText(self._translation_error(error))

    def _translation_error(self, error: Exception) -> str:
        if isinstance(error, NotFound) and error.code in ("not_found", "http_404"):
            return message_for("feature_not_available")
        if isinstance(error, Unavailable):
            return error.message if error.code == "translation_unavailable" else message_for("translation_unavailable")
        return error_text(error)

    # -- edits ----------------------------------------------------------------------------
    def save(self) -> None:
        """Save the name and description."""
        if self.photo is None:
            return
        photo_id = self.photo.id
        name, description = self.name_edit.text().strip(), self.description_edit.toPlainText().strip()
        self.save_status.setText(self.tr("Guardando…"))
        photo_ops.update_photo(parent=self, ctx=self.ctx, photo_id=photo_id, name=name,
                               description=description, success=self._on_saved,
                               failure=self._on_edit_failed)

    def _on_saved(self, photo: Photo) -> None:
        self.photo = photo
        self.save_status.setText(self.tr("Guardado"))
        if self.language.currentData():
            self._on_language(self.language.currentIndex())

    def _on_edit_failed(self, error: Exception) -> None:
        self.save_status.setText("")
        if isinstance(error, ApiError) and error.fields:
            QMessageBox.warning(self, self.tr("No se pudo guardar"), "\n".join(error.field_messages.values()))
        else:
            QMessageBox.warning(self, self.tr("No se pudo guardar"), error_text(error))

    def move_to_selected_album(self) -> None:
        """Move the photo to the album chosen in the list."""
        target = self.move_target.currentData()
        if self.photo is None or not isinstance(target, Album):
            return
        origin = self.photo.album_id

        def moved(photo: Photo) -> None:
            self._on_moved(photo, target, origin)

        photo_ops.move_photo(parent=self, ctx=self.ctx, photo=self.photo, album=target,
                             success=moved, failure=self._on_edit_failed)

    def _on_moved(self, photo: Photo, album: Album, origin_album_id: int) -> None:
        self.photo = photo
        self._fill_move_targets()
        text = self.tr("Movida a «{album}»").format(album=album.name)
        self.save_status.setText(text)

        def undo() -> None:
            bulk_ops.move_photos(parent=self, ctx=self.ctx, photo_ids=[photo.id],
                                 album_id=origin_album_id, success=self._after_move_undone)

        self.undo_offered.emit(text, undo)

    def _after_move_undone(self, photos: list[Photo]) -> None:
        if self.photo is not None and photos and photos[0].id == self.photo.id:
            self.photo = photos[0]
            self._fill_move_targets()
            self.save_status.setText("")

    def delete(self, *, confirm: bool = True) -> None:
        """Delete the photo after a confirmation."""
        if self.photo is None:
            return
        if confirm:
            box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Mover a la papelera"),
                              self.tr("¿Mover «{name}» a la papelera? Podrás recuperarla durante "
                                      "30 días.").format(name=self.photo.name), parent=self)
            delete = box.addButton(self.tr("Mover a la papelera"),
                                   QMessageBox.ButtonRole.DestructiveRole)
            box.addButton(self.tr("Cancelar"), QMessageBox.ButtonRole.RejectRole)
            box.exec()
            if box.clickedButton() is not delete:
                return
        photo = self.photo
        text = self.tr("«{name}» movida a la papelera").format(name=photo.name)

        def undo() -> None:
            bulk_ops.restore_photos(parent=self, ctx=self.ctx, photo_ids=[photo.id])

        photo_ops.delete_photo(parent=self, ctx=self.ctx, photo=photo,
                               success=lambda _none: self.undo_offered.emit(text, undo))

    def sizeHint(self) -> QSize:
        return QSize(1000, 700)
