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
    """A tag on a photo, with a confidence between 0 and 100, named in each UI language
    (empty when the server did not say: ``name`` is shown then)."""

    name: str
    confidence: float = 0.0
    spanish: str = ""
    english: str = ""

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Label:
        names = data.get("names")
        names = names if isinstance(names, dict) else {}
        return cls(
            name=_str(data, "name"),
            confidence=float(data.get("confidence") or 0.0),
            spanish=_str(names, "es"),
            english=_str(names, "en"),
        )

    def name_in(self, language: str) -> str:
        """The tag's name in ``language`` (``es`` or ``en``)."""
        return (self.english if language == "en" else self.spanish) or self.name


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
    image_text: str = ""  # words the server read in the image
    trashed_at: str = ""  # set while the photo is in the trash

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
            image_text=_str(data, "image_text"),
            trashed_at=_str(data, "trashed_at"),
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
class SearchPage:
    """One page of search results, best first; ``terms`` are the folded words searched."""

    items: list[Photo]
    next_cursor: str | None
    terms: tuple[str, ...] = ()

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> SearchPage:
        cursor = data.get("next_cursor")
        return cls(
            items=[Photo.from_json(item) for item in data.get("items") or []],
            next_cursor=None if cursor in (None, "") else str(cursor),
            terms=tuple(str(term) for term in data.get("terms") or []),
        )


@dataclass(frozen=True)
class DuplicateGroup:
    """Photos that look the same (``duplicate``) or alike (``similar``); the best copy first."""

    kind: str
    best_photo_id: int
    max_distance: int
    photos: list[Photo]

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> DuplicateGroup:
        return cls(
            kind=_str(data, "kind"),
            best_photo_id=int(data.get("best_photo_id") or 0),
            max_distance=int(data.get("max_distance") or 0),
            photos=[Photo.from_json(item) for item in data.get("photos") or []],
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


@dataclass(frozen=True)
class FaceBox:
    """Where a face is, as ratios of the photo's width and height."""

    left: float
    top: float
    width: float
    height: float

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> FaceBox:
        return cls(*(float(data.get(key) or 0.0) for key in ("left", "top", "width", "height")))


@dataclass(frozen=True)
class PersonRef:
    """Who a face belongs to (``name`` None: an unnamed group; ``is_me``: the user)."""

    id: int
    name: str | None
    is_me: bool = False

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> PersonRef:
        name = data.get("name")
        return cls(
            id=int(data["id"]),
            name=None if name is None else str(name),
            is_me=bool(data.get("is_me", False)),
        )


@dataclass(frozen=True)
class Face:
    """A face found in a photo. ``state``: confirmed, auto, suggested, grouped or unassigned."""

    id: int
    photo_id: int
    box: FaceBox
    state: str
    person: PersonRef | None = None
    similarity: float | None = None
    width_px: int = 0

    @property
    def is_suggestion(self) -> bool:
        return self.state == "suggested"

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Face:
        person = data.get("person")
        similarity = data.get("similarity")
        return cls(
            id=int(data["id"]),
            photo_id=int(data.get("photo_id") or 0),
            box=FaceBox.from_json(data.get("box") or {}),
            state=_str(data, "state", "unassigned"),
            person=PersonRef.from_json(person) if isinstance(person, dict) else None,
            similarity=float(similarity) if isinstance(similarity, int | float) else None,
            width_px=int(data.get("width_px") or 0),
        )


@dataclass(frozen=True)
class Person:
    """A person in the user's photos (``GET /people``)."""

    id: int
    name: str | None
    hidden: bool = False
    is_me: bool = False
    face_count: int = 0
    photo_count: int = 0
    suggestion_count: int = 0
    cover_photo_id: int | None = None
    cover_box: FaceBox | None = None

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Person:
        cover = data.get("cover") if isinstance(data.get("cover"), dict) else None
        name = data.get("name")
        return cls(
            id=int(data["id"]),
            name=None if name is None else str(name),
            hidden=bool(data.get("hidden", False)),
            is_me=bool(data.get("is_me", False)),
            face_count=int(data.get("face_count") or 0),
            photo_count=int(data.get("photo_count") or 0),
            suggestion_count=int(data.get("suggestion_count") or 0),
            cover_photo_id=_opt_int(cover, "photo_id") if cover else None,
            cover_box=FaceBox.from_json(cover.get("box") or {}) if cover else None,
        )
