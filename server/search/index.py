"""Keep a photo's `photo_search` row in step with the photo, in the caller's transaction."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from server.albums.models import Album
from server.photos.models import Photo
from server.search import repository
from server.search.text import build_search_text


def search_text_for(photo: Photo, album_name: str) -> str:
    return build_search_text(
        name=photo.name,
        description=photo.description,
        album_name=album_name,
        labels=photo.labels,
        labels_language=photo.labels_language,
        ocr_text=photo.ocr_text,
        camera=photo.camera,
        taken_at=photo.taken_at,
        created_at=photo.created_at,
    )


def index_photo(db: Session, photo: Photo, *, album_name: str | None = None) -> None:
    """Write the photo's search row (flushes the photo first so its id and album are known)."""
    db.flush()
    if album_name is None:
        album_name = db.scalar(select(Album.name).where(Album.id == photo.album_id)) or ""
    repository.upsert(
        db, photo_id=photo.id, user_id=photo.user_id, search_text=search_text_for(photo, album_name)
    )


def index_photos(db: Session, photos: Iterable[Photo]) -> int:
    names: dict[int, str] = {}
    count = 0
    for photo in photos:
        if photo.album_id not in names:
            names[photo.album_id] = (
                db.scalar(select(Album.name).where(Album.id == photo.album_id)) or ""
            )
        index_photo(db, photo, album_name=names[photo.album_id])
        count += 1
    return count


def index_album(db: Session, album: Album) -> int:
    """After a rename: every photo of the album is found by the new name."""
    photos = db.scalars(
        select(Photo).where(Photo.album_id == album.id, Photo.user_id == album.user_id)
    )
    count = 0
    for photo in photos:
        index_photo(db, photo, album_name=album.name)
        count += 1
    return count


def remove_photos(db: Session, photo_ids: Iterable[int]) -> None:
    repository.remove(db, photo_ids)


def rebuild(db: Session, *, batch: int = 1000) -> int:
    """Rebuild the whole index from the photos (``python -m server reindex``); commits."""
    repository.begin_rebuild(db)
    albums = {album_id: name for album_id, name in db.execute(select(Album.id, Album.name))}
    count = 0
    last_id = 0
    while True:
        photos = list(
            db.scalars(select(Photo).where(Photo.id > last_id).order_by(Photo.id).limit(batch))
        )
        if not photos:
            break
        repository.insert_many(
            db,
            [
                {
                    "photo_id": photo.id,
                    "user_id": photo.user_id,
                    "search_text": search_text_for(photo, albums.get(photo.album_id, "")),
                }
                for photo in photos
            ],
        )
        count += len(photos)
        last_id = photos[-1].id
        db.commit()
        db.expunge_all()
    repository.finish_rebuild(db)
    return count
