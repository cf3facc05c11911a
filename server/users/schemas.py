from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel


class UserOut(BaseModel):
    id: int
    username: str
    email: str
    full_name: str
    language: str
    photo_url: str | None
    profile_photo_id: int | None
    face_login_enabled: bool
    created_at: datetime


class TokenOut(BaseModel):
    token: str
    expires_at: datetime
    user: UserOut


class LoginIn(BaseModel):
    login: str
    password: str


class PasswordChangeIn(BaseModel):
    current_password: str
    new_password: str


class CurrentPasswordIn(BaseModel):
    current_password: str
