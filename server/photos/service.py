"""Photo rules: upload (image checks, variants, atomic write), listing, edits, moves, deletes."""

from __future__ import annotations

import base64
import binascii
from dataclasses import dataclass
from pathlib import PurePath

from sqlalchemy.orm import Session

from server.albums import service as album_service
from server.albums.models import Album
from server.config import Settings
from server.errors import NotFound, ValidationFailed
from server.images import ImageRejected, ProcessedImage, process_upload
from server.jobs import repository as jobs
from server.photos import repository
from server.photos.models import Photo
from server.photos.objects import StagedObjects, delete_objects_quietly, photo_key_prefix
from server.photos.schemas import PHOTO_JSON, PHOTO_PAGE_JSON, PhotoOut, PhotoPatch
from server.storage import ObjectStore
from server.validation import clean_text

VARIANTS = ("thumb", "preview", "original")


def photo_not_found() -> NotFound:
    return NotFound("That photo does not exist.", code="photo_not_found")


def to_out(photo: Photo) -> PhotoOut:
    return PhotoOut.model_validate(photo, from_attributes=True)


def image_error(exc: ImageRejected, field: str) -> ValidationFailed:
    """Turn an image rejection into the contract's error with the field it concerns."""
    return ValidationFailed(exc.message, code=exc.code, status=exc.status, fields={field: exc.code})


def process(settings: Settings, data: bytes, *, field: str) -> ProcessedImage:
    try:
        return process_upload(
            data,
            max_bytes=settings.max_upload_bytes,
            max_pixels=settings.max_image_pixels,
            thumb_px=settings.thumbnail_px,
            preview_px=settings.preview_px,
        )
    except ImageRejected as exc:
        raise image_error(exc, field) from exc


def default_name(filename: str | None) -> str:
    stem = PurePath(filename or "").stem.strip()
    return stem[:100] or "Foto"


def add_photo(
    db: Session,
    staged: StagedObjects,
    settings: Settings,
    *,
    user_id: int,
    album: Album,
    image: ProcessedImage,
    name: str,
    description: str,
) -> Photo:
    """Write the three variants and add the row (flushed, not committed: the caller commits
    inside the `staged` block so a failed commit removes the objects again)."""
    prefix = photo_key_prefix(user_id=user_id, album_id=album.id, profile=album.kind == "profile")
    keys = {
        "original": f"{prefix}/original.{image.extension}",
        "preview": f"{prefix}/preview.jpg",
        "thumb": f"{prefix}/thumb.jpg",
    }
    staged.put(keys["original"], image.original, image.content_type)
    staged.put(keys["preview"], image.preview, "image/jpeg")
    staged.put(keys["thumb"], image.thumbnail, "image/jpeg")
    tags_wanted = settings.labels_engine != "none"
    photo = Photo(
        user_id=user_id,
        album_id=album.id,
        name=name,
        description=description,
        content_type=image.content_type,
        size_bytes=image.size_bytes,
        width=image.width,
        height=image.height,
        sha256=image.sha256,
        taken_at=image.taken_at,
        camera=image.camera[:200] if image.camera else None,
        original_key=keys["original"],
        preview_key=keys["preview"],
        thumbnail_key=keys["thumb"],
        labels_state="pending" if tags_wanted else "none",
    )
    db.add(photo)
    db.flush()
    if tags_wanted:
        jobs.enqueue(db, kind=jobs.TAG_PHOTO, photo_id=photo.id)
    return photo


def clean_photo_name(settings: Settings, name: str | None) -> str:
    return clean_text(
        name,
        field="name",
        label="The photo name",
        max_length=settings.photo_name_max,
        required=True,
    )


def clean_description(settings: Settings, description: str | None) -> str:
    return clean_text(
        description,
        field="description",
        label="The description",
        max_length=settings.description_max,
        required=False,
        allow_newlines=True,
    )


def upload(
    db: Session,
    store: ObjectStore,
    settings: Settings,
    *,
    user_id: int,
    album_id: int,
    data: bytes,
    filename: str | None,
    name: str | None,
    description: str | None,
) -> Photo:
    album = album_service.get_owned(db, user_id=user_id, album_id=album_id)
    if album.kind == "profile":
        raise album_service.profile_album_locked()
    clean_name = clean_photo_name(settings, default_name(filename) if name is None else name)
    clean_desc = clean_description(settings, description)
    image = process(settings, data, field="file")
    with StagedObjects(store) as staged:
        photo = add_photo(
            db,
            staged,
            settings,
            user_id=user_id,
            album=album,
            image=image,
            name=clean_name,
            description=clean_desc,
        )
        db.commit()
    return photo


def get_owned(db: Session, *, user_id: int, photo_id: int) -> Photo:
    photo = repository.get_owned(db, user_id=user_id, photo_id=photo_id)
    if photo is None:
        raise photo_not_found()
    return photo


def encode_cursor(photo_id: int) -> str:
    return base64.urlsafe_b64encode(f"p{photo_id}".encode()).decode().rstrip("=")


def decode_cursor(cursor: str) -> int:
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
        if not raw.startswith("p"):
            raise ValueError(raw)
        value = int(raw[1:])
        if value <= 0:
            raise ValueError(raw)
        return value
    except (ValueError, UnicodeDecodeError, binascii.Error) as exc:
        raise ValidationFailed(
            "The page cursor is not valid; start from the first page.",
            code="invalid_cursor",
            fields={"cursor": "invalid"},
        ) from exc


def photo_json_bytes(db: Session, *, user_id: int, photo_id: int) -> bytes:
    """The JSON body of ``GET /photos/{id}``."""
    row = repository.get_owned_shown(db, user_id=user_id, photo_id=photo_id)
    if row is None:
        raise photo_not_found()
    return PHOTO_JSON.dump_json(PHOTO_JSON.validate_python(row._asdict()))


def _page_bounds(
    settings: Settings, limit: int | None, cursor: str | None
) -> tuple[int, int | None]:
    """The page size and the id to start below, from the query's ``limit`` and ``cursor``."""
    size = settings.page_size_default if limit is None else limit
    if not 1 <= size <= settings.page_size_max:
        raise ValidationFailed(
            f"limit must be between 1 and {settings.page_size_max}.",
            code="validation_error",
            fields={"limit": f"1..{settings.page_size_max}"},
        )
    return size, decode_cursor(cursor) if cursor else None


def page_json_bytes(
    db: Session,
    settings: Settings,
    *,
    user_id: int,
    album_id: int,
    limit: int | None,
    cursor: str | None,
) -> bytes:
    """The JSON body of a page of the album's photos, serialised in one pass."""
    try:
        size, before_id = _page_bounds(settings, limit, cursor)
    except ValidationFailed:
        album_service.check_owned(db, user_id=user_id, album_id=album_id)  # 404 comes first
        raise
    rows = repository.list_page(
        db, user_id=user_id, album_id=album_id, limit=size, before_id=before_id
    )
    if not rows:
        # Rows are scoped to the owner, so any row proves the album is the user's; only an empty
        # page needs the album checked (an empty album, or someone else's: 404).
        album_service.check_owned(db, user_id=user_id, album_id=album_id)
    has_more = len(rows) > size
    rows = rows[:size]
    page = {
        "items": [row._asdict() for row in rows],
        "next_cursor": encode_cursor(rows[-1].id) if has_more and rows else None,
    }
    # Validated and serialised in pydantic's core, in one pass each: no model per photo.
    return PHOTO_PAGE_JSON.dump_json(PHOTO_PAGE_JSON.validate_python(page))


def update(
    db: Session, settings: Settings, *, user_id: int, photo_id: int, patch: PhotoPatch
) -> Photo:
    photo = get_owned(db, user_id=user_id, photo_id=photo_id)
    if patch.name is not None:
        photo.name = clean_photo_name(settings, patch.name)
    if patch.description is not None:
        description = clean_description(settings, patch.description)
        if description != photo.description:
            photo.description = description
            repository.drop_translations(db, photo_id=photo.id)
    if patch.album_id is not None and patch.album_id != photo.album_id:
        target = album_service.get_owned(db, user_id=user_id, album_id=patch.album_id)
        source = album_service.get_owned(db, user_id=user_id, album_id=photo.album_id)
        if target.kind == "profile" or source.kind == "profile":
            raise album_service.profile_album_locked()
        photo.album_id = target.id
    db.commit()
    return photo


def delete(db: Session, store: ObjectStore, *, user_id: int, photo_id: int) -> None:
    photo = get_owned(db, user_id=user_id, photo_id=photo_id)
    keys = photo.object_keys
    db.delete(photo)
    db.commit()
    delete_objects_quietly(store, keys)


@dataclass(frozen=True)
class PhotoContent:
    key: str
    content_type: str
    etag: str


def content_ref(photo: Photo, variant: str) -> PhotoContent:
    if variant not in VARIANTS:
        raise ValidationFailed(
            "variant must be thumb, preview or original.",
            fields={"variant": "thumb|preview|original"},
        )
    if variant == "original":
        return PhotoContent(photo.original_key, photo.content_type, f'"{photo.sha256}"')
    key = photo.thumbnail_key if variant == "thumb" else photo.preview_key
    return PhotoContent(key, "image/jpeg", f'"{photo.sha256[:32]}-{variant}"')
