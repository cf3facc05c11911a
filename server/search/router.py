from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Query, Response

from server.deps import OwnerReadDep, SettingsDep
from server.search import service
from server.search.schemas import SearchPage

router = APIRouter(prefix="/api/v1", tags=["search"])


@router.get("/search", response_model=SearchPage)
async def search_photos(
    read: OwnerReadDep,
    settings: SettingsDep,
    q: Annotated[str, Query(max_length=1000)] = "",
    album_id: Annotated[int | None, Query(ge=1, le=2**31 - 1)] = None,
    date_from: Annotated[date | None, Query(alias="from")] = None,
    date_to: Annotated[date | None, Query(alias="to")] = None,
    has_text: Annotated[bool | None, Query()] = None,
    limit: Annotated[int | None, Query()] = None,
    cursor: Annotated[str | None, Query(max_length=200)] = None,
) -> Response:
    """Your photos matching every word of `q` (accents and case ignored, each word a prefix of
    3+ letters) in their name, description, tags (Spanish and English), the text in the image,
    the album name, the camera, the year and the month; best match first. `from`/`to` are
    days (inclusive) of when the photo was taken (or uploaded); `has_text` keeps photos with
    text in them. Photos in the trash are never found."""
    page = await read(
        lambda connection, user_id: service.search_json_bytes(
            connection,
            settings,
            user_id=user_id,
            query=q,
            album_id=album_id,
            date_from=date_from,
            date_to=date_to,
            has_text=has_text,
            limit=limit,
            cursor=cursor,
        )
    )
    return Response(page, media_type="application/json")
