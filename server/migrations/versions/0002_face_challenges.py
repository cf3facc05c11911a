"""face login challenges, replay fingerprints, opt-in identification

Revision ID: 0002
Revises: 0004
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from alembic import op

import server.db

revision = "0002"
down_revision = "0004"
branch_labels = None
depends_on = None

_MYSQL: dict[str, Any] = {
    "mysql_charset": "utf8mb4",
    "mysql_collate": "utf8mb4_bin",
    "mysql_engine": "InnoDB",
}


def upgrade() -> None:
    op.create_table(
        "face_challenges",
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("login_key", sa.String(length=254), nullable=True),
        sa.Column("steps", sa.String(length=128), nullable=False),
        sa.Column("issued_at", server.db.UTCDateTime(), nullable=False),
        sa.Column("expires_at", server.db.UTCDateTime(), nullable=False),
        sa.Column("min_seconds", sa.Float(), nullable=False),
        sa.Column("consumed_at", server.db.UTCDateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_face_challenges")),
        **_MYSQL,
    )
    with op.batch_alter_table("face_challenges", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_face_challenges_expires_at"), ["expires_at"], unique=False
        )
    op.create_table(
        "face_login_fingerprints",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("hashes", sa.LargeBinary(length=65535), nullable=False),
        sa.Column("created_at", server.db.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["users.id"],
            name=op.f("fk_face_login_fingerprints_user_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_face_login_fingerprints")),
        **_MYSQL,
    )
    with op.batch_alter_table("face_login_fingerprints", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_face_login_fingerprints_user_id"), ["user_id"], unique=False
        )
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column(
                "face_identify_without_username",
                sa.Boolean(),
                nullable=False,
                server_default="0",
            )
        )


def downgrade() -> None:
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.drop_column("face_identify_without_username")
    op.drop_table("face_login_fingerprints")
    op.drop_table("face_challenges")
