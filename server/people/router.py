from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from server.deps import ContextDep, CurrentUser, DbDep, ResourceId, SettingsDep
from server.people import service
from server.people.schemas import FaceOut, FacePatch, MergeIn, PersonOut, PersonPatch
from server.photos.schemas import PhotoPage

router = APIRouter(prefix="/api/v1", tags=["people"])

Limit = Annotated[int | None, Query()]
Cursor = Annotated[str | None, Query(max_length=200)]


@router.get("/people", response_model=list[PersonOut])
def list_people(
    user: CurrentUser, db: DbDep, hidden: Annotated[bool, Query()] = False
) -> list[PersonOut]:
    """The people in the user's photos: "me" first, then named people, then unnamed groups.
    Hidden people are left out unless `hidden=true`."""
    return service.list_people(db, user_id=user.id, include_hidden=hidden)


@router.get("/people/me/photos", response_model=PhotoPage)
def my_photos(
    user: CurrentUser, db: DbDep, settings: SettingsDep, limit: Limit = None, cursor: Cursor = None
) -> PhotoPage:
    """Photos in which the user appears, newest first."""
    return service.me_photos(db, settings, user_id=user.id, limit=limit, cursor=cursor)


@router.get("/people/suggestions", response_model=list[FaceOut])
def suggestions(user: CurrentUser, db: DbDep, limit: Annotated[int, Query()] = 50) -> list[FaceOut]:
    """Faces suggested for a named person, most likely first: confirm with
    `PATCH /faces/{id}` `{"person_id"}`, reject with `{"not_person": true}`."""
    return service.suggestion_queue(db, user_id=user.id, limit=limit)


@router.get("/people/{person_id}/photos", response_model=PhotoPage)
def person_photos(
    person_id: ResourceId,
    user: CurrentUser,
    db: DbDep,
    settings: SettingsDep,
    limit: Limit = None,
    cursor: Cursor = None,
) -> PhotoPage:
    person = service.get_owned_person(db, user_id=user.id, person_id=person_id)
    return service.person_photos(
        db, settings, user_id=user.id, person=person, limit=limit, cursor=cursor
    )


@router.get("/people/{person_id}/faces", response_model=list[FaceOut])
def person_faces(person_id: ResourceId, user: CurrentUser, db: DbDep) -> list[FaceOut]:
    """The person's faces, suggestions included (newest first)."""
    return service.person_faces(db, user_id=user.id, person_id=person_id)


@router.patch("/people/{person_id}", response_model=PersonOut)
def update_person(
    person_id: ResourceId, body: PersonPatch, user: CurrentUser, db: DbDep, context: ContextDep
) -> PersonOut:
    return service.update_person(
        db, context.engines, user_id=user.id, person_id=person_id, patch=body
    )


@router.post("/people/{person_id}/merge", response_model=PersonOut)
def merge_people(
    person_id: ResourceId, body: MergeIn, user: CurrentUser, db: DbDep, context: ContextDep
) -> PersonOut:
    """The faces of `person_ids` join this person; those people disappear."""
    return service.merge_people(
        db, context.engines, user_id=user.id, person_id=person_id, source_ids=body.person_ids
    )


@router.get("/photos/{photo_id}/faces", response_model=list[FaceOut])
def photo_faces(photo_id: ResourceId, user: CurrentUser, db: DbDep) -> list[FaceOut]:
    return service.photo_faces(db, user_id=user.id, photo_id=photo_id)


@router.patch("/faces/{face_id}", response_model=FaceOut)
def update_face(
    face_id: ResourceId, body: FacePatch, user: CurrentUser, db: DbDep, context: ContextDep
) -> FaceOut:
    return service.update_face(db, context.engines, user_id=user.id, face_id=face_id, patch=body)
