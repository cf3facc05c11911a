"""Account settings: personal info, password, face login on/off, delete the account."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLineEdit,
    QMessageBox,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop.api.errors import ApiError, NotFound
from desktop.api.models import FaceStatus, User
from desktop.context import AppContext
from desktop.core.imagetype import ACCEPTED_FORMATS, sniff_file
from desktop.core.messages import has_message, message_for
from desktop.core.validation import password_strength
from desktop.operations import account as account_ops
from desktop.operations import faces as face_ops
from desktop.ops import error_text
from desktop.views.camera_dialog import CameraDialog
from desktop.views.face_capture import FACE_FRAMES
from desktop.views.home import profile_face_warning
from desktop.views.widgets import Avatar, Page, PageHeader, button, card, label

# Codes that only say "some field was refused": the fields say which and why.
GENERIC_CODES = frozenset({"validation_error", "invalid_request", "request_validation"})


def password_edit() -> QLineEdit:
    edit = QLineEdit()
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    return edit


class AccountPage(Page):
    """Everything about the signed-in account."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.new_photo: Path | bytes | None = None
        self.face: FaceStatus | None = None
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        content = QWidget()
        layout = QVBoxLayout(content)
        layout.setContentsMargins(28, 24, 28, 28)
        layout.setSpacing(16)
        self.header = PageHeader()
        layout.addWidget(self.header)

        # Personal info
        info, i = card()
        self.info_title = label("sectionTitle")
        i.addWidget(self.info_title)
        row = QHBoxLayout()
        row.setSpacing(20)
        photo_col = QVBoxLayout()
        self.avatar = Avatar(96)
        self.photo_button = button("", "camera")
        self.photo_button.clicked.connect(self._choose_photo)
        self.photo_camera = button("link", "")
        self.photo_camera.clicked.connect(self._camera_photo)
        photo_col.addWidget(self.avatar, 0, Qt.AlignmentFlag.AlignHCenter)
        photo_col.addWidget(self.photo_button)
        photo_col.addWidget(self.photo_camera)
        photo_col.addStretch(1)
        row.addLayout(photo_col)
        grid = QGridLayout()
        grid.setHorizontalSpacing(14)
        grid.setVerticalSpacing(4)
        self.username, self.email, self.full_name = QLineEdit(), QLineEdit(), QLineEdit()
        self.info_password = password_edit()
        self.l_username, self.l_email, self.l_full_name, self.l_info_password = (
            label() for _ in range(4)
        )
        grid.addWidget(self.l_username, 0, 0)
        grid.addWidget(self.username, 1, 0)
        grid.addWidget(self.l_email, 0, 1)
        grid.addWidget(self.email, 1, 1)
        grid.addWidget(self.l_full_name, 2, 0, 1, 2)
        grid.addWidget(self.full_name, 3, 0, 1, 2)
        grid.addWidget(self.l_info_password, 4, 0, 1, 2)
        grid.addWidget(self.info_password, 5, 0)
        self.info_status = label("hint", wrap=True)
        self.save_info = button("primary", "save")
        self.save_info.clicked.connect(self.save_profile)
        grid.addWidget(self.save_info, 5, 1, Qt.AlignmentFlag.AlignRight)
        grid.addWidget(self.info_status, 6, 0, 1, 2)
        row.addLayout(grid, 1)
        i.addLayout(row)
        layout.addWidget(info)

        # Password
        pw, p = card()
        self.pw_title = label("sectionTitle")
        p.addWidget(self.pw_title)
        pw_grid = QGridLayout()
        pw_grid.setHorizontalSpacing(14)
        self.pw_current, self.pw_new, self.pw_confirm = (
            password_edit(),
            password_edit(),
            password_edit(),
        )
        self.l_pw_current, self.l_pw_new, self.l_pw_confirm = label(), label(), label()
        for col, (lab, edit) in enumerate(
            (
                (self.l_pw_current, self.pw_current),
                (self.l_pw_new, self.pw_new),
                (self.l_pw_confirm, self.pw_confirm),
            )
        ):
            pw_grid.addWidget(lab, 0, col)
            pw_grid.addWidget(edit, 1, col)
        p.addLayout(pw_grid)
        pw_row = QHBoxLayout()
        self.pw_status = label("hint", wrap=True)
        self.change_pw = button("primary", "key")
        self.change_pw.clicked.connect(self.change_password)
        pw_row.addWidget(self.pw_status, 1)
        pw_row.addWidget(self.change_pw)
        p.addLayout(pw_row)
        self.pw_new.textChanged.connect(self._pw_hint)
        self.pw_confirm.textChanged.connect(self._pw_hint)
        layout.addWidget(pw)

        # Face login
        face, f = card()
        self.face_title = label("sectionTitle")
        self.face_state = label(wrap=True)
        self.face_explain = label("hint", wrap=True)
        face_row = QHBoxLayout()
        self.face_password = password_edit()
        self.face_enable = button("primary", "face")
        self.face_enable.clicked.connect(self.enable_face)
        self.face_disable = button("", "close")
        self.face_disable.clicked.connect(self.disable_face)
        self.face_status = label("hint", wrap=True)
        face_row.addWidget(self.face_password, 1)
        face_row.addWidget(self.face_enable)
        face_row.addWidget(self.face_disable)
        for widget in (self.face_title, self.face_state, self.face_explain):
            f.addWidget(widget)
        f.addLayout(face_row)
        self.face_identify = QCheckBox()
        self.face_identify.setEnabled(False)
        self.face_identify.clicked.connect(self.set_identify_without_username)
        self.face_identify_warning = label("hint", wrap=True)
        f.addWidget(self.face_identify)
        f.addWidget(self.face_identify_warning)
        f.addWidget(self.face_status)
        layout.addWidget(face)

        # Danger zone
        danger, d = card("dangerCard")
        self.danger_title = label("dangerTitle")
        self.danger_text = label(wrap=True)
        danger_row = QHBoxLayout()
        self.delete_password = password_edit()
        self.delete_button = button("danger", "trash")
        self.delete_button.clicked.connect(self.delete_account)
        danger_row.addWidget(self.delete_password, 1)
        danger_row.addWidget(self.delete_button)
        self.delete_status = label("fieldError", wrap=True)
        for widget in (self.danger_title, self.danger_text):
            d.addWidget(widget)
        d.addLayout(danger_row)
        d.addWidget(self.delete_status)
        layout.addWidget(danger)
        layout.addStretch(1)
        scroll.setWidget(content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        ctx.user_changed.connect(self._on_user)
        ctx.events.session_ended.connect(lambda _why: self.clear())
        self.retranslate()

    def clear(self) -> None:
        """Forget every field, password and message of the account that signed out."""
        self.new_photo = None
        self.face = None
        for edit in (
            self.username,
            self.email,
            self.full_name,
            self.info_password,
            self.pw_current,
            self.pw_new,
            self.pw_confirm,
            self.face_password,
            self.delete_password,
        ):
            edit.clear()
        for status in (self.info_status, self.pw_status, self.face_status, self.delete_status):
            status.clear()
        self.avatar.clear_image()
        self._show_face(None)

    def retranslate(self) -> None:
        # Messages about earlier actions were written in the old language: drop them.
        for status in (self.info_status, self.pw_status, self.face_status, self.delete_status):
            status.clear()
        self.header.title.setText(self.tr("Ajustes de la cuenta"))
        self.header.subtitle.setText(self.tr("Los cambios importantes piden tu contraseña actual."))
        self.info_title.setText(self.tr("Datos personales"))
        self.photo_button.setText(self.tr("Cambiar foto…"))
        self.photo_camera.setText(self.tr("Usar la cámara"))
        self.l_username.setText(self.tr("Nombre de usuario"))
        self.l_email.setText(self.tr("Correo electrónico"))
        self.l_full_name.setText(self.tr("Nombre completo"))
        self.l_info_password.setText(self.tr("Contraseña actual (para guardar)"))
        self.save_info.setText(self.tr("Guardar cambios"))
        self.pw_title.setText(self.tr("Contraseña"))
        self.l_pw_current.setText(self.tr("Contraseña actual"))
        self.l_pw_new.setText(self.tr("Nueva contraseña"))
        self.l_pw_confirm.setText(self.tr("Repite la nueva"))
        self.change_pw.setText(self.tr("Cambiar contraseña"))
        self.face_title.setText(self.tr("Acceso con la cara"))
        self.face_explain.setText(
            self.tr(
                "Entra mirando a la cámara. Guardamos solo lo necesario para reconocerte y lo borramos "
                "al desactivarlo. Tu contraseña sigue funcionando siempre."
            )
        )
        self.face_password.setPlaceholderText(self.tr("Contraseña actual"))
        self.face_disable.setText(self.tr("Desactivar"))
        self.face_identify.setText(self.tr("Entrar sin escribir mi nombre de usuario"))
        self.face_identify_warning.setText(
            self.tr(
                "Aviso: cualquiera que se te parezca mucho podría intentar entrar como tú sin saber tu usuario."
            )
        )
        self.danger_title.setText(self.tr("Eliminar la cuenta"))
        self.danger_text.setText(
            self.tr(
                "Se borrarán tu cuenta, todos tus álbumes y fotos y tus datos de acceso con la cara. "
                "Esta acción es irreversible."
            )
        )
        self.delete_password.setPlaceholderText(self.tr("Contraseña actual"))
        self.delete_button.setText(self.tr("Eliminar mi cuenta"))
        self._show_face(self.face)

    # -- loading --------------------------------------------------------------------------
    def _on_user(self, user: User | None) -> None:
        if user is None:
            return
        self.username.setText(user.username)
        self.email.setText(user.email)
        self.full_name.setText(user.full_name)

    def refresh(self) -> None:
        """Reload the user, the profile photo and the face login state."""
        user = self.ctx.user
        if user is not None:
            self._on_user(user)
        self.new_photo = None
        account_ops.load_profile_photo(
            parent=self,
            ctx=self.ctx,
            success=self.avatar.set_image,
            failure=lambda _e: self.avatar.clear_image(),
        )
        self.face_status.setText("")
        face_ops.load_face_status(
            parent=self, ctx=self.ctx, success=self._show_face, failure=self._face_failed
        )

    def _show_face(self, status: FaceStatus | None) -> None:
        self.face = status
        if status is None:
            self.face_state.setText(self.tr("Comprobando…"))
            return
        if status.enabled:
            since = status.enrolled_at[:10] if status.enrolled_at else ""
            self.face_state.setText(
                self.tr("Activado desde el {date}.").format(date=since)
                if since
                else self.tr("Activado.")
            )
            self.face_enable.setText(self.tr("Volver a registrar"))
        else:
            self.face_state.setText(self.tr("Desactivado."))
            self.face_enable.setText(self.tr("Activar"))
        self.face_disable.setEnabled(status.enabled)
        self.face_identify.setEnabled(status.enabled)
        self.face_identify.setChecked(status.identify_without_username)

    def _face_failed(self, error: Exception) -> None:
        self.face = FaceStatus(enabled=False)
        self._show_face(self.face)
        if isinstance(error, NotFound) and error.code in ("not_found", "http_404"):
            self.face_state.setText(message_for("feature_not_available"))
            self.face_enable.setEnabled(False)

    # -- personal info --------------------------------------------------------------------
    def _choose_photo(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Elige tu foto de perfil"),
            str(Path.home()),
            self.tr("Imágenes ({patterns})").format(patterns="*.jpg *.jpeg *.png *.webp *.heic"),
        )
        if path and sniff_file(Path(path)) in ACCEPTED_FORMATS:
            self._set_photo(Path(path))

    def _camera_photo(self) -> None:
        dialog = CameraDialog(self.ctx, count=1, parent=self)
        if dialog.exec() and dialog.frames:
            self._set_photo(dialog.frames[0])

    def _set_photo(self, photo: Path | bytes) -> None:
        self.new_photo = photo
        image = QImage()
        if isinstance(photo, bytes):
            image.loadFromData(photo)
        else:
            image.load(str(photo))
        self.avatar.set_image(image)
        self.info_status.setText(self.tr("Pulsa «Guardar cambios» para usar la nueva foto."))

    def save_profile(self) -> None:
        user = self.ctx.user
        if user is None:
            return
        current = self.info_password.text()
        if not current:
            self.info_status.setText(self.tr("Escribe tu contraseña actual para guardar."))
            return
        changes = {
            "username": self.username.text().strip(),
            "email": self.email.text().strip(),
            "full_name": self.full_name.text().strip(),
        }
        old = {"username": user.username, "email": user.email, "full_name": user.full_name}
        kwargs = {k: v for k, v in changes.items() if v != old[k]}
        self.info_status.setText(self.tr("Guardando…"))
        account_ops.update_profile(
            parent=self,
            ctx=self.ctx,
            current_password=current,
            photo=self.new_photo,
            changes=kwargs,
            success=self._on_saved,
            failure=lambda e: self.info_status.setText(self._error(e)),
        )

    def _on_saved(self, _user: User) -> None:
        self.info_password.clear()
        photo_changed = self.new_photo is not None
        self.new_photo = None
        self.info_status.setText(self.tr("Cambios guardados."))
        if photo_changed:
            account_ops.load_profile_tags(
                parent=self, ctx=self.ctx, success=self._on_photo_checked, failure=lambda _e: None
            )

    def _on_photo_checked(self, faces: list[dict[str, object]]) -> None:
        warning = profile_face_warning(len(faces))
        if warning:
            self.info_status.setText(self.tr("Cambios guardados.") + " " + warning)

    def _error(self, error: Exception) -> str:
        """The sentence for a refusal. A specific code says it all ("Ese nombre de usuario ya
        existe."); a generic validation error names each refused field, since this page shows
        one message for several fields ("Correo electrónico: El formato no es válido.")."""
        if isinstance(error, ApiError) and error.fields and not has_message(error.code):
            return " ".join(dict.fromkeys(error.field_messages.values()))
        if isinstance(error, ApiError) and error.fields and error.code in GENERIC_CODES:
            labels = {
                "username": self.l_username.text(),
                "email": self.l_email.text(),
                "full_name": self.l_full_name.text(),
                "current_password": self.l_pw_current.text(),
                "new_password": self.l_pw_new.text(),
            }
            parts = (
                f"{labels[name]}: {why}" if name in labels else why
                for name, why in error.field_messages.items()
            )
            return " ".join(dict.fromkeys(parts))
        return error_text(error)

    # -- password -------------------------------------------------------------------------
    def _pw_hint(self) -> None:
        new, confirm = self.pw_new.text(), self.pw_confirm.text()
        if not new:
            self.pw_status.setText("")
        elif confirm and confirm != new:
            self.pw_status.setText(self.tr("Las contraseñas no coinciden."))
        else:
            strength = password_strength(new, username=self.username.text())
            self.pw_status.setText(
                {
                    "too_short": self.tr("Al menos 8 caracteres."),
                    "common": self.tr("Demasiado fácil de adivinar"),
                    "add_variety": self.tr("Mejor con mayúsculas, números o símbolos"),
                    "good": self.tr("Contraseña buena"),
                    "strong": self.tr("Contraseña fuerte"),
                }[strength.advice]
            )

    def change_password(self) -> None:
        current, new = self.pw_current.text(), self.pw_new.text()
        if new != self.pw_confirm.text():
            self.pw_status.setText(self.tr("Las contraseñas no coinciden."))
            return
        if len(new) < 8:
            self.pw_status.setText(self.tr("Al menos 8 caracteres."))
            return
        account_ops.change_password(
            parent=self,
            ctx=self.ctx,
            current_password=current,
            new_password=new,
            success=self._on_pw_changed,
            failure=lambda e: self.pw_status.setText(self._error(e)),
        )

    def _on_pw_changed(self, _none: None) -> None:
        for edit in (self.pw_current, self.pw_new, self.pw_confirm):
            edit.clear()
        self.pw_status.setText(self.tr("Contraseña cambiada. Las demás sesiones se han cerrado."))

    # -- face login -----------------------------------------------------------------------
    def enable_face(self) -> None:
        current = self.face_password.text()
        if not current:
            self.face_status.setText(self.tr("Escribe tu contraseña actual para continuar."))
            return
        dialog = CameraDialog(self.ctx, count=FACE_FRAMES, parent=self)
        if not dialog.exec() or not dialog.frames:
            return
        self.face_status.setText(self.tr("Registrando tu cara…"))
        face_ops.enrol_face(
            parent=self,
            ctx=self.ctx,
            current_password=current,
            frames=list(dialog.frames),
            success=self._on_face_enrolled,
            failure=lambda e: self.face_status.setText(self._error(e)),
        )

    def _on_face_enrolled(self, status: FaceStatus) -> None:
        self.face_password.clear()
        self.face_status.setText(self.tr("Listo: ya puedes entrar con la cara."))
        self._show_face(status)

    def set_identify_without_username(self, enabled: bool) -> None:
        """Opt in (current password needed) or out of face login without a username."""
        current = self.face_password.text()
        if enabled and not current:
            self.face_identify.setChecked(False)
            self.face_status.setText(self.tr("Escribe tu contraseña actual para continuar."))
            return
        self.face_identify.setEnabled(False)

        def failed(error: Exception) -> None:
            self.face_status.setText(self._error(error))
            self._show_face(self.face)

        face_ops.set_face_identification(
            parent=self,
            ctx=self.ctx,
            enabled=enabled,
            current_password=current,
            success=self._on_identify_changed,
            failure=failed,
        )

    def _on_identify_changed(self, status: FaceStatus) -> None:
        self.face_password.clear()
        self.face_status.setText(
            self.tr("Ya puedes entrar con la cara sin escribir tu usuario.")
            if status.identify_without_username
            else self.tr("Para entrar con la cara tendrás que escribir tu usuario.")
        )
        self._show_face(status)

    def disable_face(self) -> None:
        current = self.face_password.text()
        if not current:
            self.face_status.setText(self.tr("Escribe tu contraseña actual para continuar."))
            return
        face_ops.disable_face(
            parent=self,
            ctx=self.ctx,
            current_password=current,
            success=self._on_face_disabled,
            failure=lambda e: self.face_status.setText(self._error(e)),
        )

    def _on_face_disabled(self, _none: None) -> None:
        self.face_password.clear()
        self.face_status.setText(
            self.tr("Acceso con la cara desactivado y datos biométricos borrados.")
        )
        self._show_face(FaceStatus(enabled=False))

    # -- delete ---------------------------------------------------------------------------
    def delete_account(self, *, confirm: bool = True) -> None:
        current = self.delete_password.text()
        if not current:
            self.delete_status.setText(self.tr("Escribe tu contraseña actual para continuar."))
            return
        if confirm:
            box = QMessageBox(
                QMessageBox.Icon.Critical,
                self.tr("Eliminar la cuenta"),
                self.tr("¿Seguro? Se borrará todo y no se podrá recuperar."),
                parent=self,
            )
            delete = box.addButton(
                self.tr("Eliminar para siempre"), QMessageBox.ButtonRole.DestructiveRole
            )
            box.addButton(self.tr("Cancelar"), QMessageBox.ButtonRole.RejectRole)
            box.exec()
            if box.clickedButton() is not delete:
                return
        account_ops.delete_account(
            parent=self,
            ctx=self.ctx,
            current_password=current,
            failure=lambda e: self.delete_status.setText(self._error(e)),
        )
