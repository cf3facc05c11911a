"""Benchmark: OCR, translation and local tagging latency on this machine.

Run: ``python tests/bench/bench_analysis.py [--runs 5]``. Prints medians:
- OCR (rapidocr, tuned) on a 12 MP photo with a caption, and on a 1 MP screenshot-like image;
- Apertium translation of one caption, and of 100 captions batched in one call;
- local tagging throughput (faces with dlib HOG + OCR + shape + EXIF) in photos per minute.
Model loading is measured once, apart from the medians.
"""

from __future__ import annotations

import argparse
import math
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

import numpy as np  # noqa: E402
from PIL import Image, ImageDraw, ImageFont  # noqa: E402

from server.engines.labels.base import PhotoExif  # noqa: E402
from server.engines.labels.local import LocalLabelEngine  # noqa: E402
from server.engines.shapes import BoundingBox  # noqa: E402
from server.engines.text.local import LocalTextEngine  # noqa: E402
from server.engines.translation.local import LocalTranslator  # noqa: E402

FACES = REPO_ROOT / ".." / "shared" / "fixtures" / "faces"
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


if __name__ == "__main__":
    main()
