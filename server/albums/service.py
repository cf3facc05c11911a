"""Album rules: unique names per user, the locked profile album, cascading deletes."""

from __future__ import annotations

import logging

from sqlalchemy import Connection, select
from sqlalchemy import delete as sql_delete
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from server import owners
from server.albums import repository
from server.albums.models import PROFILE_ALBUM_NAME, Album
from server.albums.repository import AlbumSummary
from server.albums.schemas import ALBUM_LIST_JSON, AlbumJson
from server.config import Settings
from server.db import id_in_range
from server.errors import Conflict, NotFound, NotPermitted
from server.owners import Owner
from server.photos.models import Photo
from server.photos.objects import delete_objects_quietly
from server.search import index as search_index
from server.storage import ObjectStore
from server.validation import clean_text, name_key

log = logging.getLogger(__name__)


def album_not_found() -> NotFound:
    return NotFound("That album does not exist.", code="album_not_found")


def profile_album_locked() -> NotPermitted:
    return NotPermitted(
        f'The album "{PROFILE_ALBUM_NAME}" fills itself with your profile photos; it cannot be changed.',
        code="profile_album_locked",
    )


def _name_conflict() -> Conflict:
    return Conflict(
        "You already have an album with that name.",
        code="album_name_taken",
        fields={"name": "taken"},
    )


def get_owned(db: Session, *, user_id: int, album_id: int) -> Album:
    album = (
        repository.get_owned(db, user_id=user_id, album_id=album_id)
        if id_in_range(album_id)
        else None
    )
    if album is None:
        raise album_not_found()
    return album


def check_owned(connection: Connection, *, user_id: int, album_id: int) -> None:
    """Raise ``album_not_found`` unless the user owns the album (without loading it)."""
    if not repository.is_owned(connection, user_id=user_id, album_id=album_id):
        raise album_not_found()


def summary(db: Session, *, user_id: int, album_id: int) -> AlbumSummary:
    found = repository.list_with_counts(db.connection(), owner=user_id, album_id=album_id)
    if not found:
        raise album_not_found()
    return found[0]


def album_json(summary: AlbumSummary) -> AlbumJson:
    return {
        "id": summary.id,
        "name": summary.name,
        "kind": "profile" if summary.kind == "profile" else "regular",
        "photo_count": summary.photo_count or 0,
        "cover_photo_id": summary.cover_photo_id,
        "created_at": summary.created_at,
    }


def album_list_json(connection: Connection, owner: Owner) -> bytes:
    """The owner's albums as the JSON body of ``GET /albums``, serialised in one pass."""
    summaries = repository.list_with_counts(connection, owner=owner)
    if not summaries:
        owners.require_user_id(owner)  # nothing found for a session: is the session live?
    return ALBUM_LIST_JSON.dump_json([album_json(summary) for summary in summaries])


def create_profile_album(db: Session, *, user_id: int) -> Album:
    album = Album(
        user_id=user_id,
        name=PROFILE_ALBUM_NAME,
        name_key=name_key(PROFILE_ALBUM_NAME),
        kind="profile",
    )
    db.add(album)
    db.flush()
    return album


def profile_album_for(db: Session, *, user_id: int) -> Album:
    album = repository.get_profile_album(db, user_id=user_id)
    if album is None:  # never expected; recreate the album rather than lose the photo
        album = create_profile_album(db, user_id=user_id)
    return album


def create(db: Session, settings: Settings, *, user_id: int, name: str) -> Album:
    clean = clean_text(
        name,
        field="name",
        label="The album name",
        max_length=settings.album_name_max,
        required=True,
    )
    key = name_key(clean)
    if repository.name_taken(db, user_id=user_id, key=key):
        raise _name_conflict()
    album = Album(user_id=user_id, name=clean, name_key=key, kind="regular")
    db.add(album)
    try:
        db.commit()
    except IntegrityError as exc:  # a concurrent create with the same name won the race
        db.rollback()
        raise _name_conflict() from exc
    return album


def rename(db: Session, settings: Settings, *, user_id: int, album_id: int, name: str) -> Album:
    album = get_owned(db, user_id=user_id, album_id=album_id)
    if album.kind == "profile":
        raise profile_album_locked()
    clean = clean_text(
        name,
        field="name",
        label="The album name",
        max_length=settings.album_name_max,
        required=True,
    )
    key = name_key(clean)
    if repository.name_taken(db, user_id=user_id, key=key, except_album_id=album.id):
        raise _name_conflict()
    album.name, album.name_key = clean, key
    try:
        search_index.index_album(db, album)  # flushes the new name: a race shows up here too
        db.commit()
    except IntegrityError as exc:
        db.rollback()
        raise _name_conflict() from exc
    return album


def delete(db: Session, store: ObjectStore, *, user_id: int, album_id: int) -> int:
    """Delete an album and its photos; rows go first in one transaction, then the objects."""
    album = get_owned(db, user_id=user_id, album_id=album_id)
    if album.kind == "profile":
        raise profile_album_locked()
    photos = list(
        db.scalars(select(Photo).where(Photo.album_id == album.id, Photo.user_id == user_id))
    )
    keys = [key for photo in photos for key in photo.object_keys]
    search_index.remove_photos(db, [photo.id for photo in photos])
    db.execute(sql_delete(Photo).where(Photo.album_id == album.id, Photo.user_id == user_id))
    db.delete(album)
    db.commit()
    delete_objects_quietly(store, keys)
    return len(photos)
