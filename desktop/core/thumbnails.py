"""Image disk cache: encoded bytes keyed by (server, user), photo id, content hash and variant."""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import threading
from pathlib import Path

log = logging.getLogger(__name__)


class ThumbnailCache:
    """Files under ``root``; a key includes the photo's sha256, so a cached file is never stale."""

    def __init__(self, root: Path, max_bytes: int = 512 * 1024 * 1024) -> None:
        self.root = root
        self.max_bytes = max_bytes
        self._lock = threading.Lock()

    def _folder(self, namespace: str) -> Path:
        return self.root / hashlib.sha1(namespace.encode()).hexdigest()[:12]

    def _path(self, namespace: str, photo_id: int, sha256: str, variant: str) -> Path:
        # The content hash is part of the name: a reused id with other bytes never hits.
        digest = (sha256 or "nohash")[:32]
        return self._folder(namespace) / f"{photo_id}-{digest}-{variant}.img"

    def purge(self, namespace: str) -> int:
        """Delete every file cached under ``namespace`` (an account that is gone); returns how many."""
        removed = 0
        with self._lock:
            for path in self._folder(namespace).glob("*"):
                with contextlib.suppress(OSError):
                    path.unlink()
                    removed += 1
            with contextlib.suppress(OSError):
                self._folder(namespace).rmdir()
        return removed

    def get(
        self, server_url: str, photo_id: int, sha256: str, variant: str = "thumb"
    ) -> bytes | None:
        """The cached bytes or None."""
        path = self._path(server_url, photo_id, sha256, variant)
        try:
            data = path.read_bytes()
        except OSError:
            return None
        with contextlib.suppress(OSError):
            os.utime(path)  # keeps least-recently-used pruning honest
        return data

    def put(
        self, server_url: str, photo_id: int, sha256: str, data: bytes, variant: str = "thumb"
    ) -> None:
        """Store bytes (written to a temp file then renamed, so readers never see half a file)."""
        path = self._path(server_url, photo_id, sha256, variant)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_name(f"{path.name}.{threading.get_ident()}.tmp")
            tmp.write_bytes(data)
            tmp.replace(path)
        except OSError as exc:
            log.warning("thumbnail cache write failed: %s", exc)

    def size_bytes(self) -> int:
        """Total bytes currently cached."""
        return sum(p.stat().st_size for p in self.root.rglob("*.img") if p.is_file())

    def prune(self) -> int:
        """Delete least recently used files until under ``max_bytes``; returns files removed."""
        with self._lock:
            files = [(p.stat().st_mtime, p.stat().st_size, p) for p in self.root.rglob("*.img")]
            total = sum(size for _, size, _ in files)
            removed = 0
            for _, size, path in sorted(files):
                if total <= self.max_bytes:
                    break
                try:
                    path.unlink()
                except OSError:
                    continue
                total -= size
                removed += 1
            return removed
