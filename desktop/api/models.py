"""Typed records for the contract's JSON answers (plain dataclasses, tolerant of extra keys)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


def _str(data: dict[str, Any], key: str, default: str = "") -> str:
    value = data.get(key)
    return default if value is None else str(value)


def _opt_int(data: dict[str, Any], key: str) -> int | None:
    value = data.get(key)
    return int(value) if isinstance(value, int | float) else None


@dataclass(frozen=True)
class User:
    """The signed-in person (``GET /me``)."""

    id: int
    username: str
    email: str
    full_name: str = ""
    photo_url: str = ""
    face_login_enabled: bool = False
    created_at: str = ""

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> User:
        return cls(
            id=int(data["id"]),
            username=_str(data, "username"),
            email=_str(data, "email"),
            full_name=_str(data, "full_name"),
            photo_url=_str(data, "photo_url"),
            face_login_enabled=bool(data.get("face_login_enabled", False)),
            created_at=_str(data, "created_at"),
        )


@dataclass(frozen=True)
class AuthResult:
    """A new session: the opaque token, when it expires, and who it belongs to."""

    token: str
    user: User
    expires_at: str = ""

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> AuthResult:
        return cls(
            token=str(data["token"]),
            user=User.from_json(data["user"]),
            expires_at=_str(data, "expires_at"),
        )


@dataclass(frozen=True)
class Album:
    """An album; ``kind`` is ``profile`` for the locked "Fotos de perfil"."""

    id: int
    name: str
    kind: str = "regular"
    photo_count: int = 0
    cover_photo_id: int | None = None
    created_at: str = ""

    @property
    def is_profile(self) -> bool:
        return self.kind == "profile"

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Album:
        return cls(
            id=int(data["id"]),
            name=_str(data, "name"),
            kind=_str(data, "kind", "regular"),
            photo_count=int(data.get("photo_count") or 0),
            cover_photo_id=_opt_int(data, "cover_photo_id"),
            created_at=_str(data, "created_at"),
        )


@dataclass(frozen=True)
class Label:
    """A tag on a photo, with a confidence between 0 and 100."""

    name: str
    confidence: float = 0.0

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Label:
        return cls(name=_str(data, "name"), confidence=float(data.get("confidence") or 0.0))


@dataclass(frozen=True)
class Photo:
    """A photo's metadata (its bytes come from ``photo_content``)."""

    id: int
    album_id: int
    name: str = ""
    description: str = ""
    width: int = 0
    height: int = 0
    size_bytes: int = 0
    content_type: str = ""
    sha256: str = ""
    taken_at: str = ""
    created_at: str = ""
    labels: tuple[Label, ...] = ()
    labels_state: str = ""

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Photo:
        labels = data.get("labels") or []
        return cls(
            id=int(data["id"]),
            album_id=int(data.get("album_id") or 0),
            name=_str(data, "name"),
            description=_str(data, "description"),
            width=int(data.get("width") or 0),
            height=int(data.get("height") or 0),
            size_bytes=int(data.get("size_bytes") or 0),
            content_type=_str(data, "content_type"),
            sha256=_str(data, "sha256"),
            taken_at=_str(data, "taken_at"),
            created_at=_str(data, "created_at"),
            labels=tuple(Label.from_json(item) for item in labels if isinstance(item, dict)),
            labels_state=_str(data, "labels_state"),
        )


@dataclass(frozen=True)
class PhotoPage:
    """One page of an album's photos; ``next_cursor`` is None on the last page."""

    items: list[Photo]
    next_cursor: str | None

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> PhotoPage:
        cursor = data.get("next_cursor")
        return cls(
            items=[Photo.from_json(item) for item in data.get("items") or []],
            next_cursor=None if cursor in (None, "") else str(cursor),
        )


@dataclass(frozen=True)
class Translation:
    """A photo description in another language."""

    source_language: str
    language: str
    text: str
    engine: str = ""

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Translation:
        return cls(
            source_language=_str(data, "source_language"),
            language=_str(data, "language"),
            text=_str(data, "text"),
            engine=_str(data, "engine"),
        )


@dataclass(frozen=True)
class TextLine:
    """One line of text found in an image."""

    text: str
    confidence: float = 0.0
    box: dict[str, float] = field(default_factory=dict)


@dataclass(frozen=True)
class ExtractedText:
    """The answer of text extraction: the whole text and its lines."""

    text: str
    lines: list[TextLine]

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> ExtractedText:
        lines = [
            TextLine(
                text=_str(item, "text"),
                confidence=float(item.get("confidence") or 0.0),
                box=dict(item.get("box") or {}),
            )
            for item in data.get("lines") or []
            if isinstance(item, dict)
        ]
        return cls(text=_str(data, "text"), lines=lines)


@dataclass(frozen=True)
class Language:
    """A translation language the server offers."""

    code: str
    name: str

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Language:
        return cls(code=_str(data, "code"), name=_str(data, "name"))


@dataclass(frozen=True)
class FaceStatus:
    """Whether face login is on for the signed-in user."""

    enabled: bool
    enrolled_at: str = ""
    samples: int = 0
    identify_without_username: bool = False

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> FaceStatus:
        return cls(
            enabled=bool(data.get("enabled", False)),
            enrolled_at=_str(data, "enrolled_at"),
            samples=int(data.get("samples") or 0),
            identify_without_username=bool(data.get("identify_without_username", False)),
        )


@dataclass(frozen=True)
class FaceChallenge:
    """A head-movement script from the server: follow ``steps`` (``center``, ``left``,
    ``right``: the person's own left/right), answer within its lifetime."""

    challenge_id: str
    steps: tuple[str, ...]
    expires_at: str = ""
    min_seconds: float = 0.0

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> FaceChallenge:
        return cls(
            challenge_id=_str(data, "challenge_id"),
            steps=tuple(str(step) for step in data.get("steps") or ()),
            expires_at=_str(data, "expires_at"),
            min_seconds=float(data.get("min_seconds") or 0.0),
        )
