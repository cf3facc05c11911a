from __future__ import annotations

import random
from typing import Annotated

from fastapi import APIRouter, File, Form, Response, UploadFile, status

from server.deps import ClientAddress, ContextDep, CurrentUser, DbDep, SettingsDep, StoreDep
from server.faces import service
from server.faces.schemas import FaceStatus, FaceTagsOut
from server.uploads import read_upload
from server.users import service as users
from server.users.schemas import CurrentPasswordIn, TokenOut

router = APIRouter(prefix="/api/v1", tags=["face login"])


def _read_frames(frames: list[UploadFile], max_bytes: int, max_count: int) -> list[bytes]:
    # Reading stops one past the limit: the service answers too_many_frames without reading more.
    return [
        read_upload(frame, max_bytes=max_bytes, field="frames") for frame in frames[: max_count + 1]
    ]


@router.get("/auth/face-challenge")
def face_challenge(context: ContextDep) -> dict[str, object]:
    """A liveness challenge for the client to prompt (the server verifies whichever is sent)."""
    supported = (
        sorted(context.engines.faces.supported_challenges) if context.settings.face_liveness else []
    )
    preferred = [c for c in ("turn_left", "turn_right") if c in supported] or supported
    return {"challenge": random.choice(preferred) if preferred else None, "supported": supported}


@router.post("/auth/face-login", response_model=TokenOut)
def face_login(
    db: DbDep,
    context: ContextDep,
    settings: SettingsDep,
    address: ClientAddress,
    frames: Annotated[list[UploadFile], File(description="Camera frames in capture order")],
    login: Annotated[str | None, Form(max_length=254)] = None,
    challenge: Annotated[str | None, Form(max_length=32)] = None,
) -> TokenOut:
    """Log in by face. With `login`, 1:1 against that account; without, 1:N identification."""
    data = _read_frames(frames, settings.max_upload_bytes, settings.face_frames_max)
    token, auth_session, user = service.login(
        db,
        settings,
        context.engines,
        login=login,
        frames=data,
        challenge=challenge,
        address=address,
    )
    return TokenOut(token=token, expires_at=auth_session.expires_at, user=users.to_out(db, user))


@router.get("/me/face", response_model=FaceStatus)
def get_face(user: CurrentUser, db: DbDep) -> FaceStatus:
    return service.status(db, user)


@router.put("/me/face", response_model=FaceStatus)
def enrol_face(
    user: CurrentUser,
    db: DbDep,
    store: StoreDep,
    context: ContextDep,
    settings: SettingsDep,
    address: ClientAddress,
    current_password: Annotated[str, Form(max_length=1000)],
    frames: Annotated[list[UploadFile], File(description="3–5 frames of one face")],
) -> FaceStatus:
    """Turn face login on, or replace the enrolled face (current password required)."""
    users.check_current_password(db, settings, user, current_password, address=address)
    data = _read_frames(frames, settings.max_upload_bytes, settings.face_frames_max)
    return service.enrol(db, store, settings, context.engines, user, data)


@router.delete("/me/face", status_code=status.HTTP_204_NO_CONTENT)
def disable_face(
    body: CurrentPasswordIn,
    user: CurrentUser,
    db: DbDep,
    store: StoreDep,
    settings: SettingsDep,
    address: ClientAddress,
) -> Response:
    """Turn face login off; every biometric row and object is deleted."""
    users.check_current_password(db, settings, user, body.current_password, address=address)
    service.disable(db, store, user)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.get("/me/tags", response_model=FaceTagsOut)
def profile_tags(user: CurrentUser, db: DbDep, store: StoreDep, context: ContextDep) -> FaceTagsOut:
    """Face tags of the current profile photo (DetectFaces-style), computed once and stored."""
    return service.profile_tags(db, store, context.engines, user)
