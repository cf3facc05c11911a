"""A job-queue worker process for the cross-process claim test.

python tests/deploy/claim_worker.py DATABASE_URL KIND OUT.json START_AT

Waits until the wall clock reaches START_AT (so every worker starts together), drains the queue
with the service's JobRunner, and writes the ids of the jobs this process ran to OUT.json.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO_ROOT))

from sqlalchemy.orm import Session  # noqa: E402

# The models a job's foreign key leads to, so SQLAlchemy can order its writes.
import server.albums.models  # noqa: E402
import server.photos.models  # noqa: E402
import server.users.models  # noqa: E402, F401
from server.db import make_engine, make_session_factory  # noqa: E402
from server.jobs.models import Job  # noqa: E402
from server.jobs.runner import JobRunner  # noqa: E402


class RecordingHandler:
    """Records which jobs this process ran; each takes a few ms so the workers overlap."""

    def __init__(self) -> None:
        self.ran: list[int] = []

    def run(self, db: Session, job: Job) -> None:
        self.ran.append(job.id)
        time.sleep(0.005)

    def failed(self, db: Session, job: Job) -> None:
        raise AssertionError(f"job {job.id} failed for good")


def main() -> int:
    database_url, kind, out_path, start_at = sys.argv[1:5]
    engine = make_engine(database_url)
    handler = RecordingHandler()
    runner = JobRunner(make_session_factory(engine), {kind: handler}, poll_seconds=0.05)
    time.sleep(max(0.0, float(start_at) - time.time()))
    runner.run_until_idle()
    Path(out_path).write_text(json.dumps({"worker": runner.worker_id, "ran": handler.ran}))
    engine.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
