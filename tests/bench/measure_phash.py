"""How far the pHash moves under edits of the same photo, and how far apart different photos are.

Run: python tests/bench/measure_phash.py   (the figures behind docs/duplicates.md)
"""

from __future__ import annotations

import io
import itertools
import statistics
import sys
from collections.abc import Callable
from pathlib import Path

from PIL import Image, ImageEnhance

REPO = Path(__file__).resolve().parents[2]
FACES = REPO / "tests" / "fixtures" / "faces"
sys.path.insert(0, str(REPO))

from server.duplicates.phash import distance, phash_image  # noqa: E402


def reencoded(image: Image.Image, quality: int) -> Image.Image:
    out = io.BytesIO()
    image.save(out, "JPEG", quality=quality)
    return Image.open(io.BytesIO(out.getvalue()))


def cropped(image: Image.Image, fraction: float) -> Image.Image:
    w, h = image.size
    box = (int(w * fraction), int(h * fraction), int(w * (1 - fraction)), int(h * (1 - fraction)))
    return image.crop(box)


VARIANTS: dict[str, Callable[[Image.Image], Image.Image]] = {
    "jpeg q40": lambda im: reencoded(im, 40),
    "jpeg q90": lambda im: reencoded(im, 90),
    "resize 50%": lambda im: im.resize((im.width // 2, im.height // 2)),
    "thumb 256": lambda im: im.resize((256, max(1, 256 * im.height // im.width))),
    "crop 3%": lambda im: cropped(im, 0.03),
    "crop 5%": lambda im: cropped(im, 0.05),
    "crop 10%": lambda im: cropped(im, 0.10),
    "brightness +15%": lambda im: ImageEnhance.Brightness(im).enhance(1.15),
    "grey": lambda im: im.convert("L").convert("RGB"),
    "rotate 2deg": lambda im: im.rotate(2, expand=False),
}


def main() -> None:
    paths = sorted(p for p in FACES.iterdir() if p.suffix in (".jpg", ".png"))
    hashes: dict[str, int] = {}
    moved: dict[str, list[int]] = {name: [] for name in VARIANTS}
    for path in paths:
        image = Image.open(path).convert("RGB")
        hashes[path.name] = phash_image(image)
        for name, edit in VARIANTS.items():
            moved[name].append(distance(hashes[path.name], phash_image(edit(image))))
    for name, values in moved.items():
        print(f"{name:18s} median {statistics.median(values):4.1f} max {max(values):3d}")
    apart = sorted(distance(hashes[a], hashes[b]) for a, b in itertools.combinations(hashes, 2))
    print(
        f"different photos: {len(apart)} pairs, smallest {apart[:5]}, median {statistics.median(apart)}"
    )


if __name__ == "__main__":
    main()
