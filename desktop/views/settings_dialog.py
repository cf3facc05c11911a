"""Settings: bundled local server or a remote URL, interface language, camera source."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from desktop import assets
from desktop.context import AppContext
from desktop.views.widgets import button, card, keep_wrapped_text_whole, label

# Set explicitly: the Preferences standard key is empty on Windows and some Linux desktops.
SHORTCUT = "Ctrl+,"


def shortcut_text() -> str:
    """The shortcut as this platform writes it (⌘, on macOS), for tooltips."""
    return QKeySequence(SHORTCUT).toString(QKeySequence.SequenceFormat.NativeText)


class SettingsDialog(QDialog):
    """Edits a copy of the settings; the caller applies them when accepted."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setMinimumWidth(560)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(22, 20, 22, 16)
        layout.setSpacing(14)

        server, s = card()
        self.server_title = label("sectionTitle")
        self.local_radio = QRadioButton()
        self.remote_radio = QRadioButton()
        group = QButtonGroup(self)
        group.addButton(self.local_radio)
        group.addButton(self.remote_radio)
        self.url = QLineEdit(ctx.settings.remote_url)
        self.url.setPlaceholderText("https://facealbum.example.com")
        self.server_hint = label("hint", wrap=True)
        for widget in (
            self.server_title,
            self.local_radio,
            self.remote_radio,
            self.url,
            self.server_hint,
        ):
            s.addWidget(widget)
        layout.addWidget(server)
        remote = ctx.settings.server_mode == "remote"
        self.remote_radio.setChecked(remote)
        self.local_radio.setChecked(not remote)
        self.remote_radio.toggled.connect(self._update)

        lang, lg = card()
        self.lang_title = label("sectionTitle")
        self.language = QComboBox()
        self.language.addItem(assets.icon("language"), "", "")
        self.language.addItem("Español", "es")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(max(0, self.language.findData(ctx.settings.language)))
        lg.addWidget(self.lang_title)
        lg.addWidget(self.language)
        layout.addWidget(lang)

        cam, c = card()
        self.camera_title = label("sectionTitle")
        row = QHBoxLayout()
        self.camera = QComboBox()
        self.camera.setEditable(True)
        for index in range(4):
            self.camera.addItem("", str(index))
        current = ctx.settings.camera_source or "0"
        found = self.camera.findData(current)
        if found >= 0:
            self.camera.setCurrentIndex(found)
        else:
            self.camera.addItem(current, current)
            self.camera.setCurrentIndex(self.camera.count() - 1)
        self.camera_file = button("", "folder")
        self.camera_file.clicked.connect(self._choose_camera_file)
        row.addWidget(self.camera, 1)
        row.addWidget(self.camera_file)
        self.camera_hint = label("hint", wrap=True)
        c.addWidget(self.camera_title)
        c.addLayout(row)
        c.addWidget(self.camera_hint)
        layout.addWidget(cam)

        session, ss = card()
        self.session_title = label("sectionTitle")
        self.keyring_state = label(wrap=True)
        ss.addWidget(self.session_title)
        ss.addWidget(self.keyring_state)
        layout.addWidget(session)

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        save = buttons.button(QDialogButtonBox.StandardButton.Save)
        save.setProperty("kind", "primary")
        self.save_button = save
        layout.addWidget(buttons)
        self.retranslate()
        self._update()

    def showEvent(self, event: QShowEvent) -> None:
        keep_wrapped_text_whole(self)
        super().showEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Ajustes"))
        self.server_title.setText(self.tr("Servidor"))
        self.local_radio.setText(
            self.tr("Servidor local incluido (tus fotos se quedan en este equipo)")
        )
        self.remote_radio.setText(self.tr("Servidor remoto (la nube)"))
        self.server_hint.setText(self.tr("Al cambiar de servidor tendrás que volver a entrar."))
        self.lang_title.setText(self.tr("Idioma"))
        self.language.setItemText(0, self.tr("Como el sistema"))
        self.camera_title.setText(self.tr("Cámara"))
        for index in range(4):
            self.camera.setItemText(index, self.tr("Cámara {n}").format(n=index))
        self.camera_file.setText(self.tr("Archivo…"))
        self.camera_hint.setText(
            self.tr(
                "Una cámara del equipo, o un vídeo o una foto que haga de "
                "cámara (útil para pruebas y demostraciones)."
            )
        )
        self.session_title.setText(self.tr("Sesión"))
        tokens = self.ctx.tokens
        if tokens.persistent:
            self.keyring_state.setText(
                self.tr(
                    "La sesión se guarda en el llavero del sistema ({backend}): "
                    "no tendrás que entrar cada vez."
                ).format(backend=tokens.backend_name)
            )
        else:
            self.keyring_state.setText(
                self.tr(
                    "No hay llavero del sistema disponible: la sesión se guarda solo "
                    "en memoria y tendrás que entrar cada vez que abras la app."
                )
            )
        self.save_button.setText(self.tr("Guardar"))

    def _update(self) -> None:
        self.url.setEnabled(self.remote_radio.isChecked())

    def _choose_camera_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Vídeo o foto que hará de cámara"),
            str(Path.home()),
            self.tr("Vídeos e imágenes ({patterns})").format(
                patterns="*.mp4 *.avi *.mkv *.webm *.jpg *.jpeg *.png"
            ),
        )
        if path:
            self.camera.addItem(path, path)
            self.camera.setCurrentIndex(self.camera.count() - 1)

    # -- results --------------------------------------------------------------------------
    def server_mode(self) -> str:
        return "remote" if self.remote_radio.isChecked() else "local"

    def remote_url(self) -> str:
        return self.url.text().strip().rstrip("/")

    def language_code(self) -> str:
        return str(self.language.currentData() or "")

    def camera_source(self) -> str:
        data = self.camera.currentData()
        text = self.camera.currentText().strip()
        # An edited combo keeps the typed text; a chosen item carries its data.
        if data is not None and self.camera.itemText(self.camera.currentIndex()) == text:
            return str(data)
        return text or "0"
