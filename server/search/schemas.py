from __future__ import annotations

from pydantic import BaseModel

from server.photos.schemas import PhotoOut


class SearchPage(BaseModel):
    items: list[PhotoOut]
    next_cursor: str | None
    terms: list[str]  # the folded words searched (as prefixes), for highlighting matches
