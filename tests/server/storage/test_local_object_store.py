"""What only the local-folder store promises: private files, atomic writes, tidy folders."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from server.storage import LocalObjectStore, StorageError

REPO_ROOT = Path(__file__).resolve().parents[3]


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_files_and_folders_are_private(tmp_path: Path) -> None:
    root = tmp_path / "data" / "objects"
    store = LocalObjectStore(root)
    old_umask = os.umask(0o022)
    try:
        store.put("users/7/face/embedding.bin", b"secret", "application/octet-stream")
    finally:
        os.umask(old_umask)

    file_path = root / "users" / "7" / "face" / "embedding.bin"
    assert _mode(file_path) == 0o600
    for directory in (root, root / "users", root / "users" / "7", root / "users" / "7" / "face"):
        assert _mode(directory) == 0o700, directory
    assert not _mode(file_path) & (stat.S_IROTH | stat.S_IRGRP)


def test_object_lives_at_root_slash_key(tmp_path: Path) -> None:
    store = LocalObjectStore(tmp_path)

    store.put("users/1/albums/2/u/original.jpg", b"jpeg", "image/jpeg")

    assert (tmp_path / "users/1/albums/2/u/original.jpg").read_bytes() == b"jpeg"


def test_delete_prunes_empty_folders_but_not_the_root_or_busy_ones(tmp_path: Path) -> None:
    root = tmp_path / "objects"
    store = LocalObjectStore(root)
    store.put("users/1/albums/2/u/original.jpg", b"a", "image/jpeg")
    store.put("users/1/albums/2/u/thumb.jpg", b"b", "image/jpeg")
    store.put("users/1/profile/p/original.jpg", b"c", "image/jpeg")

    store.delete("users/1/albums/2/u/original.jpg")
    assert (root / "users/1/albums/2/u").is_dir()

    store.delete("users/1/albums/2/u/thumb.jpg")
    assert not (root / "users/1/albums").exists()
    assert (root / "users/1/profile/p").is_dir()

    store.delete("users/1/profile/p/original.jpg")
    assert root.is_dir()
    assert list(root.iterdir()) == []


def test_a_failed_write_keeps_the_old_object_and_leaves_no_temp_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = LocalObjectStore(tmp_path)
    store.put("users/1/a.jpg", b"old", "image/jpeg")

    def failing_replace(src: str, dst: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", failing_replace)
    with pytest.raises(StorageError):
        store.put("users/1/a.jpg", b"new", "image/jpeg")
    monkeypatch.undo()

    assert store.get("users/1/a.jpg") == b"old"
    assert sorted(p.name for p in (tmp_path / "users/1").iterdir()) == ["a.jpg"]


def test_half_written_temp_files_are_not_listed(tmp_path: Path) -> None:
    store = LocalObjectStore(tmp_path)
    store.put("users/1/a.jpg", b"a", "image/jpeg")
    # What a crash between the temp write and the rename would leave behind.
    (tmp_path / "users/1/a.jpg.~tmp~x1y2").write_bytes(b"partial")

    assert list(store.iter_keys()) == ["users/1/a.jpg"]


def test_check_creates_a_missing_root(tmp_path: Path) -> None:
    root = tmp_path / "fresh" / "objects"

    LocalObjectStore(root).check()

    assert root.is_dir()
    assert list(root.iterdir()) == []


def test_check_fails_when_the_root_is_a_file(tmp_path: Path) -> None:
    root = tmp_path / "objects"
    root.write_text("not a folder")
    store = LocalObjectStore(root)

    with pytest.raises(StorageError):
        store.check()
    with pytest.raises(StorageError):
        store.put("users/1/a.jpg", b"x", "image/jpeg")


_CHECK_READ_ONLY_ROOT = """
import shutil, sys, tempfile
from pathlib import Path
from server.storage import LocalObjectStore, StorageError
root = Path(tempfile.mkdtemp()) / "objects"
root.mkdir(mode=0o500)
try:
    LocalObjectStore(root).check()
except StorageError as exc:
    print("StorageError:", exc)
    sys.exit(0)
finally:
    root.chmod(0o700)
    shutil.rmtree(root.parent)
print("check() passed on a read-only root")
sys.exit(1)
"""


def test_check_fails_on_a_read_only_root() -> None:
    """Root ignores file permissions, and CI runs as root: the check then runs as root without
    the capabilities that override them (so it needs no access to anyone else's folders)."""
    command = [sys.executable, "-c", _CHECK_READ_ONLY_ROOT]
    if os.geteuid() == 0:
        setpriv = shutil.which("setpriv")
        assert setpriv, "running as root needs util-linux's setpriv to drop capabilities"
        command = [setpriv, "--bounding-set=-dac_override,-dac_read_search", "--", *command]
    environment = {**os.environ, "PYTHONPATH": str(REPO_ROOT), "TMPDIR": "/tmp", "HOME": "/tmp"}
    completed = subprocess.run(
        command, cwd="/", env=environment, capture_output=True, text=True, timeout=120, check=False
    )
    assert completed.returncode == 0, completed.stdout + completed.stderr
    assert completed.stdout.startswith("StorageError:"), completed.stdout


def test_a_file_in_the_way_of_a_folder_is_a_storage_error(tmp_path: Path) -> None:
    store = LocalObjectStore(tmp_path)
    store.put("users/1/a", b"file", "application/octet-stream")

    with pytest.raises(StorageError):
        store.put("users/1/a/b.jpg", b"x", "image/jpeg")
    assert store.get("users/1/a") == b"file"
