"""Tags computed off the request path: upload, run the job queue, read the photo's labels."""

from __future__ import annotations

import time

import httpx
import pytest
from sqlalchemy import select, text

from server.analysis.tagging import TagPhotoHandler
from server.app import build_job_runner
from server.deps import AppContext
from server.jobs.models import Job
from server.jobs.repository import TAG_PHOTO
from server.jobs.runner import JobRunner
from server.photos.models import Photo

pytestmark = pytest.mark.slow  # loads the face and OCR models (once per session)

SQLITE_ONLY = pytest.mark.parametrize(
    "backend", [pytest.param(("sqlite", "local"), id="sqlite-local")], indirect=True
)


def label_names(photo: dict) -> list[str]:
    return [label["name"] for label in photo["labels"]]


def get_photo(api, account, photo_id: int) -> dict:
    response = api.client.get(f"/api/v1/photos/{photo_id}", headers=account.headers)
    assert response.status_code == 200, response.text
    return dict(response.json())


def test_two_faces_are_tagged_two_people(
    api, app_context: AppContext, fixture_bytes, runner: JobRunner
):
    account = api.register("familia")
    album = api.create_album(account)
    photo = api.upload(account, album["id"], fixture_bytes("group_two_people.jpg"))
    assert photo["labels_state"] == "pending" and photo["labels"] == []

    assert runner.run_until_idle() == 2  # this photo and the profile photo

    tagged = get_photo(api, account, photo["id"])
    assert tagged["labels_state"] == "done"
    names = label_names(tagged)
    assert names[:2] == ["Persona", "2 personas"]
    assert "Horizontal" in names
    assert all(70 <= label["confidence"] <= 100 for label in tagged["labels"])
    # Each tag also in both UI languages, stored at tagging time: the desktop shows the active one.
    english = {label["name"]: label["names"]["en"] for label in tagged["labels"]}
    assert [label["names"]["es"] for label in tagged["labels"]] == names
    assert english["Persona"] == "Person" and english["2 personas"] == "2 people"
    assert english["Horizontal"] == "Landscape"
    with app_context.session_factory() as db:
        row = db.get(Photo, photo["id"])
        assert row is not None and row.labels is not None
        assert {label["name"]: label["names"]["en"] for label in row.labels} == english


def test_profile_photos_are_tagged_too(api, runner: JobRunner):
    account = api.register("perfil")
    albums = api.client.get("/api/v1/albums", headers=account.headers).json()
    profile = next(album for album in albums if album["kind"] == "profile")
    runner.run_until_idle()
    page = api.client.get(f"/api/v1/albums/{profile['id']}/photos", headers=account.headers).json()
    (photo,) = page["items"]
    assert photo["labels_state"] == "done"
    assert "Persona" in label_names(photo)


@SQLITE_ONLY
def test_photo_with_text_gets_a_text_tag_in_the_owner_language(
    api, app_context: AppContext, fixture_bytes, runner: JobRunner
):
    account = api.register("reader", language="en")
    album = api.create_album(account)
    photo = api.upload(account, album["id"], fixture_bytes("group_harington_leslie.jpg"))
    runner.run_until_idle()
    tagged = get_photo(api, account, photo["id"])
    names = label_names(tagged)
    assert names[:2] == ["Person", "2 people"]
    assert "Text" in names and "HBO" in names and "Portrait" in names
    spanish = [label["names"]["es"] for label in tagged["labels"]]
    assert spanish[:2] == ["Persona", "2 personas"]
    assert "Texto" in spanish and "HBO" in spanish and "Vertical" in spanish
    assert [label["names"]["en"] for label in tagged["labels"]] == names
    with app_context.session_factory() as db:
        row = db.get(Photo, photo["id"])
        assert row is not None and row.labels_language == "en"


@SQLITE_ONLY
def test_a_failing_job_is_retried_then_marked_failed(
    api, app_context: AppContext, runner: JobRunner
):
    account = api.register("perdida")
    album = api.create_album(account)
    photo = api.upload(account, album["id"])
    with app_context.session_factory() as db:
        row = db.get(Photo, photo["id"])
        assert row is not None
        preview_key = row.preview_key
    app_context.store.delete(preview_key)  # the job cannot read its input

    runner.run_until_idle()
    assert get_photo(api, account, photo["id"])["labels_state"] == "pending"  # retry scheduled
    with app_context.session_factory() as db:
        job = db.scalars(select(Job).where(Job.photo_id == photo["id"])).one()
        assert (job.state, job.attempts) == ("pending", 1)
        assert "ObjectNotFound" in (job.last_error or "")

    last_try = JobRunner(
        app_context.session_factory, {TAG_PHOTO: TagPhotoHandler(app_context)}, max_attempts=1
    )
    with app_context.session_factory() as db:
        job = db.scalars(select(Job).where(Job.photo_id == photo["id"])).one()
        job.run_after = job.created_at  # due now
        db.commit()
    assert last_try.run_until_idle() == 1
    assert get_photo(api, account, photo["id"])["labels_state"] == "failed"


@SQLITE_ONLY
def test_no_tags_wanted_means_no_job(api, app_context: AppContext):
    app_context.settings.labels_engine = "none"
    account = api.register("sintags")
    album = api.create_album(account)
    photo = api.upload(account, album["id"])
    assert photo["labels_state"] == "none"
    assert build_job_runner(app_context).run_until_idle() == 0


@pytest.mark.e2e
def test_a_tag_job_survives_a_crash(server_process, faces_dir, tmp_path):
    """Upload on a server without a worker, SIGKILL it, restart with the worker: tags arrive."""
    data_dir = tmp_path / "data"
    server = server_process(data_dir)  # FACEALBUM_JOB_WORKER=false
    with httpx.Client(base_url=server.url, timeout=60) as client:
        registered = client.post(
            "/api/v1/auth/register",
            data={
                "username": "resiliente",
                "email": "r@example.com",
                "password": "resilient 12",
                "password_confirm": "resilient 12",
            },
            files={"photo": ("me.jpg", (faces_dir / "obama_small.jpg").read_bytes(), "image/jpeg")},
        )
        headers = {"Authorization": f"Bearer {registered.json()['token']}"}
        album = client.post("/api/v1/albums", json={"name": "Crash"}, headers=headers).json()
        photo = client.post(
            f"/api/v1/albums/{album['id']}/photos",
            data={"name": "grupo"},
            files={
                "file": ("g.jpg", (faces_dir / "group_two_people.jpg").read_bytes(), "image/jpeg")
            },
            headers=headers,
        ).json()
        assert photo["labels_state"] == "pending"
    server.kill()

    restarted = server_process(data_dir, port=server.port, env={"FACEALBUM_JOB_WORKER": "true"})
    with httpx.Client(base_url=restarted.url, timeout=60) as client:
        deadline = time.monotonic() + 180
        current = photo
        while time.monotonic() < deadline:
            current = client.get(f"/api/v1/photos/{photo['id']}", headers=headers).json()
            if current["labels_state"] != "pending":
                break
            time.sleep(0.5)
        assert current["labels_state"] == "done", current
        assert "2 personas" in label_names(current)


def test_a_photo_deleted_while_its_job_runs_is_skipped(api, client, app_context):
    """The handler runs, the photo (and by cascade its job) disappears: the runner moves on."""
    from server.jobs.runner import JobRunner

    class DeletesThePhoto:
        def run(self, db, job):  # type: ignore[no-untyped-def]
            with app_context.session_factory() as other:
                other.execute(text("DELETE FROM photos WHERE id = :id"), {"id": job.photo_id})
                other.commit()

        def failed(self, db, job):  # type: ignore[no-untyped-def]
            raise AssertionError("a vanished job is not a failure")

    account = api.register("vanishing")
    album = api.create_album(account)
    api.upload(account, album["id"])
    runner = JobRunner(app_context.session_factory, {"tag_photo": DeletesThePhoto()})
    assert runner.run_until_idle() >= 1
    with app_context.session_factory() as db:
        assert db.scalar(text("SELECT COUNT(*) FROM jobs")) == 0
