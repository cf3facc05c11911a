from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, File, Form, Response, UploadFile, status

from server.auth import service
from server.deps import AuthDep, ClientAddress, DbDep, SettingsDep, StoreDep
from server.uploads import read_upload
from server.users import service as users
from server.users.schemas import LoginIn, TokenOut

router = APIRouter(prefix="/api/v1/auth", tags=["account"])


@router.post("/register", status_code=status.HTTP_201_CREATED, response_model=TokenOut)
def register(
    db: DbDep,
    store: StoreDep,
    settings: SettingsDep,
    address: ClientAddress,
    username: Annotated[str, Form(max_length=200)],
    email: Annotated[str, Form(max_length=400)],
    password: Annotated[str, Form(max_length=1000)],
    password_confirm: Annotated[str, Form(max_length=1000)],
    photo: Annotated[UploadFile, File(description="Profile photo (JPEG, PNG, WebP, HEIC)")],
    full_name: Annotated[str, Form(max_length=1000)] = "",
    language: Annotated[str | None, Form(max_length=8)] = None,
) -> TokenOut:
    """Create an account with its profile photo and album "Fotos de perfil"; returns a session."""
    data = read_upload(photo, max_bytes=settings.max_upload_bytes, field="photo")
    form = users.Registration(
        username=username,
        email=email,
        full_name=full_name,
        password=password,
        password_confirm=password_confirm,
        language=language,
        photo=data,
        photo_filename=photo.filename,
    )
    token, auth_session, user = users.register(db, store, settings, form, address=address)
    return TokenOut(token=token, expires_at=auth_session.expires_at, user=users.to_out(db, user))


@router.post("/login", response_model=TokenOut)
def login(body: LoginIn, db: DbDep, settings: SettingsDep, address: ClientAddress) -> TokenOut:
    """Log in with username or email and password."""
    token, auth_session, user = service.login(
        db, settings, login=body.login, password=body.password, address=address
    )
    return TokenOut(token=token, expires_at=auth_session.expires_at, user=users.to_out(db, user))


@router.post("/logout", status_code=status.HTTP_204_NO_CONTENT)
def logout(auth: AuthDep, db: DbDep) -> Response:
    """Close the current session: its token stops working at once."""
    service.logout(db, auth.session)
    return Response(status_code=status.HTTP_204_NO_CONTENT)
