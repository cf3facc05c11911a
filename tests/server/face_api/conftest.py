"""Frames for face-login tests, cut from the fixture video (Lin-Manuel Miranda turning his head)
and from the fixture photos. Decoded once per session."""

from __future__ import annotations

import sys
from pathlib import Path

import cv2
import pytest
from PIL import Image

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "support"))

from face_sequences import read_clip

VIDEO_FRAMES = (90, 100, 110, 120, 130, 140, 150, 160, 170, 180, 190, 200)


@pytest.fixture(scope="session")
def video_frames(faces_dir: Path) -> dict[int, bytes]:
    capture = cv2.VideoCapture(str(faces_dir.parent / "video" / "hamilton_clip.mp4"))
    frames: dict[int, bytes] = {}
    index = 0
    while index <= max(VIDEO_FRAMES):
        ok, frame = capture.read()
        if not ok:
            break
        if index in VIDEO_FRAMES:
            frames[index] = cv2.imencode(".jpg", frame)[1].tobytes()
        index += 1
    capture.release()
    assert len(frames) == len(VIDEO_FRAMES)
    return frames


def as_files(frames: list[bytes]) -> list[tuple[str, tuple[str, bytes, str]]]:
    return [("frames", (f"frame{n}.jpg", data, "image/jpeg")) for n, data in enumerate(frames)]


@pytest.fixture
def files():  # type: ignore[no-untyped-def]
    return as_files


@pytest.fixture(scope="session")
def clip() -> dict[int, Image.Image]:
    """Frames 84–210 of the fixture video, RGB."""
    return read_clip()
