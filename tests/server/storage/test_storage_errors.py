"""What an operator reads when storage fails: the exception's text and the warning log line.

The HTTP client only ever sees the fixed 503 ``storage_unavailable`` (or the resource's 404), so
these texts are the operator's only clue: they must name the operation, the key and the cause.
"""

from __future__ import annotations

import logging
import os
import socket
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

import boto3
import pytest
from botocore.awsrequest import AWSResponse
from botocore.config import Config
from botocore.exceptions import ClientError, EndpointConnectionError, NoCredentialsError

from server.storage import (
    LocalObjectStore,
    ObjectNotFound,
    S3ObjectStore,
    StorageError,
    create_object_store,
    validate_key,
    validate_prefix,
)

KEY = "users/1/albums/2/u/original.jpg"
# A valid key whose last segment is longer than any file system allows in one name (255).
LONG_NAME_KEY = "users/1/" + "n" * 300


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _storage_failure(
    caplog: pytest.LogCaptureFixture, call: Callable[[], object]
) -> tuple[StorageError, list[str]]:
    """Run ``call``, which must raise ``StorageError``; return it and the storage warnings."""
    caplog.clear()
    with (
        caplog.at_level(logging.WARNING, logger="server.storage"),
        pytest.raises(StorageError) as caught,
    ):
        call()
    warnings = [
        record.getMessage()
        for record in caplog.records
        if record.name.startswith("server.storage") and record.levelno == logging.WARNING
    ]
    return caught.value, warnings


# --- key and configuration errors -------------------------------------------------------------


@pytest.mark.parametrize(
    ("key", "message"),
    [
        ("", "An object key must be a non-empty string."),
        (None, "An object key must be a non-empty string."),
        ("x" * 1025, "An object key must be at most 1024 characters long."),
        ("users/../a.jpg", "Invalid object key: 'users/../a.jpg'."),
        ("users//a.jpg", "Invalid object key: 'users//a.jpg'."),
        ("users/./a.jpg", "Invalid object key: 'users/./a.jpg'."),
    ],
)
def test_an_invalid_key_is_refused_with_what_is_wrong(key: Any, message: str) -> None:
    with pytest.raises(ValueError) as caught:
        validate_key(key)

    assert str(caught.value) == message


@pytest.mark.parametrize(
    ("prefix", "message"),
    [
        (7, "A key prefix must be a string."),
        ("x" * 1025, "A key prefix must be at most 1024 characters long."),
        ("users/../", "Invalid key prefix: 'users/../'."),
        ("/users/", "Invalid key prefix: '/users/'."),
    ],
)
def test_an_invalid_prefix_is_refused_with_what_is_wrong(prefix: Any, message: str) -> None:
    with pytest.raises(ValueError) as caught:
        validate_prefix(prefix)

    assert str(caught.value) == message


def test_configuration_errors_say_what_is_missing(tmp_path: Path) -> None:
    settings: dict[str, Any] = {
        "local_root": tmp_path,
        "bucket": None,
        "region": "eu-west-1",
        "endpoint_url": None,
        "access_key_id": None,
        "secret_access_key": None,
    }
    with pytest.raises(ValueError) as no_bucket:
        create_object_store(backend="s3", **settings)
    with pytest.raises(ValueError) as unknown:
        create_object_store(backend="ftp", **settings)  # type: ignore[arg-type]
    with pytest.raises(ValueError) as direct:
        S3ObjectStore(bucket="", region="eu-west-1")

    assert str(no_bucket.value) == "The S3 storage backend needs a bucket name (BUCKET)."
    assert str(unknown.value) == "Unknown storage backend: 'ftp'."
    assert str(direct.value) == "An S3 object store needs a bucket name."


def test_a_signed_url_without_a_positive_lifetime_says_so(moto_s3_client: Any) -> None:
    store = S3ObjectStore(bucket="facealbum-signing", region="eu-west-1", client=moto_s3_client)

    with pytest.raises(ValueError) as caught:
        store.signed_url(KEY, 0)

    assert str(caught.value) == "A signed URL must be valid for a positive number of seconds."


# --- the local folder -----------------------------------------------------------------------


def test_a_missing_local_object_names_its_key(tmp_path: Path) -> None:
    with pytest.raises(ObjectNotFound) as caught:
        LocalObjectStore(tmp_path).get(KEY)

    assert str(caught.value) == f"No object stored under {KEY}."


def test_local_failures_name_the_operation_and_the_key(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """A name too long for the file system fails every operation on it with ENAMETOOLONG."""
    store = LocalObjectStore(tmp_path / "objects")

    put, put_log = _storage_failure(caplog, lambda: store.put(LONG_NAME_KEY, b"x", "image/jpeg"))
    get, get_log = _storage_failure(caplog, lambda: store.get(LONG_NAME_KEY))
    delete, delete_log = _storage_failure(caplog, lambda: store.delete(LONG_NAME_KEY))
    exists, _ = _storage_failure(caplog, lambda: store.exists(LONG_NAME_KEY))

    assert str(put) == f"Could not write object {LONG_NAME_KEY}."
    assert str(get) == f"Could not read object {LONG_NAME_KEY}."
    assert str(delete) == f"Could not delete object {LONG_NAME_KEY}."
    assert str(exists) == f"Could not check object {LONG_NAME_KEY}."
    for error in (put, get, delete, exists):
        assert isinstance(error.__cause__, OSError)
        assert error.__cause__.errno == 36  # ENAMETOOLONG
    for log, operation in ((put_log, "put"), (get_log, "get"), (delete_log, "delete")):
        assert len(log) == 1
        assert log[0].startswith(f"local store {operation} failed for {LONG_NAME_KEY}: ")
        assert "File name too long" in log[0]


def test_an_unwritable_local_root_says_so(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    root = tmp_path / "objects"
    root.write_bytes(b"a file where the folder should be")

    error, log = _storage_failure(caplog, LocalObjectStore(root).check)

    assert str(error) == "The local store is not writable."
    assert isinstance(error.__cause__, NotADirectoryError)
    assert len(log) == 1 and log[0].startswith(f"local store at {root} is not usable: ")


def test_a_folder_too_deep_to_open_fails_the_listing_with_a_storage_error(tmp_path: Path) -> None:
    """Below PATH_MAX (4096) folders can still be made relative to an open parent; a listing
    then cannot open them by path (root reads every folder, so this is the failure a test run
    as root can cause)."""
    root = tmp_path / "objects"
    root.mkdir()
    segment = "d" * 250
    fd = os.open(root, os.O_RDONLY)
    try:
        for _ in range(18):  # 18 x 251 characters: past PATH_MAX
            os.mkdir(segment, dir_fd=fd)
            child = os.open(segment, os.O_RDONLY, dir_fd=fd)
            os.close(fd)
            fd = child
    finally:
        os.close(fd)

    with pytest.raises(StorageError) as caught:
        list(LocalObjectStore(root).iter_keys())

    assert str(caught.value) == "Could not list the local store."
    assert isinstance(caught.value.__cause__, OSError)


# --- S3 ---------------------------------------------------------------------------------------


@pytest.fixture
def missing_bucket_store(moto_s3_client: Any) -> S3ObjectStore:
    """A store whose bucket does not exist: S3 answers every call with NoSuchBucket."""
    return S3ObjectStore(
        bucket=f"missing-{uuid.uuid4().hex[:12]}", region="eu-west-1", client=moto_s3_client
    )


@pytest.fixture
def unreachable_store() -> S3ObjectStore:
    """A store whose endpoint refuses connections; one attempt per call, to fail at once."""
    client = boto3.client(
        "s3",
        region_name="eu-west-1",
        endpoint_url=f"http://127.0.0.1:{_closed_port()}",
        aws_access_key_id="testing",
        aws_secret_access_key="testing",
        config=Config(connect_timeout=2, retries={"total_max_attempts": 1}),
    )
    return S3ObjectStore(bucket="facealbum-down", region="eu-west-1", client=client)


def test_a_missing_s3_object_names_its_key(missing_bucket_store: S3ObjectStore) -> None:
    store = missing_bucket_store
    store.ensure_bucket()

    with pytest.raises(ObjectNotFound) as caught:
        store.get(KEY)

    assert str(caught.value) == f"No object stored under {KEY}."
    assert isinstance(caught.value.__cause__, ClientError)


def test_s3_errors_name_the_operation_and_the_log_names_key_and_cause(
    missing_bucket_store: S3ObjectStore, caplog: pytest.LogCaptureFixture
) -> None:
    store = missing_bucket_store
    second = "users/1/albums/2/v/original.jpg"
    calls: list[tuple[Callable[[], object], str, str, str, str]] = [
        (lambda: store.put(KEY, b"x", "image/jpeg"), "put", KEY, "put", "PutObject"),
        (lambda: store.get(KEY), "get", KEY, "get", "GetObject"),
        (lambda: store.delete(KEY), "delete", KEY, "delete", "DeleteObject"),
        (
            lambda: store.delete_many([KEY, second]),
            "delete_many",
            KEY,  # the first key of the failed batch
            "delete many",
            "DeleteObjects",
        ),
        (lambda: list(store.iter_keys("users/1/")), "iter_keys", "users/1/", "iter keys", ""),
        (store.check, "check", "", "check", "HeadBucket"),
    ]

    for call, operation, key, words, api in calls:
        error, log = _storage_failure(caplog, call)

        assert str(error) == f"The object store failed to {words}.", operation
        assert isinstance(error.__cause__, ClientError), operation
        assert len(log) == 1, operation
        assert log[0].startswith(
            f"S3 {operation} failed (bucket={store.bucket} key={key}): An error occurred ("
        ), log[0]
        assert f"when calling the {api}" in log[0] or api == "", log[0]
        if api != "HeadBucket":  # a HEAD answer has no body to name the error
            assert "(NoSuchBucket)" in log[0], log[0]


def test_an_unreachable_s3_is_named_in_the_log_for_every_operation(
    unreachable_store: S3ObjectStore, caplog: pytest.LogCaptureFixture
) -> None:
    store = unreachable_store
    calls: list[tuple[Callable[[], object], str, str, str]] = [
        (lambda: store.put(KEY, b"x", "image/jpeg"), "put", KEY, "put"),
        (lambda: store.get(KEY), "get", KEY, "get"),
        (lambda: store.exists(KEY), "exists", KEY, "exists"),
        (lambda: store.delete(KEY), "delete", KEY, "delete"),
        (lambda: store.delete_many([KEY, "users/1/b.jpg"]), "delete_many", KEY, "delete many"),
        (lambda: list(store.iter_keys("users/1/")), "iter_keys", "users/1/", "iter keys"),
        (store.check, "check", "", "check"),
        (store.ensure_bucket, "ensure_bucket", "", "ensure bucket"),
    ]

    for call, operation, key, words in calls:
        error, log = _storage_failure(caplog, call)

        assert str(error) == f"The object store failed to {words}.", operation
        assert isinstance(error.__cause__, EndpointConnectionError), operation
        assert log == [
            f"S3 {operation} failed (bucket=facealbum-down key={key}): {error.__cause__}"
        ]
        assert "Could not connect to the endpoint URL" in log[0]


def test_a_forbidden_head_is_logged_with_its_key_and_status(
    missing_bucket_store: S3ObjectStore, caplog: pytest.LogCaptureFixture
) -> None:
    store = missing_bucket_store
    store.ensure_bucket()

    def answer_forbidden(request: Any, **_: Any) -> AWSResponse:
        return AWSResponse(request.url, 403, {}, _EmptyBody())

    store._client.meta.events.register("before-send.s3.HeadObject", answer_forbidden)
    try:
        error, log = _storage_failure(caplog, lambda: store.exists(KEY))
    finally:
        store._client.meta.events.unregister("before-send.s3.HeadObject", answer_forbidden)

    assert str(error) == "The object store failed to exists."
    assert isinstance(error.__cause__, ClientError)
    assert log == [
        f"S3 exists failed (bucket={store.bucket} key={KEY}): An error occurred (403) when "
        "calling the HeadObject operation: Forbidden"
    ]


class _EmptyBody:
    def stream(self, **_: Any) -> Any:
        yield b""


def test_per_key_delete_errors_are_counted_in_the_message(
    missing_bucket_store: S3ObjectStore, caplog: pytest.LogCaptureFixture
) -> None:
    store = missing_bucket_store
    store.ensure_bucket()

    def deny_two_keys(parsed: dict[str, Any], **_: Any) -> None:
        parsed["Errors"] = [
            {"Key": KEY, "Code": "AccessDenied", "Message": "Access Denied"},
            {"Key": "users/1/b.jpg", "Code": "AccessDenied", "Message": "Access Denied"},
        ]

    store._client.meta.events.register("after-call.s3.DeleteObjects", deny_two_keys)
    try:
        error, log = _storage_failure(caplog, lambda: store.delete_many([KEY, "users/1/b.jpg"]))
    finally:
        store._client.meta.events.unregister("after-call.s3.DeleteObjects", deny_two_keys)

    assert str(error) == "Could not delete 2 objects."
    assert log == [f"S3 delete_objects failed for 2 keys, first {KEY}: AccessDenied"]


def test_signing_without_credentials_names_the_operation_and_the_key(
    moto_s3_endpoint: str, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    for name in ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN"):
        monkeypatch.delenv(name, raising=False)
    store = S3ObjectStore(
        bucket="facealbum-signing", region="eu-west-1", endpoint_url=moto_s3_endpoint
    )

    error, log = _storage_failure(caplog, lambda: store.signed_url(KEY, 30))

    assert str(error) == "The object store failed to signed url."
    assert isinstance(error.__cause__, NoCredentialsError)
    assert log == [
        f"S3 signed_url failed (bucket=facealbum-signing key={KEY}): Unable to locate credentials"
    ]


def test_a_prefix_folder_name_too_long_for_the_file_system_fails_the_listing(
    tmp_path: Path,
) -> None:
    """Found by these tests: the check that the prefix folder exists raised a bare ``OSError``
    (ENAMETOOLONG), which no caller of the store expects."""
    store = LocalObjectStore(tmp_path)
    store.put("users/1/a.jpg", b"a", "image/jpeg")

    with pytest.raises(StorageError) as caught:
        list(store.iter_keys("users/" + "n" * 300 + "/"))

    assert str(caught.value) == "Could not list the local store."
    assert isinstance(caught.value.__cause__, OSError)
    assert list(store.iter_keys("users/")) == ["users/1/a.jpg"]


def test_a_store_shows_where_it_keeps_objects_and_no_secret(
    tmp_path: Path, moto_s3_endpoint: str
) -> None:
    s3_store = S3ObjectStore(
        bucket="facealbum-photos",
        region="eu-west-1",
        endpoint_url=moto_s3_endpoint,
        access_key_id="AKIDSECRETLOOKING",
        secret_access_key="very-secret",
    )

    assert repr(LocalObjectStore(tmp_path)) == f"LocalObjectStore(root={str(tmp_path)!r})"
    assert repr(s3_store) == "S3ObjectStore(bucket='facealbum-photos', region='eu-west-1')"
