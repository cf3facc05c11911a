"""Dialogs around the camera: take one profile photo, or enrol face login."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QVBoxLayout, QWidget

from desktop.context import AppContext
from desktop.views.face_capture import FACE_FRAMES, FaceCapturePanel
from desktop.views.widgets import label


class CameraDialog(QDialog):
    """Shows the camera and closes with the captured JPEG frames in ``frames``."""

    def __init__(self, ctx: AppContext, *, count: int = 1, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.frames: list[bytes] = []
        self.resize(560, 520)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 18, 20, 16)
        layout.setSpacing(10)
        self.intro = label("muted", wrap=True)
        layout.addWidget(self.intro)
        self.panel = FaceCapturePanel(ctx, count=count)
        self.panel.captured.connect(self._on_captured)
        layout.addWidget(self.panel, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        if count == 1:
            self.setWindowTitle(self.tr("Foto con la cámara"))
            self.intro.setText(self.tr("Colócate dentro del óvalo y pulsa «Tomar foto»."))
        else:
            self.setWindowTitle(self.tr("Activar el acceso con la cara"))
            self.intro.setText(
                self.tr(
                    "Mira a la cámara y sigue las indicaciones. Tomaremos {n} imágenes en unos "
                    "segundos; solo se guarda lo necesario para reconocerte."
                ).format(n=count or FACE_FRAMES)
            )

    def showEvent(self, event: object) -> None:
        super().showEvent(event)  # type: ignore[arg-type]
        self.panel.start_camera()

    def done(self, result: int) -> None:
        self.panel.stop_camera()
        super().done(result)

    def _on_captured(self, frames: list[bytes]) -> None:
        self.frames = frames
        self.accept()
