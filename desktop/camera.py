"""Webcam (or fake-camera file) capture with OpenCV in a worker thread, frames as ``QImage``.

The source is a device index or a video/image file (looped) — see ``CameraSource``. The worker
keeps the newest frame so a :class:`CaptureSequence` can take frames over a second or two while
the liveness prompt is shown; frames are encoded to JPEG off the UI thread.
"""

from __future__ import annotations

import logging
import os
import threading
import time
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, QThread, QTimer, Signal
from PySide6.QtGui import QImage

from desktop.core.settings import CameraSource
from desktop.ops import QueryOp

if TYPE_CHECKING:
    import numpy as np

log = logging.getLogger(__name__)

IMAGE_SUFFIXES = {".jpg", ".jpeg", ".png", ".webp", ".bmp"}


def frame_to_qimage(frame: np.ndarray) -> QImage:
    """A BGR OpenCV frame as an RGB ``QImage`` that owns its pixels."""
    import cv2

    rgb = cv2.cvtColor(frame, cv2.COLOR_BGR2RGB)
    height, width, _ = rgb.shape
    return QImage(rgb.data, width, height, 3 * width, QImage.Format.Format_RGB888).copy()


def encode_jpeg(frame: np.ndarray, quality: int = 90) -> bytes:
    """A frame as JPEG bytes."""
    import cv2

    ok, buffer = cv2.imencode(".jpg", frame, [cv2.IMWRITE_JPEG_QUALITY, quality])
    if not ok:
        raise ValueError("JPEG encoding failed")
    return bytes(buffer)


def diagnose_device(index: int) -> str:
    """Why device ``index`` could not be opened: not found, permission denied, or busy."""
    node = Path(f"/dev/video{index}")
    if os.name == "posix" and Path("/dev").exists():
        if not node.exists():
            return "camera_not_found"
        if not os.access(node, os.R_OK | os.W_OK):
            return "camera_permission_denied"
        return "camera_busy"
    return "camera_not_found"


class CameraWorker(QThread):
    """Reads frames from a source and emits them; ``error`` carries a message code."""

    frame_ready = Signal(QImage)
    face_seen = Signal(bool)
    error = Signal(str)
    opened = Signal()

    def __init__(
        self,
        source: CameraSource,
        *,
        fps: float = 25.0,
        detect_faces: bool = False,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.source = source
        self.fps = fps
        self.detect_faces = detect_faces
        self._stop = threading.Event()
        self._lock = threading.Lock()
        self._latest: np.ndarray | None = None
        self._count = 0
        self._detector: Any = None

    def latest_frame(self) -> np.ndarray | None:
        """A copy of the newest frame (BGR), or None before the first one."""
        with self._lock:
            return None if self._latest is None else self._latest.copy()

    def numbered_frame(self) -> tuple[int, np.ndarray | None]:
        """How many frames arrived so far, and a copy of the newest (None before the first)."""
        with self._lock:
            copy = None if self._latest is None else self._latest.copy()
            return self._count, copy

    def stop(self) -> None:
        """Ask the thread to end and wait for it."""
        self._stop.set()
        self.wait(3000)

    def run(self) -> None:
        # OpenCV loads here, in the worker, so importing this module keeps start-up fast.
        if self.source.is_file:
            self._run_file()
        else:
            self._run_device()

    # -- sources --------------------------------------------------------------------------
    def _run_device(self) -> None:
        import cv2

        index = self.source.device or 0
        capture = cv2.VideoCapture(index)
        if not capture.isOpened():
            self.error.emit(diagnose_device(index))
            return
        self.opened.emit()
        try:
            failures = 0
            while not self._stop.is_set():
                ok, frame = capture.read()
                if not ok:
                    failures += 1
                    if failures > 30:
                        self.error.emit("camera_busy")
                        return
                    time.sleep(0.03)
                    continue
                failures = 0
                self._publish(frame)
        finally:
            capture.release()

    def _run_file(self) -> None:
        import cv2

        path = self.source.path
        assert path is not None
        if not path.exists():
            self.error.emit("camera_file_unreadable")
            return
        if path.suffix.lower() in IMAGE_SUFFIXES:
            image = cv2.imread(str(path))
            if image is None:
                self.error.emit("camera_file_unreadable")
                return
            self.opened.emit()
            while not self._stop.is_set():
                self._publish(image)
                self._stop.wait(1.0 / self.fps)
            return
        capture = cv2.VideoCapture(str(path))
        if not capture.isOpened():
            self.error.emit("camera_file_unreadable")
            return
        self.opened.emit()
        file_fps = capture.get(cv2.CAP_PROP_FPS) or self.fps
        delay = 1.0 / max(1.0, min(file_fps, 60.0))
        first, last = self.source.first_frame, self.source.last_frame
        try:
            capture.set(cv2.CAP_PROP_POS_FRAMES, first)
            position = first
            while not self._stop.is_set():
                started = time.monotonic()
                ok, frame = capture.read()
                if not ok or (last is not None and position > last):
                    capture.set(cv2.CAP_PROP_POS_FRAMES, first)  # loop like a live camera
                    position = first
                    continue
                position += 1
                self._publish(frame)
                self._stop.wait(max(0.0, delay - (time.monotonic() - started)))
        finally:
            capture.release()

    def _publish(self, frame: np.ndarray) -> None:
        with self._lock:
            self._latest = frame
            self._count += 1
        self.frame_ready.emit(frame_to_qimage(frame))
        if self.detect_faces:
            self.face_seen.emit(self._has_face(frame))

    def _has_face(self, frame: np.ndarray) -> bool:
        import cv2

        # A cheap hint for automatic capture; the server does the real detection.
        if self._detector is None:
            cascades = Path(cv2.data.haarcascades)  # type: ignore[attr-defined]
            cascade = cascades / "haarcascade_frontalface_default.xml"
            self._detector = cv2.CascadeClassifier(str(cascade))
        gray = cv2.cvtColor(frame, cv2.COLOR_BGR2GRAY)
        scale = 320.0 / max(gray.shape)
        if scale < 1.0:
            gray = cv2.resize(gray, None, fx=scale, fy=scale)
        faces = self._detector.detectMultiScale(
            gray, scaleFactor=1.2, minNeighbors=4, minSize=(30, 30)
        )
        return len(faces) > 0


class CaptureSequence(QObject):
    """Takes ``count`` frames over ``duration_ms`` while showing prompts; emits JPEGs in order.

    ``prompt_changed`` carries the index of the prompt to show (the view owns the words, so they
    can be translated); ``finished`` carries ``list[bytes]``; ``failed`` a message code.
    """

    prompt_changed = Signal(int)
    progress = Signal(float)
    finished = Signal(list)
    failed = Signal(str)

    def __init__(
        self,
        worker: CameraWorker,
        *,
        count: int = 5,
        duration_ms: int = 1600,
        prompts: int = 2,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._worker = worker
        self.count = max(1, count)
        self.prompts = max(1, prompts)
        self._frames: list[np.ndarray] = []
        self._timer = QTimer(self)
        self._timer.setInterval(max(1, duration_ms // self.count))
        self._timer.timeout.connect(self._grab)

    @property
    def running(self) -> bool:
        return self._timer.isActive()

    def start(self) -> None:
        """Begin capturing (the first frame is taken right away)."""
        self._frames = []
        self.prompt_changed.emit(0)
        self._timer.start()
        self._grab()

    def cancel(self) -> None:
        """Stop without emitting ``finished``."""
        self._timer.stop()
        self._frames = []

    def _grab(self) -> None:
        frame = self._worker.latest_frame()
        if frame is None:
            self._timer.stop()
            self.failed.emit("camera_not_found")
            return
        self._frames.append(frame)
        done = len(self._frames)
        self.progress.emit(done / self.count)
        self.prompt_changed.emit(min(self.prompts - 1, done * self.prompts // self.count))
        if done >= self.count:
            self._timer.stop()
            frames = list(self._frames)
            QueryOp(
                parent=self,
                op=lambda: [encode_jpeg(frame) for frame in frames],
                success=self.finished.emit,
            ).failure(lambda _error: self.failed.emit("camera_file_unreadable")).run_in_background()


#: The server takes 8–24 frames; 10 frames a second over the whole script stays within both.
SCRIPT_FPS = 10
SCRIPT_MAX_FRAMES = 24


class ScriptedCapture(QObject):
    """Films the person while they follow the server's script, one step at a time.

    Frames are taken at ``SCRIPT_FPS`` (the server checks the motion between them, so the
    capture is continuous) and the steps share the ``SCRIPT_MAX_FRAMES`` evenly.
    ``step_changed`` carries the index of the step to show; ``finished`` carries the JPEG frames
    and their capture offsets in milliseconds from the first; ``failed`` a message code.
    """

    step_changed = Signal(int)
    progress = Signal(float)
    finished = Signal(list, list)
    failed = Signal(str)

    def __init__(
        self, worker: CameraWorker, steps: Sequence[str], *, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._worker = worker
        self.steps = tuple(steps) or ("center",)
        self.frames_per_step = max(1, SCRIPT_MAX_FRAMES // len(self.steps))
        self.count = self.frames_per_step * len(self.steps)
        self._frames: list[np.ndarray] = []
        self._times: list[float] = []
        self._last_number = -1
        self._timer = QTimer(self)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(1000 // SCRIPT_FPS)
        self._timer.timeout.connect(self._grab)

    @property
    def running(self) -> bool:
        return self._timer.isActive()

    def start(self) -> None:
        self._frames, self._times = [], []
        self._last_number = -1
        self.step_changed.emit(0)
        self._timer.start()
        self._grab()

    def cancel(self) -> None:
        self._timer.stop()
        self._frames, self._times = [], []

    def _grab(self) -> None:
        number, frame = self._worker.numbered_frame()
        if frame is None:
            self._timer.stop()
            self.failed.emit("camera_not_found")
            return
        if number == self._last_number:
            return  # the camera has not delivered a new frame yet: never send one twice
        self._last_number = number
        self._frames.append(frame)
        self._times.append(time.monotonic())
        done = len(self._frames)
        self.progress.emit(done / self.count)
        if done >= self.count:
            self._timer.stop()
            frames = list(self._frames)
            offsets = [round((t - self._times[0]) * 1000) for t in self._times]
            QueryOp(
                parent=self,
                op=lambda: [encode_jpeg(frame) for frame in frames],
                success=lambda jpegs: self.finished.emit(jpegs, offsets),
            ).failure(lambda _error: self.failed.emit("camera_file_unreadable")).run_in_background()
        elif done % self.frames_per_step == 0:
            self.step_changed.emit(done // self.frames_per_step)
