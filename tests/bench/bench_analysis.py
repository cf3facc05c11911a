"""Benchmark: OCR, translation and local tagging latency on this machine.

Run: ``python tests/bench/bench_analysis.py [--runs 5]``. Prints medians:
- OCR (rapidocr, tuned) on a 12 MP photo with a caption, and on a 1 MP screenshot-like image;
- Apertium translation of one caption, and of 100 captions batched in one call;
- local tagging throughput (faces with dlib HOG + OCR + shape + EXIF) in photos per minute;
- tagging throughput through the service's job runner (queue claim, preview read from the store,
  the registry's engines, labels written to SQLite) on uploaded fixture photos.
Model loading is measured once, apart from the medians.
"""

from __future__ import annotations

import argparse
import math
import multiprocessing
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

import numpy as np  # noqa: E402
from fastapi.testclient import TestClient  # noqa: E402
from PIL import Image, ImageDraw, ImageFont  # noqa: E402
from sqlalchemy import select, update  # noqa: E402

from server.app import build_context, build_job_runner, create_app  # noqa: E402
from server.config import Settings  # noqa: E402
from server.engines.labels.base import PhotoExif  # noqa: E402
from server.engines.labels.local import LocalLabelEngine  # noqa: E402
from server.engines.shapes import BoundingBox  # noqa: E402
from server.engines.text.local import LocalTextEngine  # noqa: E402
from server.engines.translation.local import LocalTranslator  # noqa: E402
from server.jobs import repository as jobs  # noqa: E402
from server.photos.models import Photo  # noqa: E402

FACES = REPO_ROOT / "tests" / "fixtures" / "faces"
FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
CAPTIONS = [
    "Fiesta de cumpleaños con la familia en la playa",
    "Mi perro corriendo en el parque",
    "Atardecer desde la montaña",
    "Cena con amigos en casa de Ana",
    "Primer día de colegio",
]


def report(line: str) -> None:
    sys.stdout.write(line + "\n")


def median_seconds(work: Callable[[], object], runs: int) -> float:
    timings = []
    for _ in range(runs):
        started = time.perf_counter()
        work()
        timings.append(time.perf_counter() - started)
    return statistics.median(timings)


def twelve_megapixel_photo() -> Image.Image:
    """A fixture photo upscaled to 4000 x 3000 with a two-line caption printed on it."""
    with Image.open(FACES / "group_obama_biden.jpg") as photo:
        large = photo.convert("RGB").resize((4000, 3000), Image.Resampling.BICUBIC)
    draw = ImageDraw.Draw(large)
    font = ImageFont.truetype(FONT, 140)
    draw.text((200, 2500), "Año nuevo en Málaga, 2024", font=font, fill="white",
              stroke_width=6, stroke_fill="black")  # fmt: skip
    return large


def screenshot() -> Image.Image:
    """1280 x 800 (1 MP): a window of 16 px text lines, like a chat or settings page."""
    image = Image.new("RGB", (1280, 800), "white")
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype(FONT, 16)
    draw.rectangle((0, 0, 1280, 40), fill=(40, 60, 110))
    draw.text((16, 10), "FaceAlbum — Configuración", font=font, fill="white")
    for row in range(22):
        draw.text((24, 60 + row * 32), f"Elemento {row + 1}: {CAPTIONS[row % 5]}", font=font,
                  fill="black")  # fmt: skip
    return image


@dataclass(frozen=True)
class HogFace:
    box: BoundingBox
    smiling: bool | None
    confidence: float


class HogFaceDetector:
    """dlib's HOG detector in the label engine's ``FaceDetector`` shape."""

    def __init__(self) -> None:
        import dlib

        self._detector = dlib.get_frontal_face_detector()

    def detect(self, image: Image.Image) -> list[HogFace]:
        pixels = np.asarray(image.convert("RGB"))
        height, width = pixels.shape[:2]
        rectangles, scores, _ = self._detector.run(pixels, 1, 0.0)
        return [
            HogFace(
                BoundingBox(
                    r.left() / width, r.top() / height, r.width() / width, r.height() / height
                ),
                None,
                100 / (1 + math.exp(-2 * score)),
            )
            for r, score in zip(rectangles, scores, strict=True)
        ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    runs = parser.parse_args().runs

    text_engine = LocalTextEngine()
    started = time.perf_counter()
    text_engine.load()
    report(f"OCR model load (once per process):      {time.perf_counter() - started:.2f} s")
    photo, screen = twelve_megapixel_photo(), screenshot()
    found = text_engine.detect_text(photo).text.replace("\n", " | ")
    report(f"OCR on 12 MP photo reads:               {found!r}")
    report(
        f"OCR 12 MP photo (4000x3000), median:    {median_seconds(lambda: text_engine.detect_text(photo), runs):.2f} s"
    )
    lines = len(text_engine.detect_text(screen).lines)
    report(
        f"OCR 1 MP screenshot ({lines} lines), median: {median_seconds(lambda: text_engine.detect_text(screen), runs):.2f} s"
    )

    translator = LocalTranslator()
    translator.languages()
    captions = [CAPTIONS[i % len(CAPTIONS)] + f" ({i})" for i in range(100)]
    one = median_seconds(lambda: translator.translate(CAPTIONS[:1], "en", source="es"), runs)
    report(f"Translate 1 caption es→en, median:      {one:.2f} s")
    pivot = median_seconds(lambda: translator.translate(CAPTIONS[:1], "fr", source="en"), runs)
    report(f"Translate 1 caption en→fr (pivot), med: {pivot:.2f} s")
    detect = median_seconds(lambda: translator.translate(CAPTIONS[:1], "en"), runs)
    report(f"Translate 1 caption, source detected:   {detect:.2f} s")
    hundred = median_seconds(lambda: translator.translate(captions, "en", source="es"), runs)
    report(
        f"Translate 100 captions batched, median: {hundred:.2f} s ({hundred * 10:.1f} ms/caption)"
    )

    labeller = LocalLabelEngine(HogFaceDetector(), text_engine)
    photos = [
        Image.open(path).copy()
        for path in sorted(FACES.iterdir())
        if path.suffix in (".jpg", ".png")
    ]
    labeller.detect_labels(photos[0], language="es")
    per_pass = median_seconds(
        lambda: [labeller.detect_labels(p, language="es", exif=PhotoExif()) for p in photos],
        max(1, runs // 2),
    )
    report(
        f"Local tagging ({len(photos)} fixture photos, faces+OCR): {len(photos) / per_pass * 60:.0f} photos/minute"
    )
    tagging_through_the_job_runner(runs)


TAGGED_PHOTOS = 10


def cpu_seconds_of_this_process_and_children() -> float:
    """CPU time (user + system) of this process and its live children (the label workers)."""
    ticks = os.sysconf("SC_CLK_TCK")
    total = 0.0
    for pid in [os.getpid(), *(child.pid for child in multiprocessing.active_children())]:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        total += (int(fields[11]) + int(fields[12])) / ticks  # utime, stime
    return total


def tagging_through_the_job_runner(runs: int) -> None:
    """Upload fixture photos through the API, then drain the tag_photo queue with JobRunner."""
    with tempfile.TemporaryDirectory() as folder:
        context = build_context(
            Settings(data_dir=Path(folder), job_worker=False, face_indexing=False)
        )
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
            album = client.post("/api/v1/albums", json={"name": "Bench"}, headers=headers).json()
            started = time.perf_counter()
            runner.run_until_idle()  # the profile photo's job: loads the models
            report(f"Job runner, first job (loads models):   {time.perf_counter() - started:.2f} s")
            photo_ids = []
            for path in paths[:TAGGED_PHOTOS]:
                response = client.post(
                    f"/api/v1/albums/{album['id']}/photos",
                    files={"file": (path.name, path.read_bytes(), "image/jpeg")},
                    headers=headers,
                )
                photo_ids.append(response.json()["id"])

        def requeue() -> None:
            with context.session_factory() as db:
                db.execute(
                    update(Photo).where(Photo.id.in_(photo_ids)).values(labels_state="pending")
                )
                for photo_id in photo_ids:
                    jobs.enqueue(db, kind=jobs.TAG_PHOTO, photo_id=photo_id)
                db.commit()

        timings, cpu_timings = [], []
        for run in range(max(1, runs // 2)):
            if run:
                requeue()
            started, cpu_started = time.perf_counter(), cpu_seconds_of_this_process_and_children()
            done = runner.run_until_idle()
            timings.append(time.perf_counter() - started)
            cpu_timings.append(cpu_seconds_of_this_process_and_children() - cpu_started)
            assert done == len(photo_ids), done
        with context.session_factory() as db:
            states = set(db.scalars(select(Photo.labels_state).where(Photo.id.in_(photo_ids))))
        context.engine.dispose()
    per_pass = statistics.median(timings)
    cpu_per_photo = statistics.median(cpu_timings) / len(photo_ids)
    cores = os.cpu_count() or 1
    report(
        f"Tagging via JobRunner.run_until_idle ({len(photo_ids)} photos, states {sorted(states)}, "
        f"{runner.concurrency} at once): {len(photo_ids) / per_pass * 60:.0f} photos/minute "
        f"wall clock ({per_pass / len(photo_ids):.2f} s/photo; load average "
        f"{os.getloadavg()[0]:.1f} on {cores} cores)"
    )
    report(
        f"Tagging CPU (service + label workers): {cpu_per_photo:.2f} CPU s/photo = "
        f"{cores * 60 / cpu_per_photo:.0f} photos/minute on {cores} otherwise idle cores"
    )


if __name__ == "__main__":
    main()
