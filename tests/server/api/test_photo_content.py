"""Photo content from outside: the signed-URL redirect on S3 (moto's server), GPS gone from
what is stored and served, and a tagging job whose worker died is taken over after its lease."""

from __future__ import annotations

import hashlib
import io
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest
from PIL import Image

from server.jobs.models import Job

REPO_ROOT = Path(__file__).resolve().parents[3]
GPS_IFD = 0x8825
SQLITE_S3 = pytest.mark.parametrize(
    "backend", [pytest.param(("sqlite", "s3"), id="sqlite-s3")], indirect=True
)
SQLITE_LOCAL = pytest.mark.parametrize(
    "backend", [pytest.param(("sqlite", "local"), id="sqlite-local")], indirect=True
)


@pytest.fixture
def settings_overrides() -> dict[str, object]:
    return {"redirect_to_signed_urls": True, "signed_url_seconds": 120}


@SQLITE_S3
def test_content_redirects_to_a_short_lived_signed_url_of_a_private_bucket(
    api, client, app_context
):
    owner = api.register("firmada")
    album = api.create_album(owner)
    data = api.distinct_jpeg()
    photo = api.upload(owner, album["id"], data)

    response = client.get(
        f"/api/v1/photos/{photo['id']}/content?variant=original",
        headers=owner.headers,
        follow_redirects=False,
    )

    assert response.status_code == 307
    location = urlsplit(response.headers["location"])
    endpoint = urlsplit(app_context.settings.s3_endpoint_url)
    assert (location.scheme, location.netloc) == (endpoint.scheme, endpoint.netloc)
    assert location.path.startswith(f"/{app_context.settings.s3_bucket}/")
    query = parse_qs(location.query)
    assert query["X-Amz-Expires"] == ["120"] and query["X-Amz-Signature"][0]
    signed = httpx.get(response.headers["location"], timeout=30)
    assert signed.status_code == 200 and signed.content == data
    assert signed.headers["content-type"] == "image/jpeg"  # the bucket serves the stored type
    for variant in ("preview", "thumb"):
        redirect = client.get(
            f"/api/v1/photos/{photo['id']}/content?variant={variant}",
            headers=owner.headers,
            follow_redirects=False,
        )
        served = httpx.get(redirect.headers["location"], timeout=30)
        assert served.status_code == 200 and served.headers["content-type"] == "image/jpeg"
    unsigned = httpx.get(location._replace(query="").geturl(), timeout=30)
    assert unsigned.status_code == 403  # the bucket is private: only the signature opens it
    stranger = api.register("ajena")
    assert (
        client.get(
            f"/api/v1/photos/{photo['id']}/content?variant=original",
            headers=stranger.headers,
            follow_redirects=False,
        ).status_code
        == 404
    )


@SQLITE_LOCAL
def test_a_local_store_streams_even_when_redirects_are_on(api, client):
    owner = api.register("local")
    album = api.create_album(owner)
    data = api.distinct_jpeg()
    photo = api.upload(owner, album["id"], data)
    response = client.get(
        f"/api/v1/photos/{photo['id']}/content?variant=original",
        headers=owner.headers,
        follow_redirects=False,
    )
    assert response.status_code == 200 and response.content == data


def _with_gps(image_format: str) -> bytes:
    exif = Image.Exif()
    exif[0x010F] = "Fairphone"
    exif.get_ifd(GPS_IFD).update({1: "N", 2: (40.0, 25.0, 1.5), 3: "W", 4: (3.0, 42.0, 7.0)})
    out = io.BytesIO()
    Image.new("RGB", (320, 240), "teal").save(out, image_format, exif=exif)
    data = out.getvalue()
    with Image.open(io.BytesIO(data)) as check:
        assert check.getexif().get_ifd(GPS_IFD)  # the upload really carries a location
    return data


@SQLITE_LOCAL
@pytest.mark.parametrize("image_format", ["JPEG", "PNG"])
def test_gps_is_gone_from_every_variant_downloaded_over_http(api, client, image_format):
    owner = api.register("viajero")
    album = api.create_album(owner)
    sent = _with_gps(image_format)
    upload = client.post(
        f"/api/v1/albums/{album['id']}/photos",
        data={"name": "Madrid"},
        files={"file": (f"madrid.{image_format.lower()}", sent, "image/jpeg")},
        headers=owner.headers,
    )
    assert upload.status_code == 201, upload.text

    photo = upload.json()
    # What the client holds (with GPS) and what is stored differ; each is found under the digest
    # asked for, and only that one.
    source = hashlib.sha256(sent).hexdigest()
    assert source != photo["sha256"]
    for digest in (source, photo["sha256"]):
        check = client.post(
            "/api/v1/photos/check", json={"sha256": [digest]}, headers=owner.headers
        )
        assert check.status_code == 200
        assert check.json() == {
            "existing": [
                {"sha256": digest, "photo_id": photo["id"], "album_id": album["id"],
                 "in_trash": False}
            ],
            "missing": [],
        }  # fmt: skip
    extension = "jpg" if image_format == "JPEG" else "png"
    served = {  # variant: (type, file name, ETag); the names are the server's, never the client's
        "original": (f"image/{image_format.lower()}", f"photo-{photo['id']}.{extension}",
                     f'"{photo["sha256"]}"'),
        "preview": ("image/jpeg", f"photo-{photo['id']}-preview.jpg",
                    f'"{photo["sha256"][:32]}-preview"'),
        "thumb": ("image/jpeg", f"photo-{photo['id']}-thumb.jpg",
                  f'"{photo["sha256"][:32]}-thumb"'),
    }  # fmt: skip
    for variant, (content_type, filename, etag) in served.items():
        response = client.get(
            f"/api/v1/photos/{photo['id']}/content?variant={variant}",
            headers=owner.headers,
        )
        assert response.status_code == 200
        assert response.headers["content-type"] == content_type
        assert response.headers["content-disposition"] == f'inline; filename="{filename}"'
        assert response.headers["etag"] == etag
        with Image.open(io.BytesIO(response.content)) as image:
            exif = image.getexif()
            assert GPS_IFD not in exif and not exif.get_ifd(GPS_IFD), variant
            if variant == "original":
                assert image.format == image_format and exif[0x010F] == "Fairphone"


DYING_WORKER = """
import sys, time
from datetime import timedelta
from pathlib import Path
from server.app import build_context
from server.config import Settings
from server.jobs.runner import JobRunner

class HangsForever:
    def run(self, db, job):
        Path(sys.argv[2]).write_text(str(job.id))
        time.sleep(3600)

    def failed(self, db, job):
        pass

context = build_context(Settings(data_dir=Path(sys.argv[1]), job_worker=False))
kinds = ("tag_photo", "index_photo", "index_faces", "backfill_faces")
runner = JobRunner(context.session_factory, {kind: HangsForever() for kind in kinds},
                   lease=timedelta(seconds=float(sys.argv[3])))
runner.run_once()
"""


@SQLITE_LOCAL
def test_a_job_whose_worker_died_is_taken_over_after_its_lease(
    api, client, app_context, tmp_path, faces_dir
):
    from server.app import build_job_runner

    owner = api.register("relevo")
    album = api.create_album(owner)
    photo = api.upload(owner, album["id"], (faces_dir / "obama_1.jpg").read_bytes())
    assert photo["labels_state"] == "pending"

    claimed = tmp_path / "claimed"
    worker = subprocess.Popen(
        [sys.executable, "-c", DYING_WORKER, str(app_context.settings.data_dir), str(claimed), "5"],
        cwd=REPO_ROOT,
        env={**os.environ, "PYTHONPATH": str(REPO_ROOT)},
    )
    try:
        deadline = time.monotonic() + 120
        while not (claimed.exists() and claimed.read_text()):
            assert worker.poll() is None, "the worker exited before claiming the job"
            assert time.monotonic() < deadline, "the worker never claimed the job"
            time.sleep(0.1)
    finally:
        worker.send_signal(signal.SIGKILL)  # dies mid-job: no cleanup runs
        worker.wait(30)
    job_id = int(claimed.read_text())
    with app_context.session_factory() as db:
        job = db.get(Job, job_id)
        assert job is not None and job.state == "running" and job.locked_by
        dead_worker, kind, photo_id = job.locked_by, job.kind, job.photo_id

    def job_left() -> Job | None:
        with app_context.session_factory() as db:
            current = db.get(Job, job_id)
            return None if current is None or current.state == "done" else current

    runner = build_job_runner(app_context)
    deadline = time.monotonic() + 180
    while job_left() is not None:
        assert time.monotonic() < deadline, "nobody took the job over after its lease"
        if not runner.run_once():
            time.sleep(0.5)  # the dead worker's 5 s lease has not run out yet

    if kind == "tag_photo":
        body = client.get(f"/api/v1/photos/{photo_id}", headers=owner.headers).json()
        assert body["labels_state"] == "done", body
    with app_context.session_factory() as db:
        job = db.get(Job, job_id)
        assert job is None or (job.state == "done" and job.locked_by != dead_worker), job
