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

from server.engines.faces.base import (
    Candidate,
    CandidateScore,
    DetectedFace,
    FaceEngine,
    FaceRejected,
    FaceSample,
)
from server.engines.faces.presentation import (
    PresentationReport,
    check_offsets,
    check_presentation,
)
from server.engines.shapes import BoundingBox

logger = logging.getLogger(__name__)

MAX_FRAME_BYTES = 20 * 1024 * 1024
MAX_FRAME_PIXELS = 40_000_000
#: Login frames are webcam frames: anything larger is refused from its header.
LOGIN_MAX_WIDTH = 1920
LOGIN_MAX_HEIGHT = 1080
#: Login frames are decoded down to about this long side (the detector works at ≤ 800 px).
LOGIN_WORK_SIDE = 800
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


#: Login frames come from a webcam filming the person: a 320×240 camera at arm's length shows a
#: 50–60 px face (HOG box), which the region search still finds and the embedding still matches.
LOGIN_QUALITY = QualityLimits(min_face_px=48)


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
    presentation: PresentationReport


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


def decode_login_frame(
    data: bytes, *, max_width: int = LOGIN_MAX_WIDTH, max_height: int = LOGIN_MAX_HEIGHT
) -> Image.Image:
    """Decode a login camera frame (JPEG or PNG) at working size, refusing anything larger than
    a webcam frame from its header alone: no full decode of an oversized picture ever happens.

    JPEGs are decoded through ``draft`` (the DCT scales down while decoding) to at most about
    ``LOGIN_WORK_SIDE`` on the long side; PNGs are decoded and then ``reduce``-d."""
    try:
        image = Image.open(io.BytesIO(data))
        if image.format not in ("JPEG", "PNG", "MPO"):
            raise FaceRejected("image_unreadable", f"unsupported frame type {image.format}")
        long_side, short_side = max(image.size), min(image.size)
        if long_side > max(max_width, max_height) or short_side > min(max_width, max_height):
            raise FaceRejected(
                "image_too_large", f"frames may be at most {max_width}×{max_height} pixels"
            )
        if image.format in ("JPEG", "MPO"):
            factor = long_side / LOGIN_WORK_SIDE
            if factor >= 2:
                image.draft("RGB", (image.width // int(factor), image.height // int(factor)))
        image.load()
        decoded: Image.Image = image
        factor = int(max(decoded.size) / LOGIN_WORK_SIDE)
        if factor >= 2:
            decoded = decoded.reduce(factor)
        return ImageOps.exif_transpose(decoded).convert("RGB")
    except FaceRejected:
        raise
    except Image.DecompressionBombError as error:
        raise FaceRejected("image_too_large", "the image has too many pixels") from error
    except (UnidentifiedImageError, OSError, ValueError) as error:
        raise FaceRejected("image_unreadable", "the image could not be read") from error


def sample_login_frames(
    engine: FaceEngine, frames: Sequence[bytes], limits: QualityLimits, *, embed: bool = True
) -> list[FaceSample]:
    """Decode and sample login frames (concurrently, as many at once as the engine wants).

    ``embed=False`` (engines with ``embed_samples`` only): templates are left pending."""

    def one(data: bytes, near: BoundingBox | None) -> FaceSample:
        image = decode_login_frame(data)
        sample = engine.sample(image, near) if embed else engine.sample(image, near, embed=False)  # type: ignore[call-arg]
        check_face_quality(sample.face, limits)
        return sample

    if not frames:
        return []
    # The first frame is searched whole; the others near where its face was (same capture).
    first = one(frames[0], None)
    workers = min(getattr(engine, "frame_workers", _FRAME_WORKERS), len(frames)) or 1
    with ThreadPoolExecutor(max_workers=workers) as pool:
        futures = [pool.submit(one, data, first.face.box) for data in frames[1:]]
    return [first] + [future.result() for future in futures]


def key_frames(samples: Sequence[FaceSample], count: int) -> list[FaceSample]:
    """``count`` frames spread over the capture, the most frontal first (what a cloud engine
    compares when it cannot afford every frame)."""
    if count >= len(samples):
        return list(samples)
    frontal = min(samples, key=lambda s: abs(s.face.pose.yaw) if s.face.pose else 90.0)
    spread = [samples[round(i * (len(samples) - 1) / max(count - 2, 1))] for i in range(count - 1)]
    chosen = [frontal] + [s for s in spread if s is not frontal]
    return chosen[:count]


#: Frames a local login embeds (the network costs about four detections): the most turned to
#: each side (the frames that made the script's turns) and the most frontal ones, which carry the
#: score (its median). The continuity checks tie every other frame to these.
IDENTITY_FRAMES = 6


def identity_frames(samples: Sequence[FaceSample], count: int) -> list[FaceSample]:
    """Up to ``count`` frames: the most frontal first, the most turned to each side, then the
    next most frontal ones."""

    def yaw(index: int) -> float:
        pose = samples[index].face.pose
        return pose.yaw if pose is not None else 0.0

    by_frontality = sorted(range(len(samples)), key=lambda i: abs(yaw(i)))
    indices = range(len(samples))
    wanted = [by_frontality[0], max(indices, key=yaw), min(indices, key=yaw), *by_frontality[1:]]
    chosen: list[int] = []
    for index in wanted:
        if index not in chosen and len(chosen) < count:
            chosen.append(index)
    return [samples[i] for i in chosen]


def check_same_person(
    engine: FaceEngine, samples: Sequence[FaceSample], matched: CandidateScore
) -> None:
    """Every frame shows the matched person: like the account's templates (``matched``'s
    per-frame similarities) or like the login's most frontal frame (``samples[0]``, which is
    scored too), at the engine's ``consistency_threshold``; else ``not_same_person``.

    Either reference alone refuses genuine frames: a head turned 30° is 0.60–0.64 from the
    same capture's frontal frame on the fixture clip, and templates enrolled facing the camera
    are far from a turned head too; the closest impostor seen is 0.62 from both."""
    alike = engine.score(samples, [Candidate("reference", [samples[0].template])])
    if not alike:
        return
    for to_account, to_frontal in zip(matched.per_frame, alike[0].per_frame, strict=True):
        if max(to_account, to_frontal) < engine.consistency_threshold:
            raise FaceRejected("not_same_person", "the frames do not all show the same person")


def verify_login(
    engine: FaceEngine,
    frames: Sequence[bytes],
    candidates: Sequence[Candidate],
    *,
    steps: Sequence[str],
    offsets_ms: Sequence[int],
    threshold: float | None = None,
    margin: float = 8.0,
    min_frames: int = 8,
    max_frames: int = 24,
    limits: QualityLimits | None = None,
) -> tuple[Match, list[FaceSample]]:
    """Decide a face login that answers the script ``steps``: one candidate is 1:1, several 1:N.

    Order: frame count; every frame one usable face; the presentation checks
    (``server.engines.faces.presentation``: mirror, still, continuity, script, depth); best
    candidate similarity (median over the scored frames — a local engine's identity frames, a
    cloud engine's key frames — so at least half of them match) ≥ ``threshold`` (the calibrated
    default when ``None``); with several candidates, best minus runner-up ≥ ``margin``; (local)
    every identity frame the matched person (``check_same_person``).

    Returns the match and the samples (the caller fingerprints them for the replay store).
    Raises ``FaceRejected`` with the code of the first failed check."""
    _check_frame_count(frames, min_frames, max_frames)
    if len(offsets_ms) != len(frames):
        raise FaceRejected("not_continuous", "send one capture offset per frame")
    check_offsets(offsets_ms)
    embed_later = getattr(engine, "embed_samples", None)
    samples = sample_login_frames(
        engine, frames, limits or QualityLimits(), embed=embed_later is None
    )
    report = check_presentation(samples, steps, offsets_ms, engine.depth_gauge)
    scored_count = getattr(engine, "scored_frames", None)
    if scored_count is None:
        # The same person throughout (a cloud engine relies on the continuity checks instead of
        # N more comparisons). A local engine embeds only the identity frames: the continuity
        # checks tie the others to them.
        scored = identity_frames(samples, IDENTITY_FRAMES) if embed_later else list(samples)
        if embed_later is not None:
            embedded = embed_later(scored)
            by_id = {id(old): new for old, new in zip(scored, embedded, strict=True)}
            samples = [by_id.get(id(sample), sample) for sample in samples]
            scored = embedded
    else:
        scored = key_frames(samples, scored_count)
    scores = engine.score(scored, candidates)
    if not scores:
        raise FaceRejected("not_recognized", "the face was not recognised")
    best = scores[0]
    required = engine.default_threshold if threshold is None else threshold
    if best.similarity < required:
        raise FaceRejected("not_recognized", "the face was not recognised")
    if scored_count is None:
        check_same_person(engine, scored, best)
    runner_up = scores[1].similarity if len(scores) > 1 else None
    if runner_up is not None and best.similarity - runner_up < margin:
        raise FaceRejected(
            "ambiguous_match", "the face matches more than one account: type your username"
        )
    return Match(best.user_id, best.similarity, runner_up, report), samples


def _check_frame_count(frames: Sequence[bytes], min_frames: int, max_frames: int) -> None:
    if len(frames) < min_frames:
        raise FaceRejected("too_few_frames", f"send at least {min_frames} frames")
    if len(frames) > max_frames:
        raise FaceRejected("too_many_frames", f"send at most {max_frames} frames")
