"""Album actions: list, create, rename, delete."""

from __future__ import annotations

from PySide6.QtCore import QObject

from desktop.api.models import Album
from desktop.context import AppContext
from desktop.operations import Failure, Success, run, then
from desktop.ops import QueryOp


def load_albums(
    *,
    parent: QObject,
    ctx: AppContext,
    success: Success,
    failure: Failure = None,
    progress: str | None = None,
) -> QueryOp[list[Album]]:
    """Fetch the signed-in user's albums."""
    return run(
        QueryOp(parent=parent, op=ctx.client.albums, success=then(success)), failure, progress
    )


def create_album(
    *, parent: QObject, ctx: AppContext, name: str, success: Success = None, failure: Failure = None
) -> QueryOp[Album]:
    """Create an album called ``name``."""
    client = ctx.client
    return run(
        QueryOp(
            parent=parent,
            op=lambda: client.create_album(name),
            success=then(lambda _a: ctx.events.albums_changed.emit(), success),
        ),
        failure,
    )


def rename_album(
    *,
    parent: QObject,
    ctx: AppContext,
    album: Album,
    name: str,
    success: Success = None,
    failure: Failure = None,
) -> QueryOp[Album]:
    """Give ``album`` a new name."""
    client = ctx.client
    return run(
        QueryOp(
            parent=parent,
            op=lambda: client.rename_album(album.id, name),
            success=then(lambda _a: ctx.events.albums_changed.emit(), success),
        ),
        failure,
    )


def delete_album(
    *,
    parent: QObject,
    ctx: AppContext,
    album: Album,
    success: Success = None,
    failure: Failure = None,
) -> QueryOp[None]:
    """Delete ``album`` and its photos."""
    client = ctx.client

    def deleted(_none: None) -> None:
        ctx.events.album_deleted.emit(album.id)
        ctx.events.albums_changed.emit()

    return run(
        QueryOp(
            parent=parent, op=lambda: client.delete_album(album.id), success=then(deleted, success)
        ),
        failure,
    )
