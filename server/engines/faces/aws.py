"""Rekognition face engine: DetectFaces for faces, quality and tags; CompareFaces for matching.

Templates are JPEG face crops (what CompareFaces takes). 1:N identification runs CompareFaces
against each candidate's first stored face rather than a face collection: the database and the
object store stay the only places biometric data lives (turning face login off deletes it, no
collection to keep in sync), at the cost of one call per candidate and probe frame, hence the
``max_candidates`` cap. Move to IndexFaces/SearchFacesByImage if the user base outgrows it.

The default threshold is not calibrated here (no AWS access from the test machine): 95 sits
between CompareFaces' default of 80 and AWS's advice of 99 for high-stakes identity checks;
login additionally needs liveness and the median of several frames.
"""

from __future__ import annotations

import io
import logging
import statistics
from collections.abc import Sequence
from typing import Any

from botocore.exceptions import BotoCoreError, ClientError
from PIL import Image

from server.engines.faces.base import (
    Candidate,
    CandidateScore,
    DepthGauge,
    DetectedFace,
    FaceDescription,
    FaceRejected,
    FaceSample,
    FaceTags,
    HeadPose,
    Landmark,
)
from server.engines.shapes import BoundingBox, EngineUnavailable

logger = logging.getLogger(__name__)

ENGINE_NAME = "rekognition-v1"
_MAX_UPLOAD_SIDE = 1920
_REJECTIONS = {
    "InvalidImageFormatException": ("image_unreadable", "the image could not be read"),
    "ImageTooLargeException": ("image_too_large", "the image is too large"),
    "InvalidParameterException": ("no_face", "no face was found in the picture"),
}
_BOOLEAN_ATTRIBUTES = (
    "Smile",
    "Eyeglasses",
    "Sunglasses",
    "Beard",
    "Mustache",
    "EyesOpen",
    "MouthOpen",
)


def image_bytes(image: Image.Image) -> bytes:
    """JPEG bytes for a Rekognition ``Image`` (downscaled so it stays well under the 5 MB limit)."""
    rgb = image.convert("RGB")
    if max(rgb.size) > _MAX_UPLOAD_SIDE:
        rgb = rgb.copy()
        rgb.thumbnail((_MAX_UPLOAD_SIDE, _MAX_UPLOAD_SIDE))
    buffer = io.BytesIO()
    rgb.save(buffer, format="JPEG", quality=92)
    return buffer.getvalue()


class RekognitionFaceEngine:
    """Face engine over a boto3 Rekognition client (thread-safe, like the client)."""

    name = ENGINE_NAME
    default_threshold = 95.0
    consistency_threshold = 80.0
    supported_challenges = frozenset({"turn_left", "turn_right", "turn_either", "blink"})
    #: Rekognition's nose wings, with the bar first measured on dlib's 68-point wings (the same
    #: anatomical points); not yet calibrated against Rekognition's own landmarks.
    depth_gauge = DepthGauge(nose=("noseLeft", "noseRight"), parallax_per_degree=0.0035)

    def __init__(
        self, client: Any, *, similarity_floor: float = 50.0, max_candidates: int = 50
    ) -> None:
        self.client = client
        #: CompareFaces' SimilarityThreshold: matches below it come back unscored (similarity 0).
        self.similarity_floor = similarity_floor
        self.max_candidates = max_candidates

    def detect(self, image: Image.Image) -> list[DetectedFace]:
        """DetectFaces (ALL attributes) mapped to ``DetectedFace``, largest first."""
        return [face for face, _ in self._detect(image)]

    #: Login frames in flight at once (network-bound calls) and frames compared per login:
    #: every frame is DetectFaces-checked, CompareFaces runs on a few key frames.
    frame_workers = 8
    scored_frames = 3

    def sample(self, image: Image.Image, near: BoundingBox | None = None) -> FaceSample:
        """The single face of a frame; its template is a JPEG crop of the face (``near`` is not
        needed: DetectFaces always searches the whole frame)."""
        faces = self.detect(image)
        if not faces:
            raise FaceRejected("no_face", "no face was found in the picture")
        if len(faces) > 1:
            raise FaceRejected(
                "multiple_faces", f"{len(faces)} faces were found; only one person may be in view"
            )
        crop = _face_crop_jpeg(image, faces[0].box)
        return FaceSample(face=faces[0], template=crop, face_jpeg=crop, image=image)

    def score(
        self, probes: Sequence[FaceSample], candidates: Sequence[Candidate]
    ) -> list[CandidateScore]:
        """Median over probe frames of CompareFaces similarity to each candidate's first face."""
        if len(candidates) > self.max_candidates:
            raise EngineUnavailable(
                "faces_identify_limit",
                f"identification over more than {self.max_candidates} users needs a collection",
            )
        scores = []
        for candidate in candidates:
            if not candidate.templates:
                continue
            per_frame = [self.compare(probe.face_jpeg, candidate.templates[0]) for probe in probes]
            scores.append(
                CandidateScore(candidate.user_id, statistics.median(per_frame), tuple(per_frame))
            )
        return sorted(scores, key=lambda s: s.similarity, reverse=True)

    def compare(self, source_jpeg: bytes, target_jpeg: bytes) -> float:
        """CompareFaces similarity of the largest source face to the best target face (0: none)."""
        response = self._call(
            "compare_faces",
            SourceImage={"Bytes": source_jpeg},
            TargetImage={"Bytes": target_jpeg},
            SimilarityThreshold=self.similarity_floor,
        )
        matches = response.get("FaceMatches", [])
        return max((float(m["Similarity"]) for m in matches), default=0.0)

    def describe(self, image: Image.Image) -> FaceTags:
        """DetectFaces tags: age range, gender, emotions and boolean attributes per face."""
        descriptions = []
        for face, detail in self._detect(image):
            age = detail.get("AgeRange")
            gender = detail.get("Gender")
            emotions = sorted(
                ((e["Type"], float(e["Confidence"])) for e in detail.get("Emotions", [])),
                key=lambda e: -e[1],
            )
            attributes = {
                _snake(name): (bool(detail[name]["Value"]), float(detail[name]["Confidence"]))
                for name in _BOOLEAN_ATTRIBUTES
                if name in detail
            }
            descriptions.append(
                FaceDescription(
                    face=face,
                    age_range=(int(age["Low"]), int(age["High"])) if age else None,
                    gender=gender["Value"] if gender else None,
                    emotions=tuple(emotions),
                    attributes=attributes,
                )
            )
        return FaceTags(self.name, tuple(descriptions))

    def _detect(self, image: Image.Image) -> list[tuple[DetectedFace, dict[str, Any]]]:
        response = self._call(
            "detect_faces", Image={"Bytes": image_bytes(image)}, Attributes=["ALL"]
        )
        width, height = image.size
        pairs = [(face_from_detail(d, width, height), d) for d in response.get("FaceDetails", [])]
        return sorted(pairs, key=lambda pair: pair[0].width_px, reverse=True)

    def _call(self, operation: str, **params: Any) -> dict[str, Any]:
        try:
            response: dict[str, Any] = getattr(self.client, operation)(**params)
        except ClientError as error:
            code = error.response.get("Error", {}).get("Code", "")
            if code in _REJECTIONS:
                raise FaceRejected(*_REJECTIONS[code]) from error
            logger.warning("rekognition %s failed: %s", operation, code)
            raise EngineUnavailable(
                "faces_cloud_unavailable", f"Rekognition {operation} failed ({code})"
            ) from error
        except BotoCoreError as error:
            logger.warning("rekognition %s unreachable: %s", operation, error)
            raise EngineUnavailable(
                "faces_cloud_unavailable", f"Rekognition {operation} unreachable"
            ) from error
        return response


def face_from_detail(detail: dict[str, Any], image_width: int, image_height: int) -> DetectedFace:
    """One Rekognition ``FaceDetail`` as a ``DetectedFace`` (pixel width from the image size)."""
    raw = detail["BoundingBox"]
    box = BoundingBox(
        float(raw["Left"]), float(raw["Top"]), float(raw["Width"]), float(raw["Height"])
    )
    quality = detail.get("Quality", {})
    pose = detail.get("Pose")
    smile = detail.get("Smile")
    eyes = detail.get("EyesOpen")
    return DetectedFace(
        box=box,
        confidence=float(detail.get("Confidence", 0.0)),
        width_px=round(box.width * image_width),
        height_px=round(box.height * image_height),
        brightness=float(quality.get("Brightness", 0.0)),
        sharpness=float(quality.get("Sharpness", 0.0)),
        smiling=bool(smile["Value"]) if smile else None,
        eyes_open=bool(eyes["Value"]) if eyes else None,
        pose=HeadPose(yaw=float(pose["Yaw"]), roll=float(pose["Roll"]), pitch=float(pose["Pitch"]))
        if pose
        else None,
        landmarks=tuple(
            Landmark(p["Type"], float(p["X"]), float(p["Y"])) for p in detail.get("Landmarks", [])
        ),
    )


def _face_crop_jpeg(image: Image.Image, box: BoundingBox, margin: float = 0.4) -> bytes:
    width, height = image.size
    left = max(0, int((box.left - box.width * margin) * width))
    top = max(0, int((box.top - box.height * margin) * height))
    right = min(width, int((box.left + box.width * (1 + margin)) * width))
    bottom = min(height, int((box.top + box.height * (1 + margin)) * height))
    return image_bytes(image.crop((left, top, right, bottom)))


def _snake(name: str) -> str:
    return "".join(f"_{c.lower()}" if c.isupper() and i else c.lower() for i, c in enumerate(name))
