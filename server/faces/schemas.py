from __future__ import annotations

from datetime import datetime
from typing import Any

from pydantic import BaseModel


class FaceStatus(BaseModel):
    enabled: bool
    enrolled_at: datetime | None
    samples: int
    engine: str | None


class FaceTagsOut(BaseModel):
    """The current profile photo's faces, each in Rekognition's ``FaceDetail`` shape."""

    photo_id: int | None
    engine: str | None
    face_count: int
    faces: list[dict[str, Any]]
