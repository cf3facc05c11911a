"""search index, duplicate hashes, trash, idempotent uploads

Revision ID: 0004
Revises: 0005

The search index lives in its own table, ``photo_search``: an FTS5 table on SQLite and an InnoDB
table with a FULLTEXT index on MySQL/MariaDB. It is kept apart from ``photos`` because InnoDB
applies its stop-word list whenever a table with a FULLTEXT index is rebuilt (any later ALTER of
``photos`` would silently drop "the", "und", "com"... from the index); nobody alters this table.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import server.db

revision = "0004"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("photos", schema=None) as batch_op:
        batch_op.add_column(sa.Column("source_sha256", sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column("phash", sa.BigInteger(), nullable=True))
        batch_op.add_column(sa.Column("ocr_text", sa.Text(), nullable=True))
        batch_op.add_column(sa.Column("trashed_at", server.db.UTCDateTime(), nullable=True))
        batch_op.create_index("ix_photos_user_id_sha256", ["user_id", "sha256"], unique=False)
        batch_op.create_index(
            "ix_photos_user_id_source_sha256", ["user_id", "source_sha256"], unique=False
        )
        batch_op.create_index("ix_photos_trashed_at", ["trashed_at"], unique=False)

    op.create_table(
        "idempotency_keys",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=200), nullable=False),
        sa.Column("photo_id", sa.Integer(), nullable=False),
        sa.Column("created_at", server.db.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["users.id"],
            name=op.f("fk_idempotency_keys_user_id_users"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["photo_id"],
            ["photos.id"],
            name=op.f("fk_idempotency_keys_photo_id_photos"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_idempotency_keys")),
        sa.UniqueConstraint("user_id", "key", name=op.f("uq_idempotency_keys_user_id_key")),
        mysql_charset="utf8mb4",
        mysql_collate="utf8mb4_bin",
        mysql_engine="InnoDB",
    )
    with op.batch_alter_table("idempotency_keys", schema=None) as batch_op:
        batch_op.create_index("ix_idempotency_keys_photo_id", ["photo_id"], unique=False)
        batch_op.create_index("ix_idempotency_keys_created_at", ["created_at"], unique=False)

    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        op.execute(
            "CREATE VIRTUAL TABLE photo_search USING fts5("
            "search_text, user_id UNINDEXED, tokenize = 'unicode61 remove_diacritics 2')"
        )
    else:
        # Stop words off for this index: "the", "und", "com" are words people search for.
        op.execute("SET SESSION innodb_ft_enable_stopword = OFF")
        op.execute(
            "CREATE TABLE photo_search ("
            " photo_id INTEGER NOT NULL PRIMARY KEY,"
            " user_id INTEGER NOT NULL,"
            " search_text MEDIUMTEXT NOT NULL,"
            " FULLTEXT KEY ft_photo_search_text (search_text),"
            " KEY ix_photo_search_user_id (user_id),"
            " CONSTRAINT fk_photo_search_photo_id_photos FOREIGN KEY (photo_id)"
            "  REFERENCES photos (id) ON DELETE CASCADE"
            ") ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin"
        )
        op.execute("SET SESSION innodb_ft_enable_stopword = ON")
    # Backfill: every existing photo gets its search row and the words in its image by the
    # background worker (the same job any later upload runs after tagging).
    op.execute(
        sa.text(
            "INSERT INTO jobs (kind, photo_id, state, attempts, run_after, created_at, updated_at)"
            " SELECT 'index_photo', id, 'pending', 0, :now, :now, :now FROM photos"
        ).bindparams(sa.bindparam("now", type_=server.db.UTCDateTime(), value=server.db.utcnow()))
    )


def downgrade() -> None:
    op.execute("DROP TABLE photo_search")
    op.drop_table("idempotency_keys")
    with op.batch_alter_table("photos", schema=None) as batch_op:
        batch_op.drop_index("ix_photos_trashed_at")
        batch_op.drop_index("ix_photos_user_id_source_sha256")
        batch_op.drop_index("ix_photos_user_id_sha256")
        batch_op.drop_column("trashed_at")
        batch_op.drop_column("ocr_text")
        batch_op.drop_column("phash")
        batch_op.drop_column("source_sha256")
