"""Face enrolment and face login decisions: frames in, a decision (or a coded refusal) out.

Pure logic over a ``FaceEngine``: no database, no HTTP. The HTTP layer decodes nothing itself; it
passes the uploaded bytes here and maps ``FaceRejected.code`` to its answer (codes that would tell
who exists, e.g. ``ambiguous_match``, can be shown to the user as ``not_recognized``).
"""

from __future__ import annotations

import io
import itertools
import logging
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

from PIL import Image, ImageOps, UnidentifiedImageError

from server.engines.faces.base import Candidate, DetectedFace, FaceEngine, FaceRejected, FaceSample
from server.engines.faces.liveness import LivenessReport, check_liveness

logger = logging.getLogger(__name__)

MAX_FRAME_BYTES = 20 * 1024 * 1024
MAX_FRAME_PIXELS = 40_000_000
ACCEPTED_FORMATS = frozenset({"JPEG", "PNG", "WEBP", "BMP", "MPO"})
#: Uses at most this many threads per request (dlib releases the GIL; boto3 waits on the network).
_FRAME_WORKERS = 2


@dataclass(frozen=True)
class QualityLimits:
    """What a frame must reach to be used for enrolment or login.

    80 px is the smallest face width dlib's HOG window sees without upsampling and where the
    fixture video (90–110 px faces) still matches; 15 is far below every fixture face (33–71)."""

    min_face_px: int = 80
    min_brightness: float = 15.0


@dataclass(frozen=True)
class Enrolment:
    """What to persist for face login: the engine name, one template per frame, one face JPEG."""

    engine: str
    templates: list[bytes]
    face_jpeg: bytes


@dataclass(frozen=True)
class Match:
    """A successful face login: who, how similar, how far ahead of the runner-up."""

    user_id: int | str
    similarity: float
    runner_up_similarity: float | None
    liveness: LivenessReport | None


def decode_frame(
    data: bytes, *, max_bytes: int = MAX_FRAME_BYTES, max_pixels: int = MAX_FRAME_PIXELS
) -> Image.Image:
    """Decode an uploaded image to RGB with EXIF orientation applied, refusing what is not a photo.

    Raises ``FaceRejected`` with ``image_too_large`` (over ``max_bytes`` or ``max_pixels``) or
    ``image_unreadable`` (not a decodable JPEG/PNG/WebP/BMP)."""
    if len(data) > max_bytes:
        raise FaceRejected(
            "image_too_large", f"the image is larger than {max_bytes // (1024 * 1024)} MB"
        )
    try:
        image = Image.open(io.BytesIO(data))
        if image.format not in ACCEPTED_FORMATS:
            raise FaceRejected("image_unreadable", f"unsupported image type {image.format}")
        if image.width * image.height > max_pixels:
            raise FaceRejected(
                "image_too_large", f"the image has more than {max_pixels // 1_000_000} megapixels"
            )
        image.load()
        oriented = ImageOps.exif_transpose(image)
        return oriented.convert("RGB")
    except FaceRejected:
        raise
    except Image.DecompressionBombError as error:
        raise FaceRejected("image_too_large", "the image has too many pixels") from error
    except (UnidentifiedImageError, OSError, ValueError) as error:
        raise FaceRejected("image_unreadable", "the image could not be read") from error


def check_face_quality(face: DetectedFace, limits: QualityLimits) -> None:
    """Raise ``face_too_small`` / ``face_too_dark`` when the face cannot be trusted for matching."""
    if face.width_px < limits.min_face_px:
        raise FaceRejected("face_too_small", "move closer to the camera: the face is too small")
    if face.brightness < limits.min_brightness:
        raise FaceRejected("face_too_dark", "the face is too dark: add light in front of you")


def sample_frames(
    engine: FaceEngine, frames: Sequence[bytes], limits: QualityLimits
) -> list[FaceSample]:
    """Decode every frame, find its single face and check its quality (frames run concurrently).

    The first failing frame in capture order decides the refusal."""

    def one(data: bytes) -> FaceSample:
        sample = engine.sample(decode_frame(data))
        check_face_quality(sample.face, limits)
        return sample

    with ThreadPoolExecutor(max_workers=min(_FRAME_WORKERS, len(frames)) or 1) as pool:
        futures = [pool.submit(one, data) for data in frames]
    return [future.result() for future in futures]


def check_enrolment_frames(
    engine: FaceEngine,
    frames: Sequence[bytes],
    *,
    min_frames: int = 3,
    max_frames: int = 5,
    limits: QualityLimits | None = None,
) -> Enrolment:
    """Validate enrolment frames (each exactly one usable face, all the same person).

    Raises ``FaceRejected``: ``too_few_frames``, ``too_many_frames``, any frame code, or
    ``not_same_person``. No liveness here: the current password already proves who is there."""
    _check_frame_count(frames, min_frames, max_frames)
    samples = sample_frames(engine, frames, limits or QualityLimits())
    for first, second in itertools.combinations(samples, 2):
        similarity = engine.score([second], [Candidate("frame", [first.template])])[0].similarity
        if similarity < engine.consistency_threshold:
            raise FaceRejected("not_same_person", "the frames do not all show the same person")
    best = max(samples, key=lambda s: s.face.width_px * max(s.face.sharpness, 1.0))
    return Enrolment(
        engine=engine.name, templates=[s.template for s in samples], face_jpeg=best.face_jpeg
    )


def verify_login(
    engine: FaceEngine,
    frames: Sequence[bytes],
    candidates: Sequence[Candidate],
    *,
    challenge: str | None,
    threshold: float | None = None,
    margin: float = 8.0,
    liveness_required: bool = True,
    min_frames: int = 2,
    max_frames: int = 5,
    limits: QualityLimits | None = None,
) -> Match:
    """Decide a face login: one candidate is 1:1 (login typed), several are 1:N identification.

    Order of checks: frame count; every frame one usable face; liveness (``challenge`` required
    when ``liveness_required``); the same person throughout (some frames like the best candidate
    at ``engine.consistency_threshold`` and others not → ``not_same_person``); best candidate
    similarity (median over frames) ≥ ``threshold`` (the engine's calibrated default when
    ``None``); with several candidates, best minus runner-up ≥ ``margin``.

    Raises ``FaceRejected`` with the code of the first failed check (``liveness_failed``,
    ``not_same_person``, ``not_recognized``, ``ambiguous_match``…), and ``ValueError`` when
    ``challenge`` is not in ``engine.supported_challenges`` while liveness is required."""
    _check_frame_count(frames, min_frames, max_frames)
    if liveness_required and (challenge is None or challenge not in engine.supported_challenges):
        raise ValueError(f"challenge {challenge!r} is not one {engine.name} can verify")
    samples = sample_frames(engine, frames, limits or QualityLimits())
    report = None
    if liveness_required and challenge is not None:
        report = check_liveness(samples, challenge)
        if not report.passed:
            logger.info("face login liveness failed: %s (yaws %s)", report.reason, report.yaws)
            raise FaceRejected(
                "liveness_failed", "follow the prompt on screen (turn your head or blink) and retry"
            )
    scores = engine.score(samples, candidates)
    if not scores:
        raise FaceRejected("not_recognized", "the face was not recognised")
    best = scores[0]
    # The median lets one weak frame through; a frame of somebody else must not be that frame.
    frames_alike = sum(s >= engine.consistency_threshold for s in best.per_frame)
    if 0 < frames_alike < len(best.per_frame):
        raise FaceRejected("not_same_person", "the frames do not all show the same person")
    required = engine.default_threshold if threshold is None else threshold
    if frames_alike == 0 or best.similarity < required:
        raise FaceRejected("not_recognized", "the face was not recognised")
    runner_up = scores[1].similarity if len(scores) > 1 else None
    if runner_up is not None and best.similarity - runner_up < margin:
        raise FaceRejected(
            "ambiguous_match", "the face matches more than one account: type your username"
        )
    return Match(best.user_id, best.similarity, runner_up, report)


def _check_frame_count(frames: Sequence[bytes], min_frames: int, max_frames: int) -> None:
    if len(frames) < min_frames:
        raise FaceRejected("too_few_frames", f"send at least {min_frames} frames")
    if len(frames) > max_frames:
        raise FaceRejected("too_many_frames", f"send at most {max_frames} frames")
