"""Where the app keeps its files on each platform, and the uploads kept for the next start."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from desktop.core.paths import AppPaths
from desktop.core.pending_uploads import PendingUpload, PendingUploadStore


# --------------------------------------------------------------------------- app folders
def test_one_root_holds_config_data_and_cache_with_their_files(tmp_path: Path) -> None:
    paths = AppPaths.under(tmp_path)
    assert (paths.config_dir, paths.data_dir, paths.cache_dir) == (
        tmp_path / "config",
        tmp_path / "data",
        tmp_path / "cache",
    )
    assert paths.settings_file == tmp_path / "config" / "settings.json"
    assert paths.server_data_dir == tmp_path / "data" / "server"
    assert paths.pending_uploads_dir == tmp_path / "data" / "pending-uploads"
    assert paths.thumbnail_dir == tmp_path / "cache" / "thumbnails"
    assert not any(tmp_path.iterdir())  # nothing is created before ensure()
    assert paths.ensure() is paths
    assert all(folder.is_dir() for folder in (paths.config_dir, paths.data_dir, paths.cache_dir))
    paths.ensure()  # a second start finds them in place


def test_nested_folders_are_created_on_first_use(tmp_path: Path) -> None:
    paths = AppPaths(tmp_path / "a" / "b", tmp_path / "c" / "d", tmp_path / "e" / "f").ensure()
    assert all(folder.is_dir() for folder in (paths.config_dir, paths.data_dir, paths.cache_dir))


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "home"
    monkeypatch.setenv("HOME", str(folder))
    for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "APPDATA", "LOCALAPPDATA"):
        monkeypatch.delenv(name, raising=False)
    return folder


def test_linux_follows_the_xdg_folders_and_their_defaults(
    home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "platform", "linux")
    assert AppPaths.for_user() == AppPaths(
        home / ".config" / "FaceAlbum",
        home / ".local" / "share" / "FaceAlbum",
        home / ".cache" / "FaceAlbum",
    )
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xc"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xd"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xk"))
    assert AppPaths.for_user() == AppPaths(
        tmp_path / "xc" / "FaceAlbum", tmp_path / "xd" / "FaceAlbum", tmp_path / "xk" / "FaceAlbum"
    )
    monkeypatch.setenv("XDG_CONFIG_HOME", "")  # set but empty: the default, as the spec says
    assert AppPaths.for_user().config_dir == home / ".config" / "FaceAlbum"


def test_macos_keeps_settings_and_data_in_application_support(
    home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "platform", "darwin")
    support = home / "Library" / "Application Support" / "FaceAlbum"
    assert AppPaths.for_user() == AppPaths(
        support, support, home / "Library" / "Caches" / "FaceAlbum"
    )


def test_windows_uses_roaming_for_settings_and_local_for_data(
    home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "platform", "win32")
    local = home / "AppData" / "Local" / "FaceAlbum"
    assert AppPaths.for_user() == AppPaths(
        home / "AppData" / "Roaming" / "FaceAlbum", local, local / "Cache"
    )
    monkeypatch.setenv("APPDATA", str(tmp_path / "roam"))
    monkeypatch.setenv("LOCALAPPDATA", str(tmp_path / "loc"))
    assert AppPaths.for_user() == AppPaths(
        tmp_path / "roam" / "FaceAlbum",
        tmp_path / "loc" / "FaceAlbum",
        tmp_path / "loc" / "FaceAlbum" / "Cache",
    )


# --------------------------------------------------------------------------- pending uploads
ANA = "http://127.0.0.1:8000|ana"
LUIS = "http://127.0.0.1:8000|luis"


def test_pending_uploads_come_back_per_account_and_go_when_emptied(tmp_path: Path) -> None:
    folder = tmp_path / "data" / "pending-uploads"  # neither exists before the first save
    store = PendingUploadStore(folder)
    assert store.load(ANA) == []
    items = [
        PendingUpload("/fotos/playa.jpg", 3, "Playa", "Agosto"),
        PendingUpload("/fotos/año nuevo.jpg", 4),
    ]
    store.save(ANA, items)
    store.save(LUIS, [PendingUpload("/fotos/otra.jpg", 9)])
    again = PendingUploadStore(folder)  # the next start
    assert again.load(ANA) == items
    assert again.load(LUIS) == [PendingUpload("/fotos/otra.jpg", 9)]
    assert "año nuevo" in "".join(p.read_text(encoding="utf-8") for p in folder.iterdir())
    assert sorted(p.suffix for p in folder.iterdir()) == [".json", ".json"]  # no temp left
    again.save(ANA, items[:1])
    assert again.load(ANA) == items[:1]
    again.save(ANA, [])
    assert again.load(ANA) == [] and len(list(folder.iterdir())) == 1
    again.save(ANA, [])  # nothing to remove: still fine
    assert again.load(LUIS) == [PendingUpload("/fotos/otra.jpg", 9)]


def test_a_damaged_pending_file_loses_only_what_cannot_be_read(tmp_path: Path) -> None:
    store = PendingUploadStore(tmp_path)
    store.save(ANA, [PendingUpload("/x.jpg", 1)])
    [file] = tmp_path.iterdir()
    file.write_text(
        json.dumps(
            [
                {"path": "/a.jpg", "album_id": "7"},
                {"path": "/b.jpg"},
                {"path": "/c.jpg", "album_id": "siete"},
                "not an entry",
                {"path": "/d.jpg", "album_id": 8, "name": "D", "description": "dd"},
            ]
        ),
        encoding="utf-8",
    )
    assert store.load(ANA) == [PendingUpload("/a.jpg", 7), PendingUpload("/d.jpg", 8, "D", "dd")]
    file.write_text('{"path": "/a.jpg", "album_id": 7}', encoding="utf-8")
    assert store.load(ANA) == []
    file.write_text("5", encoding="utf-8")
    assert store.load(ANA) == []
    file.write_text("[{broken", encoding="utf-8")
    assert store.load(ANA) == []
    file.write_bytes(b"\xff\xfe not utf-8")
    assert store.load(ANA) == []


def test_pending_uploads_that_cannot_be_written_do_not_stop_the_app(tmp_path: Path) -> None:
    blocker = tmp_path / "a file, not a folder"
    blocker.write_text("x")
    store = PendingUploadStore(blocker / "pending")
    store.save(ANA, [PendingUpload("/x.jpg", 1)])  # logged, not raised
    assert store.load(ANA) == []
    store.save(ANA, [])
