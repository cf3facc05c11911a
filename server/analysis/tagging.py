"""The background job that tags a photo: runs the labels engine on its stored preview.

Uploads (album photos and profile photos alike) enqueue a ``tag_photo`` job in the same
transaction as the photo row; any instance's ``JobRunner`` claims it and calls this handler.
The stored preview is used rather than the original: it is upright (EXIF orientation applied),
at most ``preview_px`` on its longest side, and already decoded once at upload.
"""

from __future__ import annotations

import logging
import time
from typing import Any

from PIL import Image
from sqlalchemy.orm import Session

from server.analysis.label_pool import LabelPool
from server.deps import AppContext
from server.engines.labels.base import Label, LabelLanguage, PhotoExif
from server.engines.labels.names import LANGUAGES
from server.engines.shapes import EngineUnavailable
from server.images import open_verified
from server.jobs.models import Job
from server.photos.models import Photo
from server.search import index as search_index
from server.users.models import User

log = logging.getLogger(__name__)

DEFAULT_LABEL_LANGUAGE: LabelLanguage = "es"


def label_language(user_language: str | None) -> LabelLanguage:
    """The language of a tag's ``name`` for an account language (its ``names`` hold both)."""
    return "en" if (user_language or "").lower().startswith("en") else DEFAULT_LABEL_LANGUAGE


def stored_labels(
    labels: list[Label], *, max_labels: int, min_confidence: float
) -> list[dict[str, Any]]:
    """The labels kept on the photo row: confident enough, at most ``max_labels``, engine order;
    each with its name in both UI languages."""
    kept = [label for label in labels if label.confidence >= min_confidence][:max_labels]
    return [
        {
            "name": label.name,
            "confidence": round(label.confidence, 2),
            "names": {language: label.name_in(language) for language in LANGUAGES},
        }
        for label in kept
    ]


class TagPhotoHandler:
    """``JobRunner`` handler for ``tag_photo`` jobs."""

    def __init__(self, context: AppContext, pool: LabelPool | None = None) -> None:
        """With a ``pool``, the local labels engine runs in its worker processes."""
        self.context = context
        self.pool = pool

    def run(self, db: Session, job: Job) -> None:
        """Tag the job's photo; the runner commits with the job's completion.

        A photo deleted meanwhile is skipped. Engine and storage errors propagate, so the
        runner retries with backoff and, after the last attempt, calls ``failed``.
        """
        photo = db.get(Photo, job.photo_id) if job.photo_id is not None else None
        if photo is None:
            log.info("tag job %s: photo %s is gone; nothing to do", job.id, job.photo_id)
            return
        owner = db.get(User, photo.user_id)
        language = label_language(owner.language if owner else None)
        settings = self.context.settings
        preview = self.context.store.get(photo.preview_key)
        exif = PhotoExif(taken_at=photo.taken_at, camera=photo.camera)
        if self.pool is not None:
            labels, words = self.pool.detect_labels(preview, language=language, exif=exif)
            if not self.pool.config.use_text:
                with open_verified(preview, max_pixels=settings.max_image_pixels) as image:
                    words = read_words(self.context, image)
            photo.ocr_text = words
        else:
            with open_verified(preview, max_pixels=settings.max_image_pixels) as image:
                labels = self.context.engines.labels.detect_labels(
                    image, language=language, exif=exif
                )
                photo.ocr_text = read_words(self.context, image)
        photo.labels = stored_labels(
            labels,
            max_labels=settings.labels_max,
            min_confidence=settings.labels_min_confidence,
        )
        photo.labels_state = "done"
        photo.labels_language = language
        search_index.index_photo(db, photo)
        log.debug("tagged photo %s: %s", photo.id, photo.labels)

    def failed(self, db: Session, job: Job) -> None:
        """The last attempt failed: show the photo's tags as failed."""
        photo = db.get(Photo, job.photo_id) if job.photo_id is not None else None
        if photo is None:
            return
        photo.labels_state = "failed"
        db.commit()
        log.warning("tagging photo %s failed for good: %s", photo.id, job.last_error)


def stored_preview(context: AppContext, photo: Photo) -> Image.Image:
    data = context.store.get(photo.preview_key)
    return open_verified(data, max_pixels=context.settings.max_image_pixels)


def read_words(context: AppContext, image: Image.Image) -> str | None:
    """The text in the image, for search; None when no text engine is configured here. Read
    within the tagging budget (not a request's: nobody waits, but a worker must not stall)."""
    try:
        engine = context.engines.text
    except EngineUnavailable:
        return None
    budget = context.settings.tagging_text_time_budget_seconds
    return engine.detect_text(image, deadline=time.monotonic() + budget).text


class IndexPhotoHandler:
    """``JobRunner`` handler for ``index_photo`` jobs: the backfill for photos stored before
    search existed (read the words in the image once, then write the search row)."""

    def __init__(self, context: AppContext) -> None:
        self.context = context

    def run(self, db: Session, job: Job) -> None:
        photo = db.get(Photo, job.photo_id) if job.photo_id is not None else None
        if photo is None:
            return
        if photo.ocr_text is None:
            with stored_preview(self.context, photo) as image:
                photo.ocr_text = read_words(self.context, image)
        search_index.index_photo(db, photo)

    def failed(self, db: Session, job: Job) -> None:
        """Without the image's words the photo is still indexed by everything else."""
        photo = db.get(Photo, job.photo_id) if job.photo_id is not None else None
        if photo is not None:
            search_index.index_photo(db, photo)
            db.commit()
