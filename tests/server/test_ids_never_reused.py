"""Migration 0007: on SQLite a deleted photo's or album's id is never given to a new one."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine, text

from server.db import make_engine
from server.migrate import upgrade

NOW = "2026-01-01 00:00:00.000000"


def _insert_photo(engine: Engine, album_id: int) -> int:
    with engine.begin() as db:
        result = db.execute(
            text(
                "INSERT INTO photos (user_id, album_id, name, description, content_type, size_bytes, width,"
                " height, sha256, original_key, preview_key, thumbnail_key, labels_state, created_at,"
                " updated_at) VALUES (1, :album, 'p', '', 'image/jpeg', 1, 1, 1, 'x', 'o', 'p', 't',"
                " 'done', :now, :now)"
            ),
            {"album": album_id, "now": NOW},
        )
        return int(result.lastrowid)


def _insert_album(engine: Engine, name: str) -> int:
    with engine.begin() as db:
        result = db.execute(
            text(
                "INSERT INTO albums (user_id, name, name_key, kind, created_at, updated_at)"
                " VALUES (1, :name, :name, 'regular', :now, :now)"
            ),
            {"name": name, "now": NOW},
        )
        return int(result.lastrowid)


def test_existing_rows_survive_and_deleted_ids_are_not_reused(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'db.sqlite3'}")
    upgrade(engine, "0001")
    with engine.begin() as db:
        db.execute(
            text(
                "INSERT INTO users (id, username, username_key, email, full_name, password_hash,"
                " language, created_at, updated_at) VALUES (1, 'ana', 'ana', 'a@e.com', '', 'h', 'es',"
                " :now, :now)"
            ),
            {"now": NOW},
        )
    album = _insert_album(engine, "viaje")
    photos = [_insert_photo(engine, album) for _ in range(3)]
    with engine.begin() as db:
        db.execute(
            text(
                "INSERT INTO photo_translations (photo_id, language, source_language, source_detected,"
                " description_sha256, text, engine, created_at) VALUES (:p, 'en', 'es', 1, 'd', 'hi',"
                " 'local', :now)"
            ),
            {"p": photos[2], "now": NOW},
        )
        db.execute(
            text(
                "INSERT INTO jobs (kind, photo_id, state, attempts, run_after, created_at, updated_at)"
                " VALUES ('labels', :p, 'queued', 0, :now, :now, :now)"
            ),
            {"p": photos[2], "now": NOW},
        )

    upgrade(engine, "0007")

    with engine.begin() as db:
        # Rebuilding the tables cascaded into nothing: every row is still there, same ids.
        assert [r[0] for r in db.execute(text("SELECT id FROM photos ORDER BY id"))] == photos
        assert db.execute(text("SELECT count(*) FROM photo_translations")).scalar() == 1
        assert db.execute(text("SELECT count(*) FROM jobs")).scalar() == 1
        assert db.execute(text("PRAGMA foreign_keys")).scalar() == 1
        db.execute(text("DELETE FROM photos WHERE id = :p"), {"p": photos[2]})
        # ...and the foreign keys still act: the deleted photo's translation went with it.
        assert db.execute(text("SELECT count(*) FROM photo_translations")).scalar() == 0
    assert _insert_photo(engine, album) == photos[2] + 1

    with engine.begin() as db:
        db.execute(text("DELETE FROM albums WHERE id = :a"), {"a": album})
        assert db.execute(text("SELECT count(*) FROM photos")).scalar() == 0  # cascade kept
    assert _insert_album(engine, "otro") == album + 1
