"""Actions on many photos at once (move, trash, restore, export) and search.

Every change is one server call (``POST /photos/bulk``: all or none) and is announced per
photo on ``ctx.events`` so open screens drop or update those photos.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QObject

from desktop.api.models import DuplicateGroup, Photo, PhotoPage, SearchPage
from desktop.context import AppContext
from desktop.operations import Failure, Success, run, then
from desktop.ops import QueryOp


def _announce_moved(ctx: AppContext, photos: list[Photo], album_id: int) -> None:
    for photo in photos:
        ctx.events.photo_updated.emit(photo)
    ctx.events.photos_added.emit(album_id)  # the album shown there gains them
    ctx.events.albums_changed.emit()


def move_photos(
    *,
    parent: QObject,
    ctx: AppContext,
    photo_ids: Sequence[int],
    album_id: int,
    success: Success = None,
    failure: Failure = None,
) -> QueryOp[list[Photo]]:
    """Move the photos into ``album_id``; ``success`` gets the moved photos."""
    client, ids = ctx.client, list(photo_ids)
    return run(
        QueryOp(
            parent=parent,
            op=lambda: client.bulk("move", ids, album_id),
            success=then(lambda moved: _announce_moved(ctx, moved, album_id), success),
        ),
        failure,
    )


def trash_photos(
    *,
    parent: QObject,
    ctx: AppContext,
    photo_ids: Sequence[int],
    success: Success = None,
    failure: Failure = None,
) -> QueryOp[list[Photo]]:
    """Move the photos to the trash (kept 30 days)."""
    client, ids = ctx.client, list(photo_ids)

    def trashed(photos: list[Photo]) -> None:
        for photo in photos:
            ctx.events.photo_deleted.emit(photo.id, photo.album_id)
        ctx.events.albums_changed.emit()

    return run(
        QueryOp(
            parent=parent, op=lambda: client.bulk("trash", ids), success=then(trashed, success)
        ),
        failure,
    )


def restore_photos(
    *,
    parent: QObject,
    ctx: AppContext,
    photo_ids: Sequence[int],
    success: Success = None,
    failure: Failure = None,
) -> QueryOp[list[Photo]]:
    """Take the photos out of the trash, back into their albums."""
    client, ids = ctx.client, list(photo_ids)

    def restored(photos: list[Photo]) -> None:
        for album_id in sorted({photo.album_id for photo in photos}):
            ctx.events.photos_added.emit(album_id)
        ctx.events.albums_changed.emit()

    return run(
        QueryOp(
            parent=parent, op=lambda: client.bulk("restore", ids), success=then(restored, success)
        ),
        failure,
    )


def export_originals(
    *,
    parent: QObject,
    ctx: AppContext,
    photos: Sequence[Photo],
    folder: Path,
    success: Success = None,
    failure: Failure = None,
) -> QueryOp[int]:
    """Save each photo's original into ``folder`` (names made unique); ``success`` gets the count."""
    client, chosen = ctx.client, list(photos)

    def export() -> int:
        used: set[str] = set()
        for photo in chosen:
            extension = {"image/png": ".png", "image/webp": ".webp", "image/heic": ".heic"}.get(
                photo.content_type, ".jpg"
            )
            stem = (
                "".join(c for c in photo.name if c not in '<>:"/\\|?*').strip()
                or f"foto-{photo.id}"
            )
            name, n = f"{stem}{extension}", 1
            while name.lower() in used or (folder / name).exists():
                n += 1
                name = f"{stem} ({n}){extension}"
            used.add(name.lower())
            (folder / name).write_bytes(client.photo_content(photo.id, "original"))
        return len(chosen)

    return run(QueryOp(parent=parent, op=export, success=then(success)), failure)


def search(
    *,
    parent: QObject,
    ctx: AppContext,
    query: str,
    album_id: int | None,
    date_from: str | None,
    date_to: str | None,
    has_text: bool | None,
    limit: int,
    cursor: str | None,
    success: Success,
    failure: Failure = None,
) -> QueryOp[SearchPage]:
    """One page of search results."""
    client = ctx.client
    return run(
        QueryOp(
            parent=parent,
            op=lambda: client.search(
                query,
                album_id=album_id,
                date_from=date_from,
                date_to=date_to,
                has_text=has_text,
                limit=limit,
                cursor=cursor,
            ),
            success=then(success),
        ),
        failure,
    )


def load_duplicates(
    *, parent: QObject, ctx: AppContext, success: Success, failure: Failure = None
) -> QueryOp[list[DuplicateGroup]]:
    """Groups of photos that look the same or alike."""
    return run(QueryOp(parent=parent, op=ctx.client.duplicates, success=then(success)), failure)


def keep_one(
    *,
    parent: QObject,
    ctx: AppContext,
    keep: Photo,
    others: Sequence[Photo],
    success: Success = None,
    failure: Failure = None,
) -> QueryOp[Photo]:
    """Keep ``keep`` (with the group's best description), move ``others`` to the trash."""
    client, other_ids = ctx.client, [photo.id for photo in others]

    def kept(photo: Photo) -> None:
        ctx.events.photo_updated.emit(photo)
        for other in others:
            ctx.events.photo_deleted.emit(other.id, other.album_id)
        ctx.events.albums_changed.emit()

    return run(
        QueryOp(
            parent=parent,
            op=lambda: client.keep_duplicate(keep.id, other_ids),
            success=then(kept, success),
        ),
        failure,
    )


def list_trash(
    *,
    parent: QObject,
    ctx: AppContext,
    limit: int,
    cursor: str | None,
    success: Success,
    failure: Failure = None,
) -> QueryOp[PhotoPage]:
    """One page of the photos in the trash."""
    client = ctx.client
    return run(
        QueryOp(
            parent=parent,
            op=lambda: client.trash(limit=limit, cursor=cursor),
            success=then(success),
        ),
        failure,
    )


def empty_trash(
    *, parent: QObject, ctx: AppContext, success: Success = None, failure: Failure = None
) -> QueryOp[int]:
    """Delete every photo in the trash for good."""
    return run(QueryOp(parent=parent, op=ctx.client.empty_trash, success=then(success)), failure)
