from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, File, Form, Response, UploadFile, status

from server.deps import (
    AuthDep,
    ClientAddress,
    ContextDep,
    CurrentUser,
    DbDep,
    SettingsDep,
    StoreDep,
)
from server.people import service as people_service
from server.uploads import read_upload
from server.users import service
from server.users.schemas import CurrentPasswordIn, PasswordChangeIn, UserOut

router = APIRouter(prefix="/api/v1/me", tags=["account"])


@router.get("", response_model=UserOut)
def get_me(user: CurrentUser, db: DbDep) -> UserOut:
    """The logged-in user's profile."""
    return service.to_out(db, user)


@router.patch("", response_model=UserOut)
def update_me(
    user: CurrentUser,
    db: DbDep,
    store: StoreDep,
    settings: SettingsDep,
    address: ClientAddress,
    current_password: Annotated[str, Form(max_length=1000)],
    username: Annotated[str | None, Form(max_length=200)] = None,
    email: Annotated[str | None, Form(max_length=400)] = None,
    full_name: Annotated[str | None, Form(max_length=1000)] = None,
    language: Annotated[str | None, Form(max_length=8)] = None,
    photo: Annotated[UploadFile | None, File()] = None,
) -> UserOut:
    """Edit the profile (current password required); a new photo joins "Fotos de perfil"."""
    service.check_current_password(db, settings, user, current_password, address=address)
    data = (
        read_upload(photo, max_bytes=settings.max_upload_bytes, field="photo")
        if photo is not None
        else None
    )
    changes = service.ProfileChanges(
        username=username,
        email=email,
        full_name=full_name,
        language=language,
        photo=data,
        photo_filename=photo.filename if photo is not None else None,
    )
    service.update_profile(db, store, settings, user, changes)
    return service.to_out(db, user)


@router.post("/password", status_code=status.HTTP_204_NO_CONTENT)
def change_password(
    body: PasswordChangeIn, auth: AuthDep, db: DbDep, settings: SettingsDep, address: ClientAddress
) -> Response:
    """Change the password; every other session of the account is closed."""
    service.change_password(
        db,
        settings,
        auth.user,
        auth.session,
        current=body.current_password,
        new=body.new_password,
        address=address,
    )
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.delete("", status_code=status.HTTP_204_NO_CONTENT)
def delete_me(
    body: CurrentPasswordIn,
    user: CurrentUser,
    db: DbDep,
    store: StoreDep,
    settings: SettingsDep,
    address: ClientAddress,
    context: ContextDep,
) -> Response:
    """Delete the account: every row and stored object of the user is removed, and the face
    collection the cloud engine keeps for them."""
    user_id = user.id
    service.delete_account(
        db, store, settings, user, current=body.current_password, address=address
    )
    people_service.forget_user(context.engines, settings, user_id=user_id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)
