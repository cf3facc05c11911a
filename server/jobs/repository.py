"""The table-backed job queue: enqueue in the caller's transaction, claim with a lease."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import Select, func, or_, select, update
from sqlalchemy.orm import Session

from server.jobs.models import Job
from server.photos.models import Photo

TAG_PHOTO = "tag_photo"
INDEX_FACES = "index_faces"
INDEX_PHOTO = "index_photo"  # read the words in the image and rebuild the search row


def enqueue(db: Session, *, kind: str, photo_id: int | None = None) -> Job:
    job = Job(kind=kind, photo_id=photo_id, state="pending")
    db.add(job)
    return job


# How far back an owner's finished jobs count against their next turn.
FAIR_SHARE_WINDOW = timedelta(minutes=10)


def _fair_order(now: datetime) -> Select[tuple[int]]:
    """Due job ids, taking turns between the photos' owners: an owner's k-th due job waits
    behind every owner's earlier turns, and jobs an owner had run in the last
    ``FAIR_SHARE_WINDOW`` count as turns already taken. One user's thousand uploads wait
    behind another user's first photo instead of in front of it."""
    due = or_(Job.state == "pending", (Job.state == "running") & (Job.locked_until < now))
    served = (
        select(Photo.user_id.label("user_id"), func.count().label("served"))
        .join(Job, Job.photo_id == Photo.id)
        .where(Job.state.in_(("running", "done")), Job.updated_at >= now - FAIR_SHARE_WINDOW)
        .group_by(Photo.user_id)
        .subquery()
    )
    turn = (
        func.row_number().over(partition_by=Photo.user_id, order_by=(Job.run_after, Job.id))
        + func.coalesce(served.c.served, 0)
    ).label("turn")
    ranked = (
        select(Job.id, Job.run_after, turn)
        .outerjoin(Photo, Photo.id == Job.photo_id)
        .outerjoin(served, served.c.user_id == Photo.user_id)
        .where(Job.run_after <= now, due)
        .subquery()
    )
    return select(ranked.c.id).order_by(ranked.c.turn, ranked.c.run_after, ranked.c.id)


def claim_next(db: Session, *, worker_id: str, now: datetime, lease: timedelta) -> Job | None:
    """Claim one due job, in the owners' fair order (``_fair_order``). The UPDATE ... WHERE
    state/lease guard makes the claim atomic across instances: only one worker's UPDATE
    matches the row."""
    candidates = db.scalars(_fair_order(now).limit(5)).all()
    for job_id in candidates:
        result = db.execute(
            update(Job)
            .where(
                Job.id == job_id,
                # Still due: another runner thread may have run, failed and rescheduled it since
                # the candidates were read.
                Job.run_after <= now,
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
