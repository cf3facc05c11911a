"""People: "Fotos donde aparezco" (the user's own photos) and the People screen (name, merge,
hide, remove a face, confirm or reject suggestions)."""

from __future__ import annotations

from PySide6.QtCore import QObject, QRect, QSize, Qt, Signal
from PySide6.QtGui import QIcon, QImage, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop import assets
from desktop.api.models import Face, FaceBox, Person, Photo, PhotoPage
from desktop.context import AppContext
from desktop.operations import people as people_ops
from desktop.operations import photos as photo_ops
from desktop.ops import error_text
from desktop.views.album_view import PAGE_SIZE, PhotoGrid, PhotoListModel, PhotoRole
from desktop.views.thumbnails import ThumbnailLoader
from desktop.views.widgets import Page, PageHeader, button, card, label

FACE_ICON = 56
PersonRole = Qt.ItemDataRole.UserRole + 2
FaceRole = Qt.ItemDataRole.UserRole + 3
CropRole = Qt.ItemDataRole.UserRole + 4
IMAGE_CACHE_MAX = 200  # photo previews kept to cut faces from


def face_crop(image: QImage, box: FaceBox, size: int = FACE_ICON) -> QPixmap:
    """The face (with a little margin) cut out of a photo's image, as a square icon."""
    margin = 0.25
    rect = QRect(
        round((box.left - box.width * margin) * image.width()),
        round((box.top - box.height * margin) * image.height()),
        round(box.width * (1 + 2 * margin) * image.width()),
        round(box.height * (1 + 2 * margin) * image.height()),
    ).intersected(image.rect())
    crop = image.copy(rect)
    return QPixmap.fromImage(
        crop.scaled(
            QSize(size, size),
            Qt.AspectRatioMode.KeepAspectRatioByExpanding,
            Qt.TransformationMode.SmoothTransformation,
        )
    )


class PersonPhotoModel(PhotoListModel):
    """The photos showing one person (``person_id`` None: the user), page by page."""

    def __init__(
        self, ctx: AppContext, loader: ThumbnailLoader, parent: QObject | None = None
    ) -> None:
        super().__init__(ctx, loader, parent)
        self.person_id: int | None = None

    def open_person(self, person_id: int | None) -> None:
        self.person_id = person_id
        self.open_album(0)  # the album id only marks "open"; pages come from the person

    def fetchMore(self, parent: object = None) -> None:
        if self.album_id is None or self.loading or not self.has_more:
            return
        self._set_loading(True)
        cursor, generation = self._cursor, self._generation
        people_ops.person_photos(
            parent=self,
            ctx=self.ctx,
            person_id=self.person_id,
            limit=PAGE_SIZE,
            cursor=cursor,
            success=lambda page: self._append_page(page, generation),
            failure=lambda error: self._failed(error, generation),
        )

    def _append_page(self, page: PhotoPage, generation: int) -> None:
        self._append(page, generation)

    def update_photo(self, photo: Photo) -> None:
        row = self._rows.get(photo.id)
        if row is not None:
            self.photos[row] = photo
            index = self.index(row)
            self.dataChanged.emit(index, index)


class MyPhotosPage(Page):
    """Fotos donde aparezco: every photo in which the user was found."""

    open_photo = Signal(object)  # Photo

    def __init__(
        self, ctx: AppContext, loader: ThumbnailLoader, parent: QWidget | None = None
    ) -> None:
        super().__init__(ctx, parent)
        self.model = PersonPhotoModel(ctx, loader, self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 18, 28, 20)
        layout.setSpacing(12)
        self.header = PageHeader()
        self.refresh_button = button("", "retry")
        self.refresh_button.clicked.connect(self.reload)
        self.header.add_action(self.refresh_button)
        layout.addWidget(self.header)
        self.grid = PhotoGrid()
        self.grid.set_drops_enabled(False)
        self.grid.setModel(self.model)
        self.grid.doubleClicked.connect(lambda index: self.open_photo.emit(index.data(PhotoRole)))
        self.grid.activated.connect(lambda index: self.open_photo.emit(index.data(PhotoRole)))
        layout.addWidget(self.grid, 1)
        self.empty = label("hint", wrap=True)
        layout.addWidget(self.empty)
        self.model.modelReset.connect(self._update_state)
        self.model.rowsInserted.connect(self._update_state)
        self.model.loading_changed.connect(lambda _loading: self._update_state())
        ctx.events.people_changed.connect(self._reload_if_open)
        ctx.events.photo_deleted.connect(lambda photo_id, _album: self.model.remove_photo(photo_id))
        ctx.events.photos_added.connect(lambda _album: self._reload_if_open())
        ctx.events.session_ended.connect(lambda _why: self.model.close_album())
        self.retranslate()

    def retranslate(self) -> None:
        self.header.title.setText(self.tr("Fotos donde aparezco"))
        self.refresh_button.setText(self.tr("Actualizar"))
        self._update_state()

    def reload(self) -> None:
        self.model.open_person(None)

    def _reload_if_open(self) -> None:
        if self.model.album_id is not None:
            self.reload()

    def _update_state(self) -> None:
        count = len(self.model.photos)
        if self.model.loading and not count:
            self.header.subtitle.setText(self.tr("Buscándote en tus fotos…"))
        else:
            self.header.subtitle.setText(
                self.tr(
                    "%n foto(s) en las que sales, encontradas con tu cara "
                    "de inicio de sesión o tus fotos de perfil",
                    "",
                    count,
                )
            )
        self.empty.setVisible(not count and not self.model.loading)
        self.empty.setText(
            self.tr(
                "Aún no te hemos encontrado en ninguna foto. Las caras se buscan "
                "en segundo plano al subir fotos."
            )
        )


class PeoplePage(Page):
    """Everyone found in the user's photos: name, merge, hide; each person's faces; suggestions."""

    open_photo = Signal(object)  # Photo id to open (int)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.people: list[Person] = []
        self.current: Person | None = None
        self.show_hidden = False
        self._images: dict[int, QImage] = {}
        self._pending: set[int] = set()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 18, 28, 20)
        layout.setSpacing(12)
        self.header = PageHeader()
        self.hidden_toggle = button("", "lock")
        self.hidden_toggle.setCheckable(True)
        self.hidden_toggle.toggled.connect(self._on_hidden_toggled)
        self.header.add_action(self.hidden_toggle)
        layout.addWidget(self.header)

        split = QSplitter()
        self.list = QListWidget()
        self.list.setIconSize(QSize(FACE_ICON, FACE_ICON))
        self.list.setMinimumWidth(240)
        self.list.currentItemChanged.connect(self._on_person_selected)
        split.addWidget(self.list)

        detail = QWidget()
        d = QVBoxLayout(detail)
        d.setContentsMargins(12, 0, 0, 0)
        d.setSpacing(12)
        who, w = card()
        self.person_title = label("sectionTitle")
        name_row = QHBoxLayout()
        self.name_edit = QLineEdit()
        self.name_edit.setMaxLength(100)
        self.name_edit.returnPressed.connect(self.rename)
        self.rename_button = button("primary", "save")
        self.rename_button.clicked.connect(self.rename)
        name_row.addWidget(self.name_edit, 1)
        name_row.addWidget(self.rename_button)
        merge_row = QHBoxLayout()
        self.merge_target = QComboBox()
        self.merge_button = button("", "move")
        self.merge_button.clicked.connect(self.merge_into_selected)
        merge_row.addWidget(self.merge_target, 1)
        merge_row.addWidget(self.merge_button)
        self.hide_button = button("", "lock")
        self.hide_button.clicked.connect(self.toggle_hidden)
        self.status = label("hint", wrap=True)
        w.addWidget(self.person_title)
        w.addLayout(name_row)
        w.addLayout(merge_row)
        w.addWidget(self.hide_button, 0, Qt.AlignmentFlag.AlignLeft)
        w.addWidget(self.status)
        d.addWidget(who)

        faces, f = card()
        self.faces_title = label("sectionTitle")
        self.faces = QListWidget()
        self.faces.setViewMode(QListWidget.ViewMode.IconMode)
        self.faces.setIconSize(QSize(FACE_ICON, FACE_ICON))
        self.faces.setMinimumHeight(110)
        self.faces.itemDoubleClicked.connect(self._open_face_photo)
        self.remove_face_button = button("", "close")
        self.remove_face_button.clicked.connect(self.remove_selected_face)
        f.addWidget(self.faces_title)
        f.addWidget(self.faces, 1)
        f.addWidget(self.remove_face_button, 0, Qt.AlignmentFlag.AlignLeft)
        d.addWidget(faces, 1)

        queue, q = card()
        self.queue_title = label("sectionTitle")
        self.queue = QListWidget()
        self.queue.setIconSize(QSize(FACE_ICON, FACE_ICON))
        self.queue.setMinimumHeight(110)
        queue_buttons = QHBoxLayout()
        self.confirm_button = button("primary", "check")
        self.confirm_button.clicked.connect(self.confirm_selected_suggestion)
        self.reject_button = button("", "close")
        self.reject_button.clicked.connect(self.reject_selected_suggestion)
        queue_buttons.addWidget(self.confirm_button)
        queue_buttons.addWidget(self.reject_button)
        queue_buttons.addStretch(1)
        q.addWidget(self.queue_title)
        q.addWidget(self.queue, 1)
        q.addLayout(queue_buttons)
        d.addWidget(queue, 1)
        split.addWidget(detail)
        split.setStretchFactor(1, 1)
        layout.addWidget(split, 1)

        ctx.events.people_changed.connect(self.reload)
        ctx.events.photo_deleted.connect(lambda _p, _a: self.reload())
        ctx.events.session_ended.connect(lambda _why: self.clear())
        self.retranslate()

    # -- texts ----------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.header.title.setText(self.tr("Personas"))
        self.header.subtitle.setText(
            self.tr(
                "Las caras de tus fotos, agrupadas. Ponles nombre, une "
                "grupos de la misma persona u oculta los que no te interesen."
            )
        )
        self.hidden_toggle.setText(self.tr("Ver ocultas"))
        self.name_edit.setPlaceholderText(self.tr("Nombre de la persona"))
        self.rename_button.setText(self.tr("Guardar nombre"))
        self.merge_button.setText(self.tr("Unir con…"))
        self.remove_face_button.setText(self.tr("Quitar cara (no es esta persona)"))
        self.confirm_button.setText(self.tr("Confirmar"))
        self.reject_button.setText(self.tr("Rechazar"))
        self.queue_title.setText(self.tr("Sugerencias por confirmar"))
        self._fill_list()
        self._show_person()

    def person_name(self, person: Person) -> str:
        if person.is_me:
            return self.tr("Yo")
        return person.name or self.tr("¿Quién es?")

    # -- loading --------------------------------------------------------------------------
    def clear(self) -> None:
        self.people, self.current = [], None
        self._images.clear()
        self.list.clear()
        self.faces.clear()
        self.queue.clear()
        self._show_person()

    def reload(self) -> None:
        """Fetch the people and the suggestion queue again."""
        people_ops.list_people(
            parent=self,
            ctx=self.ctx,
            include_hidden=self.show_hidden,
            success=self._on_people,
            failure=self._on_failed,
        )
        people_ops.suggestions(
            parent=self, ctx=self.ctx, success=self._on_suggestions, failure=self._on_failed
        )

    def _on_hidden_toggled(self, checked: bool) -> None:
        self.show_hidden = checked
        self.reload()

    def _on_people(self, people: list[Person]) -> None:
        self.people = people
        keep = self.current.id if self.current is not None else None
        self.current = next((p for p in people if p.id == keep), None)
        self._fill_list()
        self._show_person()
        if self.current is not None:
            self._load_faces(self.current)

    def _fill_list(self) -> None:
        self.list.blockSignals(True)
        self.list.clear()
        for person in self.people:
            text = self.tr("{name} · %n foto(s)", "", person.photo_count).format(
                name=self.person_name(person)
            )
            if person.hidden:
                text += " · " + self.tr("oculta")
            item = QListWidgetItem(text)
            item.setData(PersonRole, person)
            if person.cover_photo_id is not None and person.cover_box is not None:
                self._set_crop_icon(item, person.cover_photo_id, person.cover_box)
            self.list.addItem(item)
            if self.current is not None and person.id == self.current.id:
                self.list.setCurrentItem(item)
        self.list.blockSignals(False)

    def _set_crop_icon(self, item: QListWidgetItem, photo_id: int, box: FaceBox) -> None:
        """The face cut out of its photo's preview (fetched once per photo) as the item's icon."""
        item.setData(CropRole, (photo_id, box))
        image = self._images.get(photo_id)
        if image is not None:
            item.setIcon(QIcon(face_crop(image, box)))
            return
        item.setIcon(QIcon(assets.pixmap("face", FACE_ICON, "#b4c0d6")))
        if photo_id in self._pending:
            return
        self._pending.add(photo_id)
        photo_ops.load_image(
            parent=self,
            ctx=self.ctx,
            photo=Photo(id=photo_id, album_id=0),
            variant="preview",
            success=lambda image: self._on_image(photo_id, image),
            failure=lambda _e: self._pending.discard(photo_id),
        )

    def _on_image(self, photo_id: int, image: QImage) -> None:
        self._pending.discard(photo_id)
        if image.isNull():
            return
        if len(self._images) >= IMAGE_CACHE_MAX:
            self._images.clear()
        self._images[photo_id] = image
        for widget in (self.list, self.faces, self.queue):
            for row in range(widget.count()):
                item = widget.item(row)
                key = item.data(CropRole)
                if isinstance(key, tuple) and key[0] == photo_id:
                    item.setIcon(QIcon(face_crop(image, key[1])))

    def _on_person_selected(self, item: QListWidgetItem | None, _previous: object = None) -> None:
        person = item.data(PersonRole) if item is not None else None
        self.current = person if isinstance(person, Person) else None
        self._show_person()
        self.faces.clear()
        if self.current is not None:
            self._load_faces(self.current)

    def _load_faces(self, person: Person) -> None:
        people_ops.person_faces(
            parent=self,
            ctx=self.ctx,
            person_id=person.id,
            success=lambda faces: self._on_faces(person.id, faces),
            failure=self._on_failed,
        )

    def _on_faces(self, person_id: int, faces: list[Face]) -> None:
        if self.current is None or self.current.id != person_id:
            return
        self.faces.clear()
        for face in faces:
            item = QListWidgetItem(self.tr("¿Es?") if face.is_suggestion else "")
            item.setData(FaceRole, face)
            item.setToolTip(self.tr("Doble clic para abrir la foto"))
            self._set_crop_icon(item, face.photo_id, face.box)
            self.faces.addItem(item)
        self.faces_title.setText(self.tr("Caras (%n)", "", len(faces)))

    def _on_suggestions(self, faces: list[Face]) -> None:
        self.queue.clear()
        for face in faces:
            name = face.person.name if face.person is not None and face.person.name else "?"
            similarity = f" · {round(face.similarity)} %" if face.similarity is not None else ""
            item = QListWidgetItem(self.tr("¿Es {name}?").format(name=name) + similarity)
            item.setData(FaceRole, face)
            self._set_crop_icon(item, face.photo_id, face.box)
            self.queue.addItem(item)
        self.queue_title.setText(self.tr("Sugerencias por confirmar (%n)", "", len(faces)))

    def _show_person(self) -> None:
        person = self.current
        enabled = person is not None
        for widget in (
            self.name_edit,
            self.rename_button,
            self.merge_target,
            self.merge_button,
            self.hide_button,
            self.remove_face_button,
        ):
            widget.setEnabled(enabled)
        self.merge_target.clear()
        self.status.setText("")
        if person is None:
            self.person_title.setText(self.tr("Elige una persona"))
            self.name_edit.clear()
            self.faces_title.setText(self.tr("Caras"))
            return
        self.person_title.setText(self.person_name(person))
        self.name_edit.setText(person.name or "")
        self.hide_button.setText(self.tr("Mostrar") if person.hidden else self.tr("Ocultar"))
        for other in self.people:
            if other.id != person.id and not other.is_me:
                self.merge_target.addItem(self.person_name(other), other)
        # "Me" absorbs others but is never merged away.
        self.merge_target.setEnabled(self.merge_target.count() > 0)
        self.merge_button.setEnabled(self.merge_target.count() > 0)

    def _on_failed(self, error: Exception) -> None:
        self.status.setText(error_text(error))

    # -- actions --------------------------------------------------------------------------
    def rename(self) -> None:
        name = self.name_edit.text().strip()
        if self.current is None or not name:
            return
        people_ops.rename_person(
            parent=self,
            ctx=self.ctx,
            person=self.current,
            name=name,
            success=lambda _p: self.status.setText(self.tr("Guardado")),
            failure=self._on_failed,
        )

    def toggle_hidden(self) -> None:
        if self.current is not None:
            people_ops.set_hidden(
                parent=self,
                ctx=self.ctx,
                person=self.current,
                hidden=not self.current.hidden,
                failure=self._on_failed,
            )

    def merge_into_selected(self, *, confirm: bool = True) -> None:
        """The person shown joins the one chosen in the list (or, for "me", the other way)."""
        other = self.merge_target.currentData()
        if self.current is None or not isinstance(other, Person):
            return
        into, source = (self.current, other) if self.current.is_me else (other, self.current)
        if confirm:
            answer = QMessageBox.question(
                self,
                self.tr("Unir personas"),
                self.tr("¿Unir «{source}» con «{into}»? Sus caras pasarán a «{into}».").format(
                    source=self.person_name(source), into=self.person_name(into)
                ),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        self.current = into
        people_ops.merge_people(
            parent=self, ctx=self.ctx, into=into, others=[source], failure=self._on_failed
        )

    def _selected_face(self, widget: QListWidget) -> Face | None:
        item = widget.currentItem()
        face = item.data(FaceRole) if item is not None else None
        return face if isinstance(face, Face) else None

    def remove_selected_face(self) -> None:
        face = self._selected_face(self.faces)
        if face is not None:
            people_ops.reject_face(parent=self, ctx=self.ctx, face=face, failure=self._on_failed)

    def confirm_selected_suggestion(self) -> None:
        face = self._selected_face(self.queue)
        if face is not None and face.person is not None:
            people_ops.confirm_face(
                parent=self,
                ctx=self.ctx,
                face=face,
                person_id=face.person.id,
                failure=self._on_failed,
            )

    def reject_selected_suggestion(self) -> None:
        face = self._selected_face(self.queue)
        if face is not None:
            people_ops.reject_face(parent=self, ctx=self.ctx, face=face, failure=self._on_failed)

    def _open_face_photo(self, item: QListWidgetItem) -> None:
        face = item.data(FaceRole)
        if isinstance(face, Face):
            self.open_photo.emit(face.photo_id)
