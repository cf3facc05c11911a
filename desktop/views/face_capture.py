"""Live camera panel with the oval guide: captures frames for enrolment, or films the person
following the server's face-login script one step at a time (arrow and words)."""

from __future__ import annotations

from collections import deque

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QHideEvent, QImage
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop.camera import CameraWorker, CaptureSequence, ScriptedCapture
from desktop.context import AppContext
from desktop.core.messages import message_for
from desktop.views.widgets import CameraView, button, label

# Enrolment frames and over how long (a few slightly different views of one face).
FACE_FRAMES = 5
FACE_CAPTURE_MS = 2000
# Frames with a face, among the last STEADY_WINDOW, before automatic capture starts (about half
# a second at 25 fps).
STEADY_FRAMES = 12
STEADY_WINDOW = 16


class FaceCapturePanel(QWidget):
    """Camera preview that captures ``count`` JPEG frames, by button or automatically.

    ``captured`` carries the frames in capture order; with ``count == 1`` it is a photo.
    """

    captured = Signal(list)
    # Scripted mode: the person is ready (button or automatic); the owner fetches a script.
    start_requested = Signal()
    # Scripted mode: the frames and their capture offsets (ms) once the script is done.
    script_captured = Signal(list, list)

    def __init__(
        self,
        ctx: AppContext,
        *,
        count: int = FACE_FRAMES,
        duration_ms: int = FACE_CAPTURE_MS,
        auto: bool = False,
        scripted: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.count = count
        self.duration_ms = duration_ms
        self.auto = auto
        self.scripted = scripted
        self._worker: CameraWorker | None = None
        self._sequence: CaptureSequence | ScriptedCapture | None = None
        self.steps: tuple[str, ...] = ()
        # The step on screen while a script runs (``center``, ``left``, ``right``), else None.
        self.current_step: str | None = None
        self._steady = 0
        self._recent: deque[bool] = deque(maxlen=STEADY_WINDOW)
        self._armed = auto
        self._busy = False
        self.camera_error = ""
        self.has_frame = False

        self.view = CameraView()
        self.status = label("hint", wrap=True)
        self.status.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.capture_button = button("primary", "camera")
        self.capture_button.clicked.connect(self.capture_now)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.status)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.capture_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.retranslate()

    # -- texts ----------------------------------------------------------------------------
    def step_text(self, step: str) -> str:
        """What the person does for one step of the script: an arrow and words (the preview
        is mirrored, so their own left is the screen's left)."""
        if step == "left":
            return "←  " + self.tr("Gira la cabeza hacia tu izquierda")
        if step == "right":
            return self.tr("Gira la cabeza hacia tu derecha") + "  →"
        return "●  " + self.tr("Mira de frente a la cámara")

    def retranslate(self) -> None:
        if self.count == 1:
            self.capture_button.setText(self.tr("Tomar foto"))
        elif self._armed and self.auto:
            self.capture_button.setText(self.tr("Empezar ahora"))
        else:
            self.capture_button.setText(self.tr("Empezar"))
        if not self._busy and not self.camera_error:
            self.view.set_prompt("")
            if self.auto and self._armed:
                self.status.setText(
                    self.tr("Coloca tu cara dentro del óvalo: la captura empieza sola.")
                )
            elif self.scripted:
                self.status.setText(self.tr("Pulsa «Empezar» y sigue las flechas."))
            elif self.count > 1:
                self.status.setText(self.tr("Pulsa «Empezar» y sigue las indicaciones."))
            else:
                self.status.setText(self.tr("Coloca tu cara dentro del óvalo."))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- camera ---------------------------------------------------------------------------
    @property
    def camera_running(self) -> bool:
        return self._worker is not None and self._worker.isRunning()

    def start_camera(self) -> None:
        """Open the configured camera (no-op if already running)."""
        if self.camera_running:
            return
        self.camera_error = ""
        self.has_frame = False
        self.capture_button.setEnabled(False)  # until the first frame arrives
        self.view.set_message(self.tr("Abriendo la cámara…"))
        worker = CameraWorker(self.ctx.camera_source(), detect_faces=self.auto, parent=self)
        worker.frame_ready.connect(self._on_frame)
        worker.face_seen.connect(self._on_face_seen)
        worker.error.connect(self._on_camera_error)
        self._worker = worker
        worker.start()

    def stop_camera(self) -> None:
        """Close the camera and forget any capture in progress."""
        if self._sequence is not None:
            self._sequence.cancel()
            self._sequence = None
        if self._worker is not None:
            self._worker.stop()
            self._worker.deleteLater()
            self._worker = None
        self.has_frame = False
        self._busy = False
        self.current_step = None
        self.view.progress = 0.0
        self.view.set_prompt("")
        self.view.clear()

    def rearm(self, auto: bool | None = None) -> None:
        """Get ready for another capture; automatic again only if ``auto`` (default: as built)."""
        self._busy = False
        self._armed = self.auto if auto is None else auto
        self._steady = 0
        self._recent.clear()
        self.capture_button.setEnabled(self.has_frame)
        self.view.progress = 0.0
        self.view.set_prompt("")
        self.retranslate()

    def set_status(self, text: str, *, error: bool = False) -> None:
        self.status.setObjectName("fieldError" if error else "hint")
        self.status.style().unpolish(self.status)
        self.status.style().polish(self.status)
        self.status.setText(text)

    def _on_frame(self, image: QImage) -> None:
        if not self.has_frame:
            self.has_frame = True
            self.capture_button.setEnabled(not self._busy)
        if self.view.message and not self.camera_error:
            self.view.set_message("")
        self.view.set_frame(image)

    def _on_face_seen(self, seen: bool) -> None:
        # The cheap detector misses a frame now and then: "steady" is most of the recent frames,
        # not an unbroken run (which a live webcam rarely gave, so capture never started).
        self._recent.append(seen)
        self._steady = sum(self._recent)
        if self._armed and not self._busy and self._steady >= STEADY_FRAMES:
            self.capture_now()

    def _on_camera_error(self, code: str) -> None:
        self.camera_error = code
        text = message_for(code)
        self.view.set_message(text)
        self.set_status(text, error=True)
        self.capture_button.setEnabled(False)

    # -- capture --------------------------------------------------------------------------
    def capture_now(self) -> None:
        """Start now: capture the enrolment frames, or (scripted) ask for a script."""
        if self._busy or self._worker is None or self.camera_error or not self.has_frame:
            return
        self._busy = True
        self._armed = False
        self.capture_button.setEnabled(False)
        if self.scripted:
            self.set_status(self.tr("Preparando los pasos…"))
            self.start_requested.emit()
            return
        sequence = CaptureSequence(
            self._worker,
            count=self.count,
            duration_ms=self.duration_ms if self.count > 1 else 1,
            prompts=1,
            parent=self,
        )
        sequence.prompt_changed.connect(lambda _i: self._show_prompt(self.tr("Mira a la cámara")))
        sequence.progress.connect(self._on_progress)
        sequence.finished.connect(self._on_captured)
        sequence.failed.connect(self._on_capture_failed)
        self._sequence = sequence
        self.set_status(self.tr("Capturando… no te muevas del óvalo."))
        sequence.start()

    def start_script(self, steps: tuple[str, ...]) -> None:
        """Film the person following ``steps``, showing one step at a time."""
        if self._worker is None or self.camera_error:
            self.rearm(auto=False)
            return
        self.steps = steps
        capture = ScriptedCapture(self._worker, steps, parent=self)
        capture.step_changed.connect(self._on_step)
        capture.progress.connect(self._on_progress)
        capture.finished.connect(self._on_script_captured)
        capture.failed.connect(self._on_capture_failed)
        self._sequence = capture
        self.set_status(self.tr("Sigue las indicaciones sin salir del óvalo."))
        capture.start()

    def _on_step(self, index: int) -> None:
        self.current_step = self.steps[min(index, len(self.steps) - 1)]
        self.view.set_prompt(self.step_text(self.current_step))

    def _on_script_captured(self, frames: list[bytes], offsets: list[int]) -> None:
        self._sequence = None
        self.current_step = None
        self.view.set_prompt("")
        self.set_status(self.tr("Comprobando…"))
        self.script_captured.emit(frames, offsets)

    def _show_prompt(self, text: str) -> None:
        if self.count > 1:
            self.view.set_prompt(text)

    def _on_progress(self, fraction: float) -> None:
        self.view.progress = fraction
        self.view.update()

    def _on_captured(self, frames: list[bytes]) -> None:
        self._sequence = None
        self.view.set_prompt("")
        self.set_status(self.tr("Comprobando…"))
        self.captured.emit(frames)

    def _on_capture_failed(self, code: str) -> None:
        self._sequence = None
        self.current_step = None
        self.set_status(message_for(code), error=True)
        self.rearm()

    def hideEvent(self, event: QHideEvent) -> None:
        self.stop_camera()
        super().hideEvent(event)

    def start_button(self) -> QPushButton:
        return self.capture_button

    def status_label(self) -> QLabel:
        return self.status
