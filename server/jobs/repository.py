"""The table-backed job queue: enqueue in the caller's transaction, claim with a lease."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import or_, select, update
from sqlalchemy.orm import Session

from server.jobs.models import Job

TAG_PHOTO = "tag_photo"
INDEX_PHOTO = "index_photo"  # read the words in the image and rebuild the search row


def enqueue(db: Session, *, kind: str, photo_id: int | None = None) -> Job:
    job = Job(kind=kind, photo_id=photo_id, state="pending")
    db.add(job)
    return job


def claim_next(db: Session, *, worker_id: str, now: datetime, lease: timedelta) -> Job | None:
    """Claim one due job. The UPDATE ... WHERE state/lease guard makes the claim atomic across
    instances: only one worker's UPDATE matches the row."""
    candidates = db.scalars(
        select(Job.id)
        .where(
            Job.run_after <= now,
            or_(Job.state == "pending", (Job.state == "running") & (Job.locked_until < now)),
        )
        .order_by(Job.run_after, Job.id)
        .limit(5)
    ).all()
    for job_id in candidates:
        result = db.execute(
            update(Job)
            .where(
                Job.id == job_id,
                or_(Job.state == "pending", (Job.state == "running") & (Job.locked_until < now)),
            )
            .values(
                state="running",
                locked_by=worker_id,
                locked_until=now + lease,
                attempts=Job.attempts + 1,
            )
        )
        db.commit()
        if getattr(result, "rowcount", 0) == 1:
            return db.get(Job, job_id, populate_existing=True)
    return None


def finish(db: Session, job: Job) -> None:
    job.state, job.locked_by, job.locked_until, job.last_error = "done", None, None, None
    db.commit()


def retry_or_fail(db: Session, job: Job, *, error: str, max_attempts: int, now: datetime) -> bool:
    """Reschedule with backoff, or mark failed after `max_attempts`. Returns True when failed for good."""
    job.last_error = error[:500]
    job.locked_by, job.locked_until = None, None
    if job.attempts >= max_attempts:
        job.state = "failed"
        db.commit()
        return True
    job.state = "pending"
    job.run_after = now + timedelta(seconds=2**job.attempts)
    db.commit()
    return False
