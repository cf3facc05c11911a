from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    BeforeValidator,
    Field,
    Json,
    StringConstraints,
    TypeAdapter,
)
from typing_extensions import TypedDict  # pydantic needs this one on Python < 3.12

from server.db import MAX_ROW_ID


class LabelNames(BaseModel):
    es: str
    en: str


class Label(BaseModel):
    name: str  # in the owner's account language when the photo was tagged
    confidence: float
    names: LabelNames  # the tag in each UI language


def _none_is_empty_json(value: Any) -> Any:
    return "[]" if value is None else value


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


class LabelNamesJson(TypedDict):
    es: str
    en: str


class LabelJson(TypedDict):
    name: str
    confidence: float
    names: LabelNamesJson  # every stored tag has both (migration 0011 filled in older rows)


class PhotoJson(TypedDict):
    """``PhotoOut`` as a plain dict: read paths validate and serialise rows through this shape in
    pydantic's core, without a model object per photo (same JSON as ``PhotoOut``, tested)."""

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
    # The row's JSON text; a photo not tagged yet has none (NULL): the API shows an empty list.
    labels: Annotated[Json[list[LabelJson]], BeforeValidator(_none_is_empty_json)]
    labels_state: Literal["pending", "done", "failed", "none"]
    image_text: str | None
    trashed_at: datetime | None


class PhotoPageJson(TypedDict):
    items: list[PhotoJson]
    next_cursor: str | None


PHOTO_JSON: TypeAdapter[PhotoJson] = TypeAdapter(PhotoJson)
PHOTO_PAGE_JSON = TypeAdapter(PhotoPageJson)


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
