"""Account actions: resume, log out, profile, password, delete."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtGui import QImage

from desktop.api.client import ApiClient
from desktop.api.models import User
from desktop.context import AppContext
from desktop.operations import Failure, Success, run, then
from desktop.ops import QueryOp


def resume_session(
    *, parent: QObject, ctx: AppContext, success: Success, failure: Failure = None
) -> QueryOp[User]:
    """Check that the saved token still works; on success the user is signed in again."""
    return run(
        QueryOp(parent=parent, op=ctx.client.me, success=then(ctx.set_user, success)), failure
    )


def log_out(*, parent: QObject, ctx: AppContext) -> None:
    """Forget the session here at once (every screen clears) and revoke it on the server."""
    base_url = ctx.client.base_url
    token = ctx.end_session("logout")
    if token:
        # Its own client: the shared one no longer carries the token.
        revoke = ApiClient(base_url, token)
        run(QueryOp(parent=parent, op=revoke.logout, success=lambda _n: None), lambda _e: None)


def load_profile_photo(
    *, parent: QObject, ctx: AppContext, success: Success, failure: Failure = None
) -> QueryOp[QImage]:
    """The signed-in user's profile photo (an empty image when signed out)."""
    client, user = ctx.client, ctx.user

    def fetch() -> QImage:
        image = QImage()
        if user is not None:
            image.loadFromData(client.profile_photo(user))
        return image

    return run(QueryOp(parent=parent, op=fetch, success=then(success)), failure)


def load_profile_tags(
    *, parent: QObject, ctx: AppContext, success: Success, failure: Failure = None
) -> QueryOp[list[dict[str, Any]]]:
    """What the face engine sees in the profile photo (DetectFaces-shaped records)."""
    return run(QueryOp(parent=parent, op=ctx.client.me_tags, success=then(success)), failure)


def update_profile(
    *,
    parent: QObject,
    ctx: AppContext,
    current_password: str,
    photo: Path | bytes | None,
    changes: dict[str, str],
    success: Success = None,
    failure: Failure = None,
) -> QueryOp[User]:
    """Save username, email, full name and/or a new profile photo."""
    client = ctx.client

    def saved(user: User) -> None:
        ctx.set_user(user)
        if "username" in changes or "email" in changes:
            # The login screen offers what the person now logs in with, never the old name.
            ctx.settings.last_login = user.username
            ctx.save_settings()
        if photo is not None:
            ctx.events.albums_changed.emit()  # the profile album gained a photo

    return run(
        QueryOp(
            parent=parent,
            op=lambda: client.update_me(current_password=current_password, photo=photo, **changes),
            success=then(saved, success),
        ),
        failure,
    )


def change_password(
    *,
    parent: QObject,
    ctx: AppContext,
    current_password: str,
    new_password: str,
    success: Success = None,
    failure: Failure = None,
) -> QueryOp[None]:
    """Change the password (the server ends the other sessions)."""
    client = ctx.client
    return run(
        QueryOp(
            parent=parent,
            op=lambda: client.change_password(current_password, new_password),
            success=then(success),
        ),
        failure,
    )


def delete_account(
    *,
    parent: QObject,
    ctx: AppContext,
    current_password: str,
    success: Success = None,
    failure: Failure = None,
) -> QueryOp[None]:
    """Delete the account for good; its cached images go too, then the session ends."""
    client = ctx.client
    namespace = ctx.thumbnail_namespace()

    def deleted(_none: None) -> None:
        ctx.thumbnails.purge(namespace)
        ctx.pending_uploads.save(namespace, [])
        ctx.settings.last_login = ""
        ctx.save_settings()
        ctx.end_session("deleted")

    return run(
        QueryOp(
            parent=parent,
            op=lambda: client.delete_me(current_password),
            success=then(deleted, success),
        ),
        failure,
    )
