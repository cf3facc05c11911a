"""Active liveness: did the frames show a live head following the prompt?

The client shows a prompt (``turn_left``, ``turn_right``, ``turn_either``, ``blink``), films the
person and sends the frames in capture order. The server checks, from what the engine measured
on each frame:

1. **No replayed still.** Frames must not be pixel-identical, and the face crops, aligned on the
   eyes, must not all be the same picture: a photo sent several times with noise, JPEG
   re-compression, a small shift or a rescale aligns back onto itself (normalised correlation
   ≥ ``STILL_CORRELATION``), a moving head does not.
2. **The challenge.** Head turns use the yaw the engine reports (locally estimated from the nose
   position between the eye corners): the most frontal frame must face the camera
   (|yaw| ≤ ``FRONTAL_MAX_DEGREES``) and, in capture order, a later frame must be turned by at
   least ``TURN_MIN_DEGREES`` from an earlier one in the asked direction. A still photo has no
   yaw swing at all.
   ``blink`` needs an engine that can say "eyes closed" (Rekognition's ``EyesOpen``): open, then
   closed, then open again, in capture order.

Identity across frames is checked by the caller (``server.faces.verification``) with the
embeddings. What this cannot stop is documented in docs/face-login.md (a replayed *video* of the
person doing the movement, a good mask, or several photos of the person at different angles).
"""

from __future__ import annotations

import hashlib
import itertools
import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from PIL import Image, ImageFilter

from server.engines.faces.base import FaceSample

CHALLENGES = frozenset({"turn_left", "turn_right", "turn_either", "blink"})

FRONTAL_MAX_DEGREES = 15.0
TURN_MIN_DEGREES = 12.0
#: Aligned crops of one still photo correlate ≥ 0.99 even with noise/JPEG/shift/scale (measured);
#: frames of a moving head fall well below (≤ 0.93 on the fixture video).
STILL_CORRELATION = 0.97
_CROP_SIZE = 64


@dataclass(frozen=True)
class LivenessReport:
    """The verdict with the measurements behind it (for logs and tests)."""

    passed: bool
    reason: str
    yaws: tuple[float | None, ...]
    min_crop_correlation: float


def check_liveness(samples: Sequence[FaceSample], challenge: str) -> LivenessReport:
    """Verify ``challenge`` on frames in capture order; ``reason`` explains a failure."""
    if challenge not in CHALLENGES:
        raise ValueError(f"unknown liveness challenge {challenge!r}")
    yaws = tuple(s.face.pose.yaw if s.face.pose else None for s in samples)
    if len(samples) < 2:
        return LivenessReport(False, "too_few_frames", yaws, 1.0)
    digests = {hashlib.sha256(s.image.tobytes()).hexdigest() for s in samples}
    if len(digests) < len(samples):
        return LivenessReport(False, "duplicate_frames", yaws, 1.0)
    crops = [aligned_face_crop(s) for s in samples]
    min_correlation = min(_correlation(a, b) for a, b in itertools.combinations(crops, 2))
    if min_correlation >= STILL_CORRELATION:
        return LivenessReport(False, "still_image", yaws, min_correlation)
    if challenge == "blink":
        passed = _blinked([s.face.eyes_open for s in samples])
        return LivenessReport(passed, "ok" if passed else "no_blink", yaws, min_correlation)
    passed = _turned(yaws, challenge)
    return LivenessReport(passed, "ok" if passed else "no_head_turn", yaws, min_correlation)


def aligned_face_crop(sample: FaceSample) -> np.ndarray:
    """A 64×64 grey crop with the eyes at fixed positions (box crop when no eye landmarks)."""
    gray = sample.image.convert("L")
    width, height = gray.size
    face = sample.face
    left_eye, right_eye = face.landmark("eyeLeft"), face.landmark("eyeRight")
    if left_eye is not None and right_eye is not None:
        source = np.array(
            [[left_eye.x * width, left_eye.y * height], [right_eye.x * width, right_eye.y * height]]
        )
        target = np.array(
            [[0.3 * _CROP_SIZE, 0.35 * _CROP_SIZE], [0.7 * _CROP_SIZE, 0.35 * _CROP_SIZE]]
        )
        # Pillow wants the map from crop pixels back to image pixels.
        inverse = _similarity_transform(target, source)
        crop = gray.transform(
            (_CROP_SIZE, _CROP_SIZE),
            Image.Transform.AFFINE,
            tuple(inverse.flatten()),
            resample=Image.Resampling.BILINEAR,
        )
    else:
        box = face.box
        region = (
            int(box.left * width),
            int(box.top * height),
            int((box.left + box.width) * width),
            int((box.top + box.height) * height),
        )
        crop = gray.resize((_CROP_SIZE, _CROP_SIZE), Image.Resampling.BOX, box=region)
    # A light blur removes sensor/JPEG noise, which a replay can add freely.
    return np.asarray(crop.filter(ImageFilter.GaussianBlur(1.2)), dtype=np.float64)


def _similarity_transform(source: np.ndarray, target: np.ndarray) -> np.ndarray:
    """2×3 matrix (rotation, uniform scale, shift) taking two source points onto two targets."""
    src_vec, dst_vec = source[1] - source[0], target[1] - target[0]
    scale = math.hypot(*dst_vec) / max(math.hypot(*src_vec), 1e-6)
    angle = math.atan2(dst_vec[1], dst_vec[0]) - math.atan2(src_vec[1], src_vec[0])
    cos, sin = scale * math.cos(angle), scale * math.sin(angle)
    rotation = np.array([[cos, -sin], [sin, cos]])
    shift = target[0] - rotation @ source[0]
    return np.hstack([rotation, shift[:, None]])


def _correlation(first: np.ndarray, second: np.ndarray) -> float:
    a = first - first.mean()
    b = second - second.mean()
    denominator = math.sqrt(float((a * a).sum()) * float((b * b).sum()))
    return float((a * b).sum()) / denominator if denominator else 1.0


def _turned(yaws: Sequence[float | None], challenge: str) -> bool:
    known = [y for y in yaws if y is not None]
    if len(known) < 2 or min(abs(y) for y in known) > FRONTAL_MAX_DEGREES:
        return False
    # In capture order: how far the head went towards each side from any earlier frame.
    # Positive yaw = face towards the image's right = the person's own left (unmirrored frames).
    swing_left = max(later - earlier for earlier, later in itertools.combinations(known, 2))
    swing_right = max(earlier - later for earlier, later in itertools.combinations(known, 2))
    if challenge == "turn_left":
        return swing_left >= TURN_MIN_DEGREES
    if challenge == "turn_right":
        return swing_right >= TURN_MIN_DEGREES
    return max(swing_left, swing_right) >= TURN_MIN_DEGREES


def _blinked(eyes_open: Sequence[bool | None]) -> bool:
    states = [state for state in eyes_open if state is not None]
    for index, state in enumerate(states):
        if state is False and True in states[:index] and True in states[index + 1 :]:
            return True
    return False
