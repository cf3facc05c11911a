"""The ``LabelEngine`` protocol (the issue's ``TagEngine``), its shapes and its inputs.

A ``Label`` mirrors Rekognition's: a name and a confidence (0-100). ``name`` is in the language
asked for (``es`` or ``en``); ``names`` holds the name in both, so a client can show the tag in
whichever UI language is active.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Literal, Protocol

from PIL import Image

from server.engines.shapes import BoundingBox

LABELS_UNAVAILABLE = "labels_unavailable"

LabelLanguage = Literal["es", "en"]


@dataclass(frozen=True)
class Label:
    name: str
    confidence: float
    names: Mapping[LabelLanguage, str] | None = None  # es and en; None: ``name`` in both

    @classmethod
    def named(
        cls, names: Mapping[LabelLanguage, str], confidence: float, language: LabelLanguage
    ) -> Label:
        """A tag called ``names[language]``, knowing its name in each language."""
        return cls(names[language], confidence, dict(names))

    def name_in(self, language: LabelLanguage) -> str:
        return self.names[language] if self.names else self.name


@dataclass(frozen=True)
class PhotoExif:
    """What a photo's EXIF says about when and with what it was taken."""

    taken_at: datetime | None = None
    camera: str | None = None


class FaceLike(Protocol):
    """A detected face as the label engine needs it.

    A face may also carry ``confidence`` (0-100, the detector's score mapped) and
    ``smile_confidence``; they are read when present (``getattr``), not required.
    """

    @property
    def box(self) -> BoundingBox: ...

    @property
    def smiling(self) -> bool | None: ...


class FaceDetector(Protocol):
    """Anything that finds faces in a photo (``LocalFaceEngine`` has this shape)."""

    def detect(self, image: Image.Image) -> Sequence[FaceLike]: ...


class LabelEngine(Protocol):
    """Tags a photo."""

    name: str

    def detect_labels(
        self, image: Image.Image, *, language: LabelLanguage, exif: PhotoExif | None = None
    ) -> list[Label]:
        """Tags for ``image`` in ``language``, most confident first.

        ``exif=None`` reads the EXIF of ``image`` itself; pass ``PhotoExif()`` for no EXIF tags.
        """
        ...
