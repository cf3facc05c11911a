"""Object store on a local folder: the default for the bundled, single-machine mode."""

from __future__ import annotations

import contextlib
import errno
import logging
import os
import tempfile
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import NoReturn

from server.storage.base import (
    ObjectNotFound,
    StorageError,
    StoredObject,
    validate_key,
    validate_prefix,
)

logger = logging.getLogger(__name__)

FILE_MODE = 0o600
DIR_MODE = 0o700
# "~" cannot appear in a valid key, so half-written temp files are never listed as objects.
_TEMP_MARKER = ".~tmp~"
_MKDIR_RETRIES = 3


class LocalObjectStore:
    """Objects as files under ``root``: ``root / key``.

    Writes are atomic (a temp file in the target directory, fsynced, then ``os.replace``), so a
    reader sees either the old object or the new one, never half of one. Files are created
    ``0o600`` and directories ``0o700`` because photos and face data are private. Directories
    left empty by a delete are removed, up to (not including) ``root``.
    """

    def __init__(self, root: Path) -> None:
        self.root = Path(root).absolute()

    def __repr__(self) -> str:
        return f"LocalObjectStore(root={str(self.root)!r})"

    def _path(self, key: str) -> Path:
        return self.root.joinpath(*validate_key(key).split("/"))

    def _make_dirs(self, directory: Path) -> None:
        """Create ``directory`` and missing parents (``root`` included) with private permissions."""
        missing: list[Path] = []
        current = directory
        while not current.is_dir():
            missing.append(current)
            if current == current.parent:
                break
            current = current.parent
        for path in reversed(missing):
            try:
                path.mkdir(mode=DIR_MODE)
            except FileExistsError:
                continue
            # mkdir's mode is filtered by the umask; set it explicitly.
            os.chmod(path, DIR_MODE)

    def put(self, key: str, data: bytes, content_type: str) -> None:
        """Write ``data`` to ``root/key`` atomically; ``content_type`` is implied by the key."""
        path = self._path(key)
        try:
            for attempt in range(_MKDIR_RETRIES):
                self._make_dirs(path.parent)
                try:
                    self._write_atomically(path, data)
                    return
                except FileNotFoundError:
                    # A concurrent delete pruned the directory between mkdir and write.
                    if attempt == _MKDIR_RETRIES - 1:
                        raise
        except OSError as exc:
            logger.warning("local store put failed for %s: %s", key, exc)
            raise StorageError(f"Could not write object {key}.") from exc

    @staticmethod
    def _write_atomically(path: Path, data: bytes) -> None:
        # mkstemp creates the file with mode 0o600 regardless of the umask.
        fd, temp_name = tempfile.mkstemp(prefix=f"{path.name}{_TEMP_MARKER}", dir=path.parent)
        try:
            with os.fdopen(fd, "wb") as temp_file:
                temp_file.write(data)
                temp_file.flush()
                os.fsync(temp_file.fileno())
            os.replace(temp_name, path)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(temp_name)
            raise
        _fsync_directory(path.parent)

    def get(self, key: str) -> bytes:
        """Return the object's bytes; ``ObjectNotFound`` if missing."""
        path = self._path(key)
        try:
            return path.read_bytes()
        except (FileNotFoundError, IsADirectoryError, NotADirectoryError) as exc:
            raise ObjectNotFound(f"No object stored under {key}.") from exc
        except OSError as exc:
            logger.warning("local store get failed for %s: %s", key, exc)
            raise StorageError(f"Could not read object {key}.") from exc

    def delete(self, key: str) -> None:
        """Remove the object (missing is fine) and prune directories left empty."""
        path = self._path(key)
        try:
            path.unlink(missing_ok=True)
        except (IsADirectoryError, NotADirectoryError):
            return
        except OSError as exc:
            logger.warning("local store delete failed for %s: %s", key, exc)
            raise StorageError(f"Could not delete object {key}.") from exc
        self._prune_empty_parents(path.parent)

    def _prune_empty_parents(self, directory: Path) -> None:
        while directory != self.root and self.root in directory.parents:
            try:
                directory.rmdir()
            except OSError as exc:
                # Not empty, already gone or not ours to remove: stop pruning either way.
                if exc.errno not in (errno.ENOTEMPTY, errno.EEXIST, errno.ENOENT):
                    logger.debug("not pruning %s: %s", directory, exc)
                return
            directory = directory.parent

    def delete_many(self, keys: Iterable[str]) -> None:
        """Remove every key; the keys are all validated before anything is deleted."""
        validated = [validate_key(key) for key in keys]
        for key in validated:
            self.delete(key)

    def exists(self, key: str) -> bool:
        """Tell whether a file is stored under ``key``."""
        path = self._path(key)
        try:
            return path.is_file()
        except OSError as exc:
            raise StorageError(f"Could not check object {key}.") from exc

    def iter_keys(self, prefix: str = "") -> Iterator[str]:
        """Yield the keys of all stored files starting with ``prefix`` (unordered)."""
        for stored in self.iter_objects(prefix):
            yield stored.key

    def iter_objects(self, prefix: str = "") -> Iterator[StoredObject]:
        """Yield every stored file under ``prefix`` with its modification time."""
        validate_prefix(prefix)
        # Walk only the deepest directory the prefix names completely.
        directory_part = prefix.rsplit("/", 1)[0] if "/" in prefix else ""
        start = self.root.joinpath(*directory_part.split("/")) if directory_part else self.root

        def raise_storage_error(exc: OSError) -> NoReturn:
            raise StorageError("Could not list the local store.") from exc

        try:
            if not start.is_dir():
                return
        except OSError as exc:  # e.g. a prefix folder name too long for the file system
            raise_storage_error(exc)

        for dirpath, dirnames, filenames in os.walk(start, onerror=raise_storage_error):
            dirnames.sort()
            relative_dir = Path(dirpath).relative_to(self.root).as_posix()
            for name in sorted(filenames):
                if _TEMP_MARKER in name:
                    continue
                key = name if relative_dir == "." else f"{relative_dir}/{name}"
                if key.startswith(prefix):
                    try:
                        mtime = os.stat(os.path.join(dirpath, name)).st_mtime
                    except FileNotFoundError:  # deleted while we walked
                        continue
                    yield StoredObject(key, datetime.fromtimestamp(mtime, UTC))

    def check(self) -> None:
        """Create the root if needed and prove it is writable with a probe write."""
        try:
            self._make_dirs(self.root)
            fd, probe = tempfile.mkstemp(prefix=f"health{_TEMP_MARKER}", dir=self.root)
            os.close(fd)
            os.unlink(probe)
        except OSError as exc:
            logger.warning("local store at %s is not usable: %s", self.root, exc)
            raise StorageError("The local store is not writable.") from exc

    def signed_url(self, key: str, expires_seconds: int) -> str | None:
        """A local folder cannot sign URLs: always ``None`` (the server streams the bytes)."""
        validate_key(key)
        return None


def _fsync_directory(directory: Path) -> None:
    """Persist a rename in ``directory`` (not supported on every platform, e.g. Windows)."""
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
