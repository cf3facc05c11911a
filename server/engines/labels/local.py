"""Offline tags from what the local engines actually see — never invented objects.

No pip or Debian package ships an object classifier, so tags come from facts: the faces an
injected detector finds (how many, smiling), the text OCR reads (and its main words), the
photo's shape, and its EXIF (date, camera). Confidences are the engines' own: the face
detector's score, the OCR line confidence; shape and EXIF are facts of the file (100).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass

from PIL import Image

from server.engines.labels.base import FaceDetector, FaceLike, Label, LabelLanguage, PhotoExif
from server.engines.labels.exif import read_photo_exif
from server.engines.labels.names import FACT_CONFIDENCE, month_names, vocabulary_names
from server.engines.text.base import TextEngine, TextLine
from server.engines.translation.language_detection import STOPWORDS

logger = logging.getLogger(__name__)

# Wider than phones' 2:1 photo format, narrower than 21:9 (2.33): a stitched or cropped panorama.
PANORAMA_RATIO = 2.2
_EXIF_ORIENTATION = 0x0112
_ROTATED_ORIENTATIONS = frozenset({5, 6, 7, 8})
_WORD = re.compile(r"[^\W_](?:[\w&'’.-]*[^\W_])?")
_COMMON_WORDS = frozenset().union(*STOPWORDS.values())


@dataclass(frozen=True)
class _WordEvidence:
    word: str
    count: int
    tallest: float
    confidence: float


class LocalLabelEngine:
    """Tags from faces, text, shape and EXIF."""

    name = "local"

    def __init__(
        self,
        face_detector: FaceDetector | None = None,
        text_engine: TextEngine | None = None,
        *,
        group_size: int = 3,
        max_text_words: int = 3,
        min_word_confidence: float = 90.0,
        unscored_face_confidence: float = 90.0,
    ) -> None:
        """Both engines are optional: without one, its tags are simply not produced.

        ``unscored_face_confidence`` is used for faces whose detector gives no ``confidence``.
        """
        self._face_detector = face_detector
        self._text_engine = text_engine
        self._group_size = group_size
        self._max_text_words = max_text_words
        self._min_word_confidence = min_word_confidence
        self._unscored_face_confidence = unscored_face_confidence

    def detect_labels(
        self, image: Image.Image, *, language: LabelLanguage, exif: PhotoExif | None = None
    ) -> list[Label]:
        """Tags in ``language``, in a stable order: people, smiles, text, shape, date, camera.

        ``exif=None`` reads the EXIF of ``image``; errors of the injected engines propagate.
        """
        if language not in ("es", "en"):
            raise ValueError(f"Unsupported tag language: {language!r}")
        labels: list[Label] = []
        if self._face_detector is not None:
            labels += self._face_labels(self._face_detector.detect(image), language)
        if self._text_engine is not None:
            labels += self._text_labels(self._text_engine.detect_text(image).lines, language)
        labels.append(self._orientation_label(image, language))
        labels += self._exif_labels(exif if exif is not None else read_photo_exif(image), language)
        return labels

    # -----------------------------------------------------------------------------------------
    def _face_confidence(self, face: FaceLike) -> float:
        score = getattr(face, "confidence", None)
        if isinstance(score, int | float):
            return round(float(score), 2)
        return self._unscored_face_confidence

    def _face_labels(self, faces: Sequence[FaceLike], language: LabelLanguage) -> list[Label]:
        if not faces:
            return []
        confidences = [self._face_confidence(face) for face in faces]
        # A count is only as sure as its least sure face.
        labels = [Label.named(vocabulary_names("person"), max(confidences), language)]
        if len(faces) >= 2:
            people = vocabulary_names("people", count=len(faces))
            labels.append(Label.named(people, min(confidences), language))
        if len(faces) >= self._group_size:
            labels.append(Label.named(vocabulary_names("group"), min(confidences), language))
        smile_confidences = [
            float(getattr(face, "smile_confidence", None) or self._face_confidence(face))
            for face in faces
            if face.smiling
        ]
        if smile_confidences:
            smile = round(max(smile_confidences), 2)
            labels.append(Label.named(vocabulary_names("smile"), smile, language))
        return labels

    def _text_labels(self, lines: Sequence[TextLine], language: LabelLanguage) -> list[Label]:
        if not lines:
            return []
        confidence = max(line.confidence for line in lines)
        labels = [Label.named(vocabulary_names("text"), confidence, language)]
        for evidence in self._main_words(lines):
            labels.append(Label(evidence.word, evidence.confidence))
        return labels

    def _main_words(self, lines: Sequence[TextLine]) -> list[_WordEvidence]:
        """The words read more than once (a name printed on a backdrop again and again).

        When nothing repeats, the words of the tallest confident line (a title, a sign). Other
        single words are left out: OCR on photos often reads fragments ("RONES" of "THRONES").
        """
        confident = [line for line in lines if line.confidence >= self._min_word_confidence]
        found: dict[str, _WordEvidence] = {}
        for line in confident:
            for word in self._tag_words(line.text):
                key = word.casefold()
                seen = found.get(key)
                found[key] = _WordEvidence(
                    word=seen.word if seen else word,
                    count=(seen.count if seen else 0) + 1,
                    tallest=max(seen.tallest if seen else 0.0, line.box.height),
                    confidence=max(seen.confidence if seen else 0.0, line.confidence),
                )
        repeated = [evidence for evidence in found.values() if evidence.count > 1]
        if repeated:
            ranked = sorted(repeated, key=lambda item: (item.count, item.tallest), reverse=True)
            return ranked[: self._max_text_words]
        if not confident:
            return []
        title = max(confident, key=lambda line: line.box.height)
        return [found[word.casefold()] for word in self._tag_words(title.text)][
            : self._max_text_words
        ]

    @staticmethod
    def _tag_words(text: str) -> list[str]:
        """Words worth a tag: three or more characters, with letters, not function words."""
        words: dict[str, str] = {}
        for word in _WORD.findall(text):
            key = word.casefold()
            if len(word) >= 3 and key not in _COMMON_WORDS and any(c.isalpha() for c in word):
                words.setdefault(key, word)
        return list(words.values())

    @staticmethod
    def _orientation_label(image: Image.Image, language: LabelLanguage) -> Label:
        width, height = image.size
        if image.getexif().get(_EXIF_ORIENTATION) in _ROTATED_ORIENTATIONS:
            width, height = height, width
        ratio = width / height if height else 1.0
        if ratio >= PANORAMA_RATIO or ratio <= 1 / PANORAMA_RATIO:
            shape = "panorama"
        elif ratio > 1.05:
            shape = "landscape"
        elif ratio < 0.95:
            shape = "portrait"
        else:
            shape = "square"
        return Label.named(vocabulary_names(shape), FACT_CONFIDENCE, language)

    @staticmethod
    def _exif_labels(exif: PhotoExif, language: LabelLanguage) -> list[Label]:
        labels: list[Label] = []
        if exif.taken_at is not None:
            year = exif.taken_at.year
            labels.append(Label(str(year), FACT_CONFIDENCE))
            month = month_names(exif.taken_at.month, year)
            labels.append(Label.named(month, FACT_CONFIDENCE, language))
        if exif.camera:
            labels.append(Label(exif.camera, FACT_CONFIDENCE))
        return labels
