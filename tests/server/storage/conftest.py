"""Storage test fixtures. ``moto_s3_endpoint`` (a real moto S3 server on loopback with dummy
credentials) comes from the repository's top-level ``tests/conftest.py``."""

from __future__ import annotations

from typing import Any

import pytest

from server.storage import make_s3_client


@pytest.fixture(scope="session")
def moto_s3_client(moto_s3_endpoint: str) -> Any:
    """One S3 client (production settings) for the moto server; creating clients is slow."""
    return make_s3_client(region="eu-west-1", endpoint_url=moto_s3_endpoint)
