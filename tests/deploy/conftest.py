"""Fixtures for the deployment tests: the local cluster harness and a fresh MariaDB database."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from local_cluster import fresh_mysql_database


def _ci() -> bool:
    return os.environ.get("CI", "").lower() in ("1", "true", "yes")


def _empty_database() -> Iterator[str]:
    """An empty MariaDB database, dropped afterwards. Skipped locally when no server answers;
    under CI=true a missing server FAILS the run."""
    try:
        database = fresh_mysql_database()
        url = database.__enter__()
    except ConnectionError as exc:
        if _ci():
            pytest.fail(str(exc))
        pytest.skip(str(exc))
    try:
        yield url
    finally:
        database.__exit__(None, None, None)


@pytest.fixture(scope="module")
def cluster_database_url() -> Iterator[str]:
    """An empty MariaDB database for one cluster."""
    yield from _empty_database()


@pytest.fixture
def empty_database_url() -> Iterator[str]:
    """An empty MariaDB database for one test (no cluster instance works on it)."""
    yield from _empty_database()
