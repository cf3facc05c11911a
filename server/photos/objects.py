"""Object keys for photos, and writes that undo themselves when the database commit fails."""

from __future__ import annotations

import logging
import uuid
from collections.abc import Iterable
from types import TracebackType

from server.storage import ObjectStore, StorageError

log = logging.getLogger(__name__)


def photo_key_prefix(*, user_id: int, album_id: int, profile: bool) -> str:
    folder = "profile" if profile else f"albums/{album_id}"
    return f"users/{user_id}/{folder}/{uuid.uuid4().hex}"


def user_prefix(user_id: int) -> str:
    return f"users/{user_id}/"


def delete_objects_quietly(store: ObjectStore, keys: Iterable[str]) -> None:
    """Best-effort delete after the rows are gone; what fails is left for `python -m server sweep`."""
    keys = list(keys)
    if not keys:
        return
    try:
        store.delete_many(keys)
    except StorageError:
        log.warning(
            "could not delete %d objects; the sweeper will remove them", len(keys), exc_info=True
        )


class StagedObjects:
    """Objects written for a row that is not committed yet: removed again if the block fails.

    Usage: ``with StagedObjects(store) as staged: staged.put(...); db.commit()``.
    """

    def __init__(self, store: ObjectStore) -> None:
        self._store = store
        self.keys: list[str] = []

    def put(self, key: str, data: bytes, content_type: str) -> None:
        self.keys.append(key)  # before the write: a write that half-happened must be undone too
        self._store.put(key, data, content_type)

    def __enter__(self) -> StagedObjects:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if exc_type is not None:
            delete_objects_quietly(self._store, self.keys)
