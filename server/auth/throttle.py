"""Login throttling and lockout, counted in the database so every instance agrees."""

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
