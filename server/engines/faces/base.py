"""Shapes and the protocol every face engine implements (local dlib, AWS Rekognition).

Everything is modelled on Rekognition's answers so the rest of the server has one path:
boxes and landmarks are ratios of the image size, confidences and similarities are 0–100.

Conventions
-----------
* ``HeadPose.yaw`` is positive when the face points towards the *image's* right side (the nose
  moves right in the picture). In an unmirrored camera frame that is the person turning to their
  own left. ``roll`` is positive when the eye line rotates clockwise in the image.
* Landmark names follow Rekognition (``eyeLeft``, ``leftEyeLeft``, ``nose``…) where "left" is the
  image's left.
* A *template* is what the server persists per enrolled frame: opaque bytes that only the engine
  that made them understands (``FaceEngine.name`` is stored beside them). The local engine stores a
  128-d float32 embedding (512 bytes); Rekognition stores the JPEG of the face.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from typing import Any, Protocol, runtime_checkable

from PIL import Image

from server.engines.shapes import BoundingBox

#: Codes a ``FaceRejected`` can carry; the HTTP layer turns them into user-facing advice.
REJECTION_CODES = frozenset(
    {
        "image_unreadable",
        "image_too_large",
        "no_face",
        "multiple_faces",
        "face_too_small",
        "face_too_dark",
        "not_same_person",
        "too_few_frames",
        "too_many_frames",
        "liveness_failed",
        "not_recognized",
        "ambiguous_match",
        "wrong_engine",
        "not_continuous",
        "mirror_detected",
        "script_not_followed",
        "flat_face",
        "replay_detected",
    }
)


class FaceRejected(Exception):
    """The photo or frame sequence cannot be used; ``code`` says why (see ``REJECTION_CODES``)."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(f"{code}: {message}")
        self.code = code
        self.message = message


@dataclass(frozen=True)
class HeadPose:
    """Head orientation in degrees (see the module docstring for signs); pitch may be unknown."""

    yaw: float
    roll: float
    pitch: float | None = None


@dataclass(frozen=True)
class Landmark:
    """A facial point, ``x``/``y`` as ratios of the image width/height (Rekognition style)."""

    type: str
    x: float
    y: float


@dataclass(frozen=True)
class DetectedFace:
    """One face as a detector sees it.

    ``brightness`` and ``sharpness`` are 0–100 like Rekognition's ``Quality``; ``smiling`` and
    ``eyes_open`` are ``None`` when the engine cannot tell honestly.
    """

    box: BoundingBox
    confidence: float
    width_px: int
    height_px: int
    brightness: float
    sharpness: float
    smiling: bool | None = None
    eyes_open: bool | None = None
    pose: HeadPose | None = None
    landmarks: tuple[Landmark, ...] = ()

    def landmark(self, kind: str) -> Landmark | None:
        """The landmark of that Rekognition type, if the engine produced it."""
        return next((point for point in self.landmarks if point.type == kind), None)

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready form (boxes as ratios, like DetectFaces)."""
        return asdict(self)


@dataclass(frozen=True)
class FaceSample:
    """Exactly one face found in one frame, ready to be compared or persisted.

    ``template`` is the engine's bytes for this face; ``face_jpeg`` a JPEG crop around it (what
    the cloud engine compares, and what enrolment keeps for it); ``image`` the decoded frame
    (RGB), kept for liveness checks. An engine that defers the costly template (see
    ``LocalFaceEngine.embed_samples``) leaves ``template`` empty and keeps what it needs in
    ``pending``.
    """

    face: DetectedFace
    template: bytes
    face_jpeg: bytes
    image: Image.Image = field(repr=False)
    pending: Any = field(default=None, repr=False, compare=False)


@dataclass(frozen=True)
class Candidate:
    """An enrolled user as the login check sees them: their persisted templates."""

    user_id: int | str
    templates: Sequence[bytes]


@dataclass(frozen=True)
class CandidateScore:
    """How much the probe frames look like a candidate, 0–100 like CompareFaces' ``Similarity``:
    ``similarity`` is the median of ``per_frame`` (each frame's best template similarity)."""

    user_id: int | str
    similarity: float
    per_frame: tuple[float, ...] = ()


@dataclass(frozen=True)
class FaceDescription:
    """DetectFaces-style profile tags for one face; fields the engine cannot measure stay empty."""

    face: DetectedFace
    age_range: tuple[int, int] | None = None
    gender: str | None = None
    emotions: tuple[tuple[str, float], ...] = ()
    #: Boolean attributes with their confidence, e.g. ``{"eyeglasses": (False, 97.1)}``.
    attributes: dict[str, tuple[bool, float]] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready form for storing the tags of a profile photo."""
        data = asdict(self)
        data["attributes"] = {
            k: {"value": v, "confidence": c} for k, (v, c) in self.attributes.items()
        }
        data["emotions"] = [{"type": t, "confidence": c} for t, c in self.emotions]
        return data


@dataclass(frozen=True)
class FaceTags:
    """The tags of a whole photo: one description per face, largest face first."""

    engine: str
    faces: tuple[FaceDescription, ...]

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {
            "engine": self.engine,
            "face_count": len(self.faces),
            "faces": [f.as_dict() for f in self.faces],
        }


@dataclass(frozen=True)
class DepthGauge:
    """How the 3-D check of face login reads an engine's landmarks: the nose points whose
    parallax against the eye/mouth-corner plane it measures, and the parallax (in eye distances)
    per degree of yaw a real head reaches (calibrated per engine: the points differ)."""

    nose: tuple[str, ...]
    parallax_per_degree: float


@runtime_checkable
class FaceEngine(Protocol):
    """What the server needs from a face engine.

    ``name`` identifies the template format (persist it with the templates; never compare
    templates made by another engine). ``default_threshold`` is the calibrated similarity at or
    above which two faces are the same person; ``consistency_threshold`` the looser similarity
    used to check that several frames show one person; ``supported_challenges`` the liveness
    challenges this engine's measurements can verify; ``depth_gauge`` how its landmarks feed the
    3-D check.
    """

    name: str
    default_threshold: float
    consistency_threshold: float
    supported_challenges: frozenset[str]
    depth_gauge: DepthGauge

    def detect(self, image: Image.Image) -> list[DetectedFace]:
        """Every face in the image, largest first (no quality rules applied)."""
        ...

    def sample(self, image: Image.Image, near: BoundingBox | None = None) -> FaceSample:
        """The single face of a frame with its template; raises ``FaceRejected`` (``no_face``,
        ``multiple_faces``, ``image_unreadable``). ``near``: the face's box in an earlier frame
        of the same capture, which the engine may use to search less."""
        ...

    def score(
        self, probes: Sequence[FaceSample], candidates: Sequence[Candidate]
    ) -> list[CandidateScore]:
        """Similarity of the probe frames to each candidate, best first.

        Per candidate: for every probe frame the best similarity over its templates, then the
        median over the frames (one odd frame neither makes nor breaks a login)."""
        ...

    def describe(self, image: Image.Image) -> FaceTags:
        """DetectFaces-style tags for every face in a profile photo."""
        ...
