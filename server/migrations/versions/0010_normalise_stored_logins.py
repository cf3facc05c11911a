"""Emails and username keys stored before logins were normalised get the service's form.

Until the race-proof throttling change, sign-ups stored ``email.strip().lower()`` and
``username.lower()``; since then the service stores and compares ``normalize_login`` (trimmed,
NFC, case-folded), so an old ``jose\u0301@example.com`` (NFD) or ``straße@…`` row could no longer
be found by its email, whatever the owner typed. This rewrites those columns in place.

A collision (two old rows whose emails are one address under the new rules, e.g. the NFC and
NFD spellings of ``josé``) keeps every account: the row that already holds the normalised
value keeps it, otherwise the oldest account (lowest id) gets it; the other rows keep their
stored spelling, which no login matches any more, so those accounts log in with their username
(and can set another email in their profile). Each such row is logged with its id, for the
operator. Rewriting one of them to an invented address ("+2", a suffix) would hand the owner an
email they never gave, and a later sign-up with that address would be refused or, worse,
accepted for someone else. Usernames follow the same rule (they have always been ASCII, whose
lower-case is its case-fold, so no rows are expected to change).

The normalisation is frozen here as it is in ``server.validation.normalize_login`` today: a
migration must do the same thing whenever it runs. Downgrading leaves the rows as they are: the
code of revision 0002 already writes and compares normalised values (it is the old rows it
could not find).

Revision ID: 0010
Revises: 0002
"""

from __future__ import annotations

import logging
import unicodedata

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0002"
branch_labels = None
depends_on = None

log = logging.getLogger("server.migrations")

EMAIL_MAX = 254
USERNAME_KEY_MAX = 32


def normalize_login(value: str) -> str:
    """``server.validation.normalize_login`` as of this revision: trimmed, NFC, case-folded."""
    return unicodedata.normalize("NFC", unicodedata.normalize("NFC", value.strip()).casefold())


def planned_rewrites(
    rows: list[tuple[int, str, str]], max_length: int
) -> tuple[dict[int, str], list[int]]:
    """For ``(id, source, stored)`` rows of one unique column: the new value of each row to
    change, and the ids left as stored because another row owns their normalised value (or
    it would not fit the column)."""
    held = {stored for _, _, stored in rows}
    groups: dict[str, list[tuple[int, str]]] = {}
    for row_id, source, stored in sorted(rows):
        groups.setdefault(normalize_login(source), []).append((row_id, stored))
    rewrites: dict[int, str] = {}
    kept: list[int] = []
    for value, members in groups.items():
        holders = [row_id for row_id, stored in members if stored == value]
        owner = holders[0] if holders else members[0][0]
        for row_id, stored in members:
            if stored == value:
                continue
            if row_id == owner and value not in held and len(value) <= max_length:
                rewrites[row_id] = value
                held.add(value)
            else:
                kept.append(row_id)
    return rewrites, kept


def upgrade() -> None:
    bind = op.get_bind()
    users = sa.table(
        "users",
        sa.column("id", sa.Integer),
        sa.column("username", sa.String),
        sa.column("username_key", sa.String),
        sa.column("email", sa.String),
    )
    rows = bind.execute(
        sa.select(users.c.id, users.c.username, users.c.username_key, users.c.email)
    ).all()
    columns = (
        ("email", [(row.id, row.email, row.email) for row in rows], EMAIL_MAX),
        (
            "username_key",
            [(row.id, row.username, row.username_key) for row in rows],
            USERNAME_KEY_MAX,
        ),
    )
    for column, values, max_length in columns:
        rewrites, kept = planned_rewrites(values, max_length)
        for row_id, value in sorted(rewrites.items()):
            bind.execute(users.update().where(users.c.id == row_id).values({column: value}))
        if rewrites:
            log.info("normalised the %s of %d accounts", column, len(rewrites))
        for row_id in kept:
            log.warning(
                "account %d keeps its stored %s: another account already has it in normalised "
                "form (or it would not fit); it logs in with its username",
                row_id,
                column,
            )


def downgrade() -> None:
    """Nothing to undo: revision 0002's code already stores and compares normalised values."""
