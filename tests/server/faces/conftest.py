"""Real models on real photos: one local engine per session, fixture photos and video frames."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

import pytest
from PIL import Image

from server.engines.faces.base import Candidate
from server.engines.faces.calibration import read_video_frames
from server.engines.faces.local import LocalFaceEngine
from server.faces.verification import check_enrolment_frames

REPO_ROOT = Path(__file__).resolve().parents[3]
FIXTURES = REPO_ROOT / "tests" / "fixtures"
FACES = FIXTURES / "faces"
VIDEO = FIXTURES / "video" / "hamilton_clip.mp4"


def to_jpeg(image: Image.Image, quality: int = 92) -> bytes:
    """An image as the JPEG bytes a client would upload."""
    buffer = io.BytesIO()
    image.convert("RGB").save(buffer, format="JPEG", quality=quality)
    return buffer.getvalue()


@pytest.fixture(scope="session")
def jpeg() -> Callable[..., bytes]:
    """``jpeg(image, quality=92)``: the JPEG bytes a client would upload."""
    return to_jpeg


@pytest.fixture(scope="session")
def engine() -> LocalFaceEngine:
    if not FACES.is_dir():
        pytest.fail(f"the test fixtures are missing: {FACES}")
    local = LocalFaceEngine()
    local.load()
    return local


@pytest.fixture(scope="session")
def photo() -> Callable[[str], Image.Image]:
    def load(name: str) -> Image.Image:
        return Image.open(FACES / name).convert("RGB")

    return load


@pytest.fixture(scope="session")
def video_frames() -> dict[int, Image.Image]:
    """Frames 84–210 of the fixture clip (one face: Lin-Manuel Miranda turning his head)."""
    return dict(read_video_frames(VIDEO, range(84, 211)))


@pytest.fixture(scope="session")
def enrolled(engine: LocalFaceEngine, photo: Callable[[str], Image.Image]) -> dict[str, Candidate]:
    """Five users enrolled from fixture photos through the real enrolment check."""
    photos = {
        "obama": ["obama_1.jpg", "obama_2.jpg", "obama_3.jpg"],
        "biden": ["biden_1.jpg", "biden_2.jpg"],
        "harington": ["harington_1.jpg", "harington_2.jpg", "harington_3.jpg"],
        "leslie": ["leslie_1.jpg", "leslie_2.jpg"],
        "miranda": ["miranda_1.png"],
    }
    users = {}
    for user, names in photos.items():
        enrolment = check_enrolment_frames(engine, [to_jpeg(photo(n)) for n in names], min_frames=1)
        users[user] = Candidate(user, enrolment.templates)
    return users
