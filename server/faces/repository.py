"""Queries for enrolled faces."""

from __future__ import annotations

from collections import defaultdict

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from server.faces.models import UserFace
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
    """Templates of enrolled users (all of them for 1:N), made by `engine` only."""
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
    found: dict[int, list[bytes]] = defaultdict(list)
    for owner, template in db.execute(query):
        if template is not None:
            found[owner].append(template)
    return dict(found)
