from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, LargeBinary, String
from sqlalchemy.orm import Mapped, mapped_column

from server.db import MYSQL_TABLE_ARGS, Base, UTCDateTime, utcnow


class UserFace(Base):
    """One enrolled face sample: the engine's template (embedding) and, for the cloud engine, an image."""

    __tablename__ = "user_faces"
    __table_args__ = MYSQL_TABLE_ARGS

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    engine: Mapped[str] = mapped_column(String(16))
    # MEDIUMBLOB on MySQL: the cloud engine's templates are face JPEGs, larger than a BLOB.
    template: Mapped[bytes | None] = mapped_column(LargeBinary(length=16_777_215), nullable=True)
    image_key: Mapped[str | None] = mapped_column(String(255), nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
