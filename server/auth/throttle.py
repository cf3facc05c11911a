"""Throttling and lockout, counted in the database so every instance agrees.

``reserve`` is the race-proof form: it counts the attempt in its buckets *before* the costly
check (a password hash, an engine call), with one conditional UPDATE per bucket, so N
concurrent requests admit exactly the limit. ``settle`` then gives the attempt back or clears
the account when it succeeded. ``ensure_not_locked``/``record`` (check, then record) remain
for face login, which keeps its own history of attempts.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy.orm import Session

from server.auth import repository
from server.errors import TooManyAttempts


@dataclass(frozen=True)
class ThrottlePolicy:
    method: str  # password | face
    max_failures_per_account: int
    max_failures_per_address: int
    window: timedelta
    code: str = "too_many_attempts"
    message: str = "Too many failed attempts. Try again later."


def _retry_after(
    failures: list[datetime], limit: int, window: timedelta, now: datetime
) -> int | None:
    if len(failures) < limit:
        return None
    # The lock lifts when the oldest of the last `limit` failures leaves the window.
    unlock_at = failures[limit - 1] + window
    return max(1, math.ceil((unlock_at - now).total_seconds()))


def ensure_not_locked(
    db: Session, policy: ThrottlePolicy, *, account_key: str | None, address: str, now: datetime
) -> None:
    """Raise TooManyAttempts (429 with Retry-After) while the account or the address is locked."""
    since = now - policy.window
    waits: list[int] = []
    if account_key is not None:
        failures = repository.recent_failures(
            db, method=policy.method, since=since, account_key=account_key
        )
        wait = _retry_after(failures, policy.max_failures_per_account, policy.window, now)
        if wait is not None:
            waits.append(wait)
    failures = repository.recent_failures(
        db, method=policy.method, since=since, address=address, reset_on_success=False
    )
    wait = _retry_after(failures, policy.max_failures_per_address, policy.window, now)
    if wait is not None:
        waits.append(wait)
    if waits:
        raise TooManyAttempts(policy.message, retry_after=max(waits), code=policy.code)


def record(
    db: Session, policy: ThrottlePolicy, *, account_key: str | None, address: str, success: bool
) -> None:
    """Record an attempt in its own commit, so a failure counts even when the request then fails."""
    repository.record_attempt(
        db, method=policy.method, account_key=account_key, address=address, success=success
    )
    db.commit()


# --- reserve before checking ------------------------------------------------------------------


@dataclass(frozen=True)
class Bucket:
    key: str
    limit: int


@dataclass(frozen=True)
class Reservation:
    """The buckets an attempt was counted in; hand it back to ``settle``."""

    account: Bucket | None
    address: Bucket | None


def account_bucket(policy: ThrottlePolicy, account_key: str) -> Bucket:
    return Bucket(f"{policy.method}:account:{account_key}", policy.max_failures_per_account)


def address_bucket(policy: ThrottlePolicy, address: str) -> Bucket:
    return Bucket(f"{policy.method}:address:{address}", policy.max_failures_per_address)


def take(db: Session, policy: ThrottlePolicy, buckets: list[Bucket], *, now: datetime) -> None:
    """Count one attempt in every bucket, or in none: raise ``TooManyAttempts`` (with the wait
    until the full bucket's window ends) if any is full."""
    db.commit()  # end any open read transaction: the UPDATE must see the latest count
    taken: list[Bucket] = []
    for bucket in buckets:
        if repository.take_from_bucket(
            db, key=bucket.key, limit=bucket.limit, now=now, window_start_before=now - policy.window
        ):
            taken.append(bucket)
            continue
        for earlier in taken:
            repository.give_back_to_bucket(db, key=earlier.key)
        db.commit()
        started = repository.bucket_window_start(db, key=bucket.key) or now
        wait = math.ceil((started + policy.window - now).total_seconds())
        raise TooManyAttempts(policy.message, retry_after=wait, code=policy.code)


def reserve(
    db: Session, policy: ThrottlePolicy, *, account_key: str | None, address: str, now: datetime
) -> Reservation:
    """Count an attempt against the account (when known) and the address before checking it."""
    account = account_bucket(policy, account_key) if account_key is not None else None
    by_address = address_bucket(policy, address)
    take(db, policy, [b for b in (account, by_address) if b is not None], now=now)
    return Reservation(account=account, address=by_address)


def settle(db: Session, reservation: Reservation, *, success: bool) -> None:
    """After the check: a success clears the account's count and gives the address its attempt
    back (not committed; commit with the login). A failure stays counted."""
    if not success:
        return
    if reservation.account is not None:
        repository.empty_bucket(db, key=reservation.account.key)
    if reservation.address is not None:
        repository.give_back_to_bucket(db, key=reservation.address.key)
