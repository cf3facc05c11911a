"""Object store on a private S3 bucket (or any S3-compatible server through ``endpoint_url``)."""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from datetime import UTC
from typing import TYPE_CHECKING, Any

import boto3
from botocore.config import Config
from botocore.exceptions import BotoCoreError, ClientError

from server.storage.base import (
    ObjectNotFound,
    StorageError,
    StoredObject,
    validate_key,
    validate_prefix,
)

if TYPE_CHECKING:
    from mypy_boto3_s3.client import S3Client

logger = logging.getLogger(__name__)

DELETE_BATCH_SIZE = 1000  # DeleteObjects accepts at most 1000 keys per call
_NOT_FOUND_CODES = frozenset({"NoSuchKey", "404", "NotFound"})
_NO_BUCKET_CODES = frozenset({"NoSuchBucket", "404", "NotFound"})

# Fail fast when S3 is unreachable: requests should answer 503 quickly, not hang.
CLIENT_CONFIG = Config(
    connect_timeout=2,
    read_timeout=10,
    retries={"max_attempts": 2, "mode": "standard"},
    signature_version="s3v4",
)


def _error_code(exc: ClientError) -> str:
    return str(exc.response.get("Error", {}).get("Code", ""))


def make_s3_client(
    *,
    region: str | None,
    endpoint_url: str | None = None,
    access_key_id: str | None = None,
    secret_access_key: str | None = None,
) -> S3Client:
    """Build an S3 client with short timeouts; without keys boto3's default chain is used."""
    config = CLIENT_CONFIG
    if endpoint_url:
        # S3-compatible servers (moto, MinIO) rarely resolve virtual-host bucket names.
        config = config.merge(Config(s3={"addressing_style": "path"}))
    return boto3.session.Session().client(
        "s3",
        region_name=region,
        endpoint_url=endpoint_url,
        aws_access_key_id=access_key_id,
        aws_secret_access_key=secret_access_key,
        config=config,
    )


class S3ObjectStore:
    """Objects in one private bucket, encrypted at rest (SSE-S3, AES256).

    Without explicit keys boto3's default chain is used (environment, instance role, ...).
    Every botocore failure is raised as ``StorageError`` (``ObjectNotFound`` for a missing key).
    Pass ``client`` to share one (thread-safe) client between stores.
    """

    def __init__(
        self,
        bucket: str,
        region: str | None,
        endpoint_url: str | None = None,
        access_key_id: str | None = None,
        secret_access_key: str | None = None,
        client: S3Client | None = None,
    ) -> None:
        if not bucket:
            raise ValueError("An S3 object store needs a bucket name.")
        self.bucket = bucket
        self.region = region
        if client is None:
            client = make_s3_client(
                region=region,
                endpoint_url=endpoint_url,
                access_key_id=access_key_id,
                secret_access_key=secret_access_key,
            )
        self._client: S3Client = client

    def __repr__(self) -> str:
        return f"S3ObjectStore(bucket={self.bucket!r}, region={self.region!r})"

    def put(self, key: str, data: bytes, content_type: str) -> None:
        """Upload ``data`` with server-side encryption."""
        validate_key(key)
        try:
            self._client.put_object(
                Bucket=self.bucket,
                Key=key,
                Body=data,
                ContentType=content_type,
                ServerSideEncryption="AES256",
            )
        except (BotoCoreError, ClientError) as exc:
            raise self._storage_error("put", key, exc) from exc

    def get(self, key: str) -> bytes:
        """Download the object; ``ObjectNotFound`` if the key does not exist."""
        validate_key(key)
        try:
            response = self._client.get_object(Bucket=self.bucket, Key=key)
            body = response["Body"]
            try:
                return body.read()
            finally:
                body.close()
        except ClientError as exc:
            if _error_code(exc) in _NOT_FOUND_CODES:
                raise ObjectNotFound(f"No object stored under {key}.") from exc
            raise self._storage_error("get", key, exc) from exc
        except BotoCoreError as exc:
            raise self._storage_error("get", key, exc) from exc

    def delete(self, key: str) -> None:
        """Delete the object; S3 answers success for a missing key too."""
        validate_key(key)
        try:
            self._client.delete_object(Bucket=self.bucket, Key=key)
        except (BotoCoreError, ClientError) as exc:
            raise self._storage_error("delete", key, exc) from exc

    def delete_many(self, keys: Iterable[str]) -> None:
        """Delete in batches of 1000 (DeleteObjects); any per-key error raises ``StorageError``."""
        validated = [validate_key(key) for key in keys]
        for start in range(0, len(validated), DELETE_BATCH_SIZE):
            batch = validated[start : start + DELETE_BATCH_SIZE]
            try:
                response = self._client.delete_objects(
                    Bucket=self.bucket,
                    Delete={"Objects": [{"Key": key} for key in batch], "Quiet": True},
                )
            except (BotoCoreError, ClientError) as exc:
                raise self._storage_error("delete_many", batch[0], exc) from exc
            errors = response.get("Errors", [])
            if errors:
                first = errors[0]
                logger.warning(
                    "S3 delete_objects failed for %d keys, first %s: %s",
                    len(errors),
                    first.get("Key"),
                    first.get("Code"),
                )
                raise StorageError(f"Could not delete {len(errors)} objects.")

    def exists(self, key: str) -> bool:
        """HEAD the object: ``False`` on 404, ``StorageError`` on any other failure."""
        validate_key(key)
        try:
            self._client.head_object(Bucket=self.bucket, Key=key)
        except ClientError as exc:
            if _error_code(exc) in _NOT_FOUND_CODES:
                return False
            raise self._storage_error("exists", key, exc) from exc
        except BotoCoreError as exc:
            raise self._storage_error("exists", key, exc) from exc
        return True

    def iter_keys(self, prefix: str = "") -> Iterator[str]:
        """Yield keys under ``prefix`` page by page (list_objects_v2 paginator, lexicographic)."""
        for stored in self.iter_objects(prefix):
            yield stored.key

    def iter_objects(self, prefix: str = "") -> Iterator[StoredObject]:
        """Yield objects under ``prefix`` with their LastModified time."""
        validate_prefix(prefix)
        paginator = self._client.get_paginator("list_objects_v2")
        try:
            for page in paginator.paginate(Bucket=self.bucket, Prefix=prefix):
                for item in page.get("Contents", []):
                    yield StoredObject(item["Key"], item["LastModified"].astimezone(UTC))
        except (BotoCoreError, ClientError) as exc:
            raise self._storage_error("iter_keys", prefix, exc) from exc

    def check(self) -> None:
        """HEAD the bucket: raises ``StorageError`` if it is unreachable, missing or forbidden."""
        try:
            self._client.head_bucket(Bucket=self.bucket)
        except (BotoCoreError, ClientError) as exc:
            raise self._storage_error("check", "", exc) from exc

    def signed_url(self, key: str, expires_seconds: int) -> str | None:
        """Presign a GET for ``key`` valid ``expires_seconds`` (computed locally, no request)."""
        validate_key(key)
        if expires_seconds <= 0:
            raise ValueError("A signed URL must be valid for a positive number of seconds.")
        try:
            return self._client.generate_presigned_url(
                "get_object",
                Params={"Bucket": self.bucket, "Key": key},
                ExpiresIn=expires_seconds,
            )
        except (BotoCoreError, ClientError) as exc:
            raise self._storage_error("signed_url", key, exc) from exc

    def ensure_bucket(self) -> None:
        """Create the bucket if missing and block all public access (tests and development).

        Production buckets come from the deployment template; this is for moto/MinIO setups.
        """
        try:
            try:
                self._client.head_bucket(Bucket=self.bucket)
            except ClientError as exc:
                if _error_code(exc) not in _NO_BUCKET_CODES:
                    raise
                create_args: dict[str, Any] = {"Bucket": self.bucket}
                if self.region and self.region != "us-east-1":
                    create_args["CreateBucketConfiguration"] = {"LocationConstraint": self.region}
                self._client.create_bucket(**create_args)
            self._client.put_public_access_block(
                Bucket=self.bucket,
                PublicAccessBlockConfiguration={
                    "BlockPublicAcls": True,
                    "IgnorePublicAcls": True,
                    "BlockPublicPolicy": True,
                    "RestrictPublicBuckets": True,
                },
            )
        except (BotoCoreError, ClientError) as exc:
            raise self._storage_error("ensure_bucket", "", exc) from exc

    def _storage_error(self, operation: str, key: str, exc: Exception) -> StorageError:
        logger.warning("S3 %s failed (bucket=%s key=%s): %s", operation, self.bucket, key, exc)
        return StorageError(f"The object store failed to {operation.replace('_', ' ')}.")
