"""Search rules: parse the query and filters, page through ranked results of the owner's photos."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

import orjson
from sqlalchemy import Connection

from server import cursors
from server.albums import service as album_service
from server.config import Settings
from server.errors import ValidationFailed
from server.photos import repository as photo_repository
from server.photos import service as photo_service
from server.search import repository
from server.search.repository import SearchFilters
from server.search.text import MIN_TERM_LENGTH, query_terms

QUERY_MAX = 200
OFFSET_MAX = 100_000  # deeper than anyone pages through results


def _encode_offset(offset: int) -> str:
    return cursors.encode_cursor("s", offset)


def _decode_offset(cursor: str) -> int:
    return cursors.decode_cursor("s", cursor, maximum=OFFSET_MAX)


def _day_start(day: date) -> datetime:
    return datetime.combine(day, time.min, tzinfo=UTC)


def search_json_bytes(
    connection: Connection,
    settings: Settings,
    *,
    user_id: int,
    query: str,
    album_id: int | None,
    date_from: date | None,
    date_to: date | None,
    has_text: bool | None,
    limit: int | None,
    cursor: str | None,
) -> bytes:
    """The JSON body of a search page: the owner's photos (outside the trash) matching every word of `query` as a word prefix,
    best first, within the filters. An empty query lists the filtered photos, newest first.

    Errors: 400 ``search_query_too_short`` (words, but none of 3+ letters), 400
    ``dates_reversed``, 400 ``validation_error`` (limit), 404 ``album_not_found``."""
    if len(query) > QUERY_MAX:
        raise ValidationFailed(
            f"The search may have at most {QUERY_MAX} characters.",
            code="validation_error",
            fields={"q": f"max {QUERY_MAX}"},
        )
    terms = query_terms(query)
    if query.strip() and not terms:
        raise ValidationFailed(
            f"Type at least {MIN_TERM_LENGTH} letters of a word to search.",
            code="search_query_too_short",
            fields={"q": "search_query_too_short"},
        )
    if date_from and date_to and date_from > date_to:
        raise ValidationFailed(
            "The start date is after the end date.",
            code="dates_reversed",
            fields={"from": "dates_reversed"},
        )
    if album_id is not None:
        album_service.check_owned(connection, user_id=user_id, album_id=album_id)
    size = settings.page_size_default if limit is None else limit
    if not 1 <= size <= settings.page_size_max:
        raise ValidationFailed(
            f"limit must be between 1 and {settings.page_size_max}.",
            code="validation_error",
            fields={"limit": f"1..{settings.page_size_max}"},
        )
    offset = _decode_offset(cursor) if cursor else 0
    filters = SearchFilters(
        album_id=album_id,
        date_from=_day_start(date_from) if date_from else None,
        date_to=_day_start(date_to + timedelta(days=1)) if date_to else None,  # inclusive day
        has_text=has_text,
    )
    ids = repository.search_ids(
        connection, user_id=user_id, terms=terms, filters=filters, limit=size + 1, offset=offset
    )
    has_more = len(ids) > size
    ids = ids[:size]
    rows = photo_repository.list_shown(connection, user_id=user_id, photo_ids=ids)
    by_id = {row.id: row for row in rows}
    page = {
        "items": photo_service.shown_photos([by_id[i] for i in ids if i in by_id]),
        "next_cursor": _encode_offset(offset + size) if has_more else None,
        "terms": terms,
    }
    return orjson.dumps(page)
