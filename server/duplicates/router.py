from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query
from pydantic import BaseModel, Field

from server.deps import CurrentUser, DbDep
from server.duplicates import service
from server.photos import service as photo_service
from server.photos.schemas import PhotoOut

router = APIRouter(prefix="/api/v1", tags=["duplicates"])


class GroupOut(BaseModel):
    kind: Literal["duplicate", "similar"]
    best_photo_id: int
    max_distance: int
    photos: list[PhotoOut]  # the best copy first


class DuplicatesOut(BaseModel):
    groups: list[GroupOut]


@router.get("/duplicates", response_model=DuplicatesOut)
def list_duplicates(
    user: CurrentUser,
    db: DbDep,
    kind: Annotated[Literal["duplicate", "similar"] | None, Query()] = None,
) -> DuplicatesOut:
    """Groups of your photos that are the same picture (pHash distance <= 4, `duplicate`) or
    alike (5-10, `similar`), the suggested copy to keep first."""
    found = service.groups(db, user_id=user.id, kind=kind)
    return DuplicatesOut(
        groups=[
            GroupOut(
                kind=group.kind,
                best_photo_id=group.best_photo_id,
                max_distance=group.max_distance,
                photos=group.photos,
            )
            for group in found
        ]
    )


class KeepOne(BaseModel):
    keep_id: int = Field(ge=1)
    trash_ids: list[int] = Field(min_length=1, max_length=100)


@router.post("/duplicates/keep", response_model=PhotoOut)
def keep_one(body: KeepOne, user: CurrentUser, db: DbDep) -> PhotoOut:
    """Keep `keep_id`, move `trash_ids` to the trash; the kept photo takes the longest
    description among them. All or nothing."""
    kept = service.keep_one(db, user_id=user.id, keep_id=body.keep_id, trash_ids=body.trash_ids)
    return photo_service.to_out(kept)
