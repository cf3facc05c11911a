from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, Field, TypeAdapter
from typing_extensions import TypedDict  # pydantic needs this one on Python < 3.12


class Label(BaseModel):
    name: str
    confidence: float


def _none_is_empty(value: Any) -> Any:
    return [] if value is None else value


# A photo not tagged yet has no labels in its row (NULL): the API shows an empty list.
Labels = Annotated[list[Label], BeforeValidator(_none_is_empty)]


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
    labels: Labels
    labels_state: Literal["pending", "done", "failed", "none"]


class PhotoPage(BaseModel):
    items: list[PhotoOut]
    next_cursor: str | None


class LabelJson(TypedDict):
    name: str
    confidence: float


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
    labels: Annotated[list[LabelJson], BeforeValidator(_none_is_empty)]
    labels_state: Literal["pending", "done", "failed", "none"]


class PhotoPageJson(TypedDict):
    items: list[PhotoJson]
    next_cursor: str | None


PHOTO_JSON = TypeAdapter(PhotoJson)
PHOTO_PAGE_JSON = TypeAdapter(PhotoPageJson)


class PhotoPatch(BaseModel):
    name: str | None = Field(default=None)
    description: str | None = Field(default=None)
    album_id: int | None = Field(default=None)


class TranslationOut(BaseModel):
    source_language: str
    language: str
    text: str
    engine: str
    source_detected: bool = True
    note: str | None = None
