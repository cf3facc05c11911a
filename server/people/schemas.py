from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, Field

from server.db import MAX_ROW_ID


class BoxOut(BaseModel):
    """A face box as ratios of the photo's width and height (Rekognition style)."""

    left: float
    top: float
    width: float
    height: float


class PersonBrief(BaseModel):
    id: int
    name: str | None
    is_me: bool


class CoverOut(BaseModel):
    face_id: int
    photo_id: int
    box: BoxOut


class PersonOut(BaseModel):
    id: int
    name: str | None
    hidden: bool
    is_me: bool
    face_count: int
    photo_count: int
    suggestion_count: int
    cover: CoverOut | None


class FaceOut(BaseModel):
    id: int
    photo_id: int
    box: BoxOut
    width_px: int
    quality: float
    state: Literal["confirmed", "auto", "suggested", "grouped", "unassigned"]
    person: PersonBrief | None
    similarity: float | None


class PersonPatch(BaseModel):
    name: str | None = Field(default=None)
    hidden: bool | None = Field(default=None)


class MergeIn(BaseModel):
    person_ids: list[Annotated[int, Field(ge=1, le=MAX_ROW_ID)]] = Field(
        min_length=1, max_length=100
    )


class FacePatch(BaseModel):
    """Exactly one of: ``person_id`` (this face is that person; confirms a suggestion),
    ``name`` (this face is the person of that name, created if new), ``not_person: true``
    (this face is not its current or suggested person)."""

    person_id: int | None = Field(default=None, ge=1, le=2_147_483_647)
    name: str | None = Field(default=None)
    not_person: bool | None = Field(default=None)
