from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, File, Form, Response, UploadFile, status

from server.deps import ClientAddress, ContextDep, CurrentUser, DbDep, SettingsDep, StoreDep
from server.faces import service
from server.faces.schemas import (
    FaceChallengeIn,
    FaceChallengeOut,
    FaceSettingsIn,
    FaceStatus,
    FaceTagsOut,
)
from server.uploads import read_upload
from server.users import service as users
from server.users.schemas import CurrentPasswordIn, TokenOut

router = APIRouter(prefix="/api/v1", tags=["face login"])


def _read_frames(frames: list[UploadFile], max_bytes: int, max_count: int) -> list[bytes]:
    # Reading stops one past the limit: the service answers too_many_frames without reading more.
    return [
        read_upload(frame, max_bytes=max_bytes, field="frames") for frame in frames[: max_count + 1]
    ]


@router.post("/auth/face-challenge", response_model=FaceChallengeOut)
def face_challenge(
    db: DbDep, settings: SettingsDep, address: ClientAddress, body: FaceChallengeIn | None = None
) -> FaceChallengeOut:
    """A random head-movement script for one face login (single use, short-lived)."""
    login = body.login if body else None
    return service.issue_challenge(db, settings, login=login, address=address)


@router.post("/auth/face-login", response_model=TokenOut)
def face_login(
    db: DbDep,
    context: ContextDep,
    settings: SettingsDep,
    address: ClientAddress,
    frames: Annotated[
        list[UploadFile] | None, File(description="8–24 camera frames in capture order")
    ] = None,
    challenge_id: Annotated[str | None, Form(max_length=64)] = None,
    offsets_ms: Annotated[
        str | None, Form(max_length=2000, description="JSON list: capture time of each frame")
    ] = None,
    login: Annotated[str | None, Form(max_length=254)] = None,
) -> TokenOut:
    """Log in by face, answering a challenge. With `login`, 1:1 against that account; without,
    1:N among the users who opted in."""
    data = _read_frames(frames or [], settings.face_frame_max_bytes, settings.face_frames_max)
    token, auth_session, user = service.login(
        db,
        settings,
        context.engines,
        challenge_id=challenge_id,
        login=login,
        frames=data,
        offsets_ms=offsets_ms,
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
    data = _read_frames(frames, settings.max_upload_bytes, settings.face_enrol_frames_max)
    return service.enrol(db, store, settings, context.engines, user, data)


@router.patch("/me/face", response_model=FaceStatus)
def change_face_settings(
    body: FaceSettingsIn,
    user: CurrentUser,
    db: DbDep,
    settings: SettingsDep,
    address: ClientAddress,
) -> FaceStatus:
    """Opt in to (current password required) or out of face login without a username."""
    return service.set_identification(db, settings, user, body, address=address)


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
