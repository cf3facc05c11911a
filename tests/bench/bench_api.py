"""Service benchmarks: 12 MP upload time, listing throughput vs a bare endpoint, idle RSS.

Run: python tests/bench/bench_api.py   (needs `wrk`, installed by `make setup`)
"""

from __future__ import annotations

import io
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx
from PIL import Image

REPO = Path(__file__).resolve().parents[2]
FACES = REPO / "tests" / "fixtures" / "faces"
sys.path.insert(0, str(REPO))


def free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_ready(url: str, process: subprocess.Popen[bytes]) -> None:
    for _ in range(300):
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


def wrk(url: str, headers: dict[str, str], seconds: int = 5) -> float:
    command = ["wrk", "-t2", "-c16", f"-d{seconds}s", "--latency"]
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


def bench_upload(client: httpx.Client, headers: dict[str, str], album_id: int, runs: int = 7) -> float:
    data = twelve_megapixel_jpeg()
    times = []
    for n in range(runs):
        start = time.perf_counter()
        response = client.post(
            f"/api/v1/albums/{album_id}/photos",
            data={"name": f"big{n}", "allow_duplicate": "true"},
            files={"file": ("big.jpg", data, "image/jpeg")},
            headers=headers,
        )
        times.append(time.perf_counter() - start)
        assert response.status_code == 201, response.text
    return statistics.median(times)


def main() -> None:
    if not shutil.which("wrk"):
        sys.exit("wrk is missing: run `make setup` (apt package wrk)")
    workdir = Path(tempfile.mkdtemp(prefix="facealbum-bench-"))
    env = {**os.environ, "FACEALBUM_JOB_WORKER": "false", "FACEALBUM_LABELS_ENGINE": "none"}
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "server", "--port", str(port), "--data-dir", str(workdir / "data"), "--log-level", "warning"],
        cwd=REPO, env=env,
    )
    bare_port = free_port()
    bare = subprocess.Popen(
        [sys.executable, "-m", "uvicorn", "bare_app:app", "--port", str(bare_port), "--log-level", "warning"],
        cwd=REPO / "tests" / "bench", env=env,
    )
    try:
        url, bare_url = f"http://127.0.0.1:{port}", f"http://127.0.0.1:{bare_port}"
        wait_ready(url, server)
        wait_ready(bare_url, bare)
        time.sleep(1)
        idle_rss = rss_mb(server.pid)
        client = httpx.Client(base_url=url, timeout=60)
        photo = (FACES / "obama_small.jpg").read_bytes()
        token = client.post(
            "/api/v1/auth/register",
            data={"username": "bench", "email": "bench@example.com", "password": "bench bench 1", "password_confirm": "bench bench 1"},
            files={"photo": ("me.jpg", photo, "image/jpeg")},
        ).json()["token"]
        headers = {"Authorization": f"Bearer {token}"}
        album_ids = [client.post("/api/v1/albums", json={"name": f"A{n}"}, headers=headers).json()["id"] for n in range(10)]
        for n in range(60):
            client.post(f"/api/v1/albums/{album_ids[0]}/photos", data={"name": f"p{n}", "allow_duplicate": "true"},
                        files={"file": ("p.jpg", photo, "image/jpeg")}, headers=headers)
        upload_median = bench_upload(client, headers, album_ids[1])

        results = {}
        for label, target, hdrs in (
            ("bare FastAPI /check", f"{bare_url}/check", {}),
            ("service /check", f"{url}/check", {}),
            ("GET /api/v1/albums (auth)", f"{url}/api/v1/albums", headers),
            ("GET /api/v1/albums/{id}/photos?limit=50 (auth)", f"{url}/api/v1/albums/{album_ids[0]}/photos?limit=50", headers),
        ):
            runs = [wrk(target, hdrs) for _ in range(3)]
            results[label] = statistics.median(runs)
        baseline = results["bare FastAPI /check"]
        print(f"upload of a 12 MP JPEG (client-measured, incl. thumbnail+preview), median of 7: {upload_median:.3f} s")
        print(f"idle server RSS: {idle_rss:.0f} MB")
        print("throughput, concurrency 16, one uvicorn process, median of 3 x 5 s runs:")
        for label, rps in results.items():
            print(f"  {label:50s} {rps:8.0f} req/s   ratio to bare: {rps / baseline:.2f}")
    finally:
        for process in (server, bare):
            process.terminate()
            process.wait(10)
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
