"""What only the S3 store promises: encryption, batching, private bucket, failing fast."""

from __future__ import annotations

import socket
import uuid
from collections.abc import Iterator
from typing import Any

import boto3
import pytest
from botocore.awsrequest import AWSResponse

from server.storage import S3ObjectStore, StorageError


@pytest.fixture
def bucket_name() -> str:
    return f"facealbum-test-{uuid.uuid4().hex[:12]}"


@pytest.fixture
def s3_store(moto_s3_endpoint: str, bucket_name: str) -> S3ObjectStore:
    # Its own client: some tests hook events on it.
    store = S3ObjectStore(bucket=bucket_name, region="eu-west-1", endpoint_url=moto_s3_endpoint)
    store.ensure_bucket()
    return store


@pytest.fixture
def raw_client(moto_s3_endpoint: str) -> Any:
    return boto3.client("s3", region_name="eu-west-1", endpoint_url=moto_s3_endpoint)


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_objects_are_stored_encrypted_with_their_content_type(
    s3_store: S3ObjectStore, raw_client: Any, bucket_name: str
) -> None:
    s3_store.put("users/1/albums/1/u/original.png", b"png bytes", "image/png")

    head = raw_client.head_object(Bucket=bucket_name, Key="users/1/albums/1/u/original.png")
    assert head["ContentType"] == "image/png"
    assert head["ServerSideEncryption"] == "AES256"


def test_ensure_bucket_creates_a_private_bucket_and_can_run_twice(
    s3_store: S3ObjectStore, raw_client: Any, bucket_name: str
) -> None:
    s3_store.ensure_bucket()

    location = raw_client.get_bucket_location(Bucket=bucket_name)
    assert location["LocationConstraint"] == "eu-west-1"
    block = raw_client.get_public_access_block(Bucket=bucket_name)
    assert block["PublicAccessBlockConfiguration"] == {
        "BlockPublicAcls": True,
        "IgnorePublicAcls": True,
        "BlockPublicPolicy": True,
        "RestrictPublicBuckets": True,
    }


@pytest.mark.parametrize("region", ["us-east-1", None])
def test_ensure_bucket_in_the_default_region_sends_no_location(
    moto_s3_endpoint: str, bucket_name: str, raw_client: Any, region: str | None
) -> None:
    """S3 refuses a LocationConstraint of us-east-1 (and ``None`` is no constraint at all): a
    bucket there, or in the environment's default region, is created without one."""
    store = S3ObjectStore(bucket=bucket_name, region=region, endpoint_url=moto_s3_endpoint)

    store.ensure_bucket()

    assert raw_client.get_bucket_location(Bucket=bucket_name)["LocationConstraint"] is None
    store.put("users/1/a.jpg", b"a", "image/jpeg")
    assert store.get("users/1/a.jpg") == b"a"


def test_delete_many_sends_one_request_per_thousand_keys(s3_store: S3ObjectStore) -> None:
    batch_sizes: list[int] = []

    def record_batch(params: dict[str, Any], **_: Any) -> None:
        batch_sizes.append(len(params["Delete"]["Objects"]))

    s3_store._client.meta.events.register("provide-client-params.s3.DeleteObjects", record_batch)
    s3_store.put("users/4/a.jpg", b"a", "image/jpeg")

    s3_store.delete_many(["users/4/a.jpg"] + [f"users/4/m{index}.jpg" for index in range(2100)])

    assert batch_sizes == [1000, 1000, 101]
    assert not s3_store.exists("users/4/a.jpg")


def test_a_delete_answered_with_per_key_errors_raises_and_stops(s3_store: S3ObjectStore) -> None:
    """DeleteObjects answers 200 even when some keys were not deleted (AccessDenied on a key,
    say) and lists them under ``Errors``; moto never does, so the real answer is amended the way
    S3's documented response reads. The store must raise, not report success, and send no
    further batch."""
    sent: list[int] = []

    def record_batch(params: dict[str, Any], **_: Any) -> None:
        sent.append(len(params["Delete"]["Objects"]))

    def deny_one_key(parsed: dict[str, Any], **_: Any) -> None:
        parsed["Errors"] = [
            {"Key": "users/5/kept.jpg", "Code": "AccessDenied", "Message": "Access Denied"}
        ]

    events = s3_store._client.meta.events
    events.register("provide-client-params.s3.DeleteObjects", record_batch)
    events.register("after-call.s3.DeleteObjects", deny_one_key)
    s3_store.put("users/5/kept.jpg", b"k", "image/jpeg")

    with pytest.raises(StorageError):
        s3_store.delete_many(["users/5/kept.jpg"] + [f"users/5/m{i}.jpg" for i in range(1500)])

    assert sent == [1000]  # the second batch was not sent after the first one failed
    events.unregister("after-call.s3.DeleteObjects", deny_one_key)
    s3_store.delete_many([])  # no keys: no request, no error
    assert sent == [1000]


def test_iter_keys_follows_every_page(s3_store: S3ObjectStore) -> None:
    pages: list[int] = []

    def small_pages(params: dict[str, Any], **_: Any) -> None:
        params["MaxKeys"] = 2
        pages.append(1)

    s3_store._client.meta.events.register("provide-client-params.s3.ListObjectsV2", small_pages)
    keys = [f"users/8/albums/1/{index}/thumb.jpg" for index in range(5)]
    for key in keys:
        s3_store.put(key, b"t", "image/jpeg")

    assert list(s3_store.iter_keys("users/8/")) == sorted(keys)
    assert len(pages) == 3


def test_a_missing_bucket_fails_the_check(moto_s3_client: Any) -> None:
    store = S3ObjectStore(
        bucket=f"missing-{uuid.uuid4().hex[:12]}", region="eu-west-1", client=moto_s3_client
    )

    with pytest.raises(StorageError):
        store.check()
    with pytest.raises(StorageError):
        store.put("users/1/a.jpg", b"x", "image/jpeg")
    with pytest.raises(StorageError):
        store.get("users/1/a.jpg")  # NoSuchBucket is not a missing object
    with pytest.raises(StorageError):
        store.delete("users/1/a.jpg")
    with pytest.raises(StorageError):
        list(store.iter_keys())


class _EmptyBody:
    def stream(self, **_: Any) -> Iterator[bytes]:
        yield b""


def test_a_forbidden_head_is_a_storage_error_not_a_missing_object(s3_store: S3ObjectStore) -> None:
    """S3 answers HEAD with a bare 403 when access is denied (moto never does, so the answer is
    substituted before sending). ``exists`` must not take that for "no such object"."""

    def answer_forbidden(request: Any, **_: Any) -> AWSResponse:
        return AWSResponse(request.url, 403, {}, _EmptyBody())

    s3_store.put("users/1/a.jpg", b"x", "image/jpeg")
    s3_store._client.meta.events.register("before-send.s3.HeadObject", answer_forbidden)

    with pytest.raises(StorageError):
        s3_store.exists("users/1/a.jpg")
    with pytest.raises(StorageError):
        s3_store.exists("users/1/missing.jpg")


def test_signed_urls_are_signed_for_the_configured_region(moto_s3_endpoint: str) -> None:
    store = S3ObjectStore(
        bucket="facealbum-signing", region="ap-south-1", endpoint_url=moto_s3_endpoint
    )

    url = store.signed_url("users/1/a.jpg", 30)

    assert url is not None
    assert url.startswith(f"{moto_s3_endpoint}/facealbum-signing/users/1/a.jpg?")
    assert "%2Fap-south-1%2Fs3%2Faws4_request&" in url


def test_signing_without_credentials_is_a_storage_error(
    moto_s3_endpoint: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN"):
        monkeypatch.delenv(name, raising=False)
    store = S3ObjectStore(
        bucket="facealbum-signing", region="eu-west-1", endpoint_url=moto_s3_endpoint
    )

    with pytest.raises(StorageError):
        store.signed_url("users/1/a.jpg", 30)


@pytest.mark.timeout(60)
def test_an_unreachable_s3_raises_storage_error_instead_of_hanging(moto_s3_endpoint: str) -> None:
    store = S3ObjectStore(
        bucket="facealbum-down",
        region="eu-west-1",
        endpoint_url=f"http://127.0.0.1:{_closed_port()}",
        access_key_id="testing",
        secret_access_key="testing",
    )

    with pytest.raises(StorageError):
        store.put("users/1/a.jpg", b"x", "image/jpeg")
    with pytest.raises(StorageError):
        store.get("users/1/a.jpg")
    with pytest.raises(StorageError):
        store.check()
    with pytest.raises(StorageError):
        store.exists("users/1/a.jpg")
    with pytest.raises(StorageError):
        store.delete("users/1/a.jpg")
    with pytest.raises(StorageError):
        store.delete_many(["users/1/a.jpg"])
    with pytest.raises(StorageError):
        list(store.iter_keys())
    with pytest.raises(StorageError):
        store.ensure_bucket()


def test_storage_errors_do_not_leak_endpoints_or_credentials(moto_s3_endpoint: str) -> None:
    port = _closed_port()
    store = S3ObjectStore(
        bucket="facealbum-down",
        region="eu-west-1",
        endpoint_url=f"http://127.0.0.1:{port}",
        access_key_id="AKIDSECRETLOOKING",
        secret_access_key="very-secret",
    )

    with pytest.raises(StorageError) as caught:
        store.get("users/1/a.jpg")

    message = str(caught.value)
    assert str(port) not in message and "very-secret" not in message
    assert "AKIDSECRETLOOKING" not in message


def test_client_is_configured_to_fail_fast(s3_store: S3ObjectStore) -> None:
    config: Any = s3_store._client.meta.config

    assert config.connect_timeout == 2
    assert config.read_timeout == 10
    # botocore counts the first try too: max_attempts=2 retries means 3 attempts in all.
    assert config.retries == {"mode": "standard", "total_max_attempts": 3}
