"""Uploads not finished when the app closed or the session ended, kept for the next start."""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
from dataclasses import asdict, dataclass
from pathlib import Path

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class PendingUpload:
    """One file still to send, and where to."""

    path: str
    album_id: int
    name: str = ""
    description: str = ""


class PendingUploadStore:
    """One JSON file per account (``namespace``: server and user) under ``folder``."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def _file(self, namespace: str) -> Path:
        return self.folder / (hashlib.sha1(namespace.encode()).hexdigest()[:16] + ".json")

    def load(self, namespace: str) -> list[PendingUpload]:
        """What is waiting for this account (nothing when the file is missing or damaged)."""
        try:
            raw = json.loads(self._file(namespace).read_text(encoding="utf-8"))
        except FileNotFoundError:
            return []
        except (OSError, ValueError) as exc:
            log.warning("pending uploads unreadable, ignored: %s", exc)
            return []
        items: list[PendingUpload] = []
        for entry in raw if isinstance(raw, list) else []:
            with contextlib.suppress(TypeError, ValueError, KeyError):
                items.append(
                    PendingUpload(
                        path=str(entry["path"]),
                        album_id=int(entry["album_id"]),
                        name=str(entry.get("name", "")),
                        description=str(entry.get("description", "")),
                    )
                )
        return items

    def save(self, namespace: str, items: list[PendingUpload]) -> None:
        """Replace what is waiting (atomically); no items removes the file."""
        target = self._file(namespace)
        try:
            if not items:
                target.unlink(missing_ok=True)
                return
            self.folder.mkdir(parents=True, exist_ok=True)
            partial = target.with_suffix(f".{os.getpid()}.tmp")
            partial.write_text(
                json.dumps([asdict(i) for i in items], ensure_ascii=False), encoding="utf-8"
            )
            partial.replace(target)
        except OSError as exc:
            log.warning("could not keep the pending uploads: %s", exc)
