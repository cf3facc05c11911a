"""Presentation-attack checks for a face login that answers a server-issued head-movement script.

The client films the person while they follow ``steps`` (``center``, ``left``, ``right``) and
sends the frames in capture order with their capture offsets. Pure logic over what the engine
measured on each frame (pose, landmarks, the decoded frame); no database, no HTTP.

Every check raises ``FaceRejected`` with its own code, in this order (the most specific
diagnosis first, so each attack is named for what it is):

1. ``not_continuous`` — capture offsets not starting at 0, not monotonic, not at a camera's pace.
2. ``mirror_detected`` — a frame's face (or the whole frame) is a near mirror image of another's:
   mirroring a photo swaps the head's yaw, so it must never count as a turn.
3. ``liveness_failed`` — a still picture: identical frames, or every aligned face crop the same
   picture (noise, re-compression, shift and scale align back onto one photo).
4. ``not_continuous`` — the frames are not one capture: frame size changing, the face box
   jumping, the background changing, the yaw jumping faster than a head turns.
5. ``script_not_followed`` — the head pose, in capture order, does not go through the steps
   (each turn reaching ``TURN_MIN_DEGREES``). ``ScriptNotFollowed`` names the first step not
   seen, so the client can say "turn further to the left".
6. ``flat_face`` — the landmark geometry changed like a flat picture turned or warped: for a head
   turning in depth the nose leaves the plane of the eye and mouth corners (parallax); on a
   photo every point follows one homography. Which nose points, and how much parallax a real
   head shows, depend on the engine's landmarks (its ``DepthGauge``).

Yaw signs follow ``server.engines.faces.base``: positive = nose towards the image's right = the
person's own left in an unmirrored camera frame, so ``left`` asks for positive yaw.
"""

from __future__ import annotations

import hashlib
import itertools
import math
import statistics
from collections.abc import Sequence
from dataclasses import dataclass

import cv2
import numpy as np
from PIL import Image

from server.engines.faces.base import DepthGauge, DetectedFace, FaceRejected, FaceSample
from server.engines.faces.liveness import STILL_CORRELATION, aligned_face_crop

STEPS = ("center", "left", "right")

#: |yaw| at most this counts as facing the camera; a turn must reach TURN_MIN_DEGREES, and every
#: change of state needs a swing of TURN_SWING_DEGREES from the run it leaves (``pose_states``).
#: The fixture clip's only left turn peaks at 10–14° once sampled, noised and shrunk to 320×240
#: (its centre frames: −3…8°); the swing keeps a still photo whose yaw sits near the bars
#: (jittered stills spread ≤ 4.6°, miranda_1.png reads 7–12°) from making centre → turn → centre.
CENTER_MAX_DEGREES = 8.0
TURN_MIN_DEGREES = 10.0
TURN_SWING_DEGREES = 6.0
#: A head turns at most this fast (degrees per second) and this far between two frames.
MAX_YAW_SPEED = 400.0
MAX_YAW_JUMP = 22.0
#: Capture offsets: at least ~8 fps with a dropped frame or two, at most 60 fps.
MIN_FRAME_GAP_MS = 15
MAX_FRAME_GAP_MS = 400
MIN_CAPTURE_MS = 600
#: Between consecutive frames the face box moves less than this share of its width and its size
#: changes by less than this ratio. Measured between consecutive frames (docs/face-login.md has the table): genuine recordings
#: (640×360 and 320×240, JPEG 60–90, noise, ±30 % brightness) shift ≤ 0.60 box widths and scale
#: ≤ 1.45× (two of HOG's 1.2× steps on a 55 px face); the attacks these bars refuse shift from
#: 0.44 and scale from 1.68×.
MAX_BOX_SHIFT = 0.75
MAX_BOX_SCALE = 1.55
#: Consecutive frames' backgrounds (face masked out, 48×27 grey) correlate at least this much:
#: genuine ≥ 0.30 (320×240, where the head mask leaves little flat background) and ≥ 0.57 at
#: 640×360; two people's photos in a row ≤ 0.11.
MIN_BACKGROUND_CORRELATION = 0.2
#: Aligned face crops of a real turning head never reach this against a mirrored crop of the
#: same head (≤ 0.75 on the fixture video); a mirrored photo does (≥ 0.97).
MIRROR_CORRELATION = 0.9
#: Whole frames (face masked out): a real room is not its own mirror image at this level.
MIRROR_FRAME_CORRELATION = 0.97
#: ... and the mirrored match must beat the direct one by this much.
MIRROR_MARGIN = 0.04
#: Frames turned less than this from the most frontal one carry too little parallax to measure.
PARALLAX_MIN_YAW = 10.0

_PLANE = ("leftEyeLeft", "leftEyeRight", "rightEyeLeft", "rightEyeRight", "mouthLeft", "mouthRight")
_THUMB = (48, 27)


@dataclass(frozen=True)
class PresentationReport:
    """What the checks measured (for logs, tests and the bench)."""

    yaws: tuple[float, ...]
    states: tuple[str, ...]
    min_crop_correlation: float
    max_mirror_correlation: float
    parallax_ratio: float | None


class ScriptNotFollowed(FaceRejected):
    """``script_not_followed`` with the first step that was not seen (index and name)."""

    def __init__(self, message: str, *, step_index: int, step: str) -> None:
        super().__init__("script_not_followed", message)
        self.step_index = step_index
        self.step = step


def check_presentation(
    samples: Sequence[FaceSample],
    steps: Sequence[str],
    offsets_ms: Sequence[int],
    gauge: DepthGauge,
) -> PresentationReport:
    """Run every check (see the module docstring); raises ``FaceRejected`` on the first failure."""
    if len(samples) != len(offsets_ms):
        raise FaceRejected("not_continuous", "send one capture offset per frame")
    check_offsets(offsets_ms)
    thumbs = [_masked_thumb(s) for s in samples]
    crops = np.stack([aligned_face_crop(s) for s in samples])
    max_mirror = check_no_mirror(crops, thumbs)
    min_correlation = check_not_still(samples, crops)
    check_continuity(samples, thumbs)
    yaws, states = check_script(samples, steps, offsets_ms)
    parallax = check_depth(samples, yaws, gauge)
    return PresentationReport(tuple(yaws), tuple(states), min_correlation, max_mirror, parallax)


def check_offsets(offsets_ms: Sequence[int]) -> None:
    """Offsets start at 0, grow by a plausible camera interval and cover at least a second."""
    if not offsets_ms or offsets_ms[0] != 0:
        raise FaceRejected("not_continuous", "capture offsets must start at 0")
    gaps = [later - earlier for earlier, later in itertools.pairwise(offsets_ms)]
    if any(gap < MIN_FRAME_GAP_MS or gap > MAX_FRAME_GAP_MS for gap in gaps):
        raise FaceRejected("not_continuous", "the frames are not one continuous capture")
    if offsets_ms[-1] < MIN_CAPTURE_MS:
        raise FaceRejected("not_continuous", "the capture is too short")


def check_continuity(samples: Sequence[FaceSample], thumbs: Sequence[np.ndarray]) -> None:
    """One camera, one capture: same frame size, a smoothly moving face box, a steady scene."""
    if len({s.image.size for s in samples}) != 1:
        raise FaceRejected("not_continuous", "the frames do not all have the same size")
    for previous, current, thumb_a, thumb_b in zip(
        samples, samples[1:], thumbs, thumbs[1:], strict=False
    ):
        a, b = previous.face.box, current.face.box
        shift = math.hypot(
            (a.left + a.width / 2) - (b.left + b.width / 2),
            (a.top + a.height / 2) - (b.top + b.height / 2),
        )
        scale = max(a.width, b.width) / max(min(a.width, b.width), 1e-6)
        if shift > MAX_BOX_SHIFT * max(a.width, b.width) or scale > MAX_BOX_SCALE:
            raise FaceRejected("not_continuous", "the face jumped between two frames")
        correlation = _masked_correlation(thumb_a, thumb_b)
        if correlation is not None and correlation < MIN_BACKGROUND_CORRELATION:
            raise FaceRejected("not_continuous", "the scene changed between two frames")


def check_not_still(samples: Sequence[FaceSample], crops: np.ndarray) -> float:
    """The existing still-replay check: no identical frames, not one picture throughout."""
    digests = {hashlib.sha256(s.image.tobytes()).hexdigest() for s in samples}
    if len(digests) < len(samples):
        raise FaceRejected("liveness_failed", "some frames are identical")
    correlations = _pairwise(crops, crops)
    upper = correlations[np.triu_indices(len(crops), k=1)]
    min_correlation = float(upper.min()) if upper.size else 1.0
    if min_correlation >= STILL_CORRELATION:
        raise FaceRejected("liveness_failed", "the frames show a still picture")
    return min_correlation


def check_no_mirror(crops: np.ndarray, thumbs: Sequence[np.ndarray]) -> float:
    """No face crop (aligned on the eyes) and no frame is a near mirror of another frame's."""
    # A frontal face in even light is close to its own mirror: only a mirrored match clearly
    # better than the direct one (the mirror swapped the pose) is a mirrored picture.
    mirrored = crops[:, :, ::-1]
    via_mirror = _pairwise(crops, mirrored)
    direct = _pairwise(crops, crops)
    suspicious = (via_mirror >= MIRROR_CORRELATION) & (via_mirror >= direct + MIRROR_MARGIN)
    face_mirror = float(via_mirror.max())
    if suspicious.any():
        raise FaceRejected("mirror_detected", "a frame is a mirror image of another")
    for index, thumb in enumerate(thumbs):
        flipped = thumb[:, ::-1]
        for other in thumbs[index:]:
            correlation = _masked_correlation(flipped, other)
            straight = _masked_correlation(thumb, other)
            if (
                correlation is not None
                and straight is not None
                and correlation >= MIRROR_FRAME_CORRELATION
                and correlation >= straight + MIRROR_MARGIN
            ):
                raise FaceRejected("mirror_detected", "a frame is a mirror image of another")
    return face_mirror


def pose_state(yaw: float) -> str | None:
    """``center``, ``left``, ``right``, or ``None`` between them."""
    if abs(yaw) <= CENTER_MAX_DEGREES:
        return "center"
    if yaw >= TURN_MIN_DEGREES:
        return "left"
    if yaw <= -TURN_MIN_DEGREES:
        return "right"
    return None


def pose_states(yaws: Sequence[float]) -> list[str]:
    """The pose states the yaws go through, consecutive repeats collapsed. A frame only moves to
    another state once the yaw has swung ``TURN_SWING_DEGREES`` from the extreme of the run it
    leaves (the lowest yaw of a centre run before a left turn, the peak of a turn before the
    return...): noise around a bar neither makes a turn nor an extra return."""
    states: list[str] = []
    run: list[float] = []  # yaws of the frames of the current state
    for yaw in yaws:
        state = pose_state(yaw)
        if state is None:
            continue
        if states and state != states[-1]:
            towards_left = state == "left" or (state == "center" and states[-1] == "right")
            swing = yaw - min(run) if towards_left else max(run) - yaw
            if swing < TURN_SWING_DEGREES:
                continue
        if states and state == states[-1]:
            run.append(yaw)
        else:
            states.append(state)
            run = [yaw]
    return states


def check_script(
    samples: Sequence[FaceSample], steps: Sequence[str], offsets_ms: Sequence[int]
) -> tuple[list[float], list[str]]:
    """The pose goes through exactly ``steps`` in order, without implausible jumps."""
    yaws = [_yaw(s.face) for s in samples]
    for index in range(1, len(yaws)):
        jump = abs(yaws[index] - yaws[index - 1])
        seconds = max((offsets_ms[index] - offsets_ms[index - 1]) / 1000.0, 1e-3)
        if jump > MAX_YAW_JUMP or jump / seconds > MAX_YAW_SPEED:
            raise FaceRejected("not_continuous", "the head jumped between two frames")
    states = pose_states(yaws)
    for index, step in enumerate(steps):
        if index >= len(states) or states[index] != step:
            raise ScriptNotFollowed(
                f"step {index + 1} ({step}) was not seen", step_index=index, step=step
            )
    if len(states) > len(steps):
        raise ScriptNotFollowed(
            "the head moved beyond the script", step_index=len(steps) - 1, step=steps[-1]
        )
    return yaws, states


def check_depth(
    samples: Sequence[FaceSample], yaws: Sequence[float], gauge: DepthGauge
) -> float | None:
    """Nose parallax against the eye/mouth plane must grow with the turn like a real head's.

    Reference: the most frontal frame. For each frame turned ≥ ``PARALLAX_MIN_YAW`` from it, the
    homography fitted on the six eye/mouth corners predicts where the gauge's nose points would
    be on a flat picture; the real nose is off by ``parallax`` eye-distances. The median over
    those frames of ``parallax / (gauge.parallax_per_degree · Δyaw)`` must reach 1. Returns that
    median (``None`` when the engine gave too few landmarks to measure)."""
    points = [_points(s.face, gauge.nose) for s in samples]
    if any(p is None for p in points):
        return None
    reference = min(range(len(yaws)), key=lambda i: abs(yaws[i]))
    ratios = []
    for index, yaw in enumerate(yaws):
        turn = abs(yaw - yaws[reference])
        if turn < PARALLAX_MIN_YAW:
            continue
        parallax = _parallax(points[reference], points[index])  # type: ignore[arg-type]
        ratios.append(parallax / (gauge.parallax_per_degree * turn))
    if not ratios:
        return None
    ratio = statistics.median(ratios)
    if ratio < 1.0:
        raise FaceRejected("flat_face", "the face moved like a flat picture, not a head")
    return ratio


def _yaw(face: DetectedFace) -> float:
    if face.pose is None:
        raise FaceRejected("no_face", "the head pose could not be measured")
    return face.pose.yaw


def _points(face: DetectedFace, nose: Sequence[str]) -> np.ndarray | None:
    found = []
    for name in (*_PLANE, *nose):
        point = face.landmark(name)
        if point is None:
            return None
        found.append((point.x, point.y))
    return np.asarray(found, dtype=np.float64)


def _parallax(reference: np.ndarray, turned: np.ndarray) -> float:
    plane = len(_PLANE)
    homography, _ = cv2.findHomography(reference[:plane], turned[:plane], 0)
    if homography is None:
        return 0.0
    predicted = cv2.perspectiveTransform(reference[plane:][None], homography)[0]
    eye_distance = (
        float(np.linalg.norm(turned[0:2].mean(axis=0) - turned[2:4].mean(axis=0))) or 1e-6
    )
    return float(np.linalg.norm(predicted - turned[plane:], axis=1).mean()) / eye_distance


def _masked_thumb(sample: FaceSample) -> np.ndarray:
    """A 48×27 grey thumbnail of the frame with the head region set to NaN."""
    thumb = np.asarray(
        sample.image.convert("L").resize(_THUMB, Image.Resampling.BOX), dtype=np.float64
    ).copy()
    box = sample.face.box
    width, height = _THUMB
    # The head and shoulders move; the rest of the scene should not.
    left = int(max(0.0, box.left - box.width) * width)
    right = math.ceil(min(1.0, box.left + 2 * box.width) * width)
    top = int(max(0.0, box.top - box.height * 0.8) * height)
    thumb[top:, left:right] = np.nan
    return thumb


def _masked_correlation(first: np.ndarray, second: np.ndarray) -> float | None:
    both = ~(np.isnan(first) | np.isnan(second))
    if both.sum() < 0.15 * first.size:
        return None
    a = first[both] - first[both].mean()
    b = second[both] - second[both].mean()
    denominator = math.sqrt(float((a * a).sum()) * float((b * b).sum()))
    if denominator < 1e-6:
        return None  # a flat, empty background says nothing
    return float((a * b).sum()) / denominator


def _pairwise(first: np.ndarray, second: np.ndarray) -> np.ndarray:
    """Normalised correlation of every crop in ``first`` with every crop in ``second``."""

    def normalise(crops: np.ndarray) -> np.ndarray:
        flat = crops.reshape(len(crops), -1)
        flat = flat - flat.mean(axis=1, keepdims=True)
        norms = np.linalg.norm(flat, axis=1, keepdims=True)
        return np.asarray(flat / np.maximum(norms, 1e-9))

    return normalise(first) @ normalise(second).T


FINGERPRINT_BYTES = 16


def face_fingerprint(sample: FaceSample) -> bytes:
    """16 bytes: a 64-bit DCT hash of the eye-aligned face crop and one of the whole frame.

    Robust to re-compression, noise and brightness (what a replay adds), not an image."""
    face_hash = _dct_hash(aligned_face_crop(sample))
    frame = np.asarray(
        sample.image.convert("L").resize((32, 32), Image.Resampling.BOX), dtype=np.float64
    )
    return face_hash + _dct_hash(frame)


def _dct_hash(gray: np.ndarray) -> bytes:
    resized = cv2.resize(gray.astype(np.float32), (32, 32), interpolation=cv2.INTER_AREA)
    low = cv2.dct(resized)[:8, :8].flatten()[1:]
    bits = low > np.median(low)
    bits = np.concatenate([bits, [False]])
    return bytes(np.packbits(bits))


def fingerprint_distance(first: bytes, second: bytes) -> tuple[int, int]:
    """Differing bits of the face hash and of the frame hash."""
    a = np.unpackbits(np.frombuffer(first, dtype=np.uint8))
    b = np.unpackbits(np.frombuffer(second, dtype=np.uint8))
    return int((a[:64] != b[:64]).sum()), int((a[64:] != b[64:]).sum())


#: A frame is a replay of a stored one when both hashes are this close (re-encoding, noise and
#: ±30 % brightness move them by a few bits; another moment of a live capture moves them more).
REPLAY_FACE_BITS = 6
REPLAY_FRAME_BITS = 8


def is_replay(fingerprints: Sequence[bytes], stored_logins: Sequence[Sequence[bytes]]) -> bool:
    """Whether at least a third of the frames (and 3) repeat frames of one earlier login."""
    needed = max(3, len(fingerprints) // 3)
    for stored in stored_logins:
        repeated = 0
        for fingerprint in fingerprints:
            for old in stored:
                face_bits, frame_bits = fingerprint_distance(fingerprint, old)
                if face_bits <= REPLAY_FACE_BITS and frame_bits <= REPLAY_FRAME_BITS:
                    repeated += 1
                    break
        if repeated >= needed:
            return True
    return False
