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

from sqlalchemy import Connection, bindparam, text
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


def begin_rebuild(db: Session) -> None:
    """Empty the index for a full rebuild. MySQL/MariaDB: the FULLTEXT index is dropped first
    (filling a plain table and indexing once is far faster than indexing row by row)."""
    if not _is_sqlite(db):
        db.execute(text("ALTER TABLE photo_search DROP INDEX ft_photo_search_text"))
    remove_all(db)
    db.commit()


def insert_many(db: Session, rows: Sequence[dict[str, Any]]) -> None:
    """Add rows ``{photo_id, user_id, search_text}`` to an emptied index (a rebuild)."""
    if not rows:
        return
    if _is_sqlite(db):
        sql = (
            "INSERT INTO photo_search (rowid, search_text, user_id)"
            " VALUES (:photo_id, :search_text, :user_id)"
        )
    else:
        sql = (
            "INSERT INTO photo_search (photo_id, user_id, search_text)"
            " VALUES (:photo_id, :user_id, :search_text)"
        )
    db.execute(text(sql), list(rows))


def finish_rebuild(db: Session) -> None:
    """MySQL/MariaDB: build the FULLTEXT index with stop words off (the server default would
    drop "the", "und", "com"... from it). SQLite: merge the FTS5 segments."""
    if _is_sqlite(db):
        db.execute(text("INSERT INTO photo_search (photo_search) VALUES ('optimize')"))
        db.commit()
        return
    db.execute(text("SET SESSION innodb_ft_enable_stopword = OFF"))
    try:
        db.execute(
            text("ALTER TABLE photo_search ADD FULLTEXT INDEX ft_photo_search_text (search_text)")
        )
    finally:
        db.execute(text("SET SESSION innodb_ft_enable_stopword = ON"))
    db.commit()


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


def _candidates(
    connection: Connection, *, user_id: int, terms: Sequence[str], limit: int
) -> list[int]:
    """SQLite: matching photo ids straight from the FTS5 index, best first, at most `limit`.

    Every word is stored once per photo, so with a single word all matches are equally good:
    they come newest first, which FTS5 answers by walking rowids without scoring every match.
    Several words are ordered by BM25 (rarer words weigh more)."""
    order = "rowid DESC" if len(terms) == 1 else "rank, rowid DESC"
    sql = (
        "SELECT rowid FROM photo_search WHERE photo_search MATCH :match"
        f" AND user_id = :user_id ORDER BY {order} LIMIT :limit"
    )
    params = {"match": " ".join(f'"{t}"*' for t in terms), "user_id": user_id, "limit": limit}
    return [int(row[0]) for row in connection.execute(text(sql), params)]


def _mysql_search(
    connection: Connection,
    *,
    user_id: int,
    terms: Sequence[str],
    filters: SearchFilters,
    limit: int,
    offset: int,
) -> list[int]:
    """MySQL/MariaDB: one joined query (measured faster there than asking the index first: InnoDB
    computes the whole match set either way, and a second round trip costs more)."""
    params: dict[str, Any] = {"user_id": user_id, "limit": limit, "offset": offset}
    where = _filter_sql(filters, params)
    _bind_dates(params)
    params["match"] = " ".join(f"+{term}*" for term in terms)
    order = (
        "p.id DESC"
        if len(terms) == 1
        else "MATCH (s.search_text) AGAINST (:match IN BOOLEAN MODE) DESC, p.id DESC"
    )
    sql = (
        "SELECT p.id FROM photo_search s JOIN photos p ON p.id = s.photo_id"
        " WHERE MATCH (s.search_text) AGAINST (:match IN BOOLEAN MODE)"
        f" AND s.user_id = :user_id AND {where}"
        f" ORDER BY {order} LIMIT :limit OFFSET :offset"
    )
    return [int(row[0]) for row in connection.execute(text(sql), params)]


def _kept(
    connection: Connection, ids: list[int], filters: SearchFilters, user_id: int
) -> list[int]:
    """`ids` (in their order) that are the user's, outside the trash and within the filters."""
    if not ids:
        return []
    params: dict[str, Any] = {"user_id": user_id, "ids": ids}
    where = _filter_sql(filters, params)
    _bind_dates(params)
    statement = text(f"SELECT p.id FROM photos p WHERE p.id IN :ids AND {where}").bindparams(
        bindparam("ids", expanding=True)
    )
    allowed = {int(row[0]) for row in connection.execute(statement, params)}
    return [photo_id for photo_id in ids if photo_id in allowed]


def search_ids(
    connection: Connection,
    *,
    user_id: int,
    terms: Sequence[str],
    filters: SearchFilters,
    limit: int,
    offset: int,
) -> list[int]:
    """Photo ids, best match first (newest first without terms). `terms` are folded words of
    at least three letters, each matched as a word prefix; all must match.

    SQLite: the index answers a few more candidates than the page needs; the photos table then
    drops trashed ones and applies the filters; when the filters leave too few, more are asked."""
    if not terms:
        params: dict[str, Any] = {"user_id": user_id, "limit": limit, "offset": offset}
        where = _filter_sql(filters, params)
        _bind_dates(params)
        sql = f"SELECT p.id FROM photos p WHERE {where} ORDER BY p.id DESC LIMIT :limit OFFSET :offset"
        return [int(row[0]) for row in connection.execute(text(sql), params)]
    if connection.dialect.name != "sqlite":
        return _mysql_search(
            connection, user_id=user_id, terms=terms, filters=filters, limit=limit, offset=offset
        )
    wanted = offset + limit
    batch = max(2 * wanted, 200)
    while True:
        candidates = _candidates(connection, user_id=user_id, terms=terms, limit=batch)
        kept = _kept(connection, candidates, filters, user_id)
        if len(kept) >= wanted or len(candidates) < batch:
            return kept[offset:wanted]
        batch *= 4
