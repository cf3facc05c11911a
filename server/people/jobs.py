"""Background jobs of the people domain: index one photo's faces; backfill photos never indexed.

The handlers are thin adapters: the work is ``service.index_photo_faces`` and
``enqueue_backfill_batch``, plain functions any runner can call.
"""

from __future__ import annotations

import logging

from sqlalchemy import select
from sqlalchemy.orm import Session

from server.deps import AppContext
from server.jobs import repository as jobs
from server.jobs.models import Job
from server.people import repository, service

log = logging.getLogger(__name__)

INDEX_FACES = repository.INDEX_FACES
BACKFILL_FACES = "backfill_faces"
BACKFILL_BATCH = 500


def enqueue_backfill_batch(db: Session, *, batch: int = BACKFILL_BATCH) -> int:
    """Queue index jobs for up to ``batch`` photos never indexed; queue another backfill when
    more remain. Returns how many photos were queued."""
    photo_ids = repository.unscanned_photo_ids(db, limit=batch)
    for photo_id in photo_ids:
        jobs.enqueue(db, kind=INDEX_FACES, photo_id=photo_id)
    if len(photo_ids) == batch:
        jobs.enqueue(db, kind=BACKFILL_FACES)
    return len(photo_ids)


def start_backfill(context: AppContext) -> bool:
    """Queue a backfill job unless one is waiting or every photo was indexed (service start)."""
    if context.settings.face_engine == "none":
        return False
    with context.session_factory() as db:
        waiting = db.scalar(
            select(Job.id)
            .where(Job.kind == BACKFILL_FACES, Job.state.in_(("pending", "running")))
            .limit(1)
        )
        if waiting is not None or not repository.unscanned_photo_ids(db, limit=1):
            return False
        jobs.enqueue(db, kind=BACKFILL_FACES)
        db.commit()
    return True


class IndexFacesHandler:
    """``JobRunner`` handler for ``index_faces`` jobs."""

    def __init__(self, context: AppContext) -> None:
        self.context = context

    def run(self, db: Session, job: Job) -> None:
        if job.photo_id is None:
            return
        count = service.index_photo_faces(self.context, db, job.photo_id, job_id=job.id)
        log.debug("photo %s: %d faces indexed", job.photo_id, count)

    def failed(self, db: Session, job: Job) -> None:
        log.warning(
            "indexing the faces of photo %s failed for good: %s", job.photo_id, job.last_error
        )


class BackfillFacesHandler:
    """``JobRunner`` handler for ``backfill_faces`` jobs."""

    def __init__(self, context: AppContext) -> None:
        self.context = context

    def run(self, db: Session, job: Job) -> None:
        queued = enqueue_backfill_batch(db)
        log.info("face backfill: %d photos queued", queued)

    def failed(self, db: Session, job: Job) -> None:
        log.warning("face backfill failed for good: %s", job.last_error)
