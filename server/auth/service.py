"""Password login, sessions and logout."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy.orm import Session

from server.auth import repository, throttle
from server.auth.models import AuthSession
from server.auth.security import hash_password, hash_token, needs_rehash, new_token, verify_password
from server.config import Settings
from server.db import utcnow
from server.errors import NotAuthenticated
from server.users import repository as users
from server.users.models import User
from server.validation import normalize_login


def password_policy(settings: Settings) -> throttle.ThrottlePolicy:
    return throttle.ThrottlePolicy(
        method="password",
        max_failures_per_account=settings.login_max_failures,
        max_failures_per_address=settings.login_max_failures_per_address,
        window=timedelta(seconds=settings.login_window_seconds),
        message="Too many failed attempts. Wait a few minutes and try again.",
    )


def register_policy(settings: Settings) -> throttle.ThrottlePolicy:
    """Registrations per address (every attempt counts: each one costs a photo and a hash)."""
    return throttle.ThrottlePolicy(
        method="register",
        max_failures_per_account=0,
        max_failures_per_address=settings.register_max_per_address,
        window=timedelta(seconds=settings.register_window_seconds),
        message="Too many sign-ups from this address. Wait a while and try again.",
    )


def account_key(login: str) -> str:
    """The typed login as it is compared (NFC, case-folded), for the attempts log."""
    return normalize_login(login)[:254]


def lockout_key(user: User | None, login: str) -> str:
    """The lockout bucket of a login: the account it resolves to, whichever name was typed
    (username and email share it); an unknown name has its own, so answers look alike. Cut
    to the 254 characters of the attempts log's ``account_key`` (face failures are recorded
    under it)."""
    return f"user:{user.id}" if user is not None else f"login:{account_key(login)}"[:254]


def start_session(
    db: Session, settings: Settings, *, user_id: int, method: str
) -> tuple[str, AuthSession]:
    """Create a session row (not committed) and return the raw token, shown to the client once."""
    token = new_token()
    auth_session = repository.add_session(
        db,
        user_id=user_id,
        token_hash=hash_token(token),
        method=method,
        expires_at=utcnow() + timedelta(days=settings.session_days),
    )
    return token, auth_session


def login(
    db: Session, settings: Settings, *, login: str, password: str, address: str
) -> tuple[str, AuthSession, User]:
    """Check a password login; the attempt is counted before the hash is checked, so
    concurrent guesses cannot pass the limit (see ``throttle.reserve``)."""
    policy = password_policy(settings)
    key = account_key(login)
    user = users.find_by_login(db, key) if key else None
    reservation = throttle.reserve(
        db, policy, account_key=lockout_key(user, login), address=address, now=utcnow()
    )
    ok = verify_password(user.password_hash if user else None, password)
    if not ok or user is None:
        repository.record_attempt(
            db, method="password", account_key=key, address=address, success=False
        )
        db.commit()
        raise NotAuthenticated(
            "The username, email or password is not correct.", code="invalid_credentials"
        )
    if needs_rehash(user.password_hash):
        user.password_hash = hash_password(password)
    throttle.settle(db, reservation, success=True)
    repository.record_attempt(db, method="password", account_key=key, address=address, success=True)
    token, auth_session = start_session(db, settings, user_id=user.id, method="password")
    db.commit()
    return token, auth_session, user


def logout(db: Session, auth_session: AuthSession) -> None:
    auth_session.revoked_at = utcnow()
    db.commit()
