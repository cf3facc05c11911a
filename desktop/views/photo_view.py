"""One photo: preview, name and description (editable), tags, translation, move and delete."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QImage,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QPixmap,
    QResizeEvent,
)
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
from desktop.api.models import Album, Face, Language, Photo, Translation
from desktop.context import AppContext
from desktop.core.messages import message_for
from desktop.operations import people as people_ops
from desktop.operations import photos as photo_ops
from desktop.ops import error_text
from desktop.views.widgets import ChipList, Page, button, card, label

# Tags are computed in the background after an upload: while the photo stays open, look again,
# waiting longer each time (backoff), and never give up.
LABEL_POLL_FIRST_MS = 1000
LABEL_POLL_MAX_MS = 10000
# Faces are found in the background too: look again a few times while none are known.
FACE_POLL_DELAYS_MS = (1500, 3000, 6000, 12000)


class PreviewLabel(QLabel):
    """Shows an image scaled to fit, keeping its aspect ratio, on a dark background; with the
    faces found in it boxed and labelled (clicking a box emits ``face_clicked``)."""

    face_clicked = Signal(object)  # Face

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("preview")
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setMinimumSize(320, 260)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self._source: QPixmap | None = None
        self._faces: list[Face] = []
        self.selected_face_id: int | None = None
        self.faces_visible = True

    def set_image(self, image: QImage | None) -> None:
        self._source = None if image is None or image.isNull() else QPixmap.fromImage(image)
        self._rescale()

    def set_faces(self, faces: list[Face]) -> None:
        self._faces = list(faces)
        self.update()

    @property
    def faces(self) -> list[Face]:
        return list(self._faces)

    def set_faces_visible(self, visible: bool) -> None:
        self.faces_visible = visible
        self.update()

    def face_label(self, face: Face) -> str:
        """What a box says: the person's name, "Yo", or "¿Quién es?"."""
        person = face.person
        if person is None or (person.name is None and not person.is_me):
            return self.tr("¿Quién es?")
        name = self.tr("Yo") if person.is_me else (person.name or "")
        return f"¿{name}?" if face.is_suggestion else name

    def image_rect(self) -> QRectF:
        """Where the scaled image sits inside the label (centred)."""
        shown = self.pixmap()
        if self._source is None or shown is None or shown.isNull():
            return QRectF()
        ratio = shown.devicePixelRatio() or 1.0
        width, height = shown.width() / ratio, shown.height() / ratio
        return QRectF((self.width() - width) / 2, (self.height() - height) / 2, width, height)

    def face_rects(self) -> list[tuple[Face, QRectF]]:
        """Each face's box in widget coordinates."""
        area = self.image_rect()
        if area.isEmpty():
            return []
        return [(face, QRectF(area.left() + face.box.left * area.width(),
                              area.top() + face.box.top * area.height(),
                              face.box.width * area.width(), face.box.height * area.height()))
                for face in self._faces]

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self.faces_visible or not self._faces:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = painter.fontMetrics()
        for face, rect in self.face_rects():
            named = face.person is not None and (face.person.name or face.person.is_me)
            colour = QColor("#3461e8" if face.id == self.selected_face_id else
                            "#12b76a" if named and not face.is_suggestion else "#fdb022")
            painter.setPen(QPen(colour, 2.5))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(rect, 4, 4)
            text = self.face_label(face)
            tag = QRectF(rect.left(), rect.bottom() + 4, metrics.horizontalAdvance(text) + 14,
                         metrics.height() + 6)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(colour)
            painter.drawRoundedRect(tag, 4, 4)
            painter.setPen(QColor("white"))
            painter.drawText(tag, int(Qt.AlignmentFlag.AlignCenter), text)
        painter.end()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if self.faces_visible and event.button() == Qt.MouseButton.LeftButton:
            point = QPointF(event.position())
            for face, rect in self.face_rects():
                if rect.contains(point):
                    self.face_clicked.emit(face)
                    event.accept()
                    return
        super().mousePressEvent(event)

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
        self.save_button = button("primary", "save")
        self.save_button.clicked.connect(self.save)
        self.save_status = label("hint")
        for widget in (self.details_title, self.name_label, self.name_edit, self.description_label,
                       self.description_edit, self.info):
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

        people, p = card()
        self.people_title = label("sectionTitle")
        self.faces_hint = label("hint", wrap=True)
        name_row = QHBoxLayout()
        self.face_name = QLineEdit()
        self.face_name.setMaxLength(100)
        self.face_name.returnPressed.connect(self.name_selected_face)
        self.face_name_button = button("primary", "user")
        self.face_name_button.clicked.connect(self.name_selected_face)
        name_row.addWidget(self.face_name, 1)
        name_row.addWidget(self.face_name_button)
        self.not_person_button = button("", "close")
        self.not_person_button.clicked.connect(self.reject_selected_face)
        self.face_status = label("hint", wrap=True)
        p.addWidget(self.people_title)
        p.addWidget(self.faces_hint)
        p.addLayout(name_row)
        p.addWidget(self.not_person_button, 0, Qt.AlignmentFlag.AlignLeft)
        p.addWidget(self.face_status)
        side_layout.addWidget(people)
        self.selected_face: Face | None = None
        self.opened_from_album = True
        self._face_polls = 0
        self._face_timer = QTimer(self)
        self._face_timer.setSingleShot(True)
        self._face_timer.timeout.connect(self._load_faces)
        self.preview.face_clicked.connect(self.select_face)

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
        ctx.events.people_changed.connect(self._on_people_changed)
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
        self._face_timer.stop()
        self.preview.set_faces([])
        self.select_face(None)

    def _set_back_text(self) -> None:
        self.back.setText(self.tr("Volver al álbum") if self.opened_from_album else self.tr("Volver"))

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
        self.people_title.setText(self.tr("Personas"))
        self.face_name.setPlaceholderText(self.tr("¿Quién es?"))
        self.face_name_button.setText(self.tr("Nombrar"))
        self.not_person_button.setText(self.tr("No es esta persona"))
        self._show_faces_hint()
        if self.photo is not None:
            self._set_back_text()
            self._show_info(self.photo)
            self._show_labels(self.photo)

    # -- loading --------------------------------------------------------------------------
    def show_photo(self, photo: Photo, albums: list[Album]) -> None:
        """Open ``photo``; ``albums`` are the targets offered to move it."""
        self.photo = photo
        self.albums = albums
        self._set_back_text()
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
        self.preview.set_faces([])
        self.select_face(None)
        self._face_polls = 0
        self._load_faces()
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

    # -- faces ----------------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_F and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            self.toggle_faces()
            event.accept()
            return
        super().keyPressEvent(event)

    def toggle_faces(self) -> None:
        """Show or hide the face boxes (the F key)."""
        self.preview.set_faces_visible(not self.preview.faces_visible)
        self._show_faces_hint()

    def _load_faces(self) -> None:
        if self.photo is None:
            return
        photo_id = self.photo.id
        people_ops.photo_faces(parent=self, ctx=self.ctx, photo_id=photo_id,
                               success=lambda faces: self._on_faces(photo_id, faces),
                               failure=lambda _e: self._show_faces_hint())

    def _on_faces(self, photo_id: int, faces: list[Face]) -> None:
        if self.photo is None or self.photo.id != photo_id:
            return
        self.preview.set_faces(faces)
        if self.selected_face is not None:
            self.select_face(next((f for f in faces if f.id == self.selected_face.id), None))
        if not faces and self._face_polls < len(FACE_POLL_DELAYS_MS):
            self._face_timer.start(FACE_POLL_DELAYS_MS[self._face_polls])
            self._face_polls += 1
        self._show_faces_hint()

    def _on_people_changed(self) -> None:
        if self.photo is not None:
            self._load_faces()

    def _show_faces_hint(self) -> None:
        count = len(self.preview.faces)
        if not self.preview.faces_visible:
            text = self.tr("Caras ocultas. Pulsa F para mostrarlas.")
        elif count:
            text = self.tr("%n cara(s). Pulsa una cara para decir quién es; F las oculta.", "", count)
        else:
            text = self.tr("No se han encontrado caras (todavía).")
        self.faces_hint.setText(text)
        enabled = self.selected_face is not None
        self.face_name.setEnabled(enabled)
        self.face_name_button.setEnabled(enabled)
        self.not_person_button.setEnabled(enabled and self.selected_face is not None
                                          and self.selected_face.person is not None)

    def select_face(self, face: Face | None) -> None:
        """Pick a face to name (a click on its box)."""
        self.selected_face = face
        self.preview.selected_face_id = face.id if face is not None else None
        self.preview.update()
        self.face_status.setText("")
        if face is not None:
            person = face.person
            self.face_name.setText(person.name or "" if person is not None and not face.is_suggestion
                                   else "")
            self.face_name.setFocus()
        else:
            self.face_name.clear()
        self._show_faces_hint()

    def name_selected_face(self) -> None:
        """Say who the selected face is."""
        face, name = self.selected_face, self.face_name.text().strip()
        if face is None or not name:
            return
        self.face_status.setText(self.tr("Guardando…"))
        people_ops.name_face(parent=self, ctx=self.ctx, face=face, name=name,
                             success=self._on_face_saved, failure=self._on_face_failed)

    def reject_selected_face(self) -> None:
        """The selected face is not the person it was given."""
        if self.selected_face is None:
            return
        people_ops.reject_face(parent=self, ctx=self.ctx, face=self.selected_face,
                               success=self._on_face_saved, failure=self._on_face_failed)

    def _on_face_saved(self, face: Face) -> None:
        self.selected_face = face
        self.face_status.setText(self.tr("Guardado"))

    def _on_face_failed(self, error: Exception) -> None:
        self.face_status.setText(error_text(error))

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
        photo_ops.move_photo(parent=self, ctx=self.ctx, photo=self.photo, album=target,
                             success=lambda p: self._on_moved(p, target), failure=self._on_edit_failed)

    def _on_moved(self, photo: Photo, album: Album) -> None:
        self.photo = photo
        self._fill_move_targets()
        self.save_status.setText(self.tr("Movida a «{album}»").format(album=album.name))

    def delete(self, *, confirm: bool = True) -> None:
        """Delete the photo after a confirmation."""
        if self.photo is None:
            return
        if confirm:
            box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Eliminar foto"),
                              self.tr("¿Eliminar «{name}»? No se puede deshacer.").format(
                                  name=self.photo.name), parent=self)
            delete = box.addButton(self.tr("Eliminar"), QMessageBox.ButtonRole.DestructiveRole)
            box.addButton(self.tr("Cancelar"), QMessageBox.ButtonRole.RejectRole)
            box.exec()
            if box.clickedButton() is not delete:
                return
        photo_ops.delete_photo(parent=self, ctx=self.ctx, photo=self.photo)

    def sizeHint(self) -> QSize:
        return QSize(1000, 700)
