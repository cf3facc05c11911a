from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import BaseModel, Field


class AlbumIn(BaseModel):
    name: str = Field(max_length=1000, description="Album name, unique per user (case-insensitive)")


class AlbumOut(BaseModel):
    id: int
    name: str
    kind: Literal["profile", "regular"]
    photo_count: int
    cover_photo_id: int | None
    created_at: datetime
