from __future__ import annotations

from fastapi import APIRouter, Response, status

from server.albums import service
from server.albums.repository import AlbumSummary
from server.albums.schemas import AlbumIn, AlbumOut
from server.deps import CurrentUser, DbDep, OwnerReadDep, ResourceId, SettingsDep, StoreDep

router = APIRouter(prefix="/api/v1/albums", tags=["albums"])


def _out(summary: AlbumSummary) -> AlbumOut:
    return AlbumOut(**service.album_json(summary))


@router.get("", response_model=list[AlbumOut])
async def list_albums(read: OwnerReadDep) -> Response:
    """The user's albums, "Fotos de perfil" first, then by name."""
    return Response(await read.folded(service.album_list_json), media_type="application/json")


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
