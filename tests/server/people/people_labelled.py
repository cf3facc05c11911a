"""The labelled face set: the fixture photos with who is where, plus augmented copies.

Single-person photos are labelled by file name (``<person>_<n>``); group photos by where each
face sits (the left edge of its box, as a ratio of the width), looked up by eye. A face in a
group photo that is none of the six people is labelled ``None`` (a stranger).
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageEnhance, ImageOps

#: group photo -> [(box left ratio, person or None)], nearest left edge wins.
GROUP_LABELS: dict[str, list[tuple[float, str | None]]] = {
    "group_obama_biden.jpg": [(0.37, "biden"), (0.57, "obama"), (0.80, None)],
    "group_two_people.jpg": [(0.22, "obama"), (0.69, "biden")],
    "group_harington_leslie.jpg": [(0.16, "leslie"), (0.49, "harington")],
}


def person_at(file_name: str, box_left: float, *, flipped: bool = False) -> str | None:
    """Who the face at ``box_left`` is in a fixture photo (mirrored if ``flipped``)."""
    if file_name in GROUP_LABELS:
        spots = GROUP_LABELS[file_name]
        if flipped:
            # the left edge of a mirrored box is 1 - (left + width); widths are ~0.1 here
            box_left = 1.0 - box_left - 0.1
        return min(spots, key=lambda spot: abs(spot[0] - box_left))[1]
    return file_name.split("_")[0]


def people_in(file_name: str) -> set[str]:
    if file_name in GROUP_LABELS:
        return {p for _, p in GROUP_LABELS[file_name] if p is not None}
    return {file_name.split("_")[0]}


def _jpeg(image: Image.Image, quality: int) -> Image.Image:
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=quality)
    return Image.open(io.BytesIO(buffer.getvalue())).convert("RGB")


def _centre_crop(image: Image.Image, keep: float) -> Image.Image:
    width, height = image.size
    dx, dy = int(width * (1 - keep) / 2), int(height * (1 - keep) / 2)
    return image.crop((dx, dy, width - dx, height - dy))


#: name -> (transform, mirrors the image). Crops keep the middle 90 %: fixture faces sit inside.
AUGMENTATIONS: dict[str, tuple[Callable[[Image.Image], Image.Image], bool]] = {
    "flip": (ImageOps.mirror, True),
    "crop90": (lambda im: _centre_crop(im, 0.9), False),
    "jpeg25": (lambda im: _jpeg(im, 25), False),
    "dark": (lambda im: ImageEnhance.Brightness(im).enhance(0.6), False),
    "bright": (lambda im: ImageEnhance.Brightness(im).enhance(1.4), False),
    "half": (lambda im: im.resize((im.width // 2, im.height // 2)), False),
}


@dataclass(frozen=True)
class LabelledPhoto:
    name: str  # e.g. "obama_1.jpg" or "obama_1.jpg+flip"
    source: str
    image: Image.Image
    people: frozenset[str]
    flipped: bool

    def person_at(self, box_left: float) -> str | None:
        if self.source in GROUP_LABELS and self.name.endswith("+crop90"):
            box_left = 0.05 + box_left * 0.9  # back to the uncropped photo's coordinates
        return person_at(self.source, box_left, flipped=self.flipped)


def labelled_photos(faces_dir: Path, *, augment: bool = True) -> Iterator[LabelledPhoto]:
    """Every fixture photo (upright RGB, at most 1440 px like the stored preview) and, with
    ``augment``, each of its ``AUGMENTATIONS``."""
    for path in sorted(faces_dir.iterdir()):
        if path.suffix.lower() not in {".jpg", ".jpeg", ".png"}:
            continue
        with Image.open(path) as opened:
            image = ImageOps.exif_transpose(opened).convert("RGB")
        image.thumbnail((1440, 1440))
        people = frozenset(people_in(path.name))
        yield LabelledPhoto(path.name, path.name, image, people, False)
        if augment:
            for name, (transform, mirrors) in AUGMENTATIONS.items():
                yield LabelledPhoto(
                    f"{path.name}+{name}", path.name, transform(image), people, mirrors
                )
