"""Benchmark: server-side processing of a 12 MP JPEG upload (target: median <= 0.4 s).

Run: ``python tests/bench/bench_images.py [--runs 7]``. Prints the median time of
``process_upload`` with the JPEG ``draft()`` fast path, and without it for comparison.
"""

from __future__ import annotations

import argparse
import io
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from unittest import mock

REPO_ROOT = Path(__file__).resolve().parents[2]
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

from PIL import Image, JpegImagePlugin  # noqa: E402

from server.images import ProcessedImage, process_upload  # noqa: E402

FIXTURE = REPO_ROOT / "tests" / "fixtures" / "faces" / "group_obama_biden.jpg"
TARGET_SECONDS = 0.4


def report(line: str) -> None:
    sys.stdout.write(line + "\n")


def twelve_megapixel_jpeg() -> bytes:
    """The fixture photo upscaled to 4000 x 3000, saved at quality 90 like a camera would."""
    with Image.open(FIXTURE) as photo:
        large = photo.convert("RGB").resize((4000, 3000), Image.Resampling.BICUBIC)
    output = io.BytesIO()
    large.save(output, format="JPEG", quality=90)
    return output.getvalue()


def median_seconds(action: Callable[[], object], runs: int) -> float:
    action()  # warm-up: imports, codec initialisation
    timings = []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        timings.append(time.perf_counter() - started)
    return statistics.median(timings)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()

    data = twelve_megapixel_jpeg()

    def upload() -> ProcessedImage:
        return process_upload(data, max_bytes=50 * 1024 * 1024, max_pixels=50_000_000)

    with_draft = median_seconds(upload, args.runs)
    with mock.patch.object(JpegImagePlugin.JpegImageFile, "draft", lambda *_args: None):
        without_draft = median_seconds(upload, args.runs)

    result = upload()
    report(f"12 MP JPEG upload: 4000x3000, {len(data) / 1e6:.1f} MB, {args.runs} runs")
    report(f"  process_upload with draft():    median {with_draft:.3f} s")
    report(f"  process_upload without draft(): median {without_draft:.3f} s")
    report(f"  speed-up from draft(): x{without_draft / with_draft:.2f}")
    report(
        f"  preview {len(result.preview) / 1e3:.0f} KB, thumbnail {len(result.thumbnail) / 1e3:.0f} KB"
    )
    verdict = "meets" if with_draft <= TARGET_SECONDS else "MISSES"
    report(f"  {verdict} the target of {TARGET_SECONDS:.1f} s")


if __name__ == "__main__":
    main()
