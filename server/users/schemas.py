from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, Field


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


# Raw input bounds, generous on purpose: the services give the precise rules and messages.
LOGIN_MAX = 320
PASSWORD_INPUT_MAX = 1024


class LoginIn(BaseModel):
    login: str = Field(max_length=LOGIN_MAX)
    password: str = Field(max_length=PASSWORD_INPUT_MAX)


class PasswordChangeIn(BaseModel):
    current_password: str = Field(max_length=PASSWORD_INPUT_MAX)
    new_password: str = Field(max_length=PASSWORD_INPUT_MAX)


class CurrentPasswordIn(BaseModel):
    current_password: str = Field(max_length=PASSWORD_INPUT_MAX)
