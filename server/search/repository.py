"""The `photo_search` index: an FTS5 table on SQLite, a FULLTEXT-indexed table on MySQL/MariaDB.

Rows are written in the caller's transaction (never committed here), so the index changes
together with the photo. Every query is scoped to the owner and joined to `photos`, so a
trashed photo, or a row left behind by a crash, is never returned.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import bindparam, text
from sqlalchemy.orm import Session


def _is_sqlite(db: Session) -> bool:
    return db.get_bind().dialect.name == "sqlite"


def upsert(db: Session, *, photo_id: int, user_id: int, search_text: str) -> None:
    params = {"photo_id": photo_id, "user_id": user_id, "search_text": search_text}
    if _is_sqlite(db):
        # FTS5 has no upsert: delete then insert (both in the caller's transaction).
        db.execute(text("DELETE FROM photo_search WHERE rowid = :photo_id"), params)
        db.execute(
            text(
                "INSERT INTO photo_search (rowid, search_text, user_id)"
                " VALUES (:photo_id, :search_text, :user_id)"
            ),
            params,
        )
    else:
        db.execute(
            text(
                "INSERT INTO photo_search (photo_id, user_id, search_text)"
                " VALUES (:photo_id, :user_id, :search_text)"
                " ON DUPLICATE KEY UPDATE user_id = VALUES(user_id),"
                " search_text = VALUES(search_text)"
            ),
            params,
        )


def remove(db: Session, photo_ids: Iterable[int]) -> None:
    ids = list(photo_ids)
    if not ids:
        return
    column = "rowid" if _is_sqlite(db) else "photo_id"
    statement = text(f"DELETE FROM photo_search WHERE {column} IN :ids").bindparams(
        bindparam("ids", expanding=True)
    )
    db.execute(statement, {"ids": ids})


def remove_for_user(db: Session, *, user_id: int) -> None:
    db.execute(text("DELETE FROM photo_search WHERE user_id = :user_id"), {"user_id": user_id})


def remove_all(db: Session) -> None:
    db.execute(text("DELETE FROM photo_search"))


def stored_text(db: Session, *, photo_id: int) -> str | None:
    column = "rowid" if _is_sqlite(db) else "photo_id"
    value = db.scalar(
        text(f"SELECT search_text FROM photo_search WHERE {column} = :photo_id"),
        {"photo_id": photo_id},
    )
    return None if value is None else str(value)


def ensure_stopword_free_index(db: Session) -> None:
    """MySQL/MariaDB: rebuild the FULLTEXT index with stop words off (a table rebuild with the
    server default would have dropped words such as "the" or "und" from it)."""
    if _is_sqlite(db):
        return
    db.execute(text("SET SESSION innodb_ft_enable_stopword = OFF"))
    try:
        db.execute(text("ALTER TABLE photo_search DROP INDEX ft_photo_search_text"))
        db.execute(
            text("ALTER TABLE photo_search ADD FULLTEXT INDEX ft_photo_search_text (search_text)")
        )
    finally:
        db.execute(text("SET SESSION innodb_ft_enable_stopword = ON"))


@dataclass(frozen=True)
class SearchFilters:
    album_id: int | None = None
    date_from: datetime | None = None  # inclusive, on taken_at (or upload time without EXIF)
    date_to: datetime | None = None  # exclusive
    has_text: bool | None = None


def _filter_sql(filters: SearchFilters, params: dict[str, Any]) -> str:
    clauses = ["p.user_id = :user_id", "p.trashed_at IS NULL"]
    if filters.album_id is not None:
        clauses.append("p.album_id = :album_id")
        params["album_id"] = filters.album_id
    if filters.date_from is not None:
        clauses.append("COALESCE(p.taken_at, p.created_at) >= :date_from")
        params["date_from"] = filters.date_from
    if filters.date_to is not None:
        clauses.append("COALESCE(p.taken_at, p.created_at) < :date_to")
        params["date_to"] = filters.date_to
    if filters.has_text is True:
        clauses.append("p.ocr_text IS NOT NULL AND p.ocr_text <> ''")
    elif filters.has_text is False:
        clauses.append("(p.ocr_text IS NULL OR p.ocr_text = '')")
    return " AND ".join(clauses)


def _bind_dates(params: dict[str, Any]) -> None:
    # Dates are stored as naive UTC (see server.db.UTCDateTime).
    for key in ("date_from", "date_to"):
        if key in params:
            params[key] = params[key].replace(tzinfo=None)


def search_ids(
    db: Session,
    *,
    user_id: int,
    terms: Sequence[str],
    filters: SearchFilters,
    limit: int,
    offset: int,
) -> list[int]:
    """Photo ids, best match first (newest first without terms). `terms` are folded words of
    at least three letters, each matched as a word prefix; all must match."""
    params: dict[str, Any] = {"user_id": user_id, "limit": limit, "offset": offset}
    where = _filter_sql(filters, params)
    _bind_dates(params)
    if not terms:
        sql = (
            f"SELECT p.id FROM photos p WHERE {where}"
            " ORDER BY p.id DESC LIMIT :limit OFFSET :offset"
        )
    elif _is_sqlite(db):
        params["match"] = " ".join(f'"{term}"*' for term in terms)
        sql = (
            "SELECT p.id FROM photo_search JOIN photos p ON p.id = photo_search.rowid"
            f" WHERE photo_search MATCH :match AND photo_search.user_id = :user_id AND {where}"
            " ORDER BY bm25(photo_search), p.id DESC LIMIT :limit OFFSET :offset"
        )
    else:
        params["match"] = " ".join(f"+{term}*" for term in terms)
        sql = (
            "SELECT p.id FROM photo_search s JOIN photos p ON p.id = s.photo_id"
            " WHERE MATCH (s.search_text) AGAINST (:match IN BOOLEAN MODE)"
            f" AND s.user_id = :user_id AND {where}"
            " ORDER BY MATCH (s.search_text) AGAINST (:match IN BOOLEAN MODE) DESC, p.id DESC"
            " LIMIT :limit OFFSET :offset"
        )
    return [int(row[0]) for row in db.execute(text(sql), params)]
