"""The factory picks the implementation the settings ask for."""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest

from server.storage import LocalObjectStore, S3ObjectStore, create_object_store


def test_local_backend_is_a_folder_store(tmp_path: Path) -> None:
    store = create_object_store(
        backend="local",
        local_root=tmp_path / "objects",
        bucket=None,
        region=None,
        endpoint_url=None,
        access_key_id=None,
        secret_access_key=None,
    )

    assert isinstance(store, LocalObjectStore)
    store.put("users/1/a.jpg", b"a", "image/jpeg")
    assert (tmp_path / "objects/users/1/a.jpg").read_bytes() == b"a"


def test_s3_backend_talks_to_the_configured_endpoint(tmp_path: Path, moto_s3_endpoint: str) -> None:
    bucket = f"facealbum-test-{uuid.uuid4().hex[:12]}"
    store = create_object_store(
        backend="s3",
        local_root=tmp_path,
        bucket=bucket,
        region="eu-central-1",
        endpoint_url=moto_s3_endpoint,
        access_key_id="testing",
        secret_access_key="testing",
    )

    assert isinstance(store, S3ObjectStore)
    store.ensure_bucket()
    store.put("users/1/a.jpg", b"a", "image/jpeg")
    assert store.get("users/1/a.jpg") == b"a"
    assert list(tmp_path.iterdir()) == []
    # The configured region, not the environment's default (us-east-1 under the tests).
    url = store.signed_url("users/1/a.jpg", 60)
    assert url is not None and "%2Feu-central-1%2Fs3%2Faws4_request&" in url


def test_s3_backend_without_a_bucket_is_a_configuration_error(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="bucket"):
        create_object_store(
            backend="s3",
            local_root=tmp_path,
            bucket=None,
            region="eu-west-1",
            endpoint_url=None,
            access_key_id=None,
            secret_access_key=None,
        )


def test_unknown_backend_is_rejected(tmp_path: Path) -> None:
    with pytest.raises(ValueError):
        create_object_store(
            backend="ftp",  # type: ignore[arg-type]
            local_root=tmp_path,
            bucket=None,
            region=None,
            endpoint_url=None,
            access_key_id=None,
            secret_access_key=None,
        )
