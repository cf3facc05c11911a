"""Photo actions: list a page, details, images, edit, move, delete, translate."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QImage

from desktop.api.models import Album, Language, Photo, PhotoPage, Translation
from desktop.context import AppContext
from desktop.operations import Failure, Success, run, then
from desktop.ops import QueryOp


def list_photos(
    *,
    parent: QObject,
    ctx: AppContext,
    album_id: int,
    limit: int,
    cursor: str | None,
    success: Success,
    failure: Failure = None,
) -> QueryOp[PhotoPage]:
    """One page of an album's photos."""
    client = ctx.client
    return run(
        QueryOp(
            parent=parent,
            op=lambda: client.list_photos(album_id, limit=limit, cursor=cursor),
            success=then(success),
        ),
        failure,
    )


def load_photo(
    *, parent: QObject, ctx: AppContext, photo_id: int, success: Success, failure: Failure = None
) -> QueryOp[Photo]:
    """A photo's current record (tags, state)."""
    client = ctx.client
    return run(
        QueryOp(parent=parent, op=lambda: client.photo(photo_id), success=then(success)), failure
    )


def update_photo(
    *,
    parent: QObject,
    ctx: AppContext,
    photo_id: int,
    name: str,
    description: str,
    success: Success = None,
    failure: Failure = None,
) -> QueryOp[Photo]:
    """Save a photo's name and description."""
    client = ctx.client
    return run(
        QueryOp(
            parent=parent,
            op=lambda: client.update_photo(photo_id, name=name, description=description),
            success=then(ctx.events.photo_updated.emit, success),
        ),
        failure,
    )


def move_photo(
    *,
    parent: QObject,
    ctx: AppContext,
    photo: Photo,
    album: Album,
    success: Success = None,
    failure: Failure = None,
) -> QueryOp[Photo]:
    """Move ``photo`` into ``album``."""
    client = ctx.client

    def moved(updated: Photo) -> None:
        ctx.events.photo_updated.emit(updated)
        ctx.events.albums_changed.emit()

    return run(
        QueryOp(
            parent=parent,
            op=lambda: client.update_photo(photo.id, album_id=album.id),
            success=then(moved, success),
        ),
        failure,
    )


def delete_photo(
    *,
    parent: QObject,
    ctx: AppContext,
    photo: Photo,
    success: Success = None,
    failure: Failure = None,
) -> QueryOp[None]:
    """Delete ``photo`` for good."""
    client = ctx.client

    def deleted(_none: None) -> None:
        ctx.events.photo_deleted.emit(photo.id, photo.album_id)
        ctx.events.albums_changed.emit()

    return run(
        QueryOp(
            parent=parent, op=lambda: client.delete_photo(photo.id), success=then(deleted, success)
        ),
        failure,
    )


def photos_uploaded(ctx: AppContext, album_id: int) -> None:
    """Announce that an upload batch added photos to ``album_id``."""
    ctx.events.photos_added.emit(album_id)
    ctx.events.albums_changed.emit()


def load_languages(
    *, parent: QObject, ctx: AppContext, success: Success, failure: Failure = None
) -> QueryOp[list[Language]]:
    """The languages the server translates into."""
    return run(QueryOp(parent=parent, op=ctx.client.languages, success=then(success)), failure)


def translate_description(
    *,
    parent: QObject,
    ctx: AppContext,
    photo_id: int,
    language: str,
    success: Success,
    failure: Failure = None,
) -> QueryOp[Translation]:
    """A photo's description in ``language``."""
    client = ctx.client
    return run(
        QueryOp(
            parent=parent, op=lambda: client.translation(photo_id, language), success=then(success)
        ),
        failure,
    )


def load_image(
    *,
    parent: QObject,
    ctx: AppContext,
    photo: Photo,
    variant: str,
    success: Success,
    failure: Failure = None,
) -> QueryOp[QImage]:
    """A photo's ``preview`` or ``thumb`` image, through the disk cache (keyed by id and hash)."""
    client, cache, namespace = ctx.client, ctx.thumbnails, ctx.thumbnail_namespace()

    def fetch() -> QImage:
        data = cache.get(namespace, photo.id, photo.sha256, variant) if photo.sha256 else None
        if data is None:
            data = client.photo_content(photo.id, variant)
            if photo.sha256:
                cache.put(namespace, photo.id, photo.sha256, data, variant)
        image = QImage()
        image.loadFromData(data)
        return image

    return run(QueryOp(parent=parent, op=fetch, success=then(success)), failure)
