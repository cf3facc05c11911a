"""Result shapes shared by every engine, modelled on the AWS responses.

Boxes are ratios of the image size (0..1) like Rekognition's ``BoundingBox``; confidences
and similarities are percentages (0..100) like ``Confidence`` and ``Similarity``.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class BoundingBox:
    left: float
    top: float
    width: float
    height: float

    def as_dict(self) -> dict[str, float]:
        return {"left": self.left, "top": self.top, "width": self.width, "height": self.height}


class EngineUnavailable(Exception):
    """The engine cannot run here (missing package, model or cloud credentials)."""

    def __init__(self, code: str, message: str, *, public: bool = False) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        # Only configuration messages ("turned off here") are shown to clients; anything else
        # (stderr, model paths, credentials hints) stays in the server log.
        self.public = public
