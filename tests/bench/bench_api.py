"""Service benchmarks on SQLite and MariaDB: listing throughput as a ratio to a bare FastAPI
endpoint measured in the same rounds, 12 MP upload time, password login, idle RSS, and the photo
page's ratio while the job runner tags photos in the background.

Run: python tests/bench/bench_api.py [--rounds 5] [--seconds 3] [--databases sqlite,mariadb] [--skip-tagging]
(needs `wrk`, installed by `make setup`; MariaDB on 127.0.0.1:3306 as in the test suite, or
FACEALBUM_TEST_MYSQL_URL).

Honesty rules: every target gets a 1 s wrk warm-up first; each round measures the bare endpoint
and then every listing, and a listing's ratio is taken against the bare figure of its own round,
so the load of a shared machine hits both sides; the figures are medians over the rounds. Listing
servers run with no job worker (nothing in the background) except the line that says otherwise.
"""

from __future__ import annotations

import argparse
import io
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx
from PIL import Image

REPO = Path(__file__).resolve().parents[2]
FACES = REPO / "tests" / "fixtures" / "faces"
sys.path.insert(0, str(REPO))

MYSQL_ADMIN_URL = os.environ.get(
    "FACEALBUM_TEST_MYSQL_URL", "mysql+mysqldb://root:@127.0.0.1:3306/"
)
PASSWORD = "bench bench 1"
# What the local tagger stores for a typical photo (both names of each tag): the listing
# benchmark serves tagged photos.
TYPICAL_LABELS = [
    {"name": "2 personas", "confidence": 99.42, "names": {"es": "2 personas", "en": "2 people"}},
    {"name": "Sonrisa", "confidence": 97.1, "names": {"es": "Sonrisa", "en": "Smile"}},
    {"name": "Horizontal", "confidence": 100.0, "names": {"es": "Horizontal", "en": "Landscape"}},
    {
        "name": "Enero de 2024",
        "confidence": 100.0,
        "names": {"es": "Enero de 2024", "en": "January 2024"},
    },
    {
        "name": "Canon EOS 80D",
        "confidence": 100.0,
        "names": {"es": "Canon EOS 80D", "en": "Canon EOS 80D"},
    },
]


def report(line: str) -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_ready(url: str, process: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError("server exited")
        try:
            if httpx.get(url + "/check", timeout=1).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.1)
    raise TimeoutError(url)


def rss_mb(pid: int) -> float:
    status = Path(f"/proc/{pid}/status").read_text()
    match = re.search(r"VmRSS:\s+(\d+) kB", status)
    return int(match.group(1)) / 1024 if match else float("nan")


def wrk(url: str, headers: dict[str, str], seconds: float) -> float:
    command = ["wrk", "-t2", "-c16", f"-d{seconds:g}s"]
    for name, value in headers.items():
        command += ["-H", f"{name}: {value}"]
    output = subprocess.run([*command, url], capture_output=True, text=True, check=True).stdout
    match = re.search(r"Requests/sec:\s+([\d.]+)", output)
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    if non2xx:
        raise RuntimeError(f"{url}: {non2xx.group(1)} non-2xx answers")
    return float(match.group(1)) if match else 0.0


def twelve_megapixel_jpeg() -> bytes:
    source = Image.open(FACES / "obama_3.jpg").convert("RGB").resize((4000, 3000))
    out = io.BytesIO()
    source.save(out, "JPEG", quality=90)
    return out.getvalue()


@contextmanager
def mariadb_database() -> Iterator[str]:
    """A fresh, empty MariaDB database (the server migrates it on start), dropped afterwards."""
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    admin = create_engine(MYSQL_ADMIN_URL)
    name = f"facealbum_bench_{os.getpid()}_{uuid.uuid4().hex[:6]}"
    with admin.begin() as connection:
        connection.execute(
            text(f"CREATE DATABASE `{name}` CHARACTER SET utf8mb4 COLLATE utf8mb4_bin")
        )
    try:
        url = make_url(MYSQL_ADMIN_URL).set(database=name, query={"charset": "utf8mb4"})
        yield url.render_as_string(hide_password=False)
    finally:
        with admin.begin() as connection:
            connection.execute(text(f"DROP DATABASE IF EXISTS `{name}`"))
        admin.dispose()


@contextmanager
def running_server(
    workdir: Path, *, database_url: str | None, job_worker: bool, labels_engine: str
) -> Iterator[tuple[str, subprocess.Popen[bytes]]]:
    env = {
        **os.environ,
        "FACEALBUM_JOB_WORKER": "true" if job_worker else "false",
        "FACEALBUM_LABELS_ENGINE": labels_engine,
    }
    if database_url:
        env["FACEALBUM_DATABASE_URL"] = database_url
    port = free_port()
    command = [sys.executable, "-m", "server", "--port", str(port), "--data-dir", str(workdir),
               "--log-level", "warning"]  # fmt: skip
    process = subprocess.Popen(command, cwd=REPO, env=env)
    try:
        url = f"http://127.0.0.1:{port}"
        wait_ready(url, process)
        yield url, process
    finally:
        process.terminate()
        process.wait(30)


@contextmanager
def bare_server() -> Iterator[str]:
    port = free_port()
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "uvicorn",
            "bare_app:app",
            "--port",
            str(port),
            "--log-level",
            "warning",
        ],
        cwd=REPO / "tests" / "bench",
    )
    try:
        url = f"http://127.0.0.1:{port}"
        wait_ready(url, process)
        yield url
    finally:
        process.terminate()
        process.wait(30)


def register(client: httpx.Client) -> dict[str, str]:
    response = client.post(
        "/api/v1/auth/register",
        data={
            "username": "bench",
            "email": "bench@example.com",
            "password": PASSWORD,
            "password_confirm": PASSWORD,
        },
        files={"photo": ("me.jpg", (FACES / "obama_small.jpg").read_bytes(), "image/jpeg")},
    )
    assert response.status_code == 201, response.text
    return {"Authorization": f"Bearer {response.json()['token']}"}


def upload(
    client: httpx.Client, headers: dict[str, str], album_id: int, name: str, data: bytes
) -> int:
    response = client.post(f"/api/v1/albums/{album_id}/photos", data={"name": name, "allow_duplicate": "true"},
                           files={"file": ("p.jpg", data, "image/jpeg")}, headers=headers)  # fmt: skip
    assert response.status_code == 201, response.text
    return int(response.json()["id"])


def bench_upload(
    client: httpx.Client, headers: dict[str, str], album_id: int, runs: int = 7
) -> float:
    data = twelve_megapixel_jpeg()
    times = []
    for n in range(runs):
        start = time.perf_counter()
        upload(client, headers, album_id, f"big{n}", data)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def bench_login(client: httpx.Client, runs: int = 7) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        response = client.post("/api/v1/auth/login", json={"login": "bench", "password": PASSWORD})
        times.append(time.perf_counter() - start)
        assert response.status_code == 200, response.text
    return statistics.median(times)


def tag_every_photo_in_database(data_dir: Path, database_url: str | None) -> None:
    """Give every photo the labels a tagged photo has (the job runner is off in listing runs)."""
    from sqlalchemy import update

    from server.app import build_context
    from server.config import Settings
    from server.photos.models import Photo

    overrides = {"database_url": database_url} if database_url else {}
    context = build_context(Settings(data_dir=data_dir, **overrides), migrate=False)
    with context.session_factory() as db:
        db.execute(
            update(Photo).values(labels=TYPICAL_LABELS, labels_state="done", labels_language="es")
        )
        db.commit()
    context.engine.dispose()


@dataclass(frozen=True)
class Target:
    label: str
    url: str
    headers: dict[str, str]


def measure(
    bare_url: str, targets: list[Target], *, rounds: int, seconds: float
) -> dict[str, tuple[float, float]]:
    """Median req/s and median same-round ratio to the bare endpoint, per target."""
    bare = Target("bare FastAPI /check", f"{bare_url}/check", {})
    for target in [bare, *targets]:
        wrk(target.url, target.headers, 1)
    rates: dict[str, list[float]] = {t.label: [] for t in [bare, *targets]}
    ratios: dict[str, list[float]] = {t.label: [] for t in targets}
    for _ in range(rounds):
        baseline = wrk(bare.url, {}, seconds)
        rates[bare.label].append(baseline)
        for target in targets:
            rps = wrk(target.url, target.headers, seconds)
            rates[target.label].append(rps)
            ratios[target.label].append(rps / baseline)
    result = {bare.label: (statistics.median(rates[bare.label]), 1.0)}
    for target in targets:
        result[target.label] = (
            statistics.median(rates[target.label]),
            statistics.median(ratios[target.label]),
        )
    return result


def print_rates(database: str, results: dict[str, tuple[float, float]], note: str) -> None:
    report(f"throughput, wrk c=16, one uvicorn process, {note}:")
    for label, (rps, ratio) in results.items():
        report(f"  [{database:7s}] {label:48s} {rps:7.0f} req/s   ratio to bare: {ratio:.2f}")


def bench_database(
    database: str, database_url: str | None, bare_url: str, rounds: int, seconds: float
) -> None:
    with tempfile.TemporaryDirectory(prefix="facealbum-bench-") as folder:
        data_dir = Path(folder)
        with running_server(
            data_dir, database_url=database_url, job_worker=False, labels_engine="none"
        ) as (url, process):
            time.sleep(1)
            idle_rss = rss_mb(process.pid)
            client = httpx.Client(base_url=url, timeout=60)
            headers = register(client)
            album_ids = [client.post("/api/v1/albums", json={"name": f"A{n}"}, headers=headers).json()["id"]
                         for n in range(10)]  # fmt: skip
            photo = (FACES / "obama_small.jpg").read_bytes()
            photo_ids = [upload(client, headers, album_ids[0], f"p{n}", photo) for n in range(60)]
            upload_median = bench_upload(client, headers, album_ids[1])
            login_median = bench_login(client)
            tag_every_photo_in_database(data_dir, database_url)
            targets = [
                Target("service /check", f"{url}/check", {}),
                Target("GET /api/v1/albums", f"{url}/api/v1/albums", headers),
                Target(
                    "GET /api/v1/albums/{id}/photos?limit=50",
                    f"{url}/api/v1/albums/{album_ids[0]}/photos?limit=50",
                    headers,
                ),
                Target("GET /api/v1/photos/{id}", f"{url}/api/v1/photos/{photo_ids[30]}", headers),
            ]
            results = measure(bare_url, targets, rounds=rounds, seconds=seconds)
            client.close()
    report(
        f"[{database:7s}] upload of a 12 MP JPEG (client-measured, incl. thumbnail+preview), median of 7: {upload_median:.3f} s"
    )
    report(
        f"[{database:7s}] password login (argon2id, client-measured), median of 7: {login_median:.3f} s"
    )
    report(f"[{database:7s}] idle server RSS: {idle_rss:.0f} MB")
    print_rates(database, results, f"median of {rounds} rounds x {seconds:g} s, no background jobs")


def bench_listing_during_tagging(
    bare_url: str, rounds: int, seconds: float, photo_count: int = 60
) -> None:
    """The photo page while the server's own job worker tags `photo_count` fixture photos."""
    fixtures = sorted(p for p in FACES.iterdir() if p.suffix == ".jpg")
    with (
        tempfile.TemporaryDirectory(prefix="facealbum-bench-") as folder,
        running_server(Path(folder), database_url=None, job_worker=True, labels_engine="local") as (
            url,
            _process,
        ),
    ):
        client = httpx.Client(base_url=url, timeout=60)
        headers = register(client)
        album_id = client.post("/api/v1/albums", json={"name": "Tagging"}, headers=headers).json()[
            "id"
        ]

        def states() -> list[str]:
            page = client.get(f"/api/v1/albums/{album_id}/photos?limit=100", headers=headers).json()
            return [item["labels_state"] for item in page["items"]]

        upload(client, headers, album_id, "warm", fixtures[0].read_bytes())
        deadline = time.monotonic() + 300
        while states().count("pending") and time.monotonic() < deadline:  # models load
            time.sleep(0.5)
        started = time.perf_counter()
        for n in range(photo_count):
            upload(client, headers, album_id, f"t{n}", fixtures[n % len(fixtures)].read_bytes())
        page = Target(
            "GET /api/v1/albums/{id}/photos?limit=50",
            f"{url}/api/v1/albums/{album_id}/photos?limit=50",
            headers,
        )
        results = measure(bare_url, [page], rounds=rounds, seconds=seconds)
        pending_after = states().count("pending")
        while states().count("pending") and time.monotonic() < deadline + 600:
            time.sleep(0.5)
        elapsed = time.perf_counter() - started
        final = states()
        client.close()
    print_rates(
        "sqlite",
        results,
        f"median of {rounds} rounds x {seconds:g} s, WHILE the job worker tags {photo_count} photos "
        f"({pending_after} still pending after the measurement)",
    )
    report(
        f"[sqlite ] tagging in the service, listing under load meanwhile: {photo_count} photos in {elapsed:.1f} s = "
        f"{photo_count / elapsed * 60:.0f} photos/min (states: {sorted(set(final))})"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--seconds", type=float, default=3)
    parser.add_argument("--databases", default="sqlite,mariadb", help="comma-separated, or none")
    parser.add_argument("--skip-tagging", action="store_true")
    args = parser.parse_args()
    if not shutil.which("wrk"):
        sys.exit("wrk is missing: run `make setup` (apt package wrk)")
    with bare_server() as bare_url:
        databases = args.databases.split(",")
        if "sqlite" in databases:
            bench_database("sqlite", None, bare_url, args.rounds, args.seconds)
        if "mariadb" in databases:
            with mariadb_database() as database_url:
                bench_database("mariadb", database_url, bare_url, args.rounds, args.seconds)
        if not args.skip_tagging:
            bench_listing_during_tagging(bare_url, args.rounds, args.seconds)


if __name__ == "__main__":
    main()
