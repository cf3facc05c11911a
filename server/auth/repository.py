"""Queries for sessions and login attempts."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Connection, bindparam, case, delete, func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from server.auth.models import AuthSession, LoginAttempt, ThrottleBucket
from server.users.models import User


def find_user_by_token_hash(
    db: Session, token_hash: str, now: datetime
) -> tuple[User, AuthSession] | None:
    row = db.execute(
        select(User, AuthSession)
        .join(AuthSession, AuthSession.user_id == User.id)
        .where(
            AuthSession.token_hash == token_hash,
            AuthSession.revoked_at.is_(None),
            AuthSession.expires_at > now,
        )
    ).first()
    return None if row is None else (row[0], row[1])


# Built once: every authenticated read runs it.
_USER_ID_FOR_TOKEN = select(AuthSession.user_id).where(
    AuthSession.token_hash == bindparam("token_hash"),
    AuthSession.revoked_at.is_(None),
    AuthSession.expires_at > bindparam("now"),
)


def find_user_id_by_token_hash(
    connection: Connection, token_hash: str, now: datetime
) -> int | None:
    """The user of a live session (sessions are deleted with their user), without loading rows."""
    params = {"token_hash": token_hash, "now": now}
    return connection.scalar(_USER_ID_FOR_TOKEN, params)


def add_session(
    db: Session, *, user_id: int, token_hash: str, method: str, expires_at: datetime
) -> AuthSession:
    auth_session = AuthSession(
        user_id=user_id, token_hash=token_hash, method=method, expires_at=expires_at
    )
    db.add(auth_session)
    return auth_session


def revoke_sessions(
    db: Session, *, user_id: int, now: datetime, keep_session_id: int | None = None
) -> None:
    statement = update(AuthSession).where(
        AuthSession.user_id == user_id, AuthSession.revoked_at.is_(None)
    )
    if keep_session_id is not None:
        statement = statement.where(AuthSession.id != keep_session_id)
    db.execute(statement.values(revoked_at=now))


def record_attempt(
    db: Session, *, method: str, account_key: str | None, address: str, success: bool
) -> None:
    db.add(LoginAttempt(method=method, account_key=account_key, address=address, success=success))


def recent_failures(
    db: Session,
    *,
    method: str,
    since: datetime,
    account_key: str | None = None,
    address: str | None = None,
    reset_on_success: bool = True,
) -> list[datetime]:
    """Failure times (newest first) since `since`; with `reset_on_success`, only those after the
    last success (an address is not reset: an attacker could clear it with their own account)."""
    conditions = [LoginAttempt.method == method, LoginAttempt.created_at >= since]
    if account_key is not None:
        conditions.append(LoginAttempt.account_key == account_key)
    if address is not None:
        conditions.append(LoginAttempt.address == address)
    failure_conditions = [*conditions, LoginAttempt.success.is_(False)]
    if reset_on_success:
        last_success = db.scalar(
            select(func.max(LoginAttempt.created_at)).where(*conditions, LoginAttempt.success)
        )
        if last_success is not None:
            failure_conditions.append(LoginAttempt.created_at > last_success)
    return list(
        db.scalars(
            select(LoginAttempt.created_at)
            .where(*failure_conditions)
            .order_by(LoginAttempt.created_at.desc())
        )
    )


def purge_attempts_before(db: Session, cutoff: datetime) -> int:
    result = db.execute(delete(LoginAttempt).where(LoginAttempt.created_at < cutoff))
    return int(getattr(result, "rowcount", 0) or 0)


# --- throttle buckets -------------------------------------------------------------------------


def take_from_bucket(
    db: Session, *, key: str, limit: int, now: datetime, window_start_before: datetime
) -> bool:
    """Count one attempt in the bucket if it is under ``limit`` (a window that started before
    ``window_start_before`` restarts at ``now``); ``False`` when full. Commits.

    One conditional UPDATE decides: the row lock (InnoDB) or the database lock (SQLite) makes
    concurrent takers queue, and each sees the count the previous one left.
    """
    expired = ThrottleBucket.window_start < window_start_before
    statement = (
        update(ThrottleBucket)
        .where(ThrottleBucket.key == key, expired | (ThrottleBucket.count < limit))
        # MySQL evaluates SET left to right: count must read the old window_start.
        .ordered_values(
            (ThrottleBucket.count, case((expired, 1), else_=ThrottleBucket.count + 1)),
            (ThrottleBucket.window_start, case((expired, now), else_=ThrottleBucket.window_start)),
        )
        .execution_options(synchronize_session=False)
    )
    existed = False  # whether the bucket existed when the last UPDATE ran
    for _ in range(3):
        if getattr(db.execute(statement), "rowcount", 0) == 1:
            db.commit()
            return True
        db.commit()
        if existed:
            return False  # the UPDATE saw the bucket, and it was full
        # Missing, or created by another request since our UPDATE (then it is not full yet):
        # the next UPDATE decides.
        existed = True
        if bucket_window_start(db, key=key) is None:
            try:
                db.add(ThrottleBucket(key=key, count=0, window_start=now))
                db.commit()
            except IntegrityError:
                db.rollback()  # another request created it first; take from theirs
    return False


def bucket_window_start(db: Session, *, key: str) -> datetime | None:
    return db.scalar(select(ThrottleBucket.window_start).where(ThrottleBucket.key == key))


def give_back_to_bucket(db: Session, *, key: str) -> None:
    """Undo one ``take_from_bucket`` (not committed)."""
    db.execute(
        update(ThrottleBucket)
        .where(ThrottleBucket.key == key, ThrottleBucket.count > 0)
        .values(count=ThrottleBucket.count - 1)
        .execution_options(synchronize_session=False)
    )


def empty_bucket(db: Session, *, key: str) -> None:
    """Reset a bucket to zero (not committed), e.g. an account after a successful login."""
    db.execute(
        update(ThrottleBucket)
        .where(ThrottleBucket.key == key)
        .values(count=0)
        .execution_options(synchronize_session=False)
    )


def purge_buckets_before(db: Session, cutoff: datetime) -> int:
    result = db.execute(delete(ThrottleBucket).where(ThrottleBucket.window_start < cutoff))
    return int(getattr(result, "rowcount", 0) or 0)
