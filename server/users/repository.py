"""User queries."""

from __future__ import annotations

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from server.users.models import User
from server.validation import normalize_login


def find_by_login(db: Session, login: str) -> User | None:
    """Find by username or email, compared as stored (NFC, case-folded)."""
    key = normalize_login(login)
    return db.scalar(select(User).where(or_(User.username_key == key, User.email == key)))


def username_taken(db: Session, username_key: str, *, except_user_id: int | None = None) -> bool:
    query = select(User.id).where(User.username_key == username_key)
    if except_user_id is not None:
        query = query.where(User.id != except_user_id)
    return db.scalar(query) is not None


def email_taken(db: Session, email: str, *, except_user_id: int | None = None) -> bool:
    query = select(User.id).where(User.email == email)
    if except_user_id is not None:
        query = query.where(User.id != except_user_id)
    return db.scalar(query) is not None
