"""One photo: preview, name and description (editable), tags, translation, move and delete."""

from __future__ import annotations

from collections import OrderedDict

from PySide6.QtCore import QLocale, QPointF, QRectF, QSize, Qt, QTimer, Signal
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
    QWheelEvent,
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
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop import assets
from desktop.api.errors import ApiError, NotFound, Unavailable
from desktop.api.models import Album, Face, Language, Photo, Translation
from desktop.context import AppContext
from desktop.core.highlight import highlight_html, matched_words
from desktop.core.messages import current_language, message_for
from desktop.operations import bulk as bulk_ops
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


# Keys the viewer handles itself; the image view passes them up instead of scrolling.
VIEWER_KEYS = {
    Qt.Key.Key_Left,
    Qt.Key.Key_Right,
    Qt.Key.Key_Escape,
    Qt.Key.Key_F11,
    Qt.Key.Key_Plus,
    Qt.Key.Key_Minus,
    Qt.Key.Key_Equal,
    Qt.Key.Key_0,
    Qt.Key.Key_1,
    Qt.Key.Key_Delete,
    Qt.Key.Key_F,
}
ZOOM_STEP = 1.25
PRELOADED = 8  # previews kept in memory (the current photo and its neighbours)


def language_name(code: str) -> str:
    """A language code as a word in the UI language ("es" → "español" / "Spanish")."""
    if not code:
        return "?"
    language = QLocale(code).language()
    if language == QLocale.Language.C:
        return code
    return (
        QLocale.languageToString(language)
        if QLocale().language() == QLocale.Language.English
        else QLocale(code).nativeLanguageName()
    )


class FaceImageLabel(QLabel):
    """The photo (centred in the label) with the faces found in it boxed and labelled;
    clicking a box emits ``face_clicked``."""

    face_clicked = Signal(object)  # Face

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.has_photo = False
        self._faces: list[Face] = []
        self.selected_face_id: int | None = None
        self.faces_visible = True

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
        if not self.has_photo or shown is None or shown.isNull():
            return QRectF()
        ratio = shown.devicePixelRatio() or 1.0
        width, height = shown.width() / ratio, shown.height() / ratio
        return QRectF((self.width() - width) / 2, (self.height() - height) / 2, width, height)

    def face_rects(self) -> list[tuple[Face, QRectF]]:
        """Each face's box in widget coordinates."""
        area = self.image_rect()
        if area.isEmpty():
            return []
        return [
            (
                face,
                QRectF(
                    area.left() + face.box.left * area.width(),
                    area.top() + face.box.top * area.height(),
                    face.box.width * area.width(),
                    face.box.height * area.height(),
                ),
            )
            for face in self._faces
        ]

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self.faces_visible or not self._faces:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = painter.fontMetrics()
        for face, rect in self.face_rects():
            named = face.person is not None and (face.person.name or face.person.is_me)
            colour = QColor(
                "#3461e8"
                if face.id == self.selected_face_id
                else "#12b76a"
                if named and not face.is_suggestion
                else "#fdb022"
            )
            painter.setPen(QPen(colour, 2.5))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(rect, 4, 4)
            text = self.face_label(face)
            tag = QRectF(
                rect.left(),
                rect.bottom() + 4,
                metrics.horizontalAdvance(text) + 14,
                metrics.height() + 6,
            )
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


class ZoomView(QScrollArea):
    """The photo on a dark background: fitted to the window, or zoomed (Ctrl+wheel, +/−)."""

    zoom_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("preview")
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setWidgetResizable(False)
        self.setMinimumSize(320, 260)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.image_label = FaceImageLabel()
        self.setWidget(self.image_label)
        self._source: QPixmap | None = None
        self.zoom: float | None = None  # None: fit to the view

    def set_image(self, image: QImage | None) -> None:
        self._source = None if image is None or image.isNull() else QPixmap.fromImage(image)
        self.image_label.has_photo = self._source is not None
        self.zoom = None
        self._render()

    @property
    def has_image(self) -> bool:
        return self._source is not None

    def scale(self) -> float:
        """The current scale (1.0 = one image pixel per screen pixel)."""
        if self._source is None:
            return 1.0
        if self.zoom is not None:
            return self.zoom
        view = self.viewport().size()
        return min(
            1.0,
            view.width() / max(1, self._source.width()),
            view.height() / max(1, self._source.height()),
        )

    def zoom_by(self, factor: float) -> None:
        self.zoom = max(0.05, min(8.0, self.scale() * factor))
        self._render()

    def fit(self) -> None:
        self.zoom = None
        self._render()

    def actual_size(self) -> None:
        self.zoom = 1.0
        self._render()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.zoom is None:
            self._render()

    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.zoom_by(ZOOM_STEP if event.angleDelta().y() > 0 else 1 / ZOOM_STEP)
            event.accept()
            return
        super().wheelEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in VIEWER_KEYS:
            event.ignore()  # the page handles it
            return
        super().keyPressEvent(event)

    def _render(self) -> None:
        if self._source is None:
            self.image_label.setPixmap(assets.pixmap("photo", 48, "#475467"))
            self.image_label.resize(self.viewport().size())
            self.zoom_changed.emit()
            return
        ratio = self.devicePixelRatioF()
        scale = self.scale()
        size = self._source.size() * scale
        scaled = self._source.scaled(
            size * ratio,
            Qt.AspectRatioMode.KeepAspectRatio,
            Qt.TransformationMode.SmoothTransformation,
        )
        scaled.setDevicePixelRatio(ratio)
        self.image_label.setPixmap(scaled)
        self.image_label.resize(
            size.expandedTo(self.viewport().size()) if self.zoom is None else size
        )
        self.zoom_changed.emit()


class PhotoPage(Page):
    """Details of one photo."""

    back_requested = Signal()
    undo_offered = Signal(str, object)  # what was done, a callable that undoes it

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.photo: Photo | None = None
        self.albums: list[Album] = []
        self.sequence: list[Photo] = []  # the album's photos, for previous/next
        self._previews: OrderedDict[tuple[int, str], QImage] = OrderedDict()
        self._loading_previews: set[tuple[int, str]] = set()
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
        viewer = QVBoxLayout()
        viewer.setSpacing(8)
        self.preview = ZoomView()
        self.preview.zoom_changed.connect(self._show_zoom)
        viewer.addWidget(self.preview, 1)
        controls = QHBoxLayout()
        controls.setSpacing(6)
        self.previous_button = QToolButton()
        self.previous_button.setArrowType(Qt.ArrowType.LeftArrow)
        self.previous_button.clicked.connect(lambda: self.step(-1))
        self.next_button = QToolButton()
        self.next_button.setArrowType(Qt.ArrowType.RightArrow)
        self.next_button.clicked.connect(lambda: self.step(1))
        self.position = label("hint")
        self.zoom_out_button = button("", "")
        self.zoom_out_button.setText("−")
        self.zoom_out_button.clicked.connect(lambda: self.preview.zoom_by(1 / ZOOM_STEP))
        self.zoom_label = label("hint")
        self.zoom_in_button = button("", "")
        self.zoom_in_button.setText("+")
        self.zoom_in_button.clicked.connect(lambda: self.preview.zoom_by(ZOOM_STEP))
        self.fit_button = button("", "")
        self.fit_button.clicked.connect(self.preview.fit)
        self.actual_button = button("", "")
        self.actual_button.setText("100 %")
        self.actual_button.clicked.connect(self.preview.actual_size)
        self.fullscreen_button = button("", "")
        self.fullscreen_button.clicked.connect(self.toggle_full_screen)
        controls.addWidget(self.previous_button)
        controls.addWidget(self.position)
        controls.addWidget(self.next_button)
        controls.addStretch(1)
        for control in (
            self.zoom_out_button,
            self.zoom_label,
            self.zoom_in_button,
            self.fit_button,
            self.actual_button,
            self.fullscreen_button,
        ):
            controls.addWidget(control)
        body.addLayout(viewer, 3)

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
        for widget in (
            self.details_title,
            self.name_label,
            self.name_edit,
            self.description_label,
            self.description_edit,
            self.info,
            self.matches,
            self.image_text,
        ):
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
        self.preview.image_label.face_clicked.connect(self.select_face)

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
        self.move_hint = label("hint", wrap=True)
        m.addWidget(self.manage_title)
        m.addLayout(move_row)
        m.addWidget(self.move_hint)
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
        layout.addLayout(controls)  # full width: the buttons keep their words at the minimum size
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
        self.sequence = []
        self._previews.clear()
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
        self.preview.image_label.set_faces([])
        self.select_face(None)

    def _set_back_text(self) -> None:
        if self.terms:
            self.back.setText(self.tr("Volver a los resultados"))
        else:
            self.back.setText(
                self.tr("Volver al álbum") if self.opened_from_album else self.tr("Volver")
            )

    def _on_photo_deleted(self, photo_id: int, _album_id: int) -> None:
        index = self._index()
        self.sequence = [p for p in self.sequence if p.id != photo_id]
        if self.photo is None or self.photo.id != photo_id:
            self._show_position()
            return
        if self.isVisible() and self.sequence:
            # Like a photo viewer: the next photo (or the previous one at the end) takes its place.
            self.show_photo(self.sequence[min(index, len(self.sequence) - 1)], self.albums)
            return
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
        self.manage_title.setText(self.tr("Mover a otro álbum"))
        self.previous_button.setToolTip(self.tr("Foto anterior (←)"))
        self.next_button.setToolTip(self.tr("Foto siguiente (→)"))
        self.fit_button.setText(self.tr("Ajustar"))
        self.fit_button.setToolTip(self.tr("Ajustar a la ventana (0)"))
        self.actual_button.setToolTip(self.tr("Tamaño real (1)"))
        self.zoom_in_button.setToolTip(self.tr("Acercar (+ o Ctrl+rueda)"))
        self.zoom_out_button.setToolTip(self.tr("Alejar (−)"))
        self._retranslate_full_screen()
        self.move_button.setText(self.tr("Mover"))
        self.delete_button.setText(self.tr("Eliminar foto"))
        self.people_title.setText(self.tr("Personas"))
        self.face_name.setPlaceholderText(self.tr("¿Quién es?"))
        self.face_name_button.setText(self.tr("Nombrar"))
        self.not_person_button.setText(self.tr("No es esta persona"))
        self._show_faces_hint()
        if self.photo is not None:
            self._set_back_text()
            self._show_position()
            self._fill_move_targets()
            self._show_info(self.photo)
            self._show_labels(self.photo)
            self._retranslate_translation()

    # -- loading --------------------------------------------------------------------------
    def show_photo(
        self,
        photo: Photo,
        albums: list[Album],
        sequence: list[Photo] | None = None,
        terms: tuple[str, ...] | None = None,
    ) -> None:
        """Open ``photo``; ``albums`` are the targets offered to move it, ``sequence`` the
        photos ←/→ walk through (in grid order), ``terms`` the search words that found it
        (highlighted in its details, kept while stepping through the results)."""
        self.photo = photo
        self.albums = albums
        if sequence is not None:
            self.sequence = list(sequence)
        if terms is not None:
            self.terms = terms
        self._set_back_text()
        self.name_edit.setText(photo.name)
        self.description_edit.setPlainText(photo.description)
        self.save_status.setText("")
        self._fill_move_targets()
        self._show_info(photo)
        self._show_labels(photo)
        self._show_position()
        self._label_poll_ms = LABEL_POLL_FIRST_MS
        cached = self._previews.get((photo.id, photo.sha256))
        self.preview.set_image(cached)
        if cached is None:
            self._load_preview(photo)
        for neighbour in self._neighbours():
            self._load_preview(neighbour)
        photo_ops.load_photo(
            parent=self,
            ctx=self.ctx,
            photo_id=photo.id,
            success=self._on_details,
            failure=lambda _e: None,
        )
        self.preview.image_label.set_faces([])
        self.select_face(None)
        self._face_polls = 0
        self._load_faces()
        self._load_languages()
        self.preview.setFocus()

    # -- browsing -------------------------------------------------------------------------
    def _index(self) -> int:
        if self.photo is None:
            return -1
        return next((i for i, p in enumerate(self.sequence) if p.id == self.photo.id), -1)

    def _neighbours(self) -> list[Photo]:
        index = self._index()
        if index < 0:
            return []
        return [self.sequence[i] for i in (index - 1, index + 1) if 0 <= i < len(self.sequence)]

    def step(self, offset: int) -> None:
        """Show the previous (-1) or next (+1) photo of the album."""
        index = self._index()
        target = index + offset
        if index >= 0 and 0 <= target < len(self.sequence):
            self.show_photo(self.sequence[target], self.albums)

    def _show_position(self) -> None:
        index = self._index()
        self.previous_button.setEnabled(index > 0)
        self.next_button.setEnabled(0 <= index < len(self.sequence) - 1)
        self.position.setText(
            self.tr("{n} de {total}").format(n=index + 1, total=len(self.sequence))
            if index >= 0
            else ""
        )

    def _show_zoom(self) -> None:
        self.zoom_label.setText(
            f"{round(self.preview.scale() * 100)} %" if self.preview.has_image else ""
        )

    def preview_ready(self, photo: Photo) -> bool:
        """Whether ``photo``'s preview is in memory (shown at once when the person gets there)."""
        return (photo.id, photo.sha256) in self._previews

    def _load_preview(self, photo: Photo) -> None:
        key = (photo.id, photo.sha256)
        if key in self._previews or key in self._loading_previews:
            return
        self._loading_previews.add(key)
        photo_ops.load_image(
            parent=self,
            ctx=self.ctx,
            photo=photo,
            variant="preview",
            success=lambda image: self._on_preview(key, image),
            failure=lambda _e: self._on_preview(key, None),
        )

    def _on_preview(self, key: tuple[int, str], image: QImage | None) -> None:
        self._loading_previews.discard(key)
        if image is not None and not image.isNull():
            self._previews[key] = image
            while len(self._previews) > PRELOADED:
                self._previews.popitem(last=False)
        if self.photo is not None and key == (self.photo.id, self.photo.sha256):
            self.preview.set_image(image)

    def toggle_full_screen(self) -> None:
        window = self.window()
        if window.isFullScreen():
            window.showNormal()
        else:
            window.showFullScreen()
        self._retranslate_full_screen()

    def _retranslate_full_screen(self) -> None:
        self.fullscreen_button.setText(
            self.tr("Salir de pantalla completa")
            if self.window().isFullScreen()
            else self.tr("Pantalla completa")
        )

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key == Qt.Key.Key_Left:
            self.step(-1)
        elif key == Qt.Key.Key_Right:
            self.step(1)
        elif key == Qt.Key.Key_Escape:
            if self.window().isFullScreen():
                self.toggle_full_screen()
            else:
                self.back_requested.emit()
        elif key == Qt.Key.Key_F11:
            self.toggle_full_screen()
        elif key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.preview.zoom_by(ZOOM_STEP)
        elif key == Qt.Key.Key_Minus:
            self.preview.zoom_by(1 / ZOOM_STEP)
        elif key == Qt.Key.Key_0:
            self.preview.fit()
        elif key == Qt.Key.Key_1:
            self.preview.actual_size()
        elif key == Qt.Key.Key_Delete:
            self.delete()
        elif key == Qt.Key.Key_F and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            self.toggle_faces()
        else:
            super().keyPressEvent(event)
            return
        event.accept()

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
            parts.append(
                self.tr("{size} MB").format(size=f"{photo.size_bytes / 1_048_576:.1f}")
                if photo.size_bytes >= 1_048_576
                else self.tr("{size} KB").format(size=max(1, photo.size_bytes // 1024))
            )
        if photo.taken_at:
            parts.append(self.tr("tomada el {date}").format(date=photo.taken_at[:10]))
        self.info.setText(" · ".join(parts))
        self._show_matches(photo)

    def _show_matches(self, photo: Photo) -> None:
        # Search finds tags in both languages: the words typed may be those of the other one.
        other = "es" if current_language() == "en" else "en"
        texts = [
            photo.name,
            photo.description,
            " ".join(lab.name_in(current_language()) for lab in photo.labels),
            " ".join(lab.name_in(other) for lab in photo.labels),
            photo.image_text,
        ]
        found = [word for text in texts for word in matched_words(text, self.terms)]
        self.matches.setVisible(bool(self.terms))
        if self.terms:
            unique = list(dict.fromkeys(found))
            self.matches.setText(
                self.tr("Coincide: {words}").format(
                    words=highlight_html(", ".join(unique), self.terms)
                )
                if unique
                else self.tr("Coincide por su álbum, cámara o fecha.")
            )
        self.image_text.setVisible(bool(photo.image_text))
        if photo.image_text:
            self.image_text.setText(
                self.tr("Texto en la imagen: {text}").format(
                    text=highlight_html(photo.image_text, self.terms)
                )
            )

    def _show_labels(self, photo: Photo) -> None:
        """The tags in the UI language (``retranslate`` shows them again after a switch)."""
        names = [(lab.name_in(current_language()), lab.confidence) for lab in photo.labels]
        chips = [
            f"{name} · {round(confidence)} %" if confidence else name for name, confidence in names
        ]
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
        photo_ops.load_photo(
            parent=self,
            ctx=self.ctx,
            photo_id=self.photo.id,
            success=self._on_details,
            failure=self._on_poll_failed,
        )

    def _on_poll_failed(self, _error: Exception) -> None:
        # A network hiccup is no reason to stop waiting: try again after the next backoff step.
        if self.photo is not None and self.photo.labels_state != "done":
            self._show_labels(self.photo)

    def _fill_move_targets(self) -> None:
        self.move_target.clear()
        for album in self.albums:
            if not album.is_profile and self.photo is not None and album.id != self.photo.album_id:
                self.move_target.addItem(assets.icon("albums"), album.name, album)
        in_profile = self._in_profile_album()
        can_move = self.move_target.count() > 0 and not in_profile
        # Rather than an empty disabled box, say why nothing can be moved.
        self.move_target.setVisible(can_move)
        self.move_button.setVisible(can_move)
        if in_profile:
            self.move_hint.setText(self.tr("Las fotos de perfil se quedan en su álbum."))
        elif not can_move:
            self.move_hint.setText(
                self.tr("Crea otro álbum en «Álbumes» para poder mover aquí la foto.")
            )
        self.move_hint.setVisible(not can_move)

    def _in_profile_album(self) -> bool:
        return any(
            a.is_profile and self.photo is not None and a.id == self.photo.album_id
            for a in self.albums
        )

    # -- faces ----------------------------------------------------------------------------
    def toggle_faces(self) -> None:
        """Show or hide the face boxes (the F key)."""
        self.preview.image_label.set_faces_visible(not self.preview.image_label.faces_visible)
        self._show_faces_hint()

    def _load_faces(self) -> None:
        if self.photo is None:
            return
        photo_id = self.photo.id
        people_ops.photo_faces(
            parent=self,
            ctx=self.ctx,
            photo_id=photo_id,
            success=lambda faces: self._on_faces(photo_id, faces),
            failure=lambda _e: self._show_faces_hint(),
        )

    def _on_faces(self, photo_id: int, faces: list[Face]) -> None:
        if self.photo is None or self.photo.id != photo_id:
            return
        self.preview.image_label.set_faces(faces)
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
        count = len(self.preview.image_label.faces)
        if not self.preview.image_label.faces_visible:
            text = self.tr("Caras ocultas. Pulsa F para mostrarlas.")
        elif count:
            text = self.tr(
                "%n cara(s). Pulsa una cara para decir quién es; F las oculta.", "", count
            )
        else:
            text = self.tr("No se han encontrado caras (todavía).")
        self.faces_hint.setText(text)
        enabled = self.selected_face is not None
        self.face_name.setEnabled(enabled)
        self.face_name_button.setEnabled(enabled)
        self.not_person_button.setEnabled(
            enabled and self.selected_face is not None and self.selected_face.person is not None
        )

    def select_face(self, face: Face | None) -> None:
        """Pick a face to name (a click on its box)."""
        self.selected_face = face
        self.preview.image_label.selected_face_id = face.id if face is not None else None
        self.preview.image_label.update()
        self.face_status.setText("")
        if face is not None:
            person = face.person
            self.face_name.setText(
                person.name or "" if person is not None and not face.is_suggestion else ""
            )
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
        people_ops.name_face(
            parent=self,
            ctx=self.ctx,
            face=face,
            name=name,
            success=self._on_face_saved,
            failure=self._on_face_failed,
        )

    def reject_selected_face(self) -> None:
        """The selected face is not the person it was given."""
        if self.selected_face is None:
            return
        people_ops.reject_face(
            parent=self,
            ctx=self.ctx,
            face=self.selected_face,
            success=self._on_face_saved,
            failure=self._on_face_failed,
        )

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
        photo_ops.load_languages(
            parent=self, ctx=self.ctx, success=self._on_languages, failure=self._on_languages_failed
        )

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
            self.tr("Elige un idioma para leer la descripción traducida.")
            if self.languages
            else self.tr("Este servidor no ofrece traducciones.")
        )

    def _retranslate_translation(self) -> None:
        """The translation box in the new UI language; a translation being read stays."""
        if self.languages is None:
            return  # still loading, or failed (the failure's message stays)
        code, photo = self.language.currentData(), self.photo
        if not code:
            self._fill_languages()
            return
        self.language.setItemText(0, self.tr("Elige un idioma…"))
        cached = self._translations.get((photo.id, code, photo.description)) if photo else None
        if cached is not None:
            self._show_translation(cached)

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
        photo_ops.translate_description(
            parent=self,
            ctx=self.ctx,
            photo_id=photo.id,
            language=code,
            success=lambda t: self._on_translation(key, t),
            failure=self._on_translation_failed,
        )

    def _on_translation(self, key: tuple[int, str, str], translation: Translation) -> None:
        self._translations[key] = translation
        if (
            self.photo is not None
            and key[0] == self.photo.id
            and key[1] == self.language.currentData()
        ):
            self._show_translation(translation)

    def _show_translation(self, translation: Translation) -> None:
        self.translation.setText(translation.text)
        self.translation.setVisible(True)
        self.translation_status.setText(
            self.tr("Traducido de: {language}").format(
                language=language_name(translation.source_language)
            )
        )

    def _on_translation_failed(self, error: Exception) -> None:
        self.translation.setText("")
        self.translation.setVisible(False)
        self.translation_status.setText(self._translation_error(error))

    def _translation_error(self, error: Exception) -> str:
        if isinstance(error, NotFound) and error.code in ("not_found", "http_404"):
            return message_for("feature_not_available")
        if isinstance(error, Unavailable):
            return (
                error.message
                if error.code == "translation_unavailable"
                else message_for("translation_unavailable")
            )
        return error_text(error)

    # -- edits ----------------------------------------------------------------------------
    def save(self) -> None:
        """Save the name and description."""
        if self.photo is None:
            return
        photo_id = self.photo.id
        name, description = (
            self.name_edit.text().strip(),
            self.description_edit.toPlainText().strip(),
        )
        self.save_status.setText(self.tr("Guardando…"))
        photo_ops.update_photo(
            parent=self,
            ctx=self.ctx,
            photo_id=photo_id,
            name=name,
            description=description,
            success=self._on_saved,
            failure=self._on_edit_failed,
        )

    def _on_saved(self, photo: Photo) -> None:
        self.photo = photo
        self.save_status.setText(self.tr("Guardado"))
        if self.language.currentData():
            self._on_language(self.language.currentIndex())

    def _on_edit_failed(self, error: Exception) -> None:
        self.save_status.setText("")
        if isinstance(error, ApiError) and error.fields:
            QMessageBox.warning(
                self, self.tr("No se pudo guardar"), "\n".join(error.field_messages.values())
            )
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

        photo_ops.move_photo(
            parent=self,
            ctx=self.ctx,
            photo=self.photo,
            album=target,
            success=moved,
            failure=self._on_edit_failed,
        )

    def _on_moved(self, photo: Photo, album: Album, origin_album_id: int) -> None:
        self.photo = photo
        self._fill_move_targets()
        text = self.tr("Movida a «{album}»").format(album=album.name)
        self.save_status.setText(text)

        def undo() -> None:
            bulk_ops.move_photos(
                parent=self,
                ctx=self.ctx,
                photo_ids=[photo.id],
                album_id=origin_album_id,
                success=self._after_move_undone,
            )

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
            box = QMessageBox(
                QMessageBox.Icon.Warning,
                self.tr("Mover a la papelera"),
                self.tr(
                    "¿Mover «{name}» a la papelera? Podrás recuperarla durante 30 días."
                ).format(name=self.photo.name),
                parent=self,
            )
            delete = box.addButton(
                self.tr("Mover a la papelera"), QMessageBox.ButtonRole.DestructiveRole
            )
            box.addButton(self.tr("Cancelar"), QMessageBox.ButtonRole.RejectRole)
            box.exec()
            if box.clickedButton() is not delete:
                return
        photo = self.photo
        text = self.tr("«{name}» movida a la papelera").format(name=photo.name)

        def undo() -> None:
            bulk_ops.restore_photos(parent=self, ctx=self.ctx, photo_ids=[photo.id])

        photo_ops.delete_photo(
            parent=self,
            ctx=self.ctx,
            photo=photo,
            success=lambda _none: self.undo_offered.emit(text, undo),
        )

    def sizeHint(self) -> QSize:
        return QSize(1000, 700)
