"""Benchmark: a sign-up answered "taken" costs as much as a sign-up (issue 10, row 5).

Run: ``python tests/bench/bench_register_taken.py [--runs 5]``. Prints the median time of a
new sign-up, of one whose email is taken (409), and their ratio; the target is a ratio of at
least 0.8, so "taken" cannot list accounts faster than signing up.
"""

from __future__ import annotations

import argparse
import io
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

from fastapi.testclient import TestClient  # noqa: E402
from PIL import Image  # noqa: E402

from server.app import create_app  # noqa: E402
from server.config import Settings  # noqa: E402

TARGET_RATIO = 0.8


def report(line: str) -> None:
    sys.stdout.write(line + "\n")


def photo() -> bytes:
    output = io.BytesIO()
    Image.new("RGB", (640, 480), "steelblue").save(output, "JPEG", quality=85)
    return output.getvalue()


def sign_up(client: TestClient, username: str, email: str, image: bytes) -> tuple[int, float]:
    started = time.perf_counter()
    response = client.post(
        "/api/v1/auth/register",
        data={
            "username": username,
            "email": email,
            "password": "correct horse 9",
            "password_confirm": "correct horse 9",
        },
        files={"photo": ("me.jpg", image, "image/jpeg")},
    )
    return response.status_code, time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    image = photo()
    with tempfile.TemporaryDirectory() as folder:
        settings = Settings(
            data_dir=Path(folder),
            job_worker=False,
            labels_engine="none",
            register_max_per_address=1000,
        )
        with TestClient(create_app(settings)) as client:
            sign_up(client, "warmup", "warmup@example.com", image)
            new, taken = [], []
            for run in range(args.runs):
                status, seconds = sign_up(client, f"nuevo{run}", f"nuevo{run}@example.com", image)
                assert status == 201, status
                new.append(seconds)
                status, seconds = sign_up(client, f"otro{run}", "warmup@example.com", image)
                assert status == 409, status
                taken.append(seconds)
    ratio = statistics.median(taken) / statistics.median(new)
    report(f"new sign-up     median {statistics.median(new) * 1000:.0f} ms")
    report(f"taken (409)     median {statistics.median(taken) * 1000:.0f} ms")
    report(f"ratio taken/new {ratio:.2f} (target >= {TARGET_RATIO})")
    return 0 if ratio >= TARGET_RATIO else 1


if __name__ == "__main__":
    sys.exit(main())
