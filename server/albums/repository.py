"""Album queries; every query is scoped to the owner, so another user's album is simply not found."""

from __future__ import annotations

from datetime import datetime
from typing import Any, NamedTuple

from sqlalchemy import Connection, Select, bindparam, func, select
from sqlalchemy.orm import Session

from server import owners
from server.albums.models import Album
from server.owners import Owner
from server.photos.models import Photo


class AlbumSummary(NamedTuple):
    """An album row with its photo count and cover: plain columns, no ORM object (a hot read)."""

    id: int
    name: str
    kind: str
    created_at: datetime
    photo_count: int | None  # None: no photos (outer join)
    cover_photo_id: int | None


_OWNED_ALBUM = select(Album).where(
    Album.id == bindparam("album_id"), Album.user_id == bindparam("user_id")
)


_OWNED_ALBUM_ID = select(Album.id).where(
    Album.id == bindparam("album_id"), Album.user_id == bindparam("user_id")
)


def get_owned(db: Session, *, user_id: int, album_id: int) -> Album | None:
    return db.scalar(_OWNED_ALBUM, {"album_id": album_id, "user_id": user_id})


def is_owned(connection: Connection, *, user_id: int, album_id: int) -> bool:
    params = {"album_id": album_id, "user_id": user_id}
    return connection.scalar(_OWNED_ALBUM_ID, params) is not None


def get_profile_album(db: Session, *, user_id: int) -> Album | None:
    return db.scalar(select(Album).where(Album.user_id == user_id, Album.kind == "profile"))


def name_taken(db: Session, *, user_id: int, key: str, except_album_id: int | None = None) -> bool:
    query = select(Album.id).where(Album.user_id == user_id, Album.name_key == key)
    if except_album_id is not None:
        query = query.where(Album.id != except_album_id)
    return db.scalar(query) is not None


def _albums_with_counts(*, one_album: bool) -> Select[Any]:
    stats = (
        select(
            Photo.album_id.label("album_id"),
            func.count(Photo.id).label("photo_count"),
            func.max(Photo.id).label("cover_photo_id"),
        )
        .where(Photo.user_id == bindparam("user_id"), Photo.trashed_at.is_(None))
        .group_by(Photo.album_id)
        .subquery()
    )
    query = (
        select(
            Album.id,
            Album.name,
            Album.kind,
            Album.created_at,
            stats.c.photo_count,
            stats.c.cover_photo_id,
        )
        .outerjoin(stats, stats.c.album_id == Album.id)
        .where(Album.user_id == bindparam("user_id"))
        .order_by(Album.kind != "profile", Album.name_key)
    )
    return query.where(Album.id == bindparam("album_id")) if one_album else query


# Built once: the album list is the hottest authenticated read.
_ALL_ALBUMS = _albums_with_counts(one_album=False)
_ALL_ALBUMS_BY_SESSION = owners.by_session(_ALL_ALBUMS)
_ONE_ALBUM = _albums_with_counts(one_album=True)


def list_with_counts(
    connection: Connection, *, owner: Owner, album_id: int | None = None
) -> list[AlbumSummary]:
    """The owner's albums (or one of them) with their photo counts and covers. A ``SessionOwner``
    is resolved in the same statement (``server.owners``); only the whole list reads by one."""
    # Plain columns: run on a connection, past the ORM's row loading.
    if album_id is None:
        statement, params = owners.pick(owner, _ALL_ALBUMS, _ALL_ALBUMS_BY_SESSION)
        rows = connection.execute(statement, params)
    else:
        user_id = owners.require_user_id(owner)
        rows = connection.execute(_ONE_ALBUM, {"user_id": user_id, "album_id": album_id})
    return [AlbumSummary(*row) for row in rows]
