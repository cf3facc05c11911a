from __future__ import annotations

from fastapi import APIRouter, Response, status

from server.albums import repository, service
from server.albums.repository import AlbumSummary
from server.albums.schemas import AlbumIn, AlbumOut
from server.deps import CurrentUser, DbDep, ResourceId, SettingsDep, StoreDep

router = APIRouter(prefix="/api/v1/albums", tags=["albums"])


def _out(summary: AlbumSummary) -> AlbumOut:
    album = summary.album
    return AlbumOut(
        id=album.id,
        name=album.name,
        kind="profile" if album.kind == "profile" else "regular",
        photo_count=summary.photo_count,
        cover_photo_id=summary.cover_photo_id,
        created_at=album.created_at,
    )


@router.get("", response_model=list[AlbumOut])
def list_albums(user: CurrentUser, db: DbDep) -> list[AlbumOut]:
    """The user's albums, "Fotos de perfil" first, then by name."""
    return [_out(summary) for summary in repository.list_with_counts(db, user_id=user.id)]


@router.post("", status_code=status.HTTP_201_CREATED, response_model=AlbumOut)
def create_album(body: AlbumIn, user: CurrentUser, db: DbDep, settings: SettingsDep) -> AlbumOut:
    album = service.create(db, settings, user_id=user.id, name=body.name)
    return _out(service.summary(db, user_id=user.id, album_id=album.id))


@router.get("/{album_id}", response_model=AlbumOut)
def get_album(album_id: ResourceId, user: CurrentUser, db: DbDep) -> AlbumOut:
    return _out(service.summary(db, user_id=user.id, album_id=album_id))


@router.patch("/{album_id}", response_model=AlbumOut)
def rename_album(
    album_id: ResourceId, body: AlbumIn, user: CurrentUser, db: DbDep, settings: SettingsDep
) -> AlbumOut:
    service.rename(db, settings, user_id=user.id, album_id=album_id, name=body.name)
    return _out(service.summary(db, user_id=user.id, album_id=album_id))


@router.delete("/{album_id}", status_code=status.HTTP_204_NO_CONTENT)
def delete_album(album_id: ResourceId, user: CurrentUser, db: DbDep, store: StoreDep) -> Response:
    """Delete the album with all its photos and their stored objects."""
    service.delete(db, store, user_id=user.id, album_id=album_id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)
