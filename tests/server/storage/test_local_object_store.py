"""What only the local-folder store promises: private files, atomic writes, tidy folders."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path

import pytest

from server.storage import LocalObjectStore, ObjectNotFound, StorageError

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
    store.put("users/1/b.jpg", b"b", "image/jpeg")  # listed after the temp file

    assert list(store.iter_keys()) == ["users/1/a.jpg", "users/1/b.jpg"]


def test_temp_files_sit_beside_the_object_and_are_never_listed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The temp file of a write (and of a health check) is created in the object's own folder,
    so the final rename never crosses file systems, and is named so listings skip it."""
    root = tmp_path / "objects"
    store = LocalObjectStore(root)
    store.put("users/1/a.jpg", b"a", "image/jpeg")
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "no-system-temp-folder"))
    seen_while_busy: list[list[str]] = []
    real_replace, real_unlink = os.replace, os.unlink

    def replace_and_look(src: str, dst: str) -> None:
        seen_while_busy.append(sorted(store.iter_keys()))
        real_replace(src, dst)

    def unlink_and_look(path: str) -> None:
        seen_while_busy.append(sorted(store.iter_keys()))
        real_unlink(path)

    monkeypatch.setattr(os, "replace", replace_and_look)
    monkeypatch.setattr(os, "unlink", unlink_and_look)
    store.put("users/1/b.jpg", b"b", "image/jpeg")
    store.check()
    monkeypatch.undo()

    assert seen_while_busy == [["users/1/a.jpg"], ["users/1/a.jpg", "users/1/b.jpg"]]
    assert store.get("users/1/b.jpg") == b"b"


def test_a_listing_gives_each_file_its_own_modification_time(tmp_path: Path) -> None:
    store = LocalObjectStore(tmp_path)
    store.put("users/1/albums/2/u/original.jpg", b"a", "image/jpeg")
    written = datetime(2024, 5, 6, 7, 8, 9, tzinfo=UTC)
    os.utime(tmp_path / "users/1/albums/2/u/original.jpg", (written.timestamp(),) * 2)

    found = list(store.iter_objects("users/1/"))

    assert [(item.key, item.modified_at) for item in found] == [
        ("users/1/albums/2/u/original.jpg", written)
    ]


def test_an_object_deleted_during_a_listing_is_skipped_and_the_rest_still_listed(
    tmp_path: Path,
) -> None:
    store = LocalObjectStore(tmp_path)
    for name in ("a", "b", "c"):
        store.put(f"users/1/{name}.jpg", name.encode(), "image/jpeg")

    listing = store.iter_keys("users/1/")
    first = next(listing)
    store.delete("users/1/b.jpg")

    assert [first, *listing] == ["users/1/a.jpg", "users/1/c.jpg"]


def test_a_write_retries_when_a_concurrent_delete_prunes_its_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A delete of the folder's last object prunes the folder; a write that just created it
    must create it again and retry (three tries in all) instead of failing at once."""
    store = LocalObjectStore(tmp_path)
    real_mkstemp = tempfile.mkstemp
    prunes_left = 0

    def mkstemp_after_a_concurrent_prune(*args: object, **kwargs: object) -> tuple[int, str]:
        nonlocal prunes_left
        if prunes_left:
            prunes_left -= 1
            os.rmdir(str(kwargs["dir"]))
        return real_mkstemp(*args, **kwargs)  # type: ignore[call-overload,no-any-return]

    monkeypatch.setattr(tempfile, "mkstemp", mkstemp_after_a_concurrent_prune)

    prunes_left = 2
    store.put("users/1/albums/2/a.jpg", b"a", "image/jpeg")
    assert prunes_left == 0
    assert store.get("users/1/albums/2/a.jpg") == b"a"

    prunes_left = 3
    with pytest.raises(StorageError):
        store.put("users/1/albums/3/b.jpg", b"b", "image/jpeg")
    assert prunes_left == 0
    with pytest.raises(ObjectNotFound):
        store.get("users/1/albums/3/b.jpg")


def test_a_write_whose_folders_are_created_concurrently_succeeds(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two uploads into the same new album race to create its folders: each folder another
    writer created first is simply used."""
    store = LocalObjectStore(tmp_path / "objects")
    real_mkdir = Path.mkdir

    def mkdir_after_another_writer(self: Path, mode: int = 0o777, *args: object) -> None:
        real_mkdir(self, mode)  # the other writer wins the race...
        real_mkdir(self, mode, *args)  # type: ignore[arg-type]  # ...so this raises

    monkeypatch.setattr(Path, "mkdir", mkdir_after_another_writer)
    store.put("users/1/albums/2/u/original.jpg", b"a", "image/jpeg")
    monkeypatch.undo()

    assert store.get("users/1/albums/2/u/original.jpg") == b"a"


def test_a_failed_write_whose_cleanup_also_fails_is_a_storage_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = LocalObjectStore(tmp_path)

    def failing(*_: object) -> None:
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(os, "replace", failing)
    monkeypatch.setattr(os, "unlink", failing)
    with pytest.raises(StorageError):
        store.put("users/1/a.jpg", b"new", "image/jpeg")


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
from server.storage import LocalObjectStore, ObjectNotFound, StorageError
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


def _run_where_permissions_apply(script: str) -> subprocess.CompletedProcess[str]:
    """Root ignores file permissions, and CI runs as root: the script then runs as root without
    the capabilities that override them (so it needs no access to anyone else's folders)."""
    command = [sys.executable, "-c", script]
    if os.geteuid() == 0:
        setpriv = shutil.which("setpriv")
        assert setpriv, "running as root needs util-linux's setpriv to drop capabilities"
        command = [setpriv, "--bounding-set=-dac_override,-dac_read_search", "--", *command]
    environment = {**os.environ, "PYTHONPATH": str(REPO_ROOT), "TMPDIR": "/tmp", "HOME": "/tmp"}
    return subprocess.run(
        command, cwd="/", env=environment, capture_output=True, text=True, timeout=120, check=False
    )


def test_check_fails_on_a_read_only_root() -> None:
    completed = _run_where_permissions_apply(_CHECK_READ_ONLY_ROOT)

    assert completed.returncode == 0, completed.stdout + completed.stderr
    assert completed.stdout.startswith("StorageError:"), completed.stdout


_LIST_BESIDE_AN_UNREADABLE_FOLDER = """
import shutil, tempfile
from pathlib import Path
from server.storage import LocalObjectStore, StorageError
root = Path(tempfile.mkdtemp()) / "objects"
store = LocalObjectStore(root)
store.put("users/1/albums/1/a.jpg", b"a", "image/jpeg")
store.put("users/2/albums/1/b.jpg", b"b", "image/jpeg")
(root / "users/2").chmod(0o000)
try:
    print(list(store.iter_keys("users/1/albums/")))
    print(list(store.iter_keys("users/1/")))
    try:
        print(list(store.iter_keys("users/")))
    except StorageError:
        print("StorageError")
finally:
    (root / "users/2").chmod(0o700)
    shutil.rmtree(root.parent)
"""


def test_a_listing_reads_only_the_prefix_folder_and_reports_unreadable_folders() -> None:
    """Listing one user's objects does not touch other users' folders, and a folder the
    listing cannot read is a storage error, not silently missing objects."""
    completed = _run_where_permissions_apply(_LIST_BESIDE_AN_UNREADABLE_FOLDER)

    assert completed.returncode == 0, completed.stdout + completed.stderr
    assert completed.stdout.splitlines() == [
        "['users/1/albums/1/a.jpg']",
        "['users/1/albums/1/a.jpg']",
        "StorageError",
    ]


def test_a_file_in_the_way_of_a_folder_is_a_storage_error(tmp_path: Path) -> None:
    store = LocalObjectStore(tmp_path)
    store.put("users/1/a", b"file", "application/octet-stream")

    with pytest.raises(StorageError):
        store.put("users/1/a/b.jpg", b"x", "image/jpeg")
    assert store.get("users/1/a") == b"file"
