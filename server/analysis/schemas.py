"""Answers of the analysis endpoints (shapes modelled on Rekognition's DetectText)."""

from __future__ import annotations

from pydantic import BaseModel, Field


class BoxOut(BaseModel):
    """A box as ratios of the image size (0..1), like Rekognition's ``BoundingBox``."""

    left: float
    top: float
    width: float
    height: float


class TextLineOut(BaseModel):
    text: str
    confidence: float = Field(description="0-100")
    box: BoxOut


class TextOut(BaseModel):
    """The lines found, in reading order; ``text`` is the lines joined by newlines."""

    text: str
    lines: list[TextLineOut]
    complete: bool = Field(
        default=True,
        description="false when the server's time or box budget ended before every line was read",
    )


class LanguageOut(BaseModel):
    code: str = Field(description="ISO 639-1 code, e.g. en")
    name: str = Field(description="The language's own name, e.g. Español")
