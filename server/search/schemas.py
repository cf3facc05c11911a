from __future__ import annotations

from pydantic import BaseModel, TypeAdapter
from typing_extensions import TypedDict  # pydantic needs this one on Python < 3.12

from server.photos.schemas import PhotoJson, PhotoOut


class SearchPage(BaseModel):
    items: list[PhotoOut]
    next_cursor: str | None
    terms: list[str]  # the folded words searched (as prefixes), for highlighting matches


class SearchPageJson(TypedDict):
    """``SearchPage`` as plain data, validated and serialised in pydantic's core (see PhotoJson)."""

    items: list[PhotoJson]
    next_cursor: str | None
    terms: list[str]


SEARCH_PAGE_JSON = TypeAdapter(SearchPageJson)
