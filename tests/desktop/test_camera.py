"""Camera capture from a file source (the fixture video as a fake webcam) and error codes."""

from __future__ import annotations

from pathlib import Path

import cv2
import numpy as np
from pytestqt.qtbot import QtBot

from desktop.camera import CameraWorker, CaptureSequence, diagnose_device
from desktop.core.settings import CameraSource

CAMERA_WAIT_MS = 60000  # decoding video on a loaded machine can stall for seconds


def test_a_video_file_plays_as_a_camera_and_a_sequence_captures_jpegs(
    qtbot: QtBot, video_clip: Path
) -> None:
    worker = CameraWorker(CameraSource.parse(f"{video_clip}#84-120"), fps=60)
    frames = []
    worker.frame_ready.connect(frames.append)
    worker.start()
    try:
        qtbot.waitUntil(lambda: len(frames) >= 3, timeout=CAMERA_WAIT_MS)
        assert frames[0].width() == 640 and frames[0].height() == 360
        sequence = CaptureSequence(worker, count=4, duration_ms=400)
        with qtbot.waitSignal(sequence.finished, timeout=CAMERA_WAIT_MS) as captured:
            sequence.start()
        jpegs = captured.args[0]
        assert len(jpegs) == 4 and all(j[:3] == b"\xff\xd8\xff" for j in jpegs)
        decoded = [cv2.imdecode(np.frombuffer(j, np.uint8), cv2.IMREAD_COLOR) for j in jpegs]
        assert all(d.shape == (360, 640, 3) for d in decoded)
        assert any(
            not np.array_equal(decoded[0], d) for d in decoded[1:]
        )  # frames over time differ
    finally:
        worker.stop()


def test_an_image_file_is_a_still_camera(qtbot: QtBot, faces: Path) -> None:
    worker = CameraWorker(CameraSource.parse(str(faces / "obama_small.jpg")), fps=30)
    with qtbot.waitSignal(worker.frame_ready, timeout=CAMERA_WAIT_MS) as got:
        worker.start()
    worker.stop()
    assert got.args[0].width() == 320


def test_missing_sources_report_a_code(qtbot: QtBot, tmp_path: Path) -> None:
    worker = CameraWorker(CameraSource.parse(str(tmp_path / "nothing.mp4")))
    with qtbot.waitSignal(worker.error, timeout=CAMERA_WAIT_MS) as got:
        worker.start()
    worker.stop()
    assert got.args == ["camera_file_unreadable"]
    assert diagnose_device(63) == "camera_not_found"
