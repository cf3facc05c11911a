"""MySQL: the name key of an album or a person fits any name (three letters per letter).

The key is the name case-folded (``validation.name_key``), and case-folding writes some letters
as two or three (ß as "ss", ﬃ as "ffi"): a 45-letter name can have a 135-letter key, past the
column's 100. MariaDB refused such a row (Data too long), so creating or renaming that album
answered 500; naming a person "ß" × 51 did the same. Both key columns now hold three times the
name columns' 100 letters. SQLite does not enforce VARCHAR lengths: nothing to do there.

Revision ID: 0012
Revises: 0011
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def _resize(old: int, new: int) -> None:
    if op.get_bind().dialect.name not in ("mysql", "mariadb"):
        return
    for table, nullable in (("albums", False), ("people", True)):
        op.alter_column(
            table,
            "name_key",
            existing_type=sa.String(length=old),
            type_=sa.String(length=new),
            existing_nullable=nullable,
        )


def upgrade() -> None:
    _resize(100, 300)


def downgrade() -> None:
    # Refused by MariaDB while a key is longer than 100 letters.
    _resize(300, 100)
