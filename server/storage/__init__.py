"""Object storage: one protocol, a local-folder and an S3 implementation, and the factory."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from server.storage.base import (
    ObjectNotFound,
    ObjectStore,
    StorageError,
    StoredObject,
    validate_key,
    validate_prefix,
)
from server.storage.local import LocalObjectStore
from server.storage.s3 import S3ObjectStore, make_s3_client

__all__ = [
    "LocalObjectStore",
    "ObjectNotFound",
    "ObjectStore",
    "S3ObjectStore",
    "StorageError",
    "StoredObject",
    "create_object_store",
    "make_s3_client",
    "validate_key",
    "validate_prefix",
]


def create_object_store(
    *,
    backend: Literal["local", "s3"],
    local_root: Path,
    bucket: str | None,
    region: str | None,
    endpoint_url: str | None,
    access_key_id: str | None,
    secret_access_key: str | None,
) -> ObjectStore:
    """Build the configured store: a folder at ``local_root``, or the S3 ``bucket``.

    Creates nothing remotely; call ``check()`` to find out whether the store answers.
    Raises ``ValueError`` for an unknown backend or an S3 backend without a bucket.
    """
    if backend == "local":
        return LocalObjectStore(local_root)
    if backend == "s3":
        if not bucket:
            raise ValueError("The S3 storage backend needs a bucket name (BUCKET).")
        return S3ObjectStore(
            bucket=bucket,
            region=region,
            endpoint_url=endpoint_url,
            access_key_id=access_key_id,
            secret_access_key=secret_access_key,
        )
    raise ValueError(f"Unknown storage backend: {backend!r}.")
