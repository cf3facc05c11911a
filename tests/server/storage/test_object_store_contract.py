"""The ObjectStore contract, run against the local folder and against S3 (moto over HTTP)."""

from __future__ import annotations

import os
import time
import urllib.request
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from server.storage import (
    LocalObjectStore,
    ObjectNotFound,
    ObjectStore,
    S3ObjectStore,
    StorageError,
)

BAD_KEYS = [
    "",
    "/users/1/a.jpg",
    "users/1/../2/a.jpg",
    "..",
    "users/1/..",
    "users\\1\\a.jpg",
    "users//1/a.jpg",
    "users/1/",
    "users/1/a b.jpg",
    "users/1/ä.jpg",
    "users/1/a.jpg\x00",
    "users/./1/a.jpg",
    "users/1/a?.jpg",
    "x" * 1025,
]


@pytest.fixture(params=["local", "s3"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> ObjectStore:
    if request.param == "local":
        return LocalObjectStore(tmp_path / "objects")
    s3_store = S3ObjectStore(
        bucket=f"facealbum-test-{uuid.uuid4().hex[:12]}",
        region="eu-west-1",
        client=request.getfixturevalue("moto_s3_client"),
    )
    s3_store.ensure_bucket()
    return s3_store


def test_put_then_get_returns_the_same_bytes(store: ObjectStore) -> None:
    payload = bytes(range(256)) * 100
    store.put("users/12/albums/3/abc/original.jpg", payload, "image/jpeg")

    assert store.get("users/12/albums/3/abc/original.jpg") == payload


def test_put_replaces_an_existing_object(store: ObjectStore) -> None:
    store.put("users/1/profile/a.png", b"first version", "image/png")
    store.put("users/1/profile/a.png", b"second", "image/png")

    assert store.get("users/1/profile/a.png") == b"second"
    assert list(store.iter_keys("users/1/")) == ["users/1/profile/a.png"]


def test_empty_objects_round_trip(store: ObjectStore) -> None:
    store.put("users/1/face/empty.bin", b"", "application/octet-stream")

    assert store.exists("users/1/face/empty.bin")
    assert store.get("users/1/face/empty.bin") == b""


def test_get_of_a_missing_key_raises_object_not_found(store: ObjectStore) -> None:
    with pytest.raises(ObjectNotFound):
        store.get("users/1/albums/1/missing/original.jpg")
    # ObjectNotFound is a StorageError, so generic handlers still catch it.
    assert issubclass(ObjectNotFound, StorageError)


def test_a_key_that_names_a_folder_of_keys_is_not_an_object(store: ObjectStore) -> None:
    store.put("users/1/albums/1/x/original.jpg", b"data", "image/jpeg")

    assert not store.exists("users/1/albums/1")
    with pytest.raises(ObjectNotFound):
        store.get("users/1/albums/1")


def test_exists_follows_put_and_delete(store: ObjectStore) -> None:
    key = "users/5/albums/9/u1/thumb.jpg"
    assert not store.exists(key)

    store.put(key, b"thumb", "image/jpeg")
    assert store.exists(key)

    store.delete(key)
    assert not store.exists(key)
    with pytest.raises(ObjectNotFound):
        store.get(key)


def test_deleting_a_missing_key_is_fine(store: ObjectStore) -> None:
    store.delete("users/1/never/was.jpg")

    assert not store.exists("users/1/never/was.jpg")


def test_delete_many_removes_only_the_given_keys(store: ObjectStore) -> None:
    for name in ("a", "b", "c"):
        store.put(f"users/2/albums/1/{name}/original.jpg", name.encode(), "image/jpeg")

    store.delete_many(
        ["users/2/albums/1/a/original.jpg", "users/2/albums/1/c/original.jpg", "users/2/gone.jpg"]
    )

    assert sorted(store.iter_keys()) == ["users/2/albums/1/b/original.jpg"]


def test_delete_many_accepts_more_keys_than_one_batch(store: ObjectStore) -> None:
    kept = "users/3/keep.jpg"
    store.put(kept, b"keep", "image/jpeg")
    present = [f"users/3/albums/1/{index}/original.jpg" for index in range(3)]
    for key in present:
        store.put(key, b"x", "image/jpeg")
    missing = [f"users/3/albums/1/missing-{index}.jpg" for index in range(1205)]

    store.delete_many(iter(present + missing))

    assert list(store.iter_keys("users/3/")) == [kept]


def test_delete_many_with_nothing_to_delete(store: ObjectStore) -> None:
    store.delete_many([])


def test_iter_keys_filters_by_prefix_like_s3(store: ObjectStore) -> None:
    keys = [
        "users/1/albums/1/p/original.jpg",
        "users/1/profile/q/original.png",
        "users/10/albums/4/r/original.jpg",
        "users/2/face/s.bin",
    ]
    for key in keys:
        store.put(key, b"x", "application/octet-stream")

    assert sorted(store.iter_keys()) == sorted(keys)
    assert sorted(store.iter_keys("users/1/")) == keys[:2]
    # A prefix is a string prefix, not a folder: "users/1" also matches "users/10/...".
    assert sorted(store.iter_keys("users/1")) == keys[:3]
    assert list(store.iter_keys("users/1/prof")) == ["users/1/profile/q/original.png"]
    assert list(store.iter_keys("users/99/")) == []
    # A prefix may also end inside the first segment.
    assert sorted(store.iter_keys("use")) == sorted(keys)
    assert list(store.iter_keys("user/")) == []


def test_listing_without_a_prefix_includes_top_level_keys(store: ObjectStore) -> None:
    store.put("top.bin", b"t", "application/octet-stream")
    store.put("users/1/a.jpg", b"a", "image/jpeg")

    assert sorted(item.key for item in store.iter_objects()) == ["top.bin", "users/1/a.jpg"]
    assert sorted(store.iter_keys()) == ["top.bin", "users/1/a.jpg"]
    assert list(store.iter_keys("to")) == ["top.bin"]


def test_a_key_or_prefix_of_exactly_the_maximum_length_is_accepted(store: ObjectStore) -> None:
    # Segments stay short: a local file name may not exceed 255 bytes.
    key = "users/1/" + "/".join(["x" * 199] * 5) + "/" + "y" * 16
    assert len(key) == 1024

    store.put(key, b"long", "application/octet-stream")

    assert store.get(key) == b"long"
    assert store.exists(key)
    assert list(store.iter_keys(key)) == [key]
    with pytest.raises(ValueError):
        list(store.iter_keys(key + "z"))


def test_keys_that_are_not_strings_are_rejected(store: ObjectStore) -> None:
    for key in (42, b"users/1/a.jpg"):
        with pytest.raises(ValueError):
            store.get(key)  # type: ignore[arg-type]
        with pytest.raises(ValueError):
            store.put(key, b"x", "image/jpeg")  # type: ignore[arg-type]


def test_iter_keys_rejects_a_bad_prefix(store: ObjectStore) -> None:
    with pytest.raises(ValueError):
        list(store.iter_keys("../"))
    with pytest.raises(ValueError):
        list(store.iter_keys("/users"))


def test_check_passes_on_a_working_store(store: ObjectStore) -> None:
    store.check()


@pytest.mark.parametrize("key", BAD_KEYS)
def test_bad_keys_are_rejected_by_every_operation(store: ObjectStore, key: str) -> None:
    with pytest.raises(ValueError):
        store.put(key, b"x", "image/jpeg")
    with pytest.raises(ValueError):
        store.get(key)
    with pytest.raises(ValueError):
        store.delete(key)
    with pytest.raises(ValueError):
        store.exists(key)
    with pytest.raises(ValueError):
        store.delete_many(["users/1/fine.jpg", key])
    with pytest.raises(ValueError):
        store.signed_url(key, 60)


def test_delete_many_validates_every_key_before_deleting_any(store: ObjectStore) -> None:
    store.put("users/1/fine.jpg", b"x", "image/jpeg")

    with pytest.raises(ValueError):
        store.delete_many(["users/1/fine.jpg", "../etc/passwd"])

    assert store.exists("users/1/fine.jpg")


def test_signed_url_is_none_locally_and_fetchable_on_s3(store: ObjectStore) -> None:
    store.put("users/1/albums/1/u/preview.jpg", b"preview bytes", "image/jpeg")

    url = store.signed_url("users/1/albums/1/u/preview.jpg", 60)

    if isinstance(store, LocalObjectStore):
        assert url is None
    else:
        assert url is not None
        assert "X-Amz-Signature=" in url and "X-Amz-Expires=60" in url
        with urllib.request.urlopen(url, timeout=10) as response:
            assert response.read() == b"preview bytes"


@pytest.fixture
def non_utc_local_time() -> Iterator[None]:
    """Run in a process time zone far from UTC, so local-time conversions cannot pass as UTC."""
    saved = os.environ.get("TZ")
    os.environ["TZ"] = "Asia/Tokyo"
    time.tzset()
    try:
        yield
    finally:
        if saved is None:
            del os.environ["TZ"]
        else:
            os.environ["TZ"] = saved
        time.tzset()


@pytest.mark.usefixtures("non_utc_local_time")
def test_iter_objects_gives_each_key_with_its_write_time_in_utc(store: ObjectStore) -> None:
    before = datetime.now(UTC) - timedelta(seconds=5)  # file systems round mtimes
    store.put("users/3/albums/1/a/original.jpg", b"a", "image/jpeg")
    store.put("users/3/albums/1/b/original.jpg", b"b", "image/jpeg")
    store.put("users/4/face/c.bin", b"c", "application/octet-stream")
    after = datetime.now(UTC) + timedelta(seconds=5)

    found = sorted(store.iter_objects("users/3/albums/1/"), key=lambda item: item.key)

    assert [item.key for item in found] == [
        "users/3/albums/1/a/original.jpg",
        "users/3/albums/1/b/original.jpg",
    ]
    for item in found:
        assert item.modified_at.utcoffset() == timedelta(0)
        assert before <= item.modified_at <= after, item


def test_a_signed_url_needs_a_positive_lifetime(store: ObjectStore) -> None:
    store.put("users/5/x.jpg", b"x", "image/jpeg")
    for seconds in (0, -1):
        if isinstance(store, S3ObjectStore):
            with pytest.raises(ValueError):
                store.signed_url("users/5/x.jpg", seconds)
        else:  # a local folder never signs, whatever the lifetime
            assert store.signed_url("users/5/x.jpg", seconds) is None

    shortest = store.signed_url("users/5/x.jpg", 1)
    if isinstance(store, S3ObjectStore):
        assert shortest is not None and "X-Amz-Expires=1&" in shortest
    else:
        assert shortest is None
