"""Face login end to end with a fake camera: the fixture video, read with cv2.VideoCapture, played
by a camera whose "person" follows the step shown on screen (centre, left, right) by moving
through the clip's head-turn frames one at a time, like a head turning. Enrol, log out, log in by
face following the server's script (automatic capture, no click), and a stranger — the same
live person trying another account — refused by recognition with ``not_recognized``.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import cv2
import numpy as np
import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop import camera as camera_module
from desktop.api.client import ApiClient
from desktop.backend import BackendState
from desktop.core.messages import message_for
from desktop.views import face_capture
from desktop.views.camera_dialog import CameraDialog

pytestmark = [pytest.mark.e2e, pytest.mark.slow]
PASSWORD = "Tr0mpeta-Azul!"
#: Clip frames a head pose is reached at, and where the person rests (centre).
POSE_FRAMES = {"center": 150, "left": 159, "right": 128}


class ScriptFollowingCamera(camera_module.CameraWorker):
    """A camera filming a person who does what the face panel on screen asks.

    The clip's frames 120–175 are read once with ``cv2.VideoCapture``; every 1/30 s the
    "head" moves one frame towards the pose of the step on screen (``current_step`` of the
    panel that owns this camera), so turning and coming back are continuous motion."""

    def run(self) -> None:
        capture = cv2.VideoCapture(str(self.source.path))
        frames: dict[int, np.ndarray] = {}
        index = 0
        while index <= 175:
            ok, frame = capture.read()
            if not ok:
                break
            if index >= 120:
                frames[index] = frame
            index += 1
        capture.release()
        if not frames:
            self.error.emit("camera_file_unreadable")
            return
        self.opened.emit()
        position = POSE_FRAMES["center"]
        rng = np.random.default_rng(0)
        # Sensor noise, so a resting head still gives different frames: one noise field,
        # shifted by a random amount for every frame (cheap, and never the same twice).
        noise = rng.integers(-2, 3, frames[150].size, dtype=np.int16)
        moved_at = time.monotonic()
        while not self._stop.is_set():
            panel = self.parent()
            step = getattr(panel, "current_step", None) or "center"
            target = POSE_FRAMES[step]
            # The head turns at 45 clip frames a second whatever the machine's load.
            now = time.monotonic()
            stride = int((now - moved_at) * 45)
            if stride:
                moved_at = now
                position += int(np.sign(target - position)) * min(stride, abs(target - position))
            position = max(120, min(175, position))
            while position not in frames:  # 116–119 have no face; step over
                position += 1
            shifted = np.roll(noise, int(rng.integers(1, noise.size))).reshape(
                frames[position].shape
            )
            noisy = frames[position].astype(np.int16) + shifted
            self._publish(np.clip(noisy, 0, 255).astype(np.uint8))
            self._stop.wait(1 / 30)


def press_capture_when_the_camera_runs(deadline_s: float = 30.0) -> None:
    """Press "Empezar" in the enrolment dialog once frames arrive; give up (cancel) after a while."""
    started = time.monotonic()

    def look() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, CameraDialog) and dialog.panel.has_frame:
            dialog.panel.capture_now()
            return
        if time.monotonic() - started > deadline_s:
            if dialog is not None:
                dialog.close()  # never leave a modal loop running in a test
            return
        QTimer.singleShot(100, look)

    QTimer.singleShot(100, look)


def test_enrol_then_log_in_by_face_following_the_script_and_refuse_a_stranger(
    qtbot: QtBot,
    launch: Callable[..., tuple[Any, Any, Any]],
    server_url: str,
    unique: str,
    faces: Path,
    video_clip: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(face_capture, "CameraWorker", ScriptFollowingCamera)
    client = ApiClient(server_url)
    client.register(
        username=f"lin_{unique}",
        email=f"lin_{unique}@example.com",
        password=PASSWORD,
        password_confirm=PASSWORD,
        photo=faces / "miranda_1.png",
    )
    # The stranger's target: an account enrolled with someone else's face.
    other = ApiClient(server_url)
    other.register(
        username=f"barack_{unique}",
        email=f"barack_{unique}@example.com",
        password=PASSWORD,
        password_confirm=PASSWORD,
        photo=faces / "obama_small.jpg",
    )
    other.login(f"barack_{unique}", PASSWORD)
    other.enrol_face(PASSWORD, [(faces / f"obama_{n}.jpg").read_bytes() for n in (1, 2, 3)])

    window, ctx, backend = launch(server_url, camera=str(video_clip), data_dir=tmp_path / "a")
    qtbot.waitUntil(lambda: backend.state is BackendState.READY, timeout=10000)
    window.login.login_edit.setText(f"lin_{unique}")
    window.login.password_edit.setText(PASSWORD)
    window.login.submit_password()
    qtbot.waitUntil(lambda: window.top.currentWidget() is window.shell, timeout=15000)

    window.navigate("account")
    account = window.account
    account.face_password.setText(PASSWORD)
    press_capture_when_the_camera_runs()
    account.enable_face()
    qtbot.waitUntil(
        lambda: (
            (account.face is not None and account.face.enabled)
            or "…" not in account.face_status.text()
        ),
        timeout=120000,
    )
    assert account.face is not None and account.face.enabled, account.face_status.text()

    window.logout()
    login = window.login
    login.tabs.setCurrentIndex(1)
    login.face_login_edit.setText(f"lin_{unique}")
    seen_steps: list[str] = []
    timer = QTimer()
    timer.timeout.connect(lambda: seen_steps.append(login.face_panel.current_step or ""))
    timer.start(50)
    # No click: the panel starts by itself once a face is steady in the oval.
    qtbot.waitUntil(
        lambda: (
            window.top.currentWidget() is window.shell
            or login.face_panel.status.objectName() == "fieldError"
        ),
        timeout=180000,
    )
    timer.stop()
    assert window.top.currentWidget() is window.shell, login.face_panel.status.text()
    assert ctx.user is not None and ctx.user.username == f"lin_{unique}"
    shown = [s for i, s in enumerate(seen_steps) if s and (i == 0 or seen_steps[i - 1] != s)]
    assert shown[0] == "center" and {"left", "right"} & set(shown), shown

    # Logging out of a face login brings the camera tab back live, not black and "Comprobando…",
    # and waiting for a press (it does not log straight back in).
    window.logout()
    qtbot.waitUntil(lambda: login.face_panel.has_frame, timeout=30000)
    assert "Comprobando" not in login.face_panel.status.text()
    assert login.face_panel.capture_button.isEnabled()

    # The stranger: the same live person, asking for the other account. Liveness passes; the
    # face is not barack's.
    login.face_login_edit.setText(f"barack_{unique}")
    qtbot.mouseClick(login.face_panel.capture_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: login.face_panel.status.text() == message_for("not_recognized"), timeout=180000
    )
    assert window.top.currentWidget() is window.login
