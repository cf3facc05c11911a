from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, File, Form, Header, Query, Request, Response, UploadFile, status
from fastapi.responses import RedirectResponse

from server.analysis import service as analysis_service
from server.deps import (
    ContextDep,
    CurrentUser,
    DbDep,
    OwnerReadDep,
    ResourceId,
    SettingsDep,
    StoreDep,
)
from server.people import service as people_service
from server.photos import service
from server.photos.schemas import (
    BulkRequest,
    BulkResult,
    CheckRequest,
    CheckResult,
    ExistingPhoto,
    PhotoOut,
    PhotoPage,
    PhotoPatch,
    TranslationOut,
)
from server.storage import ObjectNotFound
from server.uploads import read_upload

router = APIRouter(prefix="/api/v1", tags=["photos"])


def _json(body: bytes) -> Response:
    return Response(body, media_type="application/json")


@router.get("/albums/{album_id}/photos", response_model=PhotoPage)
async def list_photos(
    album_id: ResourceId,
    read: OwnerReadDep,
    settings: SettingsDep,
    limit: Annotated[int | None, Query()] = None,
    cursor: Annotated[str | None, Query(max_length=200)] = None,
) -> Response:
    """A page of the album's photos, newest first; pass `next_cursor` back for the next page."""
    page = await read.folded(
        lambda connection, owner: service.page_json_bytes(
            connection, settings, owner=owner, album_id=album_id, limit=limit, cursor=cursor
        )
    )
    return _json(page)


@router.post(
    "/albums/{album_id}/photos", status_code=status.HTTP_201_CREATED, response_model=PhotoOut
)
def upload_photo(
    album_id: ResourceId,
    user: CurrentUser,
    db: DbDep,
    store: StoreDep,
    settings: SettingsDep,
    file: Annotated[UploadFile, File(description="JPEG, PNG, WebP or HEIC")],
    response: Response,
    name: Annotated[str | None, Form(max_length=1000)] = None,
    description: Annotated[str | None, Form(max_length=10000)] = None,
    allow_duplicate: Annotated[bool, Form()] = False,
    idempotency_key: Annotated[str | None, Header(alias="Idempotency-Key")] = None,
) -> PhotoOut:
    """Upload a photo; thumbnail and preview are made now, tags are computed in the background.

    The same bytes already stored for this user answer 409 `duplicate_photo` (with the
    existing photo) unless `allow_duplicate=true`. A retry with the same `Idempotency-Key`
    answers the first upload's photo again (header `Idempotency-Replayed: true`)."""
    data = read_upload(file, max_bytes=settings.max_upload_bytes, field="file")
    result = service.upload(
        db,
        store,
        settings,
        user_id=user.id,
        album_id=album_id,
        data=data,
        filename=file.filename,
        name=name,
        description=description,
        allow_duplicate=allow_duplicate,
        idempotency_key=idempotency_key,
    )
    if result.replayed:
        response.headers["Idempotency-Replayed"] = "true"
    return service.to_out(result.photo)


@router.post("/photos/check", response_model=CheckResult)
def check_photos(body: CheckRequest, user: CurrentUser, db: DbDep) -> CheckResult:
    """Which of these SHA-256 digests (of files as the client has them) are already stored,
    so a client can skip them without sending the bytes."""
    found = service.check_existing(db, user_id=user.id, sha256s=body.sha256)
    existing = [
        ExistingPhoto(
            sha256=digest,
            photo_id=photo.id,
            album_id=photo.album_id,
            in_trash=photo.trashed_at is not None,
        )
        for digest, photo in found.items()
    ]
    wanted = list(dict.fromkeys(value.lower() for value in body.sha256))
    return CheckResult(existing=existing, missing=[d for d in wanted if d not in found])


@router.post("/photos/bulk", response_model=BulkResult)
def bulk_photos(body: BulkRequest, user: CurrentUser, db: DbDep) -> BulkResult:
    """Move (`album_id` required), trash or restore many photos at once: all or none."""
    return service.bulk(db, user_id=user.id, request=body)


@router.get("/trash", response_model=PhotoPage)
def list_trash(
    user: CurrentUser,
    db: DbDep,
    settings: SettingsDep,
    limit: Annotated[int | None, Query()] = None,
    cursor: Annotated[str | None, Query(max_length=200)] = None,
) -> PhotoPage:
    """Photos in the trash, most recently uploaded first; each is purged 30 days after trashing."""
    return service.list_trash(db, settings, user_id=user.id, limit=limit, cursor=cursor)


@router.delete("/trash")
def empty_trash(
    user: CurrentUser, db: DbDep, store: StoreDep, context: ContextDep
) -> dict[str, int]:
    """Delete every photo in the trash for good, with its faces (also from the cloud collection)."""
    trashed_ids = [photo.id for photo in service.trashed(db, user_id=user.id)]
    cloud_faces = people_service.collection_entries_of_photos(db, photo_ids=trashed_ids)
    deleted = service.empty_trash(db, store, user_id=user.id)
    people_service.forget_collection_entries_by_user(context.engines, cloud_faces)
    return {"deleted": deleted}


@router.get("/photos/{photo_id}", response_model=PhotoOut)
async def get_photo(photo_id: ResourceId, read: OwnerReadDep) -> Response:
    photo = await read.folded(
        lambda connection, owner: service.photo_json_bytes(
            connection, owner=owner, photo_id=photo_id
        )
    )
    return _json(photo)


@router.get(
    "/photos/{photo_id}/content",
    responses={
        200: {"content": {"image/jpeg": {}, "image/png": {}, "image/webp": {}}},
        304: {},
        307: {},
    },
    response_class=Response,
)
def get_photo_content(
    photo_id: ResourceId,
    request: Request,
    user: CurrentUser,
    db: DbDep,
    store: StoreDep,
    settings: SettingsDep,
    variant: Annotated[str, Query(pattern="^(thumb|preview|original)$")] = "preview",
) -> Response:
    """The image bytes of a variant (or a redirect to a short-lived signed URL), with an ETag."""
    photo = service.get_owned(db, user_id=user.id, photo_id=photo_id)
    ref = service.content_ref(photo, variant)
    headers = {
        "ETag": ref.etag,
        "Cache-Control": "private, max-age=86400",
        # The type was verified from the bytes at upload; the name is ours, never the client's.
        "Content-Disposition": f'inline; filename="{ref.filename}"',
    }
    if request.headers.get("If-None-Match") == ref.etag:
        return Response(status_code=status.HTTP_304_NOT_MODIFIED, headers=headers)
    try:
        if settings.redirect_to_signed_urls:
            url = store.signed_url(ref.key, settings.signed_url_seconds)
            if url:
                return RedirectResponse(url, status_code=status.HTTP_307_TEMPORARY_REDIRECT)
        data = store.get(ref.key)
    except ObjectNotFound as exc:
        raise service.photo_not_found() from exc
    return Response(content=data, media_type=ref.content_type, headers=headers)


@router.patch("/photos/{photo_id}", response_model=PhotoOut)
def update_photo(
    photo_id: ResourceId, body: PhotoPatch, user: CurrentUser, db: DbDep, settings: SettingsDep
) -> PhotoOut:
    """Rename, re-describe or move the photo to another of the user's albums."""
    return service.to_out(
        service.update(db, settings, user_id=user.id, photo_id=photo_id, patch=body)
    )


@router.delete("/photos/{photo_id}", status_code=status.HTTP_204_NO_CONTENT)
def delete_photo(photo_id: ResourceId, user: CurrentUser, db: DbDep) -> Response:
    """Move the photo to the trash (restore with `POST /photos/bulk`, action `restore`)."""
    service.delete(db, user_id=user.id, photo_id=photo_id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.get("/photos/{photo_id}/translation", response_model=TranslationOut)
def get_photo_translation(
    photo_id: ResourceId,
    user: CurrentUser,
    db: DbDep,
    context: ContextDep,
    lang: Annotated[str, Query(min_length=1, max_length=16, description="target, e.g. en")],
) -> TranslationOut:
    """The photo's description translated into `lang`, its source language detected (or, when
    the text is too short to tell, assumed to be the account's language, with a `note`).
    Cached per photo and language until the description changes."""
    return analysis_service.translate_description(
        db, context.engines, user=user, photo_id=photo_id, language=lang
    )
