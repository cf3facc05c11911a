"""Home: the profile (photo, username, email, profile tags) and the app's main actions."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QSize, Qt, Signal
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from desktop import assets
from desktop.api.errors import NotFound
from desktop.api.models import User
from desktop.context import AppContext
from desktop.core.messages import message_for
from desktop.operations import account as account_ops
from desktop.ops import error_text
from desktop.views.widgets import Avatar, ChipList, Page, card, label

ACTIONS = ("albums", "edit_albums", "upload", "extract_text", "account", "logout")
ACTION_ICONS = {
    "albums": "albums",
    "edit_albums": "edit",
    "upload": "upload",
    "extract_text": "text",
    "account": "user",
    "logout": "logout",
}


_FACE_FLAGS: dict[str, tuple[object, object | None]] = {
    "Smile": (
        QT_TRANSLATE_NOOP("FaceTags", "Sonríe"),
        QT_TRANSLATE_NOOP("FaceTags", "Sin sonrisa"),
    ),
    "Eyeglasses": (QT_TRANSLATE_NOOP("FaceTags", "Gafas"), None),
    "Sunglasses": (QT_TRANSLATE_NOOP("FaceTags", "Gafas de sol"), None),
    "Beard": (QT_TRANSLATE_NOOP("FaceTags", "Barba"), None),
    "Mustache": (QT_TRANSLATE_NOOP("FaceTags", "Bigote"), None),
    "EyesOpen": (
        QT_TRANSLATE_NOOP("FaceTags", "Ojos abiertos"),
        QT_TRANSLATE_NOOP("FaceTags", "Ojos cerrados"),
    ),
    "MouthOpen": (QT_TRANSLATE_NOOP("FaceTags", "Boca abierta"), None),
}
_GENDERS = {
    "Male": QT_TRANSLATE_NOOP("FaceTags", "Hombre"),
    "Female": QT_TRANSLATE_NOOP("FaceTags", "Mujer"),
}
_AGE = QT_TRANSLATE_NOOP("FaceTags", "Edad {low}–{high}")
_EMOTION = QT_TRANSLATE_NOOP("FaceTags", "Emoción: {emotion}")


def profile_face_warning(face_count: int) -> str:
    """What to tell someone whose profile photo does not show exactly one face ("" when it does)."""
    if face_count == 1:
        return ""
    if face_count == 0:
        first = QCoreApplication.translate(
            "ProfilePhoto", "No se ve ninguna cara en tu foto de perfil."
        )
    else:
        first = QCoreApplication.translate(
            "ProfilePhoto", "Tu foto de perfil muestra varias caras."
        )
    return (
        first
        + " "
        + QCoreApplication.translate(
            "ProfilePhoto",
            "La foto se guardó, pero las etiquetas de perfil y el acceso con la cara "
            "necesitan una foto con una sola cara: cámbiala en «Cuenta» cuando quieras.",
        )
    )


def _t(text: object) -> str:
    return QCoreApplication.translate("FaceTags", str(text))


def describe_face_tags(records: list[dict[str, Any]]) -> list[str]:
    """Readable chips from DetectFaces-style records (or simple ``{name, value}`` tags)."""
    chips: list[str] = []
    for record in records:
        if isinstance(record.get("name"), str):
            value = record.get("value")
            chips.append(
                f"{record['name']}: {value}" if value not in (None, "", True) else record["name"]
            )
            continue
        age = record.get("AgeRange")
        if isinstance(age, dict) and "Low" in age:
            chips.append(_t(_AGE).format(low=age.get("Low"), high=age.get("High")))
        gender = record.get("Gender")
        if isinstance(gender, dict) and gender.get("Value"):
            value = str(gender["Value"])
            chips.append(_t(_GENDERS[value]) if value in _GENDERS else value)
        for key, (yes, no) in _FACE_FLAGS.items():
            item = record.get(key)
            if isinstance(item, dict) and "Value" in item:
                text = yes if item["Value"] else no
                if text:
                    chips.append(_t(text))
        emotions = record.get("Emotions")
        if isinstance(emotions, list) and emotions:
            top = max(emotions, key=lambda e: e.get("Confidence", 0) if isinstance(e, dict) else 0)
            if isinstance(top, dict) and top.get("Type"):
                chips.append(_t(_EMOTION).format(emotion=str(top["Type"]).lower()))
    return chips


class HomePage(Page):
    """The signed-in landing page."""

    action_requested = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 24, 28, 24)
        layout.setSpacing(18)
        self.title = label("pageTitle")
        layout.addWidget(self.title)

        profile, p = card()
        p.setContentsMargins(24, 22, 24, 22)
        row = QHBoxLayout()
        row.setSpacing(22)
        self.avatar = Avatar(120)
        row.addWidget(self.avatar, 0, Qt.AlignmentFlag.AlignTop)
        texts = QVBoxLayout()
        texts.setSpacing(4)
        self.name = label("bigName")
        self.username = label("muted")
        self.email = label("muted")
        self.tags_title = label("sectionTitle")
        self.tags = ChipList()
        self.tags_status = label("hint", wrap=True)
        for widget in (self.name, self.username, self.email):
            texts.addWidget(widget)
        texts.addSpacing(10)
        texts.addWidget(self.tags_title)
        texts.addWidget(self.tags)
        texts.addWidget(self.tags_status)
        texts.addStretch(1)
        row.addLayout(texts, 1)
        p.addLayout(row)
        layout.addWidget(profile)

        self.actions_title = label("sectionTitle")
        layout.addWidget(self.actions_title)
        grid = QGridLayout()
        grid.setSpacing(12)
        self.buttons: dict[str, QPushButton] = {}
        for i, action in enumerate(ACTIONS):
            tile = QPushButton()
            tile.setObjectName("actionTile")
            tile.setIcon(
                assets.icon(
                    ACTION_ICONS[action], assets.DANGER if action == "logout" else assets.ACCENT
                )
            )
            tile.setIconSize(QSize(24, 24))
            tile.setMinimumHeight(64)
            tile.setCursor(Qt.CursorShape.PointingHandCursor)
            tile.clicked.connect(lambda _checked=False, a=action: self.action_requested.emit(a))
            grid.addWidget(tile, i // 3, i % 3)
            self.buttons[action] = tile
        layout.addLayout(grid)
        layout.addStretch(1)
        self._tag_records: list[dict[str, Any]] | None = None
        ctx.user_changed.connect(self._on_user)
        self.retranslate()

    def retranslate(self) -> None:
        user = self.ctx.user
        self.title.setText(
            self.tr("Hola, {name}").format(name=(user.full_name or user.username))
            if user
            else self.tr("Inicio")
        )
        self.tags_title.setText(self.tr("Etiquetas de tu foto de perfil"))
        self.actions_title.setText(self.tr("¿Qué quieres hacer?"))
        texts = {
            "albums": self.tr("Ver álbumes"),
            "edit_albums": self.tr("Editar álbumes"),
            "upload": self.tr("Subir foto"),
            "extract_text": self.tr("Extraer texto"),
            "account": self.tr("Ajustes de la cuenta"),
            "logout": self.tr("Cerrar sesión"),
        }
        for action, text in texts.items():
            self.buttons[action].setText("  " + text)
        if user is not None:
            self._fill(user)
        if self._tag_records is not None:
            self._on_tags(self._tag_records)

    def _on_user(self, user: User | None) -> None:
        if user is None:
            self._tag_records = None
            self.avatar.clear_image()
            self.tags.set_chips([])
            self.tags_status.clear()
            for widget in (self.name, self.username, self.email):
                widget.clear()
            self.title.setText(self.tr("Inicio"))
            return
        self._fill(user)
        self.refresh()

    def _fill(self, user: User) -> None:
        self.title.setText(self.tr("Hola, {name}").format(name=(user.full_name or user.username)))
        self.name.setText(user.full_name or user.username)
        self.username.setText("@" + user.username)
        self.email.setText(user.email)

    def refresh(self) -> None:
        """Reload the profile photo and tags."""
        user = self.ctx.user
        if user is None:
            return
        account_ops.load_profile_photo(
            parent=self,
            ctx=self.ctx,
            success=self.avatar.set_image,
            failure=lambda _e: self.avatar.clear_image(),
        )
        self._tag_records = None
        self.tags.set_chips([])
        self.tags_status.setText(self.tr("Analizando tu foto…"))
        account_ops.load_profile_tags(
            parent=self, ctx=self.ctx, success=self._on_tags, failure=self._on_tags_failed
        )

    def _on_tags(self, records: list[dict[str, Any]]) -> None:
        self._tag_records = records
        chips = describe_face_tags(records) if len(records) == 1 else []
        self.tags.set_chips(chips)
        warning = profile_face_warning(len(records))
        self.tags_status.setText(
            warning or ("" if chips else self.tr("No hay etiquetas para esta foto."))
        )

    def _on_tags_failed(self, error: Exception) -> None:
        if isinstance(error, NotFound) and error.code in ("not_found", "http_404"):
            self.tags_status.setText(message_for("feature_not_available"))
        else:
            self.tags_status.setText(error_text(error))
