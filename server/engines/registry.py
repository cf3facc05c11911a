"""Builds the configured engine for each capability, lazily and once per process.

Nothing else in the server knows whether an engine is local or AWS: routers and jobs ask the
registry, and ``none`` answers 503 with a message saying how to turn the capability on.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

from server.config import Settings
from server.engines.faces.base import FaceEngine
from server.engines.labels.base import LabelEngine
from server.engines.limits import ConcurrencyLimit
from server.engines.shapes import EngineUnavailable
from server.engines.text.base import TAGGING_DETECTION_SIDE, TextEngine, WithBudget
from server.engines.translation.base import Translator

T = TypeVar("T")


@dataclass(frozen=True)
class AwsCredentials:
    region: str | None
    access_key_id: str | None
    secret_access_key: str | None


class EngineRegistry:
    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        # Reentrant: building the labels engine asks for the faces and text engines.
        self._lock = threading.RLock()
        self._built: dict[str, Any] = {}
        self.text_slots = ConcurrencyLimit(
            "text extraction",
            max_concurrent=settings.text_max_concurrent,
            retry_after=settings.engine_busy_retry_seconds,
        )

    def _get(self, capability: str, build: Callable[[], T]) -> T:
        with self._lock:
            if capability not in self._built:
                self._built[capability] = build()
            engine: T = self._built[capability]
            return engine

    def _credentials(self, *, rekognition: bool) -> AwsCredentials:
        """The seed's Rekognition-specific keys win for Rekognition; else the general ones, else
        boto3's chain (the instance role) when all are None."""
        s = self.settings
        if rekognition:
            return AwsCredentials(
                region=s.rekognition_region or s.aws_region,
                access_key_id=s.rekognition_access_key_id or s.aws_access_key_id,
                secret_access_key=s.rekognition_secret_access_key or s.aws_secret_access_key,
            )
        return AwsCredentials(s.aws_region, s.aws_access_key_id, s.aws_secret_access_key)

    @property
    def faces(self) -> FaceEngine:
        choice = self.settings.face_engine

        def build() -> FaceEngine:
            if choice == "local":
                from server.engines.faces.local import LocalFaceEngine

                return LocalFaceEngine()
            if choice == "aws":
                from server.engines.faces.aws import RekognitionFaceEngine
                from server.engines.text.aws import rekognition_client

                creds = self._credentials(rekognition=True)
                client = rekognition_client(
                    creds.region, creds.access_key_id, creds.secret_access_key
                )
                return RekognitionFaceEngine(client)
            raise EngineUnavailable(
                "faces_unavailable",
                "Face login is turned off on this server (FACEALBUM_FACE_ENGINE=none).",
                public=True,
            )

        return self._get("faces", build)

    @property
    def text(self) -> TextEngine:
        choice = self.settings.text_engine

        def build() -> TextEngine:
            if choice == "local":
                from server.engines.text.local import LocalTextEngine

                return LocalTextEngine(
                    max_boxes=self.settings.text_max_boxes,
                    time_budget=self.settings.text_time_budget_seconds,
                    threads=self.settings.text_threads,
                )
            if choice == "aws":
                from server.engines.text.aws import AwsTextEngine

                creds = self._credentials(rekognition=True)
                return AwsTextEngine(
                    region=creds.region,
                    access_key_id=creds.access_key_id,
                    secret_access_key=creds.secret_access_key,
                )
            raise EngineUnavailable(
                "text_unavailable",
                "Text extraction is turned off on this server (FACEALBUM_TEXT_ENGINE=none).",
                public=True,
            )

        return self._get("text", build)

    @property
    def translator(self) -> Translator:
        choice = self.settings.translation_engine

        def build() -> Translator:
            if choice == "local":
                from server.engines.translation.local import LocalTranslator

                return LocalTranslator()
            if choice == "aws":
                from server.engines.translation.aws import AwsTranslator

                creds = self._credentials(rekognition=False)
                return AwsTranslator(
                    region=creds.region,
                    access_key_id=creds.access_key_id,
                    secret_access_key=creds.secret_access_key,
                )
            raise EngineUnavailable(
                "translation_unavailable",
                "Translation is turned off on this server (FACEALBUM_TRANSLATION_ENGINE=none).",
                public=True,
            )

        return self._get("translator", build)

    @property
    def labels(self) -> LabelEngine:
        choice = self.settings.labels_engine

        def build() -> LabelEngine:
            if choice == "local":
                from server.engines.labels.local import LocalLabelEngine
                from server.engines.text.local import LocalTextEngine

                faces = self.faces if self.settings.face_engine == "local" else None
                text = (
                    WithBudget(
                        LocalTextEngine(
                            detection_side_limit=TAGGING_DETECTION_SIDE,
                            max_boxes=self.settings.text_max_boxes,
                            threads=self.settings.text_threads,
                        ),
                        self.settings.tagging_text_time_budget_seconds,
                    )
                    if self.settings.text_engine == "local"
                    else None
                )
                return LocalLabelEngine(face_detector=faces, text_engine=text)
            if choice == "aws":
                from server.engines.labels.aws import AwsLabelEngine

                translator = self.translator if self.settings.translation_engine != "none" else None
                creds = self._credentials(rekognition=True)
                return AwsLabelEngine(
                    region=creds.region,
                    access_key_id=creds.access_key_id,
                    secret_access_key=creds.secret_access_key,
                    max_labels=self.settings.labels_max,
                    min_confidence=self.settings.labels_min_confidence,
                    translator=translator,
                )
            raise EngineUnavailable(
                "labels_unavailable", "Photo tags are turned off on this server.", public=True
            )

        return self._get("labels", build)

    def describe(self) -> dict[str, Any]:
        """What /api/v1/info adds: the translation languages, when a translator is configured."""
        languages: list[dict[str, str]] = []
        if self.settings.translation_engine != "none":
            try:
                languages = [
                    {"code": lang.code, "name": lang.name} for lang in self.translator.languages()
                ]
            except EngineUnavailable:
                languages = []
        return {"translation_languages": languages}
