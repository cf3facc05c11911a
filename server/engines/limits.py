"""Per-process concurrency limits for costly engine calls.

A call that finds every slot taken is refused at once with 503 ``engine_busy`` and a
``Retry-After``, instead of queueing behind the others: a burst of OCR requests cannot pile
up threads (and memory) until the whole service stalls.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager

from server.errors import Unavailable


class EngineBusy(Unavailable):
    code = "engine_busy"

    def __init__(self, what: str, retry_after: int) -> None:
        super().__init__(
            f"The server is busy with other {what} requests; try again in {retry_after} s.",
            headers={"Retry-After": str(retry_after)},
        )


class ConcurrencyLimit:
    """At most ``max_concurrent`` holders at once in this process."""

    def __init__(self, what: str, *, max_concurrent: int, retry_after: int) -> None:
        self.what = what
        self.max_concurrent = max(1, max_concurrent)
        self.retry_after = max(1, retry_after)
        self._slots = threading.BoundedSemaphore(self.max_concurrent)

    @contextmanager
    def slot(self) -> Iterator[None]:
        """Hold a slot for the block, or raise ``EngineBusy`` when none is free."""
        if not self._slots.acquire(blocking=False):
            raise EngineBusy(self.what, self.retry_after)
        try:
            yield
        finally:
            self._slots.release()
