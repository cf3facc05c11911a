"""Analysis rules: text in an uploaded image, and cached translations of photo descriptions."""

from __future__ import annotations

import hashlib
import logging
import math
import re
import time
from datetime import timedelta

from PIL import Image, ImageOps
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from server.analysis.schemas import BoxOut, LanguageOut, TextLineOut, TextOut
from server.auth import throttle
from server.config import Settings
from server.db import utcnow
from server.engines.registry import EngineRegistry
from server.engines.translation.base import (
    EmptyText,
    Translation,
    Translator,
    UnsupportedLanguage,
    guessed_source_note,
)
from server.errors import ImageRejected, ValidationFailed
from server.images import open_verified
from server.photos import repository as photo_repository
from server.photos import service as photo_service
from server.photos.models import PhotoTranslation
from server.photos.schemas import TranslationOut
from server.users.models import User

log = logging.getLogger(__name__)

# ISO 639-1/-3, optionally with a region or script (Amazon Translate offers zh-TW, fr-CA...).
_LANGUAGE_CODE = re.compile(r"^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,4})?$")
# Pillow raises these on a corrupt EXIF block; the image itself is still usable.
_EXIF_ERRORS = (OSError, SyntaxError, ValueError, EOFError, IndexError, KeyError, TypeError)
# Images are read for text at most this large (JPEGs decoded at a reduced scale directly).
OCR_LONGEST_SIDE = 2048


# --- text in images ---------------------------------------------------------------------------


def _upright(image: Image.Image) -> Image.Image:
    """The image turned as its EXIF orientation says (as it was shot)."""
    try:
        turned = ImageOps.exif_transpose(image)
    except _EXIF_ERRORS:
        log.info("unreadable EXIF orientation; reading the image as stored")
        return image
    return turned if turned is not None else image


def text_policy(settings: Settings) -> throttle.ThrottlePolicy:
    return throttle.ThrottlePolicy(
        method="text",
        max_failures_per_account=settings.text_rate_per_user,
        max_failures_per_address=0,
        window=timedelta(seconds=settings.text_rate_window_seconds),
        message="Too many text extractions in a short time. Wait a little and try again.",
    )


def _within(image: Image.Image, longest_side: int) -> Image.Image:
    """``image`` box-reduced by an integer factor until its longest side fits (cheap, and text
    stays legible: detection itself looks at most at 960 px)."""
    factor = math.ceil(max(image.size) / longest_side)
    return image.reduce(factor) if factor > 1 else image


def extract_text(
    db: Session, engines: EngineRegistry, settings: Settings, *, user: User, data: bytes
) -> TextOut:
    """The text lines in an uploaded image. Nothing is stored.

    Errors: ``too_many_attempts`` 429 past the user's rate, ``engine_busy`` 503 when every
    slot is taken; ``unsupported_media_type`` 415, ``image_unreadable`` 422,
    ``image_too_large`` 413, ``empty_file`` 400 (from the image checks);
    ``unprocessable_image`` 422 when the engine cannot read it; ``text_unavailable`` 503 when
    no text engine is configured.
    """
    policy = text_policy(settings)
    throttle.take(db, policy, [throttle.account_bucket(policy, f"user:{user.id}")], now=utcnow())
    engine = engines.text
    with engines.text_slots.slot():
        # The budget covers the decoding too: the answer is due this long after the slot.
        deadline = time.monotonic() + settings.text_time_budget_seconds
        try:
            image = open_verified(
                data, max_pixels=settings.max_image_pixels, longest_side=OCR_LONGEST_SIDE
            )
        except ImageRejected as exc:
            raise photo_service.image_error(exc, "file") from exc
        with image:
            upright = _within(_upright(image), OCR_LONGEST_SIDE)
            result = engine.detect_text(upright, deadline=deadline)
    return TextOut(
        text=result.text,
        lines=[
            TextLineOut(
                text=line.text,
                confidence=line.confidence,
                box=BoxOut(**line.box.as_dict()),
            )
            for line in result.lines
        ],
        complete=result.complete,
    )


# --- languages and translations ---------------------------------------------------------------


def offered_languages(engines: EngineRegistry) -> list[LanguageOut]:
    """The languages the configured translator offers (503 ``translation_unavailable`` if none)."""
    return [LanguageOut(code=lang.code, name=lang.name) for lang in engines.translator.languages()]


def unsupported_language(
    code: str, offered: list[str], detail: str | None = None
) -> ValidationFailed:
    listing = ", ".join(offered) if offered else "none"
    return ValidationFailed(
        detail or f"Language '{code}' is not offered here. Offered: {listing}.",
        code=UnsupportedLanguage.code,
        fields={"lang": listing},
    )


def empty_description() -> ValidationFailed:
    return ValidationFailed(
        "This photo has no description to translate.",
        code="empty_description",
        fields={"description": "empty"},
    )


def description_digest(description: str) -> str:
    return hashlib.sha256(description.encode("utf-8")).hexdigest()


def _offered_code(offered: list[str], requested: str) -> str:
    """The translator's own spelling of ``requested`` (codes compare case-insensitively)."""
    wanted = requested.strip()
    if _LANGUAGE_CODE.match(wanted):
        for code in offered:
            if code.lower() == wanted.lower():
                return code
    raise unsupported_language(wanted[:16], offered)


def _translate(
    translator: Translator,
    text: str,
    target: str,
    *,
    offered: list[str],
    fallback_source: str | None,
) -> Translation:
    """Translate with a detected source; when detection is unsure, assume ``fallback_source``
    (the author's own language is the best guess for their caption)."""
    try:
        result = translator.translate([text], target)[0]
        if result.detected or fallback_source is None or result.source_language == fallback_source:
            return result
        log.info(
            "source of a description unsure (%s); assuming the owner's language %s",
            result.source_language,
            fallback_source,
        )
        retried = translator.translate([text], target, source=fallback_source)[0]
    except EmptyText as exc:
        raise empty_description() from exc
    except UnsupportedLanguage as exc:
        raise unsupported_language(target, offered, exc.message) from exc
    return Translation(retried.text, fallback_source, target, detected=False)


def _out(row: PhotoTranslation) -> TranslationOut:
    note = None
    if not row.source_detected:
        note = guessed_source_note(row.source_language, "too little text to be sure")
    return TranslationOut(
        source_language=row.source_language,
        language=row.language,
        text=row.text,
        engine=row.engine,
        source_detected=row.source_detected,
        note=note,
    )


def translate_description(
    db: Session, engines: EngineRegistry, *, user: User, photo_id: int, language: str
) -> TranslationOut:
    """The photo's description in ``language``, from the cache while the description is unchanged.

    Errors: 404 ``photo_not_found`` (missing or not the user's), 400 ``empty_description``,
    400 ``unsupported_language``, 503 ``translation_unavailable``.
    """
    photo = photo_service.get_owned(db, user_id=user.id, photo_id=photo_id)
    description = photo.description or ""
    if not description.strip():
        raise empty_description()
    translator = engines.translator
    offered = [offered_language.code for offered_language in translator.languages()]
    target = _offered_code(offered, language)
    digest = description_digest(description)
    cached = photo_repository.get_translation(db, photo_id=photo.id, language=target)
    if cached is not None and cached.description_sha256 == digest:
        return _out(cached)

    fallback = user.language if user.language in offered else None
    result = _translate(translator, description, target, offered=offered, fallback_source=fallback)
    text = description if result.source_language == target else result.text
    row = cached or PhotoTranslation(photo_id=photo.id, language=target)
    row.source_language = result.source_language
    row.source_detected = result.detected
    row.description_sha256 = digest
    row.text = text
    row.engine = translator.name
    if cached is None:
        db.add(row)
    answer = _out(row)
    try:
        db.commit()
    except IntegrityError:
        # Another request cached the same translation first; ours is just as good.
        db.rollback()
        log.info("translation of photo %s into %s was cached concurrently", photo.id, target)
    return answer
