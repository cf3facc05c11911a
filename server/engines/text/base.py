"""The ``TextEngine`` protocol, its result shapes and helpers shared by its implementations.

Results follow Rekognition's ``DetectText`` LINE records: each line with its confidence (0-100)
and its box as ratios of the image size.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Protocol

from PIL import Image

from server.engines.shapes import BoundingBox
from server.errors import ImageRejected

TEXT_UNAVAILABLE = "text_unavailable"


@dataclass(frozen=True)
class TextLine:
    text: str
    confidence: float
    box: BoundingBox

    def as_dict(self) -> dict[str, object]:
        return {"text": self.text, "confidence": self.confidence, "box": self.box.as_dict()}


@dataclass(frozen=True)
class TextResult:
    """The lines found, in reading order; ``text`` is the lines joined by newlines."""

    lines: list[TextLine] = field(default_factory=list)
    complete: bool = True  # False when the engine's time budget ran out before the last line

    @property
    def text(self) -> str:
        return "\n".join(line.text for line in self.lines)

    def as_dict(self) -> dict[str, object]:
        return {
            "text": self.text,
            "lines": [line.as_dict() for line in self.lines],
            "complete": self.complete,
        }


UNPROCESSABLE_IMAGE = "unprocessable_image"


def engine_rejected(message: str) -> ImageRejected:
    """The engine refused the image as unreadable (HTTP 422 ``unprocessable_image``)."""
    return ImageRejected(message, code=UNPROCESSABLE_IMAGE)


class TextEngine(Protocol):
    """Finds printed text in a photo."""

    name: str

    def detect_text(self, image: Image.Image, *, deadline: float | None = None) -> TextResult:
        """The lines of text in ``image`` (any mode), in reading order.

        ``deadline`` (``time.monotonic()`` seconds) is when the caller needs the answer: an
        engine that reads lines one batch at a time stops there and answers what it has, not
        ``complete``; without one, the engine's own default budget (if any) applies. Engines
        that make one bounded call (a cloud API) may ignore it.
        """
        ...


#: Text detection for tags runs on the preview scaled to this longest side, not the 960 px of
#: "extract text": on the fixture photos it read the same words (HBO, Westeros, THRONES...) at
#: 0.27 instead of 0.45 CPU s per photo, the difference between ~90 and 100+ tagged photos a
#: minute on 2 cores. Small print in a photo is for "extract text", which keeps full detail.
TAGGING_DETECTION_SIDE = 736


class WithBudget:
    """``engine`` with its own time budget for calls that name no deadline (background work
    sharing the request path's engine: tagging reads words with a larger, still finite, budget)."""

    def __init__(self, engine: TextEngine, seconds: float) -> None:
        self.engine = engine
        self.name = engine.name
        self.seconds = seconds

    def detect_text(self, image: Image.Image, *, deadline: float | None = None) -> TextResult:
        if deadline is None:
            deadline = time.monotonic() + self.seconds
        return self.engine.detect_text(image, deadline=deadline)


def to_rgb(image: Image.Image, background: tuple[int, int, int] = (255, 255, 255)) -> Image.Image:
    """``image`` as RGB; transparency is flattened onto ``background``, palettes expanded."""
    if image.mode == "RGB":
        return image
    if image.mode in ("RGBA", "LA", "PA") or (image.mode == "P" and "transparency" in image.info):
        rgba = image.convert("RGBA")
        flattened = Image.new("RGB", rgba.size, background)
        flattened.paste(rgba, mask=rgba.getchannel("A"))
        return flattened
    if image.mode in ("I;16", "I;16B", "I;16L", "I"):
        # 16/32-bit greyscale: scale to 8 bits instead of clipping everything to white.
        grey = image.point(lambda value: value * (1 / 256)).convert("L")
        return grey.convert("RGB")
    return image.convert("RGB")


def in_reading_order(lines: Sequence[TextLine]) -> list[TextLine]:
    """Lines sorted top-to-bottom, then left-to-right within a row.

    Two lines share a row when their vertical centres are closer than half the smaller height,
    so a slightly tilted line does not jump ahead of its neighbour on the left.
    """
    rows: list[list[TextLine]] = []
    for line in sorted(lines, key=lambda item: item.box.top + item.box.height / 2):
        centre = line.box.top + line.box.height / 2
        if rows:
            anchor = rows[-1][0]
            anchor_centre = anchor.box.top + anchor.box.height / 2
            if abs(centre - anchor_centre) < min(anchor.box.height, line.box.height) / 2:
                rows[-1].append(line)
                continue
        rows.append([line])
    return [line for row in rows for line in sorted(row, key=lambda item: item.box.left)]


def clamp_box(left: float, top: float, right: float, bottom: float) -> BoundingBox:
    """A ratio box from edges, clamped to the image (detectors may overshoot by a pixel)."""
    left, top = max(0.0, min(1.0, left)), max(0.0, min(1.0, top))
    right, bottom = max(left, min(1.0, right)), max(top, min(1.0, bottom))
    return BoundingBox(left=left, top=top, width=right - left, height=bottom - top)
