"""Reproduce the local engine's threshold calibration on a labelled photo set.

    python -m server.engines.faces.calibration tests/fixtures [--video-step 3]

Labels come from file names (``<person>_<n>.<ext>``; ``group_*`` skipped) and, when present,
``video/hamilton_clip.mp4`` frames 84–210 labelled ``miranda``. Two views are printed:

* **pairs**: the distance between every two single photos/frames (what ``faces compare`` shows);
* **logins**: what a face login decides: enrolment templates (1–3 photos of a person, or
  ``miranda_1``), probe = one photo, or three video frames four steps apart; the login distance is
  the median over probe frames of the nearest template (``LocalFaceEngine.score``). Impostor
  trials use the same enrolments against everyone else's probes.

The chosen ``DEFAULT_DISTANCE_THRESHOLD`` must give no false accept on either view.
"""

from __future__ import annotations

import argparse
import itertools
import logging
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from PIL import Image

from server.engines.faces.base import FaceRejected
from server.engines.faces.local import DEFAULT_DISTANCE_THRESHOLD, LocalFaceEngine

logger = logging.getLogger(__name__)

VIDEO_NAME = "hamilton_clip.mp4"
VIDEO_FACE_FRAMES = range(84, 211)
VIDEO_PERSON = "miranda"


@dataclass(frozen=True)
class LabelledEmbedding:
    person: str
    source: str  # file name, or "video:<frame>"
    vector: np.ndarray


def collect(
    engine: LocalFaceEngine, fixtures: Path, *, video_step: int = 3
) -> list[LabelledEmbedding]:
    """Embeddings of every single-face photo in ``fixtures/faces`` and of sampled video frames."""
    found: list[LabelledEmbedding] = []
    for path in sorted((fixtures / "faces").iterdir()):
        if path.name.startswith("group_") or path.suffix.lower() not in {".jpg", ".jpeg", ".png"}:
            continue
        try:
            vector = engine.embed(Image.open(path).convert("RGB"))
        except FaceRejected as rejected:
            logger.warning("skipping %s: %s", path.name, rejected.code)
            continue
        found.append(LabelledEmbedding(path.name.split("_")[0], path.name, vector))
    video = fixtures / "video" / VIDEO_NAME
    if video.is_file():
        for index, frame in read_video_frames(video, VIDEO_FACE_FRAMES[::video_step]):
            try:
                found.append(LabelledEmbedding(VIDEO_PERSON, f"video:{index}", engine.embed(frame)))
            except FaceRejected:
                continue
    return found


def read_video_frames(path: Path, wanted: Sequence[int]) -> list[tuple[int, Image.Image]]:
    """The requested frame numbers of a video as RGB images."""
    import cv2

    capture = cv2.VideoCapture(str(path))
    frames: list[tuple[int, Image.Image]] = []
    wanted_set = set(wanted)
    index = 0
    try:
        while index <= max(wanted_set):
            ok, bgr = capture.read()
            if not ok:
                break
            if index in wanted_set:
                frames.append((index, Image.fromarray(cv2.cvtColor(bgr, cv2.COLOR_BGR2RGB))))
            index += 1
    finally:
        capture.release()
    return frames


def _distance(a: np.ndarray, b: np.ndarray) -> float:
    return float(np.linalg.norm(a - b))


def pair_distances(samples: Sequence[LabelledEmbedding]) -> tuple[list[float], list[float]]:
    """Genuine and impostor distances over every pair of samples (video-video pairs excluded:
    frames of one clip are not independent photos)."""
    genuine: list[float] = []
    impostor: list[float] = []
    for a, b in itertools.combinations(samples, 2):
        if a.source.startswith("video:") and b.source.startswith("video:"):
            continue
        (genuine if a.person == b.person else impostor).append(_distance(a.vector, b.vector))
    return genuine, impostor


def login_distances(samples: Sequence[LabelledEmbedding]) -> tuple[list[float], list[float]]:
    """Genuine and impostor login-level distances (see the module docstring)."""

    def login(probes: Sequence[np.ndarray], templates: Sequence[np.ndarray]) -> float:
        return float(np.median([min(_distance(p, t) for t in templates) for p in probes]))

    photos = [s for s in samples if not s.source.startswith("video:")]
    frames = [s for s in samples if s.source.startswith("video:")]
    people = sorted({s.person for s in photos})
    enrolments: list[tuple[str, list[np.ndarray], set[str]]] = []
    for person in people:
        own = [s for s in photos if s.person == person]
        for size in range(1, min(3, len(own)) + 1):
            for chosen in itertools.combinations(own, size):
                enrolments.append((person, [s.vector for s in chosen], {s.source for s in chosen}))
    probes: list[tuple[str, list[np.ndarray], set[str]]] = [
        (s.person, [s.vector], {s.source}) for s in photos
    ]
    probes += [
        (VIDEO_PERSON, [frames[i].vector, frames[i + 2].vector, frames[i + 4].vector], set())
        for i in range(len(frames) - 4)
    ]
    genuine: list[float] = []
    impostor: list[float] = []
    for person, templates, used in enrolments:
        for probe_person, probe_vectors, probe_sources in probes:
            if probe_sources & used:
                continue
            (genuine if probe_person == person else impostor).append(
                login(probe_vectors, templates)
            )
    return genuine, impostor


def error_rates(
    genuine: Sequence[float], impostor: Sequence[float], threshold: float
) -> tuple[float, float]:
    """(false reject %, false accept %) when accepting distances ≤ ``threshold``."""
    false_reject = 100.0 * sum(d > threshold for d in genuine) / max(len(genuine), 1)
    false_accept = 100.0 * sum(d <= threshold for d in impostor) / max(len(impostor), 1)
    return false_reject, false_accept


def report(samples: Sequence[LabelledEmbedding], thresholds: Sequence[float]) -> str:
    """The calibration tables as text."""
    lines = [f"samples: {len(samples)} ({len({s.person for s in samples})} people)"]
    for title, (genuine, impostor) in (
        ("pairs", pair_distances(samples)),
        ("logins", login_distances(samples)),
    ):
        g, i = np.asarray(genuine), np.asarray(impostor)
        lines.append(
            f"{title}: genuine n={len(g)} min={g.min():.3f} median={np.median(g):.3f} "
            f"p95={np.percentile(g, 95):.3f} max={g.max():.3f} | impostor n={len(i)} min={i.min():.3f} "
            f"p5={np.percentile(i, 5):.3f} median={np.median(i):.3f}"
        )
        for threshold in thresholds:
            frr, far = error_rates(genuine, impostor, threshold)
            lines.append(f"  threshold {threshold:.2f}: FRR {frr:5.1f} %  FAR {far:5.2f} %")
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    """Print the calibration report for a fixtures folder."""
    parser = argparse.ArgumentParser(prog="calibration", description=__doc__.split("\n\n")[0])
    parser.add_argument("fixtures", type=Path)
    parser.add_argument("--video-step", type=int, default=3)
    args = parser.parse_args(argv)
    samples = collect(LocalFaceEngine(), args.fixtures, video_step=args.video_step)
    thresholds = sorted({0.35, 0.45, 0.5, 0.52, DEFAULT_DISTANCE_THRESHOLD, 0.6, 0.62, 0.65})
    sys.stdout.write(report(samples, thresholds) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
