"""Queries for enrolled faces."""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from server.faces.models import FaceChallenge, FaceLoginFingerprint, UserFace
from server.users.models import User


def list_for_user(db: Session, *, user_id: int) -> list[UserFace]:
    return list(
        db.scalars(select(UserFace).where(UserFace.user_id == user_id).order_by(UserFace.id))
    )


def delete_for_user(db: Session, *, user_id: int) -> None:
    db.execute(delete(UserFace).where(UserFace.user_id == user_id))


def templates_by_user(
    db: Session, *, engine: str, user_id: int | None = None
) -> dict[int, list[bytes]]:
    """Templates of enrolled users made by `engine` only: one user's, or for 1:N (no
    `user_id`) those of the users who opted in to identification without a username."""
    query = (
        select(UserFace.user_id, UserFace.template)
        .join(User, User.id == UserFace.user_id)
        .where(
            UserFace.engine == engine,
            UserFace.template.is_not(None),
            User.face_enrolled_at.is_not(None),
        )
    )
    if user_id is not None:
        query = query.where(UserFace.user_id == user_id)
    else:
        query = query.where(User.face_identify_without_username.is_(True))
    found: dict[int, list[bytes]] = defaultdict(list)
    for owner, template in db.execute(query):
        if template is not None:
            found[owner].append(template)
    return dict(found)


def add_challenge(db: Session, challenge: FaceChallenge) -> None:
    db.add(challenge)


def delete_expired_challenges(db: Session, *, before: datetime) -> None:
    db.execute(delete(FaceChallenge).where(FaceChallenge.expires_at < before))


def consume_challenge(db: Session, *, challenge_id: str, now: datetime) -> FaceChallenge | None:
    """Mark the challenge used, atomically (one UPDATE: two instances cannot both win), and
    return it; ``None`` when it does not exist or was already used."""
    result = db.execute(
        update(FaceChallenge)
        .where(FaceChallenge.id == challenge_id, FaceChallenge.consumed_at.is_(None))
        .values(consumed_at=now)
        .execution_options(synchronize_session=False)
    )
    db.commit()
    if getattr(result, "rowcount", 0) != 1:
        return None
    return db.get(FaceChallenge, challenge_id)


def recent_fingerprints(db: Session, *, user_id: int, limit: int) -> list[bytes]:
    return list(
        db.scalars(
            select(FaceLoginFingerprint.hashes)
            .where(FaceLoginFingerprint.user_id == user_id)
            .order_by(FaceLoginFingerprint.id.desc())
            .limit(limit)
        )
    )


def add_fingerprints(db: Session, *, user_id: int, hashes: bytes, keep: int) -> None:
    """Store one login's frame hashes and drop that user's older ones beyond ``keep``."""
    db.add(FaceLoginFingerprint(user_id=user_id, hashes=hashes))
    db.flush()
    old = list(
        db.scalars(
            select(FaceLoginFingerprint.id)
            .where(FaceLoginFingerprint.user_id == user_id)
            .order_by(FaceLoginFingerprint.id.desc())
            .offset(keep)
        )
    )
    if old:
        db.execute(delete(FaceLoginFingerprint).where(FaceLoginFingerprint.id.in_(old)))


def delete_fingerprints(db: Session, *, user_id: int) -> None:
    db.execute(delete(FaceLoginFingerprint).where(FaceLoginFingerprint.user_id == user_id))
