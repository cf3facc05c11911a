from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from server.db import MYSQL_TABLE_ARGS, Base, UTCDateTime, utcnow


class Photo(Base):
    __tablename__ = "photos"
    # sqlite_autoincrement: an id is never handed out twice (migration 0007).
    __table_args__ = (
        Index("ix_photos_album_id_id", "album_id", "id"),
        Index("ix_photos_user_id_sha256", "user_id", "sha256"),
        Index("ix_photos_user_id_source_sha256", "user_id", "source_sha256"),
        Index("ix_photos_trashed_at", "trashed_at"),
        {**MYSQL_TABLE_ARGS, "sqlite_autoincrement": True},
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    album_id: Mapped[int] = mapped_column(ForeignKey("albums.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(String(1000), default="")
    content_type: Mapped[str] = mapped_column(String(32))
    size_bytes: Mapped[int] = mapped_column(Integer)
    width: Mapped[int] = mapped_column(Integer)
    height: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(String(64))  # of the stored original
    # Of the bytes as uploaded (differs from `sha256` when GPS was stripped): what a client has.
    source_sha256: Mapped[str | None] = mapped_column(String(64), nullable=True)
    phash: Mapped[int | None] = mapped_column(BigInteger, nullable=True)  # signed 64-bit pHash
    ocr_text: Mapped[str | None] = mapped_column(Text, nullable=True)  # None: not read yet
    trashed_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    taken_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    camera: Mapped[str | None] = mapped_column(String(200), nullable=True)
    original_key: Mapped[str] = mapped_column(String(255))
    preview_key: Mapped[str] = mapped_column(String(255))
    thumbnail_key: Mapped[str] = mapped_column(String(255))
    labels_state: Mapped[str] = mapped_column(
        String(16), default="pending"
    )  # pending|done|failed|none
    labels: Mapped[list[dict[str, Any]] | None] = mapped_column(JSON, nullable=True)
    labels_language: Mapped[str | None] = mapped_column(String(8), nullable=True)
    face_tags: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, onupdate=utcnow)

    @property
    def object_keys(self) -> list[str]:
        return [self.original_key, self.preview_key, self.thumbnail_key]


class PhotoTranslation(Base):
    """A cached translation of a photo's description, valid while the description is unchanged."""

    __tablename__ = "photo_translations"
    __table_args__ = (UniqueConstraint("photo_id", "language"), MYSQL_TABLE_ARGS)

    id: Mapped[int] = mapped_column(primary_key=True)
    photo_id: Mapped[int] = mapped_column(ForeignKey("photos.id", ondelete="CASCADE"))
    language: Mapped[str] = mapped_column(String(8))
    source_language: Mapped[str] = mapped_column(String(8))
    source_detected: Mapped[bool] = mapped_column(default=True)
    description_sha256: Mapped[str] = mapped_column(String(64))
    text: Mapped[str] = mapped_column(Text)
    engine: Mapped[str] = mapped_column(String(16))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class IdempotencyKey(Base):
    """The photo an upload with this client-chosen key created: a retry returns it again."""

    __tablename__ = "idempotency_keys"
    __table_args__ = (
        UniqueConstraint("user_id", "key"),
        Index("ix_idempotency_keys_photo_id", "photo_id"),
        Index("ix_idempotency_keys_created_at", "created_at"),
        MYSQL_TABLE_ARGS,
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    key: Mapped[str] = mapped_column(String(200))
    photo_id: Mapped[int] = mapped_column(ForeignKey("photos.id", ondelete="CASCADE"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
