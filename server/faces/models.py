from __future__ import annotations

from datetime import datetime

from sqlalchemy import Float, ForeignKey, LargeBinary, String
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


class FaceChallenge(Base):
    """A head-movement script issued by the server for one face login; single use.

    ``login_key`` binds it to the account it was asked for (``None``: identification)."""

    __tablename__ = "face_challenges"
    __table_args__ = MYSQL_TABLE_ARGS

    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    login_key: Mapped[str | None] = mapped_column(String(254), nullable=True)
    steps: Mapped[str] = mapped_column(String(128))  # comma-separated, e.g. "center,left,center"
    issued_at: Mapped[datetime] = mapped_column(UTCDateTime())
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime(), index=True)
    min_seconds: Mapped[float] = mapped_column(Float())
    consumed_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)


class FaceLoginFingerprint(Base):
    """Perceptual hashes of the frames of one successful face login (never the frames): a later
    login whose frames hash the same is a replay. Deleted with the rest of the face data."""

    __tablename__ = "face_login_fingerprints"
    __table_args__ = MYSQL_TABLE_ARGS

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    hashes: Mapped[bytes] = mapped_column(LargeBinary(length=65_535))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
