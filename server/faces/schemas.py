from __future__ import annotations

from datetime import datetime
from typing import Any

from pydantic import BaseModel, Field


class FaceStatus(BaseModel):
    enabled: bool
    enrolled_at: datetime | None
    samples: int
    engine: str | None
    identify_without_username: bool = False


class FaceChallengeIn(BaseModel):
    login: str | None = Field(default=None, max_length=254)


class FaceChallengeOut(BaseModel):
    """A head-movement script to follow: ``steps`` in order, answered between
    ``min_seconds`` after issue and ``expires_at``."""

    challenge_id: str
    steps: list[str]
    expires_at: datetime
    min_seconds: float


class FaceSettingsIn(BaseModel):
    identify_without_username: bool
    current_password: str | None = Field(default=None, max_length=1000)


class FaceTagsOut(BaseModel):
    """The current profile photo's faces, each in Rekognition's ``FaceDetail`` shape."""

    photo_id: int | None
    engine: str | None
    face_count: int
    faces: list[dict[str, Any]]
