"""Tagging in worker processes: the same tags as in the service process, jobs run side by side,
each claimed once."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import httpx
import pytest
from sqlalchemy import select

from server.analysis.label_pool import shutdown_label_pools
from server.analysis.tagging import TagPhotoHandler
from server.app import build_job_runner, build_label_pool
from server.deps import AppContext
from server.engines.registry import EngineRegistry
from server.jobs.models import Job
from server.jobs.repository import TAG_PHOTO
from server.jobs.runner import JobRunner
from server.photos.models import Photo

pytestmark = pytest.mark.slow  # loads the face and OCR models

SQLITE_ONLY = pytest.mark.parametrize(
    "backend", [pytest.param(("sqlite", "local"), id="sqlite-local")], indirect=True
)


@SQLITE_ONLY
def test_the_pool_tags_like_the_service_process(api, app_context: AppContext, fixture_bytes):
    account = api.register("comparar", language="en")
    album = api.create_album(account)
    names = ["group_harington_leslie.jpg", "group_two_people.jpg", "obama_4.jpg"]
    ids = [api.upload(account, album["id"], fixture_bytes(name))["id"] for name in names]
    pool = build_label_pool(app_context.settings)
    assert pool is not None and pool.config.processes >= 1

    words: dict[str, dict[int, str | None]] = {}

    def tags_with(handler: TagPhotoHandler, run: str) -> dict[int, list[dict[str, object]]]:
        with app_context.session_factory() as db:
            for job in db.scalars(select(Job).where(Job.photo_id.in_(ids))):
                handler.run(db, job)
            db.commit()
            photos = {photo_id: db.get(Photo, photo_id) for photo_id in ids}
            words[run] = {photo_id: photo.ocr_text for photo_id, photo in photos.items()}
            return {photo_id: list(photo.labels or []) for photo_id, photo in photos.items()}

    in_process = tags_with(TagPhotoHandler(app_context), "process")
    in_pool = tags_with(TagPhotoHandler(app_context, pool), "pool")
    assert in_pool == in_process
    # The words are stored for search either way (OCR's time budget may cut a line under load).
    assert all(words["pool"][photo_id] is not None for photo_id in ids)
    assert "HBO" in (words["pool"][ids[0]] or "").split()
    assert "HBO" in [label["name"] for label in in_pool[ids[0]]]
    assert "2 people" in [label["name"] for label in in_pool[ids[1]]]


@SQLITE_ONLY
@pytest.mark.parametrize(
    "settings_overrides",
    [{"tagging_text_time_budget_seconds": 0.01, "tagging_processes": 1}],
)
def test_reading_words_while_tagging_stops_at_the_tagging_budget(
    api, app_context: AppContext, fixture_bytes
):
    """Background tagging is not a request, but its OCR is bounded too, in the pool and in the
    service process: with a budget too short to finish detection, the photo's print is not
    read (and the job still finishes)."""
    account = api.register("sinprisa")
    album = api.create_album(account)
    photo_id = api.upload(account, album["id"], fixture_bytes("group_harington_leslie.jpg"))["id"]
    app_context.engines = EngineRegistry(app_context.settings)  # not the session's engines
    pool = build_label_pool(app_context.settings)
    assert pool is not None
    try:
        for handler in (TagPhotoHandler(app_context), TagPhotoHandler(app_context, pool)):
            with app_context.session_factory() as db:
                job = db.scalars(
                    select(Job).where(Job.photo_id == photo_id, Job.kind == TAG_PHOTO)
                ).one()
                handler.run(db, job)
                db.commit()
                photo = db.get(Photo, photo_id)
                assert photo is not None and photo.labels_state == "done"
                assert photo.ocr_text == ""
                assert "HBO" not in [label["name"] for label in photo.labels or []]
    finally:
        shutdown_label_pools()


@SQLITE_ONLY
def test_the_service_runner_tags_as_many_photos_at_once_as_the_pool_has_workers(
    app_context: AppContext,
):
    pool = build_label_pool(app_context.settings)
    assert pool is not None
    assert build_job_runner(app_context).concurrency == pool.config.processes


@SQLITE_ONLY
def test_concurrent_runner_threads_run_jobs_side_by_side_and_each_once(
    api, app_context: AppContext
):
    account = api.register("paralelo")
    album = api.create_album(account)
    for n in range(5):
        api.upload(account, album["id"], name=f"Foto {n}")
    both_running = threading.Barrier(2, timeout=60)
    seen: list[int] = []
    met = []

    class MeetsAnotherJob:
        def run(self, db, job):  # type: ignore[no-untyped-def]
            seen.append(job.id)
            if len(met) < 1:
                met.append(both_running.wait())  # raises BrokenBarrierError if alone

        def failed(self, db, job):  # type: ignore[no-untyped-def]
            raise AssertionError(f"job {job.id} failed: {job.last_error}")

    runner = JobRunner(app_context.session_factory, {"tag_photo": MeetsAnotherJob()}, concurrency=2)
    done = runner.run_until_idle()
    with app_context.session_factory() as db:
        jobs = list(db.scalars(select(Job)))
    assert done == len(jobs) == 6  # five photos and the profile photo
    assert sorted(seen) == sorted(job.id for job in jobs)  # every job once
    assert {job.state for job in jobs} == {"done"} and {job.attempts for job in jobs} == {1}
    assert met, "the two runner threads never ran jobs at the same time"


def _label_workers_of(pid: int) -> list[int]:
    workers = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            ppid = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            command = (entry / "cmdline").read_bytes()
        except (OSError, IndexError, ValueError):
            continue
        if ppid == pid and b"multiprocessing.spawn" in command:
            workers.append(int(entry.name))
    return workers


@pytest.mark.e2e
def test_label_workers_exit_when_the_service_is_killed(server_process, faces_dir):
    """A SIGKILLed service (no shutdown handlers) leaves no worker holding the models."""
    server = server_process(env={"FACEALBUM_JOB_WORKER": "true"})
    with httpx.Client(base_url=server.url, timeout=60) as client:
        registered = client.post(
            "/api/v1/auth/register",
            data={"username": "huerfano", "email": "h@example.com",
                  "password": "orphan test 1", "password_confirm": "orphan test 1"},
            files={"photo": ("me.jpg", (faces_dir / "obama_small.jpg").read_bytes(), "image/jpeg")},
        )  # fmt: skip
        assert registered.status_code == 201, registered.text
        deadline = time.monotonic() + 180
        while not _label_workers_of(server.process.pid) and time.monotonic() < deadline:
            time.sleep(0.2)
    workers = _label_workers_of(server.process.pid)
    assert workers, "tagging the profile photo started no label worker"

    server.kill()
    deadline = time.monotonic() + 60
    while any(Path(f"/proc/{pid}").exists() for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not [pid for pid in workers if Path(f"/proc/{pid}").exists()]
