"""User settings (server mode and URL, language, camera source), stored as JSON."""

from __future__ import annotations

import json
import logging
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Literal

log = logging.getLogger(__name__)

ServerMode = Literal["local", "remote"]


@dataclass
class AppSettings:
    """What the settings dialog edits. ``language`` empty = follow the system."""

    server_mode: ServerMode = "local"
    remote_url: str = ""
    language: str = ""
    camera_source: str = "0"
    last_login: str = ""
    recent_albums: list[int] = field(default_factory=list)

    @classmethod
    def load(cls, path: Path) -> AppSettings:
        """Read settings, falling back to defaults for a missing or unreadable file."""
        try:
            data: Any = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return cls()
        except (OSError, ValueError) as exc:
            log.warning("settings file %s unreadable (%s); using defaults", path, exc)
            return cls()
        if not isinstance(data, dict):
            return cls()
        known = {key: data[key] for key in cls.__dataclass_fields__ if key in data}
        settings = cls(**known)
        if settings.server_mode not in ("local", "remote"):
            settings.server_mode = "local"
        return settings

    def save(self, path: Path) -> None:
        """Write settings atomically (temp file then rename)."""
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        tmp.write_text(json.dumps(asdict(self), indent=2, ensure_ascii=False), encoding="utf-8")
        tmp.replace(path)


@dataclass(frozen=True)
class CameraSource:
    """A parsed camera source: a device index, or a video/image file optionally cut to frames.

    Text forms: ``"0"`` (device 0), ``"/path/clip.mp4"``, ``"/path/clip.mp4#84-210"`` (frames 84
    to 210, looped), ``"/path/face.jpg"``.
    """

    device: int | None = None
    path: Path | None = None
    first_frame: int = 0
    last_frame: int | None = None

    @classmethod
    def parse(cls, text: str) -> CameraSource:
        text = text.strip()
        if text.isdigit():
            return cls(device=int(text))
        first, last = 0, None
        if "#" in text:
            text, _, span = text.rpartition("#")
            start, _, end = span.partition("-")
            first = int(start) if start.isdigit() else 0
            last = int(end) if end.isdigit() else None
        return cls(path=Path(text).expanduser(), first_frame=first, last_frame=last)

    @property
    def is_file(self) -> bool:
        return self.path is not None

    def describe(self) -> str:
        if self.device is not None:
            return str(self.device)
        span = ""
        if self.first_frame or self.last_frame is not None:
            span = f"#{self.first_frame}-{'' if self.last_frame is None else self.last_frame}"
        return f"{self.path}{span}"
