"""Engine test fixtures: real engines loaded once per session, text rendering, CER.

Test modules get the helpers through fixtures (``render_text``, ``cer``), since the suite runs
with ``--import-mode=importlib``; the photos come from the ``faces_dir`` fixture.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from server.engines.shapes import BoundingBox
from server.engines.text.local import LocalTextEngine
from server.engines.translation.local import LocalTranslator

FONT_PATH = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")


def levenshtein(first: str, second: str) -> int:
    """Edit distance (insertions, deletions, substitutions) between two strings."""
    previous = list(range(len(second) + 1))
    for i, first_char in enumerate(first, start=1):
        current = [i]
        for j, second_char in enumerate(second, start=1):
            current.append(
                min(
                    previous[j] + 1,
                    current[j - 1] + 1,
                    previous[j - 1] + (first_char != second_char),
                )
            )
        previous = current
    return previous[-1]


def character_error_rate(expected: str, found: str) -> float:
    """Levenshtein distance over the length of the expected text."""
    return levenshtein(expected, found) / max(1, len(expected))


def render_lines(
    lines: Sequence[str],
    *,
    size: int = 40,
    canvas: Image.Image | None = None,
    origin: tuple[int, int] = (30, 30),
    fill: str = "black",
    stroke: str | None = None,
) -> Image.Image:
    """Draw ``lines`` with DejaVuSans on a white canvas (or a copy of ``canvas``)."""
    font = ImageFont.truetype(str(FONT_PATH), size)
    if canvas is None:
        width = max(int(font.getlength(line)) for line in lines) + 2 * origin[0]
        canvas = Image.new("RGB", (width, int(len(lines) * size * 1.8) + 2 * origin[1]), "white")
    image = canvas.copy()
    draw = ImageDraw.Draw(image)
    x, y = origin
    for line in lines:
        draw.text(
            (x, y), line, font=font, fill=fill,
            stroke_width=3 if stroke else 0, stroke_fill=stroke,
        )  # fmt: skip
        y += int(size * 1.8)
    return image


@dataclass(frozen=True)
class DlibFace:
    box: BoundingBox
    smiling: bool | None
    confidence: float


class DlibFaceDetector:
    """dlib's HOG detector in the ``FaceDetector`` shape (test adapter; smiles unknown)."""

    def __init__(self) -> None:
        import dlib

        self._detector = dlib.get_frontal_face_detector()

    def detect(self, image: Image.Image) -> list[DlibFace]:
        pixels = np.asarray(image.convert("RGB"))
        rectangles, scores, _ = self._detector.run(pixels, 1, 0.0)
        height, width = pixels.shape[:2]
        faces = []
        for rectangle, score in zip(rectangles, scores, strict=True):
            left, top = max(0, rectangle.left()), max(0, rectangle.top())
            right, bottom = min(width, rectangle.right()), min(height, rectangle.bottom())
            box = BoundingBox(
                left / width, top / height, (right - left) / width, (bottom - top) / height
            )
            # HOG scores are margins around 0; a logistic maps them onto 0-100.
            faces.append(DlibFace(box, None, round(100 / (1 + math.exp(-2 * score)), 2)))
        return faces


@pytest.fixture(scope="session")
def text_engine() -> LocalTextEngine:
    engine = LocalTextEngine()
    engine.load()
    return engine


@pytest.fixture(scope="session")
def translator() -> LocalTranslator:
    return LocalTranslator()


@pytest.fixture(scope="session")
def face_detector() -> DlibFaceDetector:
    return DlibFaceDetector()


@pytest.fixture(scope="session")
def render_text() -> Callable[..., Image.Image]:
    return render_lines


@pytest.fixture(scope="session")
def cer() -> Callable[[str, str], float]:
    return character_error_rate
