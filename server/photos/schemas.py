from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal

from pydantic import (
    BaseModel,
    Field,
    StringConstraints,
)

from server.db import MAX_ROW_ID


class LabelNames(BaseModel):
    es: str
    en: str


class Label(BaseModel):
    name: str  # in the owner's account language when the photo was tagged
    confidence: float
    names: LabelNames  # the tag in each UI language


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
    image_text: str | None = None  # words read in the image; None until it has been read
    trashed_at: datetime | None = None


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


class BulkRequest(BaseModel):
    action: Literal["move", "trash", "restore"]
    ids: list[Annotated[int, Field(ge=1, le=MAX_ROW_ID)]] = Field(min_length=1, max_length=1000)
    album_id: int | None = Field(default=None, ge=1, le=MAX_ROW_ID)


class BulkResult(BaseModel):
    action: str
    items: list[PhotoOut]


Sha256Hex = Annotated[str, StringConstraints(pattern=r"^[0-9a-fA-F]{64}$")]


class CheckRequest(BaseModel):
    sha256: list[Sha256Hex] = Field(min_length=1, max_length=1000)


class ExistingPhoto(BaseModel):
    sha256: str
    photo_id: int
    album_id: int
    in_trash: bool


class CheckResult(BaseModel):
    existing: list[ExistingPhoto]
    missing: list[str]
