"""Faces found in photos, the people they belong to, and which photos have been scanned."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Boolean, Float, ForeignKey, Index, Integer, LargeBinary, String
from sqlalchemy.orm import Mapped, mapped_column

from server.db import MYSQL_TABLE_ARGS, Base, UTCDateTime, utcnow

#: Face states. ``confirmed``: the user said so (or the profile photo); never moved by the
#: machine. ``auto``: joined a named person (or "me") inside the auto-assign band. ``suggested``:
#: near a named person, waiting in the confirm/reject queue. ``grouped``: in an unnamed group
#: found by clustering. ``unassigned``: nobody yet.
FACE_STATES = ("confirmed", "auto", "suggested", "grouped", "unassigned")
#: States in which a face counts as showing its person (listings, "photos where I appear").
SHOWN_STATES = ("confirmed", "auto", "grouped")


class Person(Base):
    """A person in one user's photos: named, an unnamed group, or the user ("me")."""

    __tablename__ = "people"
    __table_args__ = (Index("ix_people_user_id_is_me", "user_id", "is_me"), MYSQL_TABLE_ARGS)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    name: Mapped[str | None] = mapped_column(String(100), nullable=True)
    # Case-folding can write a letter as three (ß as "ss", ﬃ as "ffi"): room for any name.
    name_key: Mapped[str | None] = mapped_column(String(300), nullable=True)
    hidden: Mapped[bool] = mapped_column(Boolean, default=False)
    is_me: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, onupdate=utcnow)

    @property
    def is_named(self) -> bool:
        return self.is_me or bool(self.name)


class Face(Base):
    """One face found in a photo: where it is, how good it is, what it looks like, whose it is."""

    __tablename__ = "faces"
    __table_args__ = (
        Index("ix_faces_user_id_state", "user_id", "state"),
        Index("ix_faces_person_id_state", "person_id", "state"),
        MYSQL_TABLE_ARGS,
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    photo_id: Mapped[int] = mapped_column(ForeignKey("photos.id", ondelete="CASCADE"), index=True)
    person_id: Mapped[int | None] = mapped_column(
        ForeignKey("people.id", ondelete="SET NULL"), nullable=True
    )
    state: Mapped[str] = mapped_column(String(16), default="unassigned")
    #: Similarity (0–100) to the person when the machine placed it there; None when confirmed.
    similarity: Mapped[float | None] = mapped_column(Float, nullable=True)
    #: People the user said this face is not ("not this person"): never proposed again.
    rejected_person_ids: Mapped[list[int] | None] = mapped_column(JSON, nullable=True)
    box_left: Mapped[float] = mapped_column(Float)
    box_top: Mapped[float] = mapped_column(Float)
    box_width: Mapped[float] = mapped_column(Float)
    box_height: Mapped[float] = mapped_column(Float)
    width_px: Mapped[int] = mapped_column(Integer)
    confidence: Mapped[float] = mapped_column(Float)
    quality: Mapped[float] = mapped_column(Float)
    engine: Mapped[str] = mapped_column(String(16))
    #: The local engine's 128-d embedding (float32); None for the cloud engine.
    embedding: Mapped[bytes | None] = mapped_column(LargeBinary(length=1024), nullable=True)
    #: The cloud engine's FaceId in the user's Rekognition collection.
    external_id: Mapped[str | None] = mapped_column(String(64), nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, onupdate=utcnow)

    @property
    def rejected(self) -> set[int]:
        return set(self.rejected_person_ids or [])

    def box(self) -> dict[str, Any]:
        return {
            "left": self.box_left,
            "top": self.box_top,
            "width": self.box_width,
            "height": self.box_height,
        }


class PhotoFaceScan(Base):
    """A photo whose faces were looked for (the backfill finds photos without one)."""

    __tablename__ = "photo_face_scans"
    __table_args__ = MYSQL_TABLE_ARGS

    photo_id: Mapped[int] = mapped_column(
        ForeignKey("photos.id", ondelete="CASCADE"), primary_key=True
    )
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    engine: Mapped[str] = mapped_column(String(16))
    face_count: Mapped[int] = mapped_column(Integer, default=0)
    scanned_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
