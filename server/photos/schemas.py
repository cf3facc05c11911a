from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import BaseModel, Field


class Label(BaseModel):
    name: str
    confidence: float


class PhotoOut(BaseModel):
    id: int
    album_id: int
    name: str
    description: str
    width: int
    height: int
    size_bytes: int
    content_type: str
    sha256: str
    taken_at: datetime | None
    camera: str | None
    created_at: datetime
    updated_at: datetime
    labels: list[Label]
    labels_state: Literal["pending", "done", "failed", "none"]


class PhotoPage(BaseModel):
    items: list[PhotoOut]
    next_cursor: str | None


class PhotoPatch(BaseModel):
    name: str | None = Field(default=None, max_length=1000)
    description: str | None = Field(default=None, max_length=10000)
    album_id: int | None = Field(default=None, description="an id outside 1..2^31-1 is not found")


class TranslationOut(BaseModel):
    source_language: str
    language: str
    text: str
    engine: str
    source_detected: bool = True
    note: str | None = None
