"""The upload queue: expand dropped paths, skip non-images, upload with bounded parallelism.

It is plain Python (threads from ``concurrent.futures``); the Qt layer turns the listener calls
into signals. Before sending anything the queue asks the server which files (by SHA-256) it
already has and skips those. Files that fail for a reason worth retrying (network, server busy)
are retried after every first attempt, with growing pauses, then marked failed; each retry sends
the item's Idempotency-Key, so an upload whose answer was lost is never stored twice. Files the
server refuses (not an image, too large…) fail at once with the reason. Files that failed for a
passing reason can be queued again (``requeue``) with their key and digest.
"""

from __future__ import annotations

import enum
import hashlib
import logging
import os
import threading
import uuid
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from desktop.api.errors import ApiError, ConnectionFailed, ServerError, Unavailable
from desktop.api.models import Photo
from desktop.api.multipart import ProgressCallback
from desktop.core.imagetype import ACCEPTED_FORMATS, sniff_file
from desktop.core.messages import message_for

log = logging.getLogger(__name__)


class UploadState(enum.Enum):
    QUEUED = "queued"
    UPLOADING = "uploading"
    DONE = "done"
    FAILED = "failed"
    SKIPPED = "skipped"
    CANCELLED = "cancelled"


@dataclass
class UploadItem:
    """One file in the queue and where it stands."""

    path: Path
    album_id: int
    name: str = ""
    description: str = ""
    state: UploadState = UploadState.QUEUED
    reason: str = ""
    reason_code: str = ""
    sent: int = 0
    total: int = 0
    attempts: int = 0
    photo: Photo | None = None
    index: int = -1
    sha256: str = ""
    # Failed for a reason that may pass (server gone or busy, file unreadable): worth retrying.
    can_retry: bool = False
    # Sent with every attempt: the server answers a retry with the photo the first one made.
    idempotency_key: str = field(default_factory=lambda: f"upload-{uuid.uuid4().hex}")

    @property
    def fraction(self) -> float:
        if self.state is UploadState.DONE:
            return 1.0
        return self.sent / self.total if self.total else 0.0


class UploadCancelled(Exception):
    """Raised inside the progress callback to abort a file being sent."""


UploadFunction = Callable[[UploadItem, ProgressCallback], Photo]
Listener = Callable[[UploadItem], None]
CheckFunction = Callable[[list[str]], set[str]]  # SHA-256 digests -> those already stored

RETRY_DELAYS = (1.0, 4.0, 15.0)  # seconds before the 2nd, 3rd and 4th attempt
ALREADY_UPLOADED = "already_uploaded"

RETRYABLE = (ConnectionFailed, Unavailable, ServerError)


@dataclass
class UploadSummary:
    """What happened to a batch."""

    done: list[UploadItem] = field(default_factory=list)
    failed: list[UploadItem] = field(default_factory=list)
    skipped: list[UploadItem] = field(default_factory=list)
    cancelled: list[UploadItem] = field(default_factory=list)


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def expand_paths(paths: Iterable[Path]) -> list[Path]:
    """Files from dropped files and folders (folders walked recursively, sorted, hidden skipped)."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                found.extend(
                    Path(root) / name for name in sorted(files) if not name.startswith(".")
                )
        elif path.is_file():
            found.append(path)
    return found


class UploadQueue:
    """Uploads a batch of files into albums, ``max_parallel`` at a time, and reports each change.

    ``listener`` is called from worker threads (and from the caller's thread for skips).
    """

    def __init__(
        self,
        upload: UploadFunction,
        *,
        max_parallel: int = 3,
        retry_delays: tuple[float, ...] = RETRY_DELAYS,
        listener: Listener | None = None,
        check: CheckFunction | None = None,
    ) -> None:
        self._upload = upload
        self.max_parallel = max(1, max_parallel)
        self.retry_delays = retry_delays
        self.max_attempts = len(retry_delays) + 1
        self._listener = listener
        self._check = check
        self._cancel = threading.Event()
        self.items: list[UploadItem] = []

    def add(
        self,
        paths: Iterable[Path],
        album_id: int,
        *,
        name: str = "",
        description: str = "",
    ) -> list[UploadItem]:
        """Queue files (folders expanded); non-images are marked skipped with the reason."""
        added: list[UploadItem] = []
        for path in expand_paths(paths):
            item = UploadItem(
                path=path,
                album_id=album_id,
                name=name or path.stem,
                description=description,
                index=len(self.items),
            )
            try:
                item.total = path.stat().st_size
            except OSError:
                item.total = 0
            kind = sniff_file(path)
            if kind is None:
                self._finish(item, UploadState.SKIPPED, "not_an_image")
            elif kind not in ACCEPTED_FORMATS:
                self._finish(item, UploadState.SKIPPED, "unsupported_media_type")
            self.items.append(item)
            added.append(item)
        return added

    def requeue(self, items: Iterable[UploadItem]) -> list[UploadItem]:
        """Take failed items (from any finished queue) back, to try them again from the start.

        They keep their Idempotency-Key and digest: the server answers a file it stored already
        with that photo (or the check skips it) instead of storing a second copy.
        """
        taken: list[UploadItem] = []
        for item in items:
            if item.state is not UploadState.FAILED or not item.can_retry:
                continue
            item.state = UploadState.QUEUED
            item.reason = item.reason_code = ""
            item.can_retry = False
            item.attempts = item.sent = 0
            item.index = len(self.items)
            self.items.append(item)
            taken.append(item)
            self._notify(item)
        return taken

    def cancel(self) -> None:
        """Stop: files not started are cancelled, files being sent are aborted."""
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def run(self) -> UploadSummary:
        """Upload every queued file (blocking; call it from a background thread)."""
        self._skip_already_uploaded()
        pending = [item for item in self.items if item.state is UploadState.QUEUED]
        for attempt in range(1, self.max_attempts + 1):
            if not pending or self._cancel.is_set():
                break
            if attempt > 1 and self._cancel.wait(self.retry_delays[attempt - 2]):
                break
            with ThreadPoolExecutor(self.max_parallel, thread_name_prefix="upload") as pool:
                list(pool.map(self._upload_one, pending))
            pending = [
                item
                for item in self.items
                if item.state is UploadState.QUEUED and item.attempts == attempt
            ]
        for item in self.items:
            if item.state is UploadState.QUEUED:
                self._finish(item, UploadState.CANCELLED, "cancelled")
        return self.summary()

    def summary(self) -> UploadSummary:
        """Items grouped by outcome."""
        result = UploadSummary()
        for item in self.items:
            {
                UploadState.DONE: result.done,
                UploadState.FAILED: result.failed,
                UploadState.SKIPPED: result.skipped,
                UploadState.CANCELLED: result.cancelled,
            }.get(item.state, result.failed).append(item)
        return result

    # -- internals ------------------------------------------------------------------------
    def _skip_already_uploaded(self) -> None:
        """Ask the server which queued files it has (by SHA-256) and skip them unsent."""
        if self._check is None:
            return
        queued = [item for item in self.items if item.state is UploadState.QUEUED]
        for item in queued:
            if not item.sha256:
                try:
                    item.sha256 = file_sha256(item.path)
                except OSError as exc:
                    self._finish(item, UploadState.FAILED, "file_unreadable", str(exc), retry=True)
        digests = sorted({item.sha256 for item in queued if item.state is UploadState.QUEUED})
        if not digests:
            return
        try:
            stored = self._check(digests)
        except ApiError as exc:  # the uploads themselves will still catch duplicates
            log.info("could not check for files already uploaded: %s", exc.code)
            return
        for item in queued:
            if item.state is UploadState.QUEUED and item.sha256 in stored:
                self._finish(item, UploadState.SKIPPED, ALREADY_UPLOADED)

    def _upload_one(self, item: UploadItem) -> None:
        if self._cancel.is_set():
            self._finish(item, UploadState.CANCELLED, "cancelled")
            return
        item.attempts += 1
        item.state = UploadState.UPLOADING
        item.sent = 0
        self._notify(item)

        def progress(sent: int, total: int) -> None:
            if self._cancel.is_set():
                raise UploadCancelled()
            item.sent = sent
            item.total = total
            self._notify(item)

        try:
            item.photo = self._upload(item, progress)
        except UploadCancelled:
            self._finish(item, UploadState.CANCELLED, "cancelled")
        except RETRYABLE as exc:
            if self._cancel.is_set():
                self._finish(item, UploadState.CANCELLED, "cancelled")
            elif item.attempts < self.max_attempts:
                log.info("upload of %s failed (%s); retrying later", item.path, exc.code)
                item.state = UploadState.QUEUED
                item.reason_code = exc.code
                item.reason = exc.message
                self._notify(item)
            else:
                self._finish(item, UploadState.FAILED, exc.code, exc.message, retry=True)
        except ApiError as exc:
            if exc.code == "duplicate_photo":  # uploaded meanwhile (another device, a race)
                self._finish(item, UploadState.SKIPPED, ALREADY_UPLOADED)
            else:
                self._finish(item, UploadState.FAILED, exc.code, exc.message)
        except OSError as exc:
            self._finish(item, UploadState.FAILED, "file_unreadable", str(exc), retry=True)
        else:
            self._finish(item, UploadState.DONE, "")

    def _finish(
        self,
        item: UploadItem,
        state: UploadState,
        code: str,
        reason: str = "",
        *,
        retry: bool = False,
    ) -> None:
        item.state = state
        item.can_retry = retry
        item.reason_code = code
        item.reason = reason or (message_for(code) if code else "")
        self._notify(item)

    def _notify(self, item: UploadItem) -> None:
        if self._listener is not None:
            self._listener(item)
