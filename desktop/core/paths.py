"""Where the app keeps its files: config, data (the bundled server's) and cache folders."""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path

APP_NAME = "FaceAlbum"


@dataclass(frozen=True)
class AppPaths:
    """The three per-user folders; created on first use."""

    config_dir: Path
    data_dir: Path
    cache_dir: Path

    @property
    def settings_file(self) -> Path:
        return self.config_dir / "settings.json"

    @property
    def server_data_dir(self) -> Path:
        return self.data_dir / "server"

    @property
    def pending_uploads_dir(self) -> Path:
        return self.data_dir / "pending-uploads"

    @property
    def thumbnail_dir(self) -> Path:
        return self.cache_dir / "thumbnails"

    def ensure(self) -> AppPaths:
        """Create the folders if missing and return self."""
        for folder in (self.config_dir, self.data_dir, self.cache_dir):
            folder.mkdir(parents=True, exist_ok=True)
        return self

    @classmethod
    def under(cls, root: Path) -> AppPaths:
        """Every folder under one root (``--data-dir``, tests)."""
        return cls(root / "config", root / "data", root / "cache")

    @classmethod
    def for_user(cls) -> AppPaths:
        """The platform's conventional per-user folders."""
        home = Path.home()
        if sys.platform == "win32":
            roaming = Path(os.environ.get("APPDATA", home / "AppData" / "Roaming"))
            local = Path(os.environ.get("LOCALAPPDATA", home / "AppData" / "Local"))
            return cls(roaming / APP_NAME, local / APP_NAME, local / APP_NAME / "Cache")
        if sys.platform == "darwin":
            support = home / "Library" / "Application Support" / APP_NAME
            return cls(support, support, home / "Library" / "Caches" / APP_NAME)
        config = Path(os.environ.get("XDG_CONFIG_HOME") or home / ".config")
        data = Path(os.environ.get("XDG_DATA_HOME") or home / ".local" / "share")
        cache = Path(os.environ.get("XDG_CACHE_HOME") or home / ".cache")
        return cls(config / APP_NAME, data / APP_NAME, cache / APP_NAME)
