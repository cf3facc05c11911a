"""Benchmark: people (faces in photos) on this machine.

Run: ``python tests/bench/bench_people.py [--sizes 20000 100000]``. Prints, in one process:

* faces indexed per minute: the fixture photos uploaded through the API and drained by the
  real job runner (decode the stored preview, dlib detection + 128-d embedding, placing, grouping,
  database writes);
* grouping time (wall and CPU: the machine is shared) and peak memory for synthetic embeddings
  (k-NN graph + Chinese whispers over the unassigned faces), 20 000 and 100 000 faces;
* assignment time per new face against 20 000 and 100 000 references of 2 000 named people
  (median over 500 faces; target ≤ 5 ms).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

import numpy as np  # noqa: E402
from fastapi.testclient import TestClient  # noqa: E402
from sqlalchemy import func, select  # noqa: E402

from server.app import build_context, build_job_runner, create_app  # noqa: E402
from server.config import Settings  # noqa: E402
from server.people.assignment import (  # noqa: E402
    LOCAL_BANDS,
    ReferenceSet,
    chinese_whispers_groups,
    decide,
)
from server.people.models import Face  # noqa: E402

FACES = REPO_ROOT / "tests" / "fixtures" / "faces"
TARGET_ASSIGN_MS = 5.0


def report(line: str) -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def synthetic(count: int, *, people: int, seed: int = 7) -> tuple[np.ndarray, np.ndarray]:
    """``count`` embeddings around ``people`` centres: same-person distances ≈ 0.35–0.45 (like
    dlib's on real photos), different people ≈ 1.0; one face in five is a stranger seen once."""
    rng = np.random.default_rng(seed)
    centres = rng.normal(size=(people, 128)).astype(np.float32)
    centres *= 0.72 / np.linalg.norm(centres, axis=1, keepdims=True)
    owners = rng.integers(0, people, size=count)
    strangers = rng.random(count) < 0.2
    vectors = centres[owners] + rng.normal(scale=0.025, size=(count, 128)).astype(np.float32)
    vectors[strangers] = rng.normal(size=(int(strangers.sum()), 128)).astype(np.float32) * 0.064
    owners[strangers] = -1 - np.arange(int(strangers.sum()))
    return vectors.astype(np.float32), owners


def indexing_throughput() -> None:
    with tempfile.TemporaryDirectory() as folder:
        settings = Settings(data_dir=Path(folder), job_worker=False, labels_engine="none")
        context = build_context(settings)
        runner = build_job_runner(context)
        paths = sorted(p for p in FACES.iterdir() if p.suffix in (".jpg", ".png"))
        with TestClient(create_app(context=context)) as client:
            token = client.post(
                "/api/v1/auth/register",
                data={"username": "bench", "email": "bench@example.com",
                      "password": "bench bench 1", "password_confirm": "bench bench 1"},
                files={"photo": ("me.jpg", (FACES / "obama_small.jpg").read_bytes(), "image/jpeg")},
            ).json()["token"]  # fmt: skip
            headers = {"Authorization": f"Bearer {token}"}
            started = time.perf_counter()
            runner.run_until_idle()  # the profile photo: loads the models
            report(
                f"First index job (loads the models):      {time.perf_counter() - started:.2f} s"
            )
            album = client.post("/api/v1/albums", json={"name": "Bench"}, headers=headers).json()
            for path in paths:
                client.post(
                    f"/api/v1/albums/{album['id']}/photos",
                    files={"file": (path.name, path.read_bytes(), "image/jpeg")},
                    headers=headers,
                )
            started = time.perf_counter()
            done = runner.run_until_idle()
            elapsed = time.perf_counter() - started
        with context.session_factory() as db:
            faces = int(db.scalar(select(func.count()).select_from(Face)) or 0) - 1
        context.engine.dispose()
    report(
        f"Indexing via the job runner ({done} photos, {faces} faces): "
        f"{faces / elapsed * 60:.0f} faces/minute, {done / elapsed * 60:.0f} photos/minute "
        f"({elapsed / done:.2f} s/photo)"
    )


def grouping(size: int) -> None:
    vectors, owners = synthetic(size, people=max(10, size // 50))
    tracemalloc.start()
    started, cpu_started = time.perf_counter(), time.process_time()
    labels = chinese_whispers_groups(vectors)
    elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu_started
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    labelled = owners >= 0
    predicted = np.asarray(labels)[labelled]
    truth = owners[labelled]
    # purity: the share of faces whose group's majority is their own person
    pure = 0
    for label in np.unique(predicted):
        members = truth[predicted == label]
        pure += int(np.bincount(members).max())
    report(
        f"Grouping {size:>7,} faces: {elapsed:6.1f} s wall, {cpu:6.1f} s CPU, peak {peak / 2**20:6.0f} MiB traced, "
        f"{len(set(labels)):,} groups, purity {pure / len(truth):.3f}"
    )


def assignment(size: int, probes: int = 500) -> None:
    vectors, owners = synthetic(size + probes, people=2000, seed=11)
    known = owners[:size] >= 0
    references = ReferenceSet(vectors[:size][known], owners[:size][known])
    timings = []
    placed = correct = 0
    for vector, owner in zip(vectors[size:], owners[size:], strict=True):
        started = time.perf_counter()
        decision = decide(references.best_by_person(vector, top=2), LOCAL_BANDS)
        timings.append(time.perf_counter() - started)
        placed += decision.state != "unassigned"
        correct += decision.state != "unassigned" and decision.person_id == owner
    median_ms = statistics.median(timings) * 1000
    p95_ms = sorted(timings)[int(len(timings) * 0.95)] * 1000
    verdict = "OK" if median_ms <= TARGET_ASSIGN_MS else "OVER TARGET"
    report(
        f"Assign 1 new face vs {int(known.sum()):>7,} references: median {median_ms:.2f} ms, "
        f"p95 {p95_ms:.2f} ms ({placed}/{probes} placed, {correct} to the right person) [{verdict}, target ≤ {TARGET_ASSIGN_MS} ms]"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[20_000, 100_000])
    parser.add_argument("--skip-indexing", action="store_true")
    args = parser.parse_args()
    if not args.skip_indexing:
        indexing_throughput()
    for size in args.sizes:
        assignment(size)
    for size in args.sizes:
        grouping(size)


if __name__ == "__main__":
    main()
