"""Every stored tag carries its name in both UI languages, stored as the API shows it.

Photos tagged before tags kept ``names: {es, en}`` hold only ``{name, confidence}`` in the
language of ``labels_language``. Until now every read of such a photo worked the other name out
(``names.inferred_names``), for every tag of every photo of every page: measured, a page of 50
old-format photos served at 128 req/s against 210 for the same page with names stored. Reads
now pass the stored JSON text through without parsing it (``photos.service.shown_photo``), so
the text itself must be what the API answers: ``{"name", "confidence", "names": {"es", "en"}}``
in that order, the confidence a float (some old rows hold ``100``), compact (``db.compact_json``;
older rows were written with spaces and escaped non-ASCII letters). This rewrites the rows
whose text is not that already.

It uses the label vocabulary of the code that runs it: the names it writes are the ones the
read path would have shown at that moment. Names already stored are kept. Downgrading keeps
the rows as they are (the older code reads them as well).

Revision ID: 0011
Revises: 0010
"""

from __future__ import annotations

import json
import logging
from typing import Any

import sqlalchemy as sa
from alembic import op

from server.db import compact_json, json_text
from server.engines.labels.names import label_names

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None

log = logging.getLogger("server.migrations")

BATCH = 500


def canonical(labels: list[dict[str, Any]], language: str | None) -> list[dict[str, Any]]:
    """``labels`` as the API shows them: both names on every tag, the confidence a float."""
    shown = []
    for label in labels:
        names = label_names(label, language)
        shown.append(
            {
                "name": label["name"],
                "confidence": float(label["confidence"]),
                "names": {"es": names["es"], "en": names["en"]},
            }
        )
    return shown


def upgrade() -> None:
    bind = op.get_bind()
    photos = sa.table(
        "photos",
        sa.column("id", sa.Integer),
        sa.column("labels", sa.JSON),
        sa.column("labels_language", sa.String),
    )
    stored_text = json_text(photos.c.labels)
    written = sa.table("photos", sa.column("id", sa.Integer), sa.column("labels", sa.String))
    after, changed = 0, 0
    while True:
        rows = bind.execute(
            sa.select(photos.c.id, stored_text.label("text"), photos.c.labels_language)
            .where(photos.c.id > after, photos.c.labels.is_not(None))
            .order_by(photos.c.id)
            .limit(BATCH)
        ).all()
        if not rows:
            break
        after = rows[-1].id
        for row in rows:
            text = compact_json(canonical(json.loads(row.text), row.labels_language))
            if text != row.text:
                bind.execute(written.update().where(written.c.id == row.id).values(labels=text))
                changed += 1
    if changed:
        log.info("stored the tags of %d photos with both names, as the API shows them", changed)


def downgrade() -> None:
    """Nothing to undo: tags with names are what revision 0010's code writes too."""
