from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from server.db import MYSQL_TABLE_ARGS, Base, UTCDateTime, utcnow

PROFILE_ALBUM_NAME = "Fotos de perfil"


class Album(Base):
    __tablename__ = "albums"
    # sqlite_autoincrement: an id is never handed out twice (migration 0007).
    __table_args__ = (
        UniqueConstraint("user_id", "name_key"),
        {**MYSQL_TABLE_ARGS, "sqlite_autoincrement": True},
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(100))
    # The case-folded name, unique per user; folding writes a letter as up to three (ﬃ → ffi).
    name_key: Mapped[str] = mapped_column(String(300))
    kind: Mapped[str] = mapped_column(String(16), default="regular")  # profile | regular
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, onupdate=utcnow)
