"""A boto3 client created on first use, once, by whichever thread asks first."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Generic, TypeVar

ClientT = TypeVar("ClientT")


class LazyClient(Generic[ClientT]):
    """Holds a given client, or builds one with `factory` the first time it is needed (so
    importing or configuring an engine never touches AWS credentials)."""

    def __init__(self, factory: Callable[[], ClientT], client: ClientT | None = None) -> None:
        self._factory = factory
        self._client = client
        self._lock = threading.Lock()

    def get(self) -> ClientT:
        if self._client is None:
            with self._lock:
                if self._client is None:
                    self._client = self._factory()
        return self._client
