"""Create an account: fields checked as you type, a strength hint, and a profile photo."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QImage
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop.api.errors import ApiError
from desktop.api.models import AuthResult
from desktop.context import AppContext
from desktop.core.imagetype import ACCEPTED_FORMATS, sniff_file
from desktop.core.validation import EMAIL_PATTERN, USERNAME_PATTERN, password_strength
from desktop.ops import QueryOp, error_text
from desktop.views.camera_dialog import CameraDialog
from desktop.views.widgets import Avatar, Page, button, label, set_invalid

IMAGE_FILTER = "*.jpg *.jpeg *.png *.webp *.heic *.heif"
STRENGTH_COLORS = ["#d92d20", "#f79009", "#fdb022", "#12b76a", "#067647"]


class RegisterPage(Page):
    """The sign-up form."""

    registered = Signal(object, str)  # AuthResult, username
    back_requested = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("authBackground")
        self.photo: Path | bytes | None = None
        self._touched: set[str] = set()

        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        holder = QWidget()
        outer = QVBoxLayout(holder)
        outer.setContentsMargins(24, 24, 24, 24)
        self.card = QFrame()
        self.card.setObjectName("authCard")
        self.card.setFixedWidth(640)  # the photo buttons keep their words in both languages
        layout = QVBoxLayout(self.card)
        layout.setContentsMargins(32, 26, 32, 24)
        layout.setSpacing(6)
        header = QHBoxLayout()
        self.back = button("link", "back")
        self.back.clicked.connect(self.back_requested)
        header.addWidget(self.back)
        header.addStretch(1)
        layout.addLayout(header)
        self.title = label("authTitle")
        self.subtitle = label("muted", wrap=True)
        layout.addWidget(self.title)
        layout.addWidget(self.subtitle)
        layout.addSpacing(10)

        # Photo row
        photo_row = QHBoxLayout()
        photo_row.setSpacing(16)
        self.avatar = Avatar(104)
        photo_row.addWidget(self.avatar)
        photo_side = QVBoxLayout()
        self.photo_title = label("sectionTitle")
        self.photo_hint = label("hint", wrap=True)
        buttons = QHBoxLayout()
        self.pick_photo = button("", "folder")
        self.pick_photo.clicked.connect(self._choose_photo_file)
        self.camera_photo = button("", "camera")
        self.camera_photo.clicked.connect(self._take_photo)
        buttons.addWidget(self.pick_photo)
        buttons.addWidget(self.camera_photo)
        buttons.addStretch(1)
        self.photo_error = label("fieldError", wrap=True)
        photo_side.addWidget(self.photo_title)
        photo_side.addWidget(self.photo_hint)
        photo_side.addLayout(buttons)
        photo_side.addWidget(self.photo_error)
        photo_row.addLayout(photo_side, 1)
        layout.addLayout(photo_row)
        layout.addSpacing(10)

        grid = QGridLayout()
        grid.setHorizontalSpacing(14)
        grid.setVerticalSpacing(4)
        self.fields: dict[str, QLineEdit] = {}
        self.field_labels: dict[str, QLabel] = {}
        self.errors: dict[str, QLabel] = {}
        placement = {
            "username": (0, 0),
            "email": (0, 1),
            "full_name": (3, 0),
            "password": (6, 0),
            "password_confirm": (6, 1),
        }
        for name, (row, col) in placement.items():
            title = label()
            edit = QLineEdit()
            edit.setObjectName(f"field_{name}")
            error = label("fieldError", wrap=True)
            if name.startswith("password"):
                edit.setEchoMode(QLineEdit.EchoMode.Password)
            span = 2 if name == "full_name" else 1
            grid.addWidget(title, row, col, 1, span)
            grid.addWidget(edit, row + 1, col, 1, span)
            grid.addWidget(error, row + 2, col, 1, span)
            edit.textEdited.connect(lambda _text, n=name: self._touch(n))
            edit.textChanged.connect(self._validate)
            self.fields[name], self.field_labels[name], self.errors[name] = edit, title, error
        layout.addLayout(grid)

        strength_row = QHBoxLayout()
        self.strength = QProgressBar()
        self.strength.setObjectName("strengthBar")
        self.strength.setRange(0, 4)
        self.strength.setTextVisible(False)
        self.strength.setFixedHeight(6)
        self.strength_hint = label("hint")
        strength_row.addWidget(self.strength, 1)
        strength_row.addWidget(self.strength_hint, 2)
        layout.addLayout(strength_row)
        layout.addSpacing(8)
        self.form_error = label("fieldError", wrap=True)
        layout.addWidget(self.form_error)
        self.submit_button = button("primary", "check")
        self.submit_button.setMinimumHeight(38)
        self.submit_button.clicked.connect(self.submit)
        layout.addWidget(self.submit_button)
        self.fields["password_confirm"].returnPressed.connect(self.submit)

        centre = QHBoxLayout()
        centre.addStretch(1)
        centre.addWidget(self.card)
        centre.addStretch(1)
        outer.addStretch(1)
        outer.addLayout(centre)
        outer.addStretch(1)
        scroll.setWidget(holder)
        page = QVBoxLayout(self)
        page.setContentsMargins(0, 0, 0, 0)
        page.addWidget(scroll)
        self.retranslate()
        self._validate()

    def retranslate(self) -> None:
        self.back.setText(self.tr("Volver a entrar"))
        self.title.setText(self.tr("Crea tu cuenta"))
        self.subtitle.setText(
            self.tr(
                "Tu foto de perfil abre el álbum «Fotos de perfil» y, si "
                "quieres, te permitirá entrar con la cara."
            )
        )
        self.photo_title.setText(self.tr("Foto de perfil"))
        self.photo_hint.setText(self.tr("Una foto tuya, de frente y con buena luz."))
        self.pick_photo.setText(self.tr("Elegir archivo…"))
        self.camera_photo.setText(self.tr("Usar la cámara"))
        texts = {
            "username": self.tr("Nombre de usuario"),
            "email": self.tr("Correo electrónico"),
            "full_name": self.tr("Nombre completo (opcional)"),
            "password": self.tr("Contraseña"),
            "password_confirm": self.tr("Repite la contraseña"),
        }
        for name, text in texts.items():
            self.field_labels[name].setText(text)
        self.fields["username"].setPlaceholderText(self.tr("letras, números, . _ -"))
        self.fields["email"].setPlaceholderText(self.tr("nombre@ejemplo.com"))
        self.submit_button.setText(self.tr("Crear cuenta"))
        self._validate()

    # -- validation -----------------------------------------------------------------------
    def _touch(self, name: str) -> None:
        self._touched.add(name)

    def local_errors(self) -> dict[str, str]:
        """Problems visible before asking the server (all fields, touched or not)."""
        values = {name: edit.text() for name, edit in self.fields.items()}
        errors: dict[str, str] = {}
        if not USERNAME_PATTERN.match(values["username"].strip()):
            errors["username"] = self.tr(
                "De 3 a 32 caracteres: letras, números, punto, guion o guion bajo."
            )
        if not EMAIL_PATTERN.match(values["email"].strip()):
            errors["email"] = self.tr("Escribe un correo válido.")
        if len(values["full_name"]) > 100:
            errors["full_name"] = self.tr("Como mucho 100 caracteres.")
        if len(values["password"]) < 8:
            errors["password"] = self.tr("Al menos 8 caracteres.")
        if values["password_confirm"] != values["password"]:
            errors["password_confirm"] = self.tr("Las contraseñas no coinciden.")
        if self.photo is None:
            errors["photo"] = self.tr("Elige una foto de perfil.")
        return errors

    def _validate(self) -> bool:
        errors = self.local_errors()
        for name, edit in self.fields.items():
            shown = errors.get(name, "") if name in self._touched else ""
            self.errors[name].setText(shown)
            set_invalid(edit, bool(shown))
        score = password_strength(
            self.fields["password"].text(), username=self.fields["username"].text()
        )
        self.strength.setValue(score.score)
        self.strength.setStyleSheet(
            f"QProgressBar::chunk {{ background: {STRENGTH_COLORS[score.score]}; }}"
        )
        advice = {
            "too_short": self.tr("Contraseña demasiado corta"),
            "common": self.tr("Demasiado fácil de adivinar"),
            "add_variety": self.tr("Mejor con mayúsculas, números o símbolos"),
            "good": self.tr("Contraseña buena"),
            "strong": self.tr("Contraseña fuerte"),
        }[score.advice]
        self.strength_hint.setText(advice if self.fields["password"].text() else "")
        self.submit_button.setEnabled(not errors)
        return not errors

    # -- photo ----------------------------------------------------------------------------
    def _choose_photo_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Elige tu foto de perfil"),
            str(Path.home()),
            self.tr("Imágenes ({patterns})").format(patterns=IMAGE_FILTER),
        )
        if path:
            self.set_photo(Path(path))

    def _take_photo(self) -> None:
        dialog = CameraDialog(self.ctx, count=1, parent=self)
        if dialog.exec() and dialog.frames:
            self.set_photo(dialog.frames[0])

    def set_photo(self, photo: Path | bytes) -> None:
        """Use ``photo`` (a file or JPEG bytes) as the profile photo and show it."""
        if isinstance(photo, Path) and sniff_file(photo) not in ACCEPTED_FORMATS:
            self.photo_error.setText(
                self.tr("Ese archivo no es una imagen JPEG, PNG, WebP o HEIC.")
            )
            return
        self.photo_error.setText("")
        self.photo = photo

        def decode() -> QImage:
            image = QImage()
            if isinstance(photo, bytes):
                image.loadFromData(photo)
            else:
                image.load(str(photo))
            return image.scaled(
                256,
                256,
                Qt.AspectRatioMode.KeepAspectRatioByExpanding,
                Qt.TransformationMode.SmoothTransformation,
            )

        QueryOp(parent=self, op=decode, success=self.avatar.set_image).run_in_background()
        self._validate()

    # -- submit ---------------------------------------------------------------------------
    def submit(self) -> None:
        """Send the form (every field is marked as touched so all errors show)."""
        self._touched.update(self.fields)
        if not self._validate() or self.photo is None:
            if self.photo is None:
                self.photo_error.setText(self.tr("Elige una foto de perfil."))
            return
        values = {name: edit.text() for name, edit in self.fields.items()}
        photo = self.photo
        client = self.ctx.client
        self.form_error.setText("")
        self.submit_button.setEnabled(False)
        self.submit_button.setText(self.tr("Creando la cuenta…"))
        QueryOp(
            parent=self,
            op=lambda: client.register(
                username=values["username"].strip(),
                email=values["email"].strip(),
                full_name=values["full_name"].strip(),
                password=values["password"],
                password_confirm=values["password_confirm"],
                photo=photo,
            ),
            success=lambda auth: self._on_registered(auth, values["username"].strip()),
        ).failure(self._on_failed).run_in_background()

    def _on_registered(self, auth: AuthResult, username: str) -> None:
        self.submit_button.setText(self.tr("Crear cuenta"))
        for name in ("password", "password_confirm"):
            self.fields[name].clear()
        self.registered.emit(auth, username)

    def _on_failed(self, error: Exception) -> None:
        self.submit_button.setText(self.tr("Crear cuenta"))
        self.submit_button.setEnabled(True)
        if isinstance(error, ApiError):
            fields = error.field_messages
            if error.code == "username_taken":
                fields.setdefault("username", error.message)
            if error.code == "email_taken":
                fields.setdefault("email", error.message)
            shown = False
            for name, why in fields.items():
                if name in self.errors:
                    self.errors[name].setText(why)
                    set_invalid(self.fields[name], True)
                    shown = True
                elif name == "photo":
                    self.photo_error.setText(why)
                    shown = True
            if error.code in (
                "no_face",
                "multiple_faces",
                "invalid_image",
                "unsupported_media_type",
            ):
                self.photo_error.setText(error.message)
                shown = True
            if shown and not error.code.startswith("validation"):
                self.form_error.setText("")
                return
        self.form_error.setText(error_text(error))
