"""SQLite: photo and album ids are never handed out twice (AUTOINCREMENT).

Without AUTOINCREMENT SQLite gives a new row max(id)+1, so deleting the newest photos and
uploading others reused their ids, and anything keyed by id (a client's thumbnail cache, a link)
showed the deleted photo. MySQL's AUTO_INCREMENT never reuses ids: nothing to do there.

SQLite cannot change a primary key in place: each table is rebuilt (copy, drop, rename) with
foreign keys switched off for the rebuild, as SQLite's documentation prescribes, so dropping the
old table does not cascade into photos, translations or jobs. The copied rows keep their ids and
the sequence starts after the highest one.

Revision ID: 0007
Revises: 0003
"""

from __future__ import annotations

from typing import Any

from alembic import op

revision = "0007"
down_revision = "0003"
branch_labels = None
depends_on = None

TABLES = ("albums", "photos")


def _rebuild(autoincrement: bool) -> None:
    bind = op.get_bind()
    if bind.dialect.name != "sqlite":
        return
    raw: Any = bind.connection.driver_connection
    # PRAGMA foreign_keys is ignored inside a transaction: close the one the runner opened.
    if raw.in_transaction:
        raw.commit()
    raw.execute("PRAGMA foreign_keys=OFF")
    try:
        for table in TABLES:
            with op.batch_alter_table(
                table, recreate="always", table_kwargs={"sqlite_autoincrement": autoincrement}
            ):
                pass
        broken = raw.execute("PRAGMA foreign_key_check").fetchall()
        if broken:
            raise RuntimeError(f"rebuilding {TABLES} broke foreign keys: {broken[:5]}")
        if raw.in_transaction:
            raw.commit()
    finally:
        if raw.in_transaction:
            raw.rollback()
        raw.execute("PRAGMA foreign_keys=ON")


def upgrade() -> None:
    _rebuild(autoincrement=True)


def downgrade() -> None:
    _rebuild(autoincrement=False)
