"""Housekeeping: remove stored objects that no row points to (left by a crash or a failed
delete), and login attempts and throttle counters older than anything still uses."""

from __future__ import annotations

import logging
from datetime import timedelta
from typing import Any

from sqlalchemy import select

from server.auth import repository as auth_repository
from server.db import utcnow
from server.deps import AppContext
from server.faces.models import UserFace
from server.people import service as people_service
from server.photos import repository as photos
from server.photos import service as photo_service

log = logging.getLogger(__name__)


def sweep_orphans(context: AppContext, *, grace_seconds: int, dry_run: bool) -> dict[str, Any]:
    """Purge photos trashed more than 30 days ago; then delete objects under ``users/`` older
    than the grace period that no row references.

    Objects are listed before the rows are read, and only objects older than the grace period
    are candidates, so an upload in flight (objects written, row not yet committed) is never hit.
    """
    cutoff = utcnow() - timedelta(seconds=grace_seconds)
    with context.session_factory() as db:
        expired = photos.trashed_before(
            db, cutoff=utcnow() - timedelta(days=photo_service.TRASH_DAYS)
        )
        expired_count = len(expired)
        if not dry_run:
            cloud_faces = people_service.collection_entries_of_photos(
                db, photo_ids=[photo.id for photo in expired]
            )
            photo_service.purge(db, context.store, expired)
            people_service.forget_collection_entries_by_user(context.engines, cloud_faces)
    listed = list(context.store.iter_objects("users/"))
    with context.session_factory() as db:
        referenced = set(photos.iter_all_object_keys(db))
        referenced.update(key for key in db.scalars(select(UserFace.image_key)) if key)
    orphans = [o.key for o in listed if o.key not in referenced and o.modified_at <= cutoff]
    if orphans and not dry_run:
        context.store.delete_many(orphans)
        log.info("sweep removed %d orphaned objects", len(orphans))
    purged = {"login_attempts_purged": 0, "throttle_buckets_purged": 0}
    if not dry_run:
        purged = purge_login_records(context)
    return {
        **purged,
        "scanned": len(listed),
        "orphans": len(orphans),
        "removed": 0 if dry_run else len(orphans),
        "dry_run": dry_run,
        "trash_expired": expired_count,
        "trash_purged": 0 if dry_run else expired_count,
        "keys": orphans[:100],
    }


def purge_login_records(context: AppContext) -> dict[str, int]:
    """Delete login attempts older than ``login_attempts_keep_days`` and throttle buckets whose
    window ended (the longest window of any limit has passed)."""
    settings = context.settings
    now = utcnow()
    longest_window = max(
        settings.login_window_seconds,
        settings.face_lockout_window_seconds,
        settings.register_window_seconds,
        settings.text_rate_window_seconds,
    )
    with context.session_factory() as db:
        attempts = auth_repository.purge_attempts_before(
            db, now - timedelta(days=settings.login_attempts_keep_days, seconds=longest_window)
        )
        buckets = auth_repository.purge_buckets_before(db, now - timedelta(seconds=longest_window))
        db.commit()
    if attempts or buckets:
        log.info("sweep purged %d login attempts and %d throttle buckets", attempts, buckets)
    return {"login_attempts_purged": attempts, "throttle_buckets_purged": buckets}
