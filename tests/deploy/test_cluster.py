"""Scale-out proven locally: nginx in front of three service instances on loopback that share one
MariaDB database and one S3 bucket (moto's server). Any instance serves any session, lockouts
are shared, queued jobs are claimed exactly once, and an instance killed mid-stream costs no
committed photo and no retryable request, then rejoins.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import pytest
from local_cluster import (
    LocalCluster,
    create_bucket,
    service_environment,
)

pytestmark = pytest.mark.cluster

HERE = Path(__file__).resolve().parent
WORKER_INSTANCE = 0
PASSWORD = "cluster pass 1"


@pytest.fixture(scope="module")
def cluster(
    tmp_path_factory: pytest.TempPathFactory, cluster_database_url: str, moto_s3_endpoint: str
) -> Iterator[LocalCluster]:
    if not (shutil.which("nginx") or Path("/usr/sbin/nginx").exists()):
        message = "nginx is not installed (make system-deps installs it)"
        if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
            pytest.fail(message)
        pytest.skip(message)
    bucket = f"facealbum-cluster-{uuid.uuid4().hex[:8]}"
    create_bucket(moto_s3_endpoint, bucket)
    extra = {"FACEALBUM_LABELS_ENGINE": "local"}
    worker = {"FACEALBUM_JOB_WORKER": "true", "FACEALBUM_JOBS_POLL_SECONDS": "0.2"}
    local = LocalCluster(
        workdir=tmp_path_factory.mktemp("cluster"),
        database_url=cluster_database_url,
        env=service_environment(s3_endpoint=moto_s3_endpoint, bucket=bucket, extra=extra),
        size=3,
        per_instance_env={WORKER_INSTANCE: worker},
    )
    try:
        yield local.start()
    finally:
        local.stop()


@pytest.fixture(scope="module")
def photo_bytes(faces_dir: Path) -> bytes:
    return (faces_dir / "obama_small.jpg").read_bytes()


def register(base_url: str, photo: bytes) -> tuple[str, dict[str, str]]:
    """A new account through `base_url`; returns its username and auth header."""
    username = f"u{uuid.uuid4().hex[:10]}"
    response = httpx.post(
        f"{base_url}/api/v1/auth/register",
        data={
            "username": username,
            "email": f"{username}@example.com",
            "password": PASSWORD,
            "password_confirm": PASSWORD,
        },
        files={"photo": ("me.jpg", photo, "image/jpeg")},
        timeout=30,
    )
    assert response.status_code == 201, response.text
    return username, {"Authorization": f"Bearer {response.json()['token']}"}


def test_nginx_spreads_requests_over_every_instance(cluster: LocalCluster) -> None:
    assert cluster.nginx is not None
    before = len(cluster.nginx.log_entries())
    with httpx.Client(base_url=cluster.url, timeout=10) as client:
        for _ in range(12):
            assert client.get("/check").status_code == 200
    served = {e.upstreams[-1] for e in cluster.nginx.log_entries()[before:] if e.status == 200}
    assert served == {instance.address for instance in cluster.instances}


def test_a_session_from_one_instance_works_on_every_instance(
    cluster: LocalCluster, photo_bytes: bytes
) -> None:
    first, second, third = cluster.instances
    username, auth = register(first.url, photo_bytes)
    for url in [*(i.url for i in cluster.instances), cluster.url]:
        me = httpx.get(f"{url}/api/v1/me", headers=auth, timeout=10)
        assert me.status_code == 200 and me.json()["username"] == username, url
    album = httpx.post(f"{second.url}/api/v1/albums", json={"name": "Viaje"}, headers=auth)
    assert album.status_code == 201
    listed = httpx.get(f"{third.url}/api/v1/albums", headers=auth).json()
    assert "Viaje" in {a["name"] for a in listed}

    assert httpx.post(f"{third.url}/api/v1/auth/logout", headers=auth).status_code == 204
    for url in [*(i.url for i in cluster.instances), cluster.url]:
        assert httpx.get(f"{url}/api/v1/me", headers=auth).status_code == 401, url


def test_login_lockout_is_shared_by_every_instance(
    cluster: LocalCluster, photo_bytes: bytes
) -> None:
    username, _ = register(cluster.url, photo_bytes)
    wrong = {"login": username, "password": "not the password"}
    for attempt in range(5):
        instance = cluster.instances[attempt % len(cluster.instances)]
        failed = httpx.post(f"{instance.url}/api/v1/auth/login", json=wrong, timeout=10)
        assert failed.status_code == 401, (attempt, failed.text)
    right = {"login": username, "password": PASSWORD}
    for url in [*(i.url for i in cluster.instances), cluster.url]:
        locked = httpx.post(f"{url}/api/v1/auth/login", json=right, timeout=10)
        assert locked.status_code == 429, url
        assert int(locked.headers["Retry-After"]) > 0
        assert locked.json()["error"]["code"] == "too_many_attempts"


def test_throttling_sees_the_client_address_nginx_forwards(
    cluster: LocalCluster, photo_bytes: bytes
) -> None:
    from sqlalchemy import create_engine, text

    username, _ = register(cluster.url, photo_bytes)
    # A client-written X-Forwarded-For must not pick the address it is throttled under.
    spoofed = {"X-Forwarded-For": "203.0.113.9"}
    response = httpx.post(
        f"{cluster.url}/api/v1/auth/login",
        json={"login": username, "password": "wrong password"},
        headers=spoofed,
        timeout=10,
    )
    assert response.status_code == 401
    engine = create_engine(cluster.database_url)
    try:
        with engine.connect() as connection:
            addresses = (
                connection.execute(
                    text("SELECT address FROM login_attempts WHERE account_key = :key"),
                    {"key": username.lower()},
                )
                .scalars()
                .all()
            )
    finally:
        engine.dispose()
    assert addresses == ["127.0.0.1"]


def test_tagging_jobs_are_run_by_the_instance_with_a_worker(
    cluster: LocalCluster, photo_bytes: bytes
) -> None:
    _, auth = register(cluster.url, photo_bytes)
    uploader = cluster.instances[(WORKER_INSTANCE + 1) % len(cluster.instances)]
    reader = cluster.instances[(WORKER_INSTANCE + 2) % len(cluster.instances)]
    album_id = httpx.post(
        f"{uploader.url}/api/v1/albums", json={"name": "Tags"}, headers=auth
    ).json()["id"]
    upload = httpx.post(
        f"{uploader.url}/api/v1/albums/{album_id}/photos",
        data={"name": "obama"},
        files={"file": ("o.jpg", photo_bytes, "image/jpeg")},
        headers=auth,
        timeout=30,
    )
    assert upload.status_code == 201
    photo_id = upload.json()["id"]
    deadline = time.monotonic() + 60  # the worker loads the face and OCR models on first use
    photo: dict[str, object] = {}
    while time.monotonic() < deadline:
        photo = httpx.get(f"{reader.url}/api/v1/photos/{photo_id}", headers=auth).json()
        if photo.get("labels_state") in ("done", "failed"):
            break
        time.sleep(0.5)
    assert photo.get("labels_state") == "done", photo
    assert photo["labels"], "a photo of a face gets at least a person tag"


def test_queued_jobs_are_claimed_exactly_once_across_processes(
    tmp_path: Path, empty_database_url: str
) -> None:
    from sqlalchemy import create_engine, select

    from server.db import make_session_factory
    from server.jobs import repository
    from server.jobs.models import Job
    from server.migrate import upgrade

    kind, count, workers = "cluster_probe", 60, 3
    url = empty_database_url
    engine = create_engine(url)
    try:
        upgrade(engine)
        with make_session_factory(engine)() as db:
            for _ in range(count):
                repository.enqueue(db, kind=kind)
            db.commit()
        start_at = time.time() + 2  # every worker imports and connects before claiming
        outputs = [tmp_path / f"worker-{n}.json" for n in range(workers)]
        processes = [
            subprocess.Popen(
                [sys.executable, str(HERE / "claim_worker.py"), url, kind, str(out), str(start_at)]
            )
            for out in outputs
        ]
        for process in processes:
            assert process.wait(60) == 0
        ran = [json.loads(out.read_text())["ran"] for out in outputs]
        every_run = [job_id for ids in ran for job_id in ids]
        assert len(every_run) == len(set(every_run)) == count, "a job ran twice or not at all"
        assert sum(1 for ids in ran if ids) >= 2, (
            f"one worker took everything: {[len(i) for i in ran]}"
        )
        with make_session_factory(engine)() as db:
            states = db.scalars(select(Job.state).where(Job.kind == kind)).all()
        assert states == ["done"] * count
    finally:
        engine.dispose()


@dataclass
class StreamRecord:
    uploads: list[tuple[int | str, int | None]] = field(default_factory=list)  # (status, id)
    listings: list[int | str] = field(default_factory=list)
    issued: int = 0


def test_killing_an_instance_loses_no_committed_photo_and_rejoins(
    cluster: LocalCluster, photo_bytes: bytes
) -> None:
    assert cluster.nginx is not None
    _, auth = register(cluster.url, photo_bytes)
    album_id = httpx.post(
        f"{cluster.url}/api/v1/albums", json={"name": "Stream"}, headers=auth
    ).json()["id"]
    victim = cluster.instances[1]
    max_requests, max_seconds, kill_after = 200, 30.0, 60
    record = StreamRecord()
    lock = threading.Lock()
    deadline = time.monotonic() + max_seconds

    def next_request() -> bool:
        with lock:
            if record.issued >= max_requests or time.monotonic() > deadline:
                return False
            record.issued += 1
            return True

    def upload_loop() -> None:
        with httpx.Client(base_url=cluster.url, headers=auth, timeout=30) as client:
            while next_request():
                try:
                    response = client.post(
                        f"/api/v1/albums/{album_id}/photos",
                        data={"name": "stream", "allow_duplicate": "true"},
                        files={"file": ("s.jpg", photo_bytes, "image/jpeg")},
                    )
                except httpx.HTTPError as exc:
                    record.uploads.append((type(exc).__name__, None))
                    continue
                created = response.json().get("id") if response.status_code == 201 else None
                record.uploads.append((response.status_code, created))

    def listing_loop() -> None:
        paths = ["/api/v1/albums", f"/api/v1/albums/{album_id}/photos?limit=20"]
        with httpx.Client(base_url=cluster.url, headers=auth, timeout=30) as client:
            n = 0
            while next_request():
                try:
                    record.listings.append(client.get(paths[n % 2]).status_code)
                except httpx.HTTPError as exc:
                    record.listings.append(type(exc).__name__)
                n += 1

    threads = [threading.Thread(target=upload_loop) for _ in range(2)]
    threads += [threading.Thread(target=listing_loop) for _ in range(2)]
    for thread in threads:
        thread.start()
    while record.issued < kill_after and time.monotonic() < deadline:
        time.sleep(0.01)
    victim.kill()
    for thread in threads:
        thread.join(max_seconds + 30)
    assert not any(thread.is_alive() for thread in threads)

    # Every listing is retryable (GET): nginx moved each one off the dead instance.
    assert record.listings and all(status == 200 for status in record.listings), record.listings
    committed = [photo_id for status, photo_id in record.uploads if status == 201]
    failed = [status for status, _ in record.uploads if status != 201]
    # Only an upload in flight on the victim when it died may fail: at most one per uploader.
    assert len(failed) <= 2 and all(status == 502 for status in failed), failed
    assert len(committed) >= 10, record.uploads

    log_before_restart = len(cluster.nginx.log_entries())
    victim.start()
    rejoined = False
    with httpx.Client(base_url=cluster.url, headers=auth, timeout=10) as client:
        rejoin_deadline = time.monotonic() + 120  # generous: the machine may be loaded
        while not rejoined and time.monotonic() < rejoin_deadline:
            assert client.get("/api/v1/albums").status_code == 200
            rejoined = any(
                entry.upstreams[-1] == victim.address and entry.status == 200
                for entry in cluster.nginx.log_entries()[log_before_restart:]
            )
            time.sleep(0.05)
    assert rejoined, "nginx never sent the restarted instance a request"

    expected_sha = hashlib.sha256(photo_bytes).hexdigest()
    for n, instance in enumerate(cluster.instances):
        items: list[dict[str, object]] = []
        cursor = None
        for _ in range(20):
            params: dict[str, str | int] = {"limit": 100}
            if cursor:
                params["cursor"] = cursor
            page = httpx.get(
                f"{instance.url}/api/v1/albums/{album_id}/photos", params=params, headers=auth
            ).json()
            items += page["items"]
            cursor = page["next_cursor"]
            if not cursor:
                break
        listed = {item["id"] for item in items}
        assert set(committed) <= listed, instance.name
        # A failed POST may still have committed (the instance died before answering).
        assert len(listed - set(committed)) <= len(failed)
        for photo_id in committed[n :: len(cluster.instances)]:
            original = httpx.get(
                f"{instance.url}/api/v1/photos/{photo_id}/content",
                params={"variant": "original"},
                headers=auth,
                timeout=10,
            )
            assert original.status_code == 200, (instance.name, photo_id)
            assert hashlib.sha256(original.content).hexdigest() == expected_sha


def _distinct_jpegs(count: int) -> list[bytes]:
    from io import BytesIO

    from PIL import Image

    images = []
    for n in range(count):
        out = BytesIO()
        color = (n * 53 % 256, n * 97 % 256, n * 151 % 256)
        Image.new("RGB", (160, 120), color).save(out, "JPEG", quality=90)
        images.append(out.getvalue())
    assert len(set(images)) == count
    return images


def test_idempotent_retries_lose_and_double_nothing_when_an_instance_dies(
    cluster: LocalCluster, photo_bytes: bytes
) -> None:
    """200 uploads through nginx, an instance killed in the middle; the client retries a failed
    upload with the same Idempotency-Key (as the desktop does): every upload succeeds for the
    user, each exactly once."""
    _, auth = register(cluster.url, photo_bytes)
    album_id = httpx.post(
        f"{cluster.url}/api/v1/albums", json={"name": "Retries"}, headers=auth
    ).json()["id"]
    victim = cluster.instances[2]
    uploads, kill_after = 200, 50
    images = _distinct_jpegs(uploads)
    outcomes: dict[int, tuple[int, int | None, int]] = {}  # n -> (status, photo id, attempts)
    lock = threading.Lock()
    next_index = [0]

    def upload_with_retries(client: httpx.Client, n: int) -> tuple[int, int | None, int]:
        key = f"cluster-{uuid.uuid4().hex}"
        status: int = 0
        for attempt in range(1, 9):
            try:
                response = client.post(
                    f"/api/v1/albums/{album_id}/photos",
                    data={"name": f"r{n:03d}"},
                    files={"file": (f"r{n}.jpg", images[n], "image/jpeg")},
                    headers={"Idempotency-Key": key},
                )
                status = response.status_code
                if status == 201:
                    return status, int(response.json()["id"]), attempt
                if status not in (502, 503, 504):
                    return status, None, attempt
            except httpx.HTTPError:
                status = 0
            time.sleep(min(0.1 * 2**attempt, 2.0))
        return status, None, 8

    def uploader() -> None:
        with httpx.Client(base_url=cluster.url, headers=auth, timeout=30) as client:
            while True:
                with lock:
                    n = next_index[0]
                    if n >= uploads:
                        return
                    next_index[0] += 1
                result = upload_with_retries(client, n)
                with lock:
                    outcomes[n] = result

    threads = [threading.Thread(target=uploader) for _ in range(3)]
    for thread in threads:
        thread.start()
    deadline = time.monotonic() + 120
    while len(outcomes) < kill_after and time.monotonic() < deadline:
        time.sleep(0.01)
    victim.kill()
    for thread in threads:
        thread.join(300)
    assert not any(thread.is_alive() for thread in threads)
    victim.start()

    failed = {n: outcome for n, outcome in outcomes.items() if outcome[0] != 201}
    assert len(outcomes) == uploads and not failed, failed  # zero failures the user sees
    ids = [photo_id for _, photo_id, _ in outcomes.values()]
    assert len(set(ids)) == uploads  # every upload its own photo
    retried = sum(1 for _, _, attempts in outcomes.values() if attempts > 1)

    items: list[dict[str, object]] = []
    cursor = None
    while True:
        params: dict[str, str | int] = {"limit": 100} | ({"cursor": cursor} if cursor else {})
        page = httpx.get(
            f"{cluster.url}/api/v1/albums/{album_id}/photos", params=params, headers=auth
        ).json()
        items += page["items"]
        cursor = page["next_cursor"]
        if not cursor:
            break
    names = sorted(str(item["name"]) for item in items)
    assert names == [f"r{n:03d}" for n in range(uploads)]  # zero lost, zero doubled
    assert {item["id"] for item in items} == set(ids)
    print(f"retried uploads: {retried}")  # noqa: T201
