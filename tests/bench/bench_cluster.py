"""Scale-out benchmark: album listing through nginx with 1, 2 and 3 service instances, and the
errors clients see when an instance is killed mid-load.

Run: python tests/bench/bench_cluster.py   (needs nginx, wrk and MariaDB on 127.0.0.1:3306)
"""

from __future__ import annotations

import logging
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path

import httpx

REPO = Path(__file__).resolve().parents[2]
FACES = REPO / "tests" / "fixtures" / "faces"
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "tests" / "deploy"))

from local_cluster import (  # noqa: E402
    LocalCluster,
    create_bucket,
    fresh_mysql_database,
    service_environment,
)

WRK_SECONDS = 5
PASSWORD = "bench pass 12"


def wrk(url: str, token: str, seconds: int = WRK_SECONDS) -> dict[str, float]:
    """wrk -t2 -c16 against `url`; requests/s, non-2xx answers and socket errors."""
    command = ["wrk", "-t2", "-c16", f"-d{seconds}s", "-H", f"Authorization: Bearer {token}", url]
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    rate = re.search(r"Requests/sec:\s+([\d.]+)", output)
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    socket_errors = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output
    )
    return {
        "rps": float(rate.group(1)) if rate else 0.0,
        "non2xx": float(non2xx.group(1)) if non2xx else 0.0,
        "socket_errors": float(sum(int(g) for g in socket_errors.groups()))
        if socket_errors
        else 0.0,
    }


def prepare_user(base_url: str) -> str:
    """A user with a few albums, so the listing does real work; returns the token."""
    username = f"b{uuid.uuid4().hex[:10]}"
    photo = (FACES / "obama_small.jpg").read_bytes()
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
    response.raise_for_status()
    token: str = response.json()["token"]
    for n in range(5):
        httpx.post(
            f"{base_url}/api/v1/albums",
            json={"name": f"Álbum {n}"},
            headers={"Authorization": f"Bearer {token}"},
        ).raise_for_status()
    return token


def uploads_during_kill(cluster: LocalCluster, token: str, uploads: int = 80) -> dict[str, int]:
    """Two upload streams through nginx; one instance is SIGKILLed after a quarter of them."""
    headers = {"Authorization": f"Bearer {token}"}
    album = httpx.post(
        f"{cluster.url}/api/v1/albums", json={"name": "Kill"}, headers=headers
    ).json()
    photo = (FACES / "obama_small.jpg").read_bytes()
    counts = {"201": 0, "failed": 0}
    lock = threading.Lock()
    issued = [0]

    def stream() -> None:
        with httpx.Client(base_url=cluster.url, headers=headers, timeout=30) as client:
            while True:
                with lock:
                    if issued[0] >= uploads:
                        return
                    issued[0] += 1
                try:
                    status = client.post(
                        f"/api/v1/albums/{album['id']}/photos",
                        data={"name": "k", "allow_duplicate": "true"},
                        files={"file": ("k.jpg", photo, "image/jpeg")},
                    ).status_code
                except httpx.HTTPError:
                    status = 0
                with lock:
                    counts["201" if status == 201 else "failed"] += 1

    threads = [threading.Thread(target=stream) for _ in range(2)]
    for thread in threads:
        thread.start()
    while issued[0] < uploads // 4:
        time.sleep(0.01)
    cluster.instances[-1].kill()
    for thread in threads:
        thread.join(120)
    return counts


def main() -> None:
    for tool in ("nginx", "wrk"):
        if not shutil.which(tool) and not Path(f"/usr/sbin/{tool}").exists():
            sys.exit(f"{tool} is missing: run `make setup`")
    from moto.server import ThreadedMotoServer

    logging.getLogger("werkzeug").setLevel(logging.WARNING)  # moto logs every request
    moto = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    moto.start()
    host, port = moto.get_host_and_port()
    s3_endpoint = f"http://{host}:{port}"
    bucket = f"facealbum-bench-{uuid.uuid4().hex[:8]}"
    create_bucket(s3_endpoint, bucket)
    workdir = Path(tempfile.mkdtemp(prefix="facealbum-bench-cluster-"))
    rates: dict[int, dict[str, float]] = {}
    try:
        with fresh_mysql_database() as database_url:
            env = service_environment(s3_endpoint=s3_endpoint, bucket=bucket)
            token = ""
            for size in (1, 2, 3):
                cluster = LocalCluster(workdir / f"size-{size}", database_url, env, size=size)
                try:
                    cluster.start()
                    token = token or prepare_user(cluster.url)
                    wrk(f"{cluster.url}/api/v1/albums", token, seconds=1)  # warm up
                    rates[size] = wrk(f"{cluster.url}/api/v1/albums", token)
                    if size == 1:
                        rates[0] = wrk(f"{cluster.instances[0].url}/api/v1/albums", token)
                    if size == 3:
                        kill = run_kill(cluster, token)
                finally:
                    cluster.stop()
    finally:
        moto.stop()
        shutil.rmtree(workdir, ignore_errors=True)

    print("GET /api/v1/albums (authenticated), wrk -t2 -c16 -d5s, 2 cores")
    print(f"  1 instance, direct (no nginx): {rates[0]['rps']:8.1f} req/s")
    for size in (1, 2, 3):
        r = rates[size]
        print(
            f"  {size} instance(s) via nginx:     {r['rps']:8.1f} req/s   "
            f"ratio to 1 = {r['rps'] / rates[1]['rps']:.2f}   errors {int(r['non2xx'] + r['socket_errors'])}"
        )
    print("Instance SIGKILLed under load (3 instances):")
    print(
        f"  listing via wrk during the kill: {kill['rps']:.1f} req/s, "
        f"non-2xx {int(kill['non2xx'])}, socket errors {int(kill['socket_errors'])}"
    )
    print(
        f"  uploads via nginx during the kill: {kill['uploads_ok']} × 201, "
        f"{kill['uploads_failed']} failed (POSTs in flight on the killed instance; not retried)"
    )


def run_kill(cluster: LocalCluster, token: str) -> dict[str, float]:
    """wrk on the listing while the last instance is killed after 2 s; then an upload stream
    while another instance is killed."""
    killer = threading.Timer(2.0, cluster.instances[-1].kill)
    killer.start()
    listing = wrk(f"{cluster.url}/api/v1/albums", token, seconds=WRK_SECONDS)
    killer.join()
    cluster.instances[-1].start()
    uploads = uploads_during_kill(cluster, token)
    return {**listing, "uploads_ok": uploads["201"], "uploads_failed": uploads["failed"]}


if __name__ == "__main__":
    main()
