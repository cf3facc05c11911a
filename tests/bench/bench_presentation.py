"""Benchmark: face login's presentation checks alone, over many more recordings than the HTTP bench.

Run: ``python tests/bench/bench_presentation.py``. Every sequence is sampled once by the local
engine (decode, detection, landmarks, face mesh; no embedding), then ``check_presentation`` runs
against each script the server issues:

* genuine: the 4 scripts × clip mirrored or not × 2 clip stretches × 8 camera variants = 128
  recordings, each checked against its own script;
* A7: the same 128 recordings checked against the script with left and right swapped;
* A1–A4 and A6: ``bench_faces.attack_sets``, each sequence checked against all 4 scripts.

Prints accepted/refused per set with the refusal codes, and the parallax (per degree of turn) of
the genuine recordings and of the warped photos (A4) that the 3-D check compares with its bar.
No identity check runs here (the HTTP bench and the API tests cover it).
"""

from __future__ import annotations

import collections
import statistics
import sys
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parents[2]
for extra in (REPO_ROOT, REPO_ROOT / "tests" / "support", REPO_ROOT / "tests" / "bench"):
    if str(extra) not in sys.path:
        sys.path.insert(0, str(extra))

import face_sequences as fs  # noqa: E402
from bench_faces import attack_sets  # noqa: E402

from server.engines.faces.base import DepthGauge, FaceRejected, FaceSample  # noqa: E402
from server.engines.faces.local import LocalFaceEngine  # noqa: E402
from server.engines.faces.presentation import check_depth, check_presentation  # noqa: E402
from server.faces.verification import LOGIN_QUALITY, sample_login_frames  # noqa: E402

SCRIPTS = (
    ("center", "left", "center"),
    ("center", "right", "center"),
    ("center", "left", "center", "right"),
    ("center", "right", "center", "left"),
)
CAMERAS: tuple[dict[str, Any], ...] = (
    {},
    {"quality": 60, "noise": 5.0},
    {"quality": 90, "brightness": 0.7},
    {"quality": 75, "brightness": 1.3},
    {"quality": 80, "size": (320, 240)},
    {"quality": 80, "size": (320, 240), "noise": 4.0},
    {"quality": 80, "size": (320, 240), "brightness": 0.7},
    {"quality": 80, "size": (320, 240), "brightness": 1.3},
)


def _swap(steps: tuple[str, ...]) -> tuple[str, ...]:
    return tuple({"left": "right", "right": "left"}.get(step, step) for step in steps)


def sampled(engine: LocalFaceEngine, sequence: fs.Sequence_) -> list[FaceSample] | str:
    try:
        return sample_login_frames(engine, sequence.frames, LOGIN_QUALITY, embed=False)
    except FaceRejected as refused:
        return refused.code


def verdict(
    engine: LocalFaceEngine, samples: list[FaceSample] | str, steps: tuple[str, ...], offsets: Any
) -> str:
    if isinstance(samples, str):
        return samples
    try:
        check_presentation(samples, steps, offsets, engine.depth_gauge)
    except FaceRejected as refused:
        return refused.code
    return "ok"


def parallax_per_degree(engine: LocalFaceEngine, samples: list[FaceSample] | str) -> float | None:
    """The median parallax per degree the 3-D check measured (``None``: not measurable)."""
    if isinstance(samples, str):
        return None
    tiny = 1e-9  # a bar no head misses: check_depth then returns parallax per degree / tiny
    yaws = [s.face.pose.yaw if s.face.pose else 0.0 for s in samples]
    ratio = check_depth(samples, yaws, DepthGauge(engine.depth_gauge.nose, tiny))
    return None if ratio is None else ratio * tiny


def main() -> int:
    engine = LocalFaceEngine()
    engine.load()
    clip = fs.read_clip()
    rows: dict[str, collections.Counter[str]] = collections.defaultdict(collections.Counter)
    genuine_parallax: list[float] = []
    for steps in SCRIPTS:
        for flipped in (False, True):
            for variant in (0, 1):
                for seed, camera in enumerate(CAMERAS):
                    recording = fs.genuine(
                        clip, steps, flipped=flipped, variant=variant, seed=seed, **camera
                    )
                    samples = sampled(engine, recording)
                    rows["genuine"][verdict(engine, samples, steps, recording.offsets_ms)] += 1
                    wrong = verdict(engine, samples, _swap(steps), recording.offsets_ms)
                    rows["A7 wrong direction or order"][wrong] += 1
                    measured = parallax_per_degree(engine, samples)
                    if measured is not None:
                        genuine_parallax.append(measured)
    warped_parallax: list[float] = []
    for name, sequences in attack_sets(clip).items():
        for sequence in sequences:
            samples = sampled(engine, sequence)
            for steps in SCRIPTS:
                rows[name][verdict(engine, samples, steps, sequence.offsets_ms)] += 1
            if name.startswith("A4"):
                measured = parallax_per_degree(engine, samples)
                if measured is not None:
                    warped_parallax.append(measured)

    print("| set | tried | accepted | refusal codes |")
    print("|---|---|---|---|")
    for name, codes in sorted(rows.items(), key=lambda item: item[0] != "genuine"):
        refused = {code: count for code, count in codes.most_common() if code != "ok"}
        print(f"| {name} | {sum(codes.values())} | {codes['ok']} | {refused} |")
    bar = engine.depth_gauge.parallax_per_degree
    for label, values in (("genuine", genuine_parallax), ("A4 warped", warped_parallax)):
        if values:
            print(
                f"parallax per degree, {label}: n {len(values)}, min {min(values):.4f}, "
                f"median {statistics.median(values):.4f}, max {max(values):.4f} (bar {bar})"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
