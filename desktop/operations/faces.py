"""Face-login actions on the account page: state, enrol, disable."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QObject

from desktop.api.models import FaceStatus
from desktop.context import AppContext
from desktop.operations import Failure, Success, run, then
from desktop.ops import QueryOp


def load_face_status(
    *, parent: QObject, ctx: AppContext, success: Success, failure: Failure = None
) -> QueryOp[FaceStatus]:
    """Whether face login is on for the signed-in account."""
    return run(QueryOp(parent=parent, op=ctx.client.face_status, success=then(success)), failure)


def _remember(ctx: AppContext, status: FaceStatus) -> None:
    if ctx.user is not None:
        ctx.set_user(replace(ctx.user, face_login_enabled=status.enabled))


def enrol_face(
    *,
    parent: QObject,
    ctx: AppContext,
    current_password: str,
    frames: list[bytes],
    success: Success = None,
    failure: Failure = None,
) -> QueryOp[FaceStatus]:
    """Turn face login on (or re-enrol) with camera frames."""
    client = ctx.client
    return run(
        QueryOp(
            parent=parent,
            op=lambda: client.enrol_face(current_password, frames),
            success=then(lambda status: _remember(ctx, status), success),
        ),
        failure,
    )


def disable_face(
    *,
    parent: QObject,
    ctx: AppContext,
    current_password: str,
    success: Success = None,
    failure: Failure = None,
) -> QueryOp[None]:
    """Turn face login off; the server erases the face data."""
    client = ctx.client
    return run(
        QueryOp(
            parent=parent,
            op=lambda: client.disable_face(current_password),
            success=then(lambda _n: _remember(ctx, FaceStatus(enabled=False)), success),
        ),
        failure,
    )


def set_face_identification(
    *,
    parent: QObject,
    ctx: AppContext,
    enabled: bool,
    current_password: str,
    success: Success = None,
    failure: Failure = None,
) -> QueryOp[FaceStatus]:
    """Opt in to (password needed) or out of face login without typing a username."""
    client = ctx.client
    return run(
        QueryOp(
            parent=parent,
            op=lambda: client.set_face_identification(enabled, current_password),
            success=then(success),
        ),
        failure,
    )
