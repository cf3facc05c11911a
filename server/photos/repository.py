"""Photo queries, always scoped to the owner."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, Row, RowMapping, bindparam, delete, or_, select
from sqlalchemy.orm import Session

from server import owners
from server.albums.models import Album
from server.db import json_text, utc_text
from server.owners import Owner
from server.photos.models import IdempotencyKey, Photo, PhotoTranslation


def get_owned(db: Session, *, user_id: int, photo_id: int) -> Photo | None:
    return db.scalar(select(Photo).where(Photo.id == photo_id, Photo.user_id == user_id))


# What the photo JSON shows: read-only paths select these columns (no face_tags, no keys)
# rather than whole ORM objects. Timestamps come back as UTC text and the labels as their JSON
# text, parsed by the JSON shape in pydantic's core: SQLAlchemy's per-value converters were a
# third of a page's database time (measured).
_SHOWN_COLUMNS = (
    Photo.id,
    Photo.album_id,
    Photo.name,
    Photo.description,
    Photo.width,
    Photo.height,
    Photo.size_bytes,
    Photo.content_type,
    Photo.sha256,
    utc_text(Photo.taken_at).label("taken_at"),
    Photo.camera,
    utc_text(Photo.created_at).label("created_at"),
    utc_text(Photo.updated_at).label("updated_at"),
    json_text(Photo.labels).label("labels"),
    Photo.labels_state,
    Photo.ocr_text.label("image_text"),
    utc_text(Photo.trashed_at).label("trashed_at"),
)

# Hot reads are built once (building a statement costs more than running it on SQLite).
# One photo is shown even from the trash (as ``get_owned``); a page never lists trashed photos.
_SHOWN_OWNED = select(*_SHOWN_COLUMNS).where(
    Photo.id == bindparam("photo_id"), Photo.user_id == bindparam("user_id")
)
_PAGE = (
    select(*_SHOWN_COLUMNS)
    .where(
        Photo.user_id == bindparam("user_id"),
        Photo.album_id == bindparam("album_id"),
        Photo.id < bindparam("before_id"),
        Photo.trashed_at.is_(None),
    )
    .order_by(Photo.id.desc())
    .limit(bindparam("limit"))
)
_SHOWN_OWNED_BY_SESSION = owners.by_session(_SHOWN_OWNED)
_PAGE_BY_SESSION = owners.by_session(_PAGE)
_SHOWN_OWNED_MANY = select(*_SHOWN_COLUMNS).where(
    Photo.user_id == bindparam("user_id"), Photo.id.in_(bindparam("photo_ids", expanding=True))
)
_CURRENT_PROFILE_PHOTO = (
    select(Photo)
    .join(Album, Album.id == Photo.album_id)
    .where(Photo.user_id == bindparam("user_id"), Album.kind == "profile")
    .order_by(Photo.id.desc())
    .limit(1)
)
_NO_CURSOR = 2**62


# Read-only selects of plain columns run on a connection: through the ORM session every row
# also passes the ORM's loading machinery (a third more time for a page, measured).


def get_owned_shown(connection: Connection, *, owner: Owner, photo_id: int) -> RowMapping | None:
    """The shown columns of one of the owner's photos."""
    statement, params = owners.pick(owner, _SHOWN_OWNED, _SHOWN_OWNED_BY_SESSION)
    return connection.execute(statement, {**params, "photo_id": photo_id}).mappings().first()


def list_page(
    connection: Connection, *, owner: Owner, album_id: int, limit: int, before_id: int | None
) -> list[Row[Any]]:
    """Newest first; `limit + 1` rows are fetched so the caller knows whether a next page exists."""
    statement, params = owners.pick(owner, _PAGE, _PAGE_BY_SESSION)
    params |= {"album_id": album_id, "before_id": before_id or _NO_CURSOR, "limit": limit + 1}
    return list(connection.execute(statement, params))


def list_shown(connection: Connection, *, user_id: int, photo_ids: list[int]) -> list[Row[Any]]:
    """The shown columns of those of ``photo_ids`` that are the user's, in no particular order."""
    if not photo_ids:
        return []
    params = {"user_id": user_id, "photo_ids": photo_ids}
    return list(connection.execute(_SHOWN_OWNED_MANY, params))


def current_profile_photo(db: Session, *, user_id: int) -> Photo | None:
    """The newest photo of the profile album is the current profile photo."""
    return db.scalar(_CURRENT_PROFILE_PHOTO, {"user_id": user_id})


def object_keys_for_user(db: Session, *, user_id: int) -> list[str]:
    rows = db.execute(
        select(Photo.original_key, Photo.preview_key, Photo.thumbnail_key).where(
            Photo.user_id == user_id
        )
    )
    return [key for row in rows for key in row]


def iter_all_object_keys(db: Session) -> Iterator[str]:
    for row in db.execute(select(Photo.original_key, Photo.preview_key, Photo.thumbnail_key)):
        yield from row


def get_translation(db: Session, *, photo_id: int, language: str) -> PhotoTranslation | None:
    return db.scalar(
        select(PhotoTranslation).where(
            PhotoTranslation.photo_id == photo_id, PhotoTranslation.language == language
        )
    )


def drop_translations(db: Session, *, photo_id: int) -> None:
    db.execute(delete(PhotoTranslation).where(PhotoTranslation.photo_id == photo_id))


def get_many_owned(db: Session, *, user_id: int, photo_ids: list[int]) -> list[Photo]:
    if not photo_ids:
        return []
    return list(
        db.scalars(
            select(Photo)
            .where(Photo.user_id == user_id, Photo.id.in_(set(photo_ids)))
            .order_by(Photo.id)
        )
    )


def find_by_sha256(db: Session, *, user_id: int, sha256s: list[str]) -> list[Photo]:
    """The user's photos whose uploaded bytes or stored original have one of these digests
    (profile photos aside: they belong to the account, not to the library)."""
    if not sha256s:
        return []
    return list(
        db.scalars(
            select(Photo)
            .join(Album, Album.id == Photo.album_id)
            .where(
                Photo.user_id == user_id,
                Album.kind != "profile",
                or_(Photo.source_sha256.in_(sha256s), Photo.sha256.in_(sha256s)),
            )
            .order_by(Photo.trashed_at.is_not(None), Photo.id)
        )
    )


def photo_for_idempotency_key(db: Session, *, user_id: int, key: str) -> int | None:
    return db.scalar(
        select(IdempotencyKey.photo_id).where(
            IdempotencyKey.user_id == user_id, IdempotencyKey.key == key
        )
    )


def list_trash_page(db: Session, *, user_id: int, limit: int, before_id: int | None) -> list[Photo]:
    query = select(Photo).where(Photo.user_id == user_id, Photo.trashed_at.is_not(None))
    if before_id is not None:
        query = query.where(Photo.id < before_id)
    return list(db.scalars(query.order_by(Photo.id.desc()).limit(limit + 1)))


def trashed(db: Session, *, user_id: int) -> list[Photo]:
    return list(
        db.scalars(select(Photo).where(Photo.user_id == user_id, Photo.trashed_at.is_not(None)))
    )


def trashed_before(db: Session, *, cutoff: datetime) -> list[Photo]:
    return list(db.scalars(select(Photo).where(Photo.trashed_at < cutoff)))


def hashes_for_user(db: Session, *, user_id: int) -> list[tuple[int, int]]:
    """(photo id, signed pHash) of the user's photos outside the trash."""
    rows = db.execute(
        select(Photo.id, Photo.phash).where(
            Photo.user_id == user_id, Photo.trashed_at.is_(None), Photo.phash.is_not(None)
        )
    )
    return [(int(photo_id), int(phash)) for photo_id, phash in rows if phash is not None]
