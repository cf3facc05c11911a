"""The background job that tags a photo: runs the labels engine on its stored preview.

Uploads (album photos and profile photos alike) enqueue a ``tag_photo`` job in the same
transaction as the photo row; any instance's ``JobRunner`` claims it and calls this handler.
The stored preview is used rather than the original: it is upright (EXIF orientation applied),
at most ``preview_px`` on its longest side, and already decoded once at upload.
"""

from __future__ import annotations

import logging
from typing import Any

from sqlalchemy.orm import Session

from server.analysis.label_pool import LabelPool
from server.deps import AppContext
from server.engines.labels.base import Label, LabelLanguage, PhotoExif
from server.images import open_verified
from server.jobs.models import Job
from server.photos.models import Photo
from server.users.models import User

log = logging.getLogger(__name__)

DEFAULT_LABEL_LANGUAGE: LabelLanguage = "es"


def label_language(user_language: str | None) -> LabelLanguage:
    """The tag language for an account language (tags exist in Spanish and English)."""
    return "en" if (user_language or "").lower().startswith("en") else DEFAULT_LABEL_LANGUAGE


def stored_labels(
    labels: list[Label], *, max_labels: int, min_confidence: float
) -> list[dict[str, Any]]:
    """The labels kept on the photo row: confident enough, at most ``max_labels``, engine order."""
    kept = [label for label in labels if label.confidence >= min_confidence][:max_labels]
    return [{"name": label.name, "confidence": round(label.confidence, 2)} for label in kept]


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
            labels = self.pool.detect_labels(preview, language=language, exif=exif)
        else:
            with open_verified(preview, max_pixels=settings.max_image_pixels) as image:
                labels = self.context.engines.labels.detect_labels(
                    image, language=language, exif=exif
                )
        photo.labels = stored_labels(
            labels,
            max_labels=settings.labels_max,
            min_confidence=settings.labels_min_confidence,
        )
        photo.labels_state = "done"
        photo.labels_language = language
        log.debug("tagged photo %s: %s", photo.id, photo.labels)

    def failed(self, db: Session, job: Job) -> None:
        """The last attempt failed: show the photo's tags as failed."""
        photo = db.get(Photo, job.photo_id) if job.photo_id is not None else None
        if photo is None:
            return
        photo.labels_state = "failed"
        db.commit()
        log.warning("tagging photo %s failed for good: %s", photo.id, job.last_error)
