"""Rekognition ``DetectLabels``, each label named in English and in Spanish.

Rekognition names labels in English only. For Spanish, a fixed glossary covers the labels
Rekognition gives most often for personal photos: a bare noun out of context is where machine
translation fails (Crane → "Grúa" or "Grulla"? Bat, Glasses, Suit, Plant...), and the glossary
also costs no call. Names outside it go, all in one call, to the injected ``Translator`` when
there is one (Amazon Translate in the cloud), and stay in English otherwise (logged) — an English
tag is more honest than a wrong Spanish one. Both names are kept whatever the user's language
(the UI language can change after tagging). EXIF is not used: this engine reports what
Rekognition sees.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from botocore.exceptions import BotoCoreError, ClientError
from PIL import Image

from server.engines.aws_client import LazyClient
from server.engines.labels.base import LABELS_UNAVAILABLE, Label, LabelLanguage, PhotoExif
from server.engines.labels.glossary import SPANISH_LABELS
from server.engines.shapes import EngineUnavailable
from server.engines.text.aws import rekognition_client, rekognition_error, rekognition_image_bytes
from server.engines.translation.base import Translator, UnsupportedLanguage

if TYPE_CHECKING:
    from mypy_boto3_rekognition import RekognitionClient

logger = logging.getLogger(__name__)


class AwsLabelEngine:
    """Photo tags from Amazon Rekognition."""

    name = "aws"

    def __init__(
        self,
        client: RekognitionClient | None = None,
        *,
        region: str | None = None,
        access_key_id: str | None = None,
        secret_access_key: str | None = None,
        max_labels: int = 10,
        min_confidence: float = 70.0,
        translator: Translator | None = None,
    ) -> None:
        self._lazy_client = LazyClient(
            lambda: rekognition_client(region, access_key_id, secret_access_key), client
        )
        self._max_labels = max_labels
        self._min_confidence = min_confidence
        self._translator = translator

    def client(self) -> RekognitionClient:
        """The boto3 client, created on first use."""
        return self._lazy_client.get()

    def detect_labels(
        self, image: Image.Image, *, language: LabelLanguage, exif: PhotoExif | None = None
    ) -> list[Label]:
        """Rekognition's labels, most confident first, named in ``language`` (and both)."""
        if language not in ("es", "en"):
            raise ValueError(f"Unsupported tag language: {language!r}")
        try:
            answer = self.client().detect_labels(
                Image={"Bytes": rekognition_image_bytes(image)},
                MaxLabels=self._max_labels,
                MinConfidence=self._min_confidence,
            )
        except (ClientError, BotoCoreError) as error:
            raise rekognition_error(error, LABELS_UNAVAILABLE) from error
        found = sorted(
            answer.get("Labels", []), key=lambda item: item.get("Confidence", 0.0), reverse=True
        )
        english = [str(item.get("Name", "")) for item in found]
        spanish = self._spanish_names(english)
        labels: list[Label] = []
        seen: set[str] = set()
        for en, es, item in zip(english, spanish, found, strict=True):
            # Two English labels can share a Spanish name (Person, Human): one tag, the surest,
            # in both languages (Rekognition's English names are distinct already).
            if en and es.casefold() not in seen:
                seen.add(es.casefold())
                confidence = round(float(item.get("Confidence", 0.0)), 2)
                labels.append(Label.named({"es": es, "en": en}, confidence, language))
        return labels

    def _spanish_names(self, names: list[str]) -> list[str]:
        spanish = [SPANISH_LABELS.get(name) for name in names]
        missing = sorted({name for name, known in zip(names, spanish, strict=True) if not known})
        translated: dict[str, str] = {}
        if missing and self._translator is not None:
            translated = self._translate(missing)
        elif missing:
            logger.info("No Spanish name for labels %s; kept in English", missing)
        return [
            known or translated.get(name, name) for name, known in zip(names, spanish, strict=True)
        ]

    def _translate(self, names: list[str]) -> dict[str, str]:
        assert self._translator is not None
        try:
            results = self._translator.translate(names, "es", source="en")
        except (EngineUnavailable, UnsupportedLanguage) as error:
            logger.warning("Labels %s kept in English: %s", names, error)
            return {}
        return {
            name: _capitalised(result.text) for name, result in zip(names, results, strict=True)
        }


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:] if text else text
