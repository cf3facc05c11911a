"""Face-login frame sequences built from the fixtures: genuine captures that follow a script
(cut from the head-turn video) and the presentation attacks A1–A7 (built from still photos).

Shared by the server tests, the desktop fake camera and ``tests/bench/bench_faces.py``. Nothing
here talks to the server: every sequence is plain JPEG bytes plus capture offsets, as a client
(or an attacker) would send them.

Pose along the clip (yaw from the local engine, positive = the person's own left):
centre 142–156 and 163–184, left 157–159 (13–16°, the clip's only mild left turn), right
122–136 (−19…−35°) and 196–210 (−16…−29°); no face at 116–119.
"""

from __future__ import annotations

import io
import itertools
import random
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import cv2
import numpy as np
from PIL import Image, ImageEnhance, ImageOps

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
VIDEO = FIXTURES / "video" / "hamilton_clip.mp4"
FACES = FIXTURES / "faces"
FRAME_MS = 1000 / 30

#: Moves between pose states as stretches of the clip (played forwards or backwards), keyed by
#: (from, to, first frame). Centre frames 150 and 170 are where stretches meet, so a sequence
#: chained from them is one continuous recording.
_MOVES: dict[tuple[str, str, int], list[int]] = {
    ("center", "left", 150): list(range(150, 160)),
    ("center", "left", 170): list(range(170, 158, -1)),
    ("left", "center", 170): list(range(159, 171)),
    ("left", "center", 150): list(range(159, 149, -1)),
    ("center", "right", 150): list(range(150, 127, -1)),
    ("center", "right", 170): list(range(170, 203)),
    ("right", "center", 128): list(range(128, 151)),
    ("right", "center", 202): list(range(202, 169, -1)),
}


def read_clip(first: int = 84, last: int = 210) -> dict[int, Image.Image]:
    """Frames ``first``–``last`` of the fixture video (RGB)."""
    capture = cv2.VideoCapture(str(VIDEO))
    frames: dict[int, Image.Image] = {}
    index = 0
    try:
        while index <= last:
            ok, bgr = capture.read()
            if not ok:
                break
            if index >= first:
                frames[index] = Image.fromarray(cv2.cvtColor(bgr, cv2.COLOR_BGR2RGB))
            index += 1
    finally:
        capture.release()
    return frames


def to_jpeg(image: Image.Image, quality: int = 90) -> bytes:
    buffer = io.BytesIO()
    image.convert("RGB").save(buffer, format="JPEG", quality=quality)
    return buffer.getvalue()


def mirror(image: Image.Image) -> Image.Image:
    return ImageOps.mirror(image)


@dataclass(frozen=True)
class Sequence_:
    """Frames as uploaded (JPEG bytes) with their capture offsets."""

    frames: list[bytes]
    offsets_ms: list[int]


def _swap(step: str) -> str:
    return {"left": "right", "right": "left"}.get(step, step)


def script_path(steps: Sequence[str], *, flipped: bool = False, variant: int = 0) -> list[int]:
    """Clip frame numbers of a recording that follows ``steps`` (``flipped``: the clip is
    mirrored as a whole, which swaps left and right). ``variant`` chooses where in the clip the
    recording starts (centre frame 150 or 170), hence which stretches it uses."""
    wanted = [_swap(s) if flipped else s for s in steps]
    path = [150 if variant % 2 == 0 else 170]
    for previous, step in itertools.pairwise(wanted):
        if step == "center":
            # back to the centre frame this turn's stretch can return to
            ends = [k for k in _MOVES if k[0] == previous and k[1] == "center"]
            segment = next(
                (
                    _MOVES[k]
                    for k in ends
                    if _MOVES[k][0] == path[-1] or abs(_MOVES[k][0] - path[-1]) <= 1
                ),
                None,
            )
            if segment is None:
                segment = _MOVES[(previous, "center", 170 if variant % 2 == 0 else 150)]
        else:
            segment = _MOVES[(previous, step, path[-1])]
        path.extend(segment[1:] if segment[0] == path[-1] else segment)
    return path


def sample_path(path: list[int], *, every: int, must: Sequence[int] = ()) -> list[int]:
    """Every ``every``-th position of the path (as a camera at 30/every fps would), keeping the
    positions of frames in ``must`` (a brief peak a real camera at that rate still catches)."""
    chosen = set(range(0, len(path), every)) | {len(path) - 1}
    chosen |= {i for i, frame in enumerate(path) if frame in must}
    return sorted(chosen)


def genuine(
    clip: dict[int, Image.Image],
    steps: Sequence[str],
    *,
    flipped: bool = False,
    variant: int = 0,
    every: int = 2,
    quality: int = 85,
    noise: float = 1.5,
    brightness: float = 1.0,
    size: tuple[int, int] | None = None,
    seed: int = 0,
) -> Sequence_:
    """A live recording following ``steps``, as a webcam client would upload it (with a
    camera's sensor noise: where the path passes a frame twice, the two captures differ)."""
    rng = np.random.default_rng(seed)
    path = script_path(steps, flipped=flipped, variant=variant)
    positions = sample_path(path, every=every, must=(157, 158, 159))
    while len(positions) > 24:
        every += 1
        positions = sample_path(path, every=every, must=(158, 159))
    frames = []
    for position in positions:
        image = clip[path[position]]
        if flipped:
            image = mirror(image)
        frames.append(
            to_jpeg(degrade(image, noise=noise, brightness=brightness, size=size, rng=rng), quality)
        )
    offsets = [round((p - positions[0]) * FRAME_MS) for p in positions]
    return Sequence_(frames, offsets)


def degrade(
    image: Image.Image,
    *,
    noise: float = 0.0,
    brightness: float = 1.0,
    size: tuple[int, int] | None = None,
    rng: np.random.Generator | None = None,
) -> Image.Image:
    """Sensor noise (σ in grey levels), a brightness factor, and a smaller camera (4:3 crop)."""
    out = image
    if size is not None:
        target_ratio = size[0] / size[1]
        crop_width = round(out.height * target_ratio)
        left = (out.width - crop_width) // 2
        out = out.crop((left, 0, left + crop_width, out.height)).resize(
            size, Image.Resampling.BILINEAR
        )
    if brightness != 1.0:
        out = ImageEnhance.Brightness(out).enhance(brightness)
    if noise:
        generator = rng or np.random.default_rng(0)
        pixels = np.asarray(out, dtype=np.float64)
        pixels = pixels + generator.normal(0.0, noise, pixels.shape)
        out = Image.fromarray(np.clip(pixels, 0, 255).astype(np.uint8))
    return out


def timed(frames: list[bytes], gap_ms: int = 100) -> Sequence_:
    """Frames with the offsets of a steady camera (what an attacker sends)."""
    return Sequence_(frames, [i * gap_ms for i in range(len(frames))])


# -- attacks (A1–A7) ---------------------------------------------------------------------------
def jitter(image: Image.Image, rng: random.Random, *, strength: float = 1.0) -> Image.Image:
    """Noise, a small shift and scale, brightness: what makes replayed stills look fresh."""
    width, height = image.size
    scale = 1.0 + rng.uniform(-0.04, 0.04) * strength
    dx, dy = rng.uniform(-6, 6) * strength, rng.uniform(-6, 6) * strength
    moved = image.transform(
        image.size,
        Image.Transform.AFFINE,
        (1 / scale, 0, dx, 0, 1 / scale, dy),
        resample=Image.Resampling.BILINEAR,
    )
    return degrade(
        moved,
        noise=rng.uniform(1.0, 4.0) * strength,
        brightness=1.0 + rng.uniform(-0.1, 0.1) * strength,
        rng=np.random.default_rng(rng.randrange(1 << 30)),
    ).resize((width, height))


def still_replay(photo: Image.Image, count: int, seed: int) -> Sequence_:
    """A1: one photo, re-compressed, noisy, shifted and scaled frame by frame."""
    rng = random.Random(seed)
    frames = [to_jpeg(jitter(photo, rng), rng.randint(60, 92)) for _ in range(count)]
    return timed(frames)


def mirror_face_only(photo: Image.Image, box: tuple[int, int, int, int]) -> Image.Image:
    """The photo with only the face region mirrored in place."""
    out = photo.copy()
    out.paste(ImageOps.mirror(photo.crop(box)), box[:2])
    return out


def photo_and_mirror(
    photo: Image.Image, order: str, seed: int, *, face_box: tuple[int, int, int, int] | None = None
) -> Sequence_:
    """A2: a photo and its mirror (whole frame, or the face only when ``face_box``) in the order
    given by ``order`` ("p" photo, "m" mirror), each frame jittered."""
    rng = random.Random(seed)
    flipped = mirror_face_only(photo, face_box) if face_box else mirror(photo)
    frames = [
        to_jpeg(jitter(photo if c == "p" else flipped, rng, strength=0.5), rng.randint(70, 92))
        for c in order
    ]
    return timed(frames)


def photo_series(photos: Sequence[Image.Image], repeats: int, seed: int) -> Sequence_:
    """A3 / A6: several photos shown one after another, each for ``repeats`` jittered frames,
    all brought to one frame size."""
    rng = random.Random(seed)
    size = photos[0].size
    frames = []
    for photo in photos:
        fitted = ImageOps.pad(photo, size, color=(20, 20, 20))
        frames.extend(
            to_jpeg(jitter(fitted, rng, strength=0.5), rng.randint(75, 92)) for _ in range(repeats)
        )
    return timed(frames)


def perspective_turn(photo: Image.Image, angles: Sequence[float], seed: int) -> Sequence_:
    """A4: one photo, perspective-warped (and sheared) frame by frame to imitate a head turn:
    positive angles imitate a turn to the person's own left (nose towards the image's right)."""
    rng = random.Random(seed)
    pixels = np.asarray(photo.convert("RGB"))
    height, width = pixels.shape[:2]
    frames = []
    for angle in angles:
        t = abs(np.tan(np.radians(angle))) * 0.5
        squeeze, drop = width * t * 0.3, height * t * 0.25
        source = np.float32([[0, 0], [width, 0], [width, height], [0, height]])
        if angle >= 0:  # the image's right side recedes
            target = np.float32(
                [[0, 0], [width - squeeze, drop], [width - squeeze, height - drop], [0, height]]
            )
        else:
            target = np.float32(
                [[squeeze, drop], [width, 0], [width, height], [squeeze, height - drop]]
            )
        matrix = cv2.getPerspectiveTransform(source, target)
        warped = cv2.warpPerspective(
            pixels, matrix, (width, height), borderMode=cv2.BORDER_REPLICATE
        )
        shear = np.float32([[1, -angle / 100.0, angle / 100.0 * height / 2], [0, 1, 0]])
        warped = cv2.warpAffine(warped, shear, (width, height), borderMode=cv2.BORDER_REPLICATE)
        frames.append(to_jpeg(jitter(Image.fromarray(warped), rng, strength=0.3), 88))
    return timed(frames)


def reencode(sequence: Sequence_, seed: int) -> Sequence_:
    """A5: a captured sequence re-encoded (JPEG 60–90, noise, brightness) for a replay."""
    rng = random.Random(seed)
    frames = []
    for data in sequence.frames:
        image = Image.open(io.BytesIO(data)).convert("RGB")
        image = degrade(
            image,
            noise=rng.uniform(1, 4),
            brightness=rng.uniform(0.8, 1.2),
            rng=np.random.default_rng(rng.randrange(1 << 30)),
        )
        frames.append(to_jpeg(image, rng.randint(60, 90)))
    return Sequence_(frames, list(sequence.offsets_ms))


def load_photo(name: str, max_side: int = 640) -> Image.Image:
    photo = Image.open(FACES / name).convert("RGB")
    photo.thumbnail((max_side, max_side))
    return photo
