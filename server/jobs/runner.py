"""A background worker that drains the table-backed job queue.

Every instance may run one; a job is claimed with an atomic UPDATE and a lease, so two
instances never run the same job, and a job whose worker died is picked up after its lease.
With ``concurrency`` > 1 that many threads each claim and run one job at a time (the claim is
the same atomic UPDATE, so they never share a job); handlers do their heavy work elsewhere (the
tagging handler in a process pool of the same size).
"""

from __future__ import annotations

import logging
import os
import socket
import threading
import uuid
from collections.abc import Mapping
from datetime import timedelta
from typing import Protocol

from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError

from server.db import utcnow
from server.jobs import repository
from server.jobs.models import Job

log = logging.getLogger(__name__)


class JobHandler(Protocol):
    def run(self, db: Session, job: Job) -> None:
        """Do the work; raise to have the job retried later."""

    def failed(self, db: Session, job: Job) -> None:
        """Record that the job failed for good (after the last attempt)."""


class JobRunner:
    def __init__(
        self,
        session_factory: sessionmaker[Session],
        handlers: Mapping[str, JobHandler],
        *,
        poll_seconds: float = 1.0,
        lease: timedelta = timedelta(minutes=5),
        max_attempts: int = 3,
        concurrency: int = 1,
    ) -> None:
        self._session_factory = session_factory
        self._handlers = dict(handlers)
        self._poll_seconds = poll_seconds
        self._lease = lease
        self._max_attempts = max_attempts
        self.worker_id = f"{socket.gethostname()[:30]}-{os.getpid()}-{uuid.uuid4().hex[:6]}"
        self.concurrency = max(1, concurrency)
        self._stop = threading.Event()
        self._threads: list[threading.Thread] = []

    def run_once(self) -> bool:
        """Claim and run one due job. Returns False when nothing was due."""
        with self._session_factory() as db:
            job = repository.claim_next(
                db, worker_id=self.worker_id, now=utcnow(), lease=self._lease
            )
            if job is None:
                return False
            job_id = job.id
            handler = self._handlers.get(job.kind)
            try:
                if handler is None:
                    raise LookupError(f"no handler for job kind {job.kind!r}")
                handler.run(db, job)
                repository.finish(db, job)
            except StaleDataError:
                # The photo (and by cascade its job) was deleted while the job ran: nothing to do.
                db.rollback()
                log.info("job %s vanished while running (its photo was deleted)", job_id)
            except Exception as exc:
                db.rollback()
                log.warning("job %s (%s) failed: %s", job_id, job.kind, exc, exc_info=True)
                current = db.get(Job, job_id, populate_existing=True)
                if current is None:
                    return True
                failed_for_good = repository.retry_or_fail(
                    db,
                    current,
                    error=f"{type(exc).__name__}: {exc}",
                    max_attempts=self._max_attempts,
                    now=utcnow(),
                )
                if failed_for_good and handler is not None:
                    handler.failed(db, current)
            return True

    def run_until_idle(self, max_jobs: int = 10_000) -> int:
        """Run due jobs until none is left (tests, benchmarks, the CLI), ``concurrency`` at once."""
        done = 0
        lock = threading.Lock()

        def drain() -> None:
            nonlocal done
            while True:
                with lock:
                    if done >= max_jobs:
                        return
                if not self.run_once():
                    return
                with lock:
                    done += 1

        if self.concurrency == 1:
            drain()
            return done
        drainers = [threading.Thread(target=drain) for _ in range(self.concurrency)]
        for thread in drainers:
            thread.start()
        for thread in drainers:
            thread.join()
        return done

    def _loop(self) -> None:
        while not self._stop.is_set():
            try:
                worked = self.run_once()
            except Exception:  # the database may be briefly away; keep the worker alive
                log.exception("job worker iteration failed")
                worked = False
            if not worked:
                self._stop.wait(self._poll_seconds)

    def start(self) -> None:
        if not self._threads:
            self._stop.clear()
            self._threads = [
                threading.Thread(target=self._loop, name=f"facealbum-jobs-{n}", daemon=True)
                for n in range(self.concurrency)
            ]
            for thread in self._threads:
                thread.start()

    def stop(self, timeout: float = 10.0) -> None:
        self._stop.set()
        for thread in self._threads:
            thread.join(timeout)
        self._threads = []
