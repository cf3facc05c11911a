from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import BaseModel, Field, TypeAdapter
from typing_extensions import TypedDict  # pydantic needs this one on Python < 3.12


class AlbumIn(BaseModel):
    name: str = Field(max_length=1000, description="Album name, unique per user (case-insensitive)")


class AlbumOut(BaseModel):
    id: int
    name: str
    kind: Literal["profile", "regular"]
    photo_count: int
    cover_photo_id: int | None
    created_at: datetime


class AlbumJson(TypedDict):
    """``AlbumOut`` as a plain dict: the album list is serialised from these in one pass, without
    building and validating a model per album (same JSON, see test_album_json_matches_model)."""

    id: int
    name: str
    kind: Literal["profile", "regular"]
    photo_count: int
    cover_photo_id: int | None
    created_at: datetime


ALBUM_LIST_JSON = TypeAdapter(list[AlbumJson])
