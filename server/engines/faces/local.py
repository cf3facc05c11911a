"""Local face engine: dlib HOG detector, 5-point aligner and ResNet 128-d embedding.

Models come from the ``face-recognition-models`` wheel (found through its import spec, never
imported) and are loaded on first use, once per process. dlib's HOG detector and ResNet keep
scratch state per call (concurrent calls on one instance return garbage), so a small pool of
detector + network pairs (one per core) lets frames run in parallel; dlib releases the GIL.

Calibration (docs/face-login.md): on every labelled pair built from the fixture photos and the
fixture video, a login-level distance (median over frames of the nearest template) of genuine
users stays ≤ 0.534 and impostors ≥ 0.675. ``DEFAULT_DISTANCE_THRESHOLD`` = 0.56 rejects none of
the genuine trials and sits 0.115 below the closest impostor. Distances map to a 0–100 similarity
with a logistic centred on dlib's published 0.6 boundary, scaled so 0.56 ↔ 80.
"""

from __future__ import annotations

import importlib.util
import io
import logging
import math
import os
import queue
import threading
from collections.abc import Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import cv2
import dlib
import numpy as np
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
from server.engines.faces.mesh import FaceMesh
from server.engines.shapes import BoundingBox, EngineUnavailable

logger = logging.getLogger(__name__)

ENGINE_NAME = "dlib-resnet-v1"
EMBEDDING_SIZE = 128

#: Login-level distance at or below which two faces are the same person (calibrated, see above).
DEFAULT_DISTANCE_THRESHOLD = 0.56
#: dlib's own decision boundary on LFW; the similarity curve is centred on it (similarity 50).
_SIMILARITY_CENTRE = 0.6
_SIMILARITY_SCALE = (_SIMILARITY_CENTRE - DEFAULT_DISTANCE_THRESHOLD) / math.log(4.0)  # 0.56 -> 80

#: A single face at least this wide (detection pixels) found without upsampling ends the search
#: (HOG without upsampling finds faces from ~80 px: a lone borderline face gets the full search).
_FAST_PATH_MIN_FACE_PX = 88

#: Face width the region search of a later frame scales to (HOG's sweet spot, cheap to search).
_ROI_FACE_PX = 130

#: Ratio nose-offset / eye-distance at which the head is turned 45°: the nose base sits about half
#: an eye distance in front of the eye corners. An approximation, good to a few degrees.
_NOSE_DEPTH_RATIO = 0.5


#: The 3-D check on the face mesh's nose tip, in eye distances per degree of turn. Measured
#: (docs/face-login.md): 77 recordings of the fixture clip (4 scripts × 5 degradations × mirrored
#: or not × 2 paths) ≥ 0.0085; 58 perspective-warped and sheared photos (12 portraits × 5 turn
#: scripts) ≤ 0.0076. dlib's 68-point nose wings, used before, left no gap (0.0025 vs 0.0022).
MESH_DEPTH_GAUGE = DepthGauge(nose=("noseTip",), parallax_per_degree=0.008)


def distance_to_similarity(distance: float) -> float:
    """Map a dlib embedding distance to a CompareFaces-like similarity (0–100, higher = closer)."""
    exponent = (distance - _SIMILARITY_CENTRE) / _SIMILARITY_SCALE
    if exponent > 700:
        return 0.0
    return 100.0 / (1.0 + math.exp(exponent))


def _similarities(distances: np.ndarray) -> np.ndarray:
    """``distance_to_similarity`` over an array."""
    exponent = np.clip((distances - _SIMILARITY_CENTRE) / _SIMILARITY_SCALE, -700.0, 700.0)
    return np.asarray(100.0 / (1.0 + np.exp(exponent)))


def similarity_to_distance(similarity: float) -> float:
    """Inverse of ``distance_to_similarity`` (for reporting thresholds as distances)."""
    clipped = min(max(similarity, 1e-9), 100.0 - 1e-9)
    return _SIMILARITY_CENTRE + _SIMILARITY_SCALE * math.log(100.0 / clipped - 1.0)


DEFAULT_THRESHOLD = distance_to_similarity(DEFAULT_DISTANCE_THRESHOLD)  # 80.0


def models_dir() -> Path:
    """The ``models/`` folder of the installed ``face-recognition-models`` distribution."""
    spec = importlib.util.find_spec("face_recognition_models")
    if spec is None or not spec.submodule_search_locations:
        raise EngineUnavailable("faces_models_missing", "face-recognition-models is not installed")
    return Path(next(iter(spec.submodule_search_locations))) / "models"


@dataclass
class _Worker:
    """One detector, network and eye cascade: never used by two threads at once."""

    detector: Any
    network: Any
    eye_cascade: cv2.CascadeClassifier


@dataclass
class _Models:
    landmarks: Any
    #: Mouth corners and nose points: what the 3-D check of face login measures.
    mesh: FaceMesh
    workers: queue.Queue[_Worker]


_models: _Models | None = None
_models_lock = threading.Lock()


def _load_models(worker_count: int) -> _Models:
    global _models
    with _models_lock:
        if _models is None:
            folder = models_dir()
            landmark_file = folder / "shape_predictor_5_face_landmarks.dat"
            network_file = folder / "dlib_face_recognition_resnet_model_v1.dat"
            for required in (landmark_file, network_file):
                if not required.is_file():
                    raise EngineUnavailable(
                        "faces_models_missing", f"missing model file {required}"
                    )
            eye_file = Path(cv2.data.haarcascades) / "haarcascade_eye.xml"  # type: ignore[attr-defined]
            workers: queue.Queue[_Worker] = queue.Queue()
            for _ in range(worker_count):
                network = dlib.face_recognition_model_v1(str(network_file))
                eyes = cv2.CascadeClassifier(str(eye_file))
                workers.put(_Worker(dlib.get_frontal_face_detector(), network, eyes))
            _models = _Models(
                landmarks=dlib.shape_predictor(str(landmark_file)),
                mesh=FaceMesh(),
                workers=workers,
            )
            logger.info("local face models loaded from %s (%d workers)", folder, worker_count)
        return _models


@dataclass
class _Found:
    """A detection on the working (possibly downscaled) copy of the image."""

    face: DetectedFace
    shape: Any
    working: np.ndarray
    scale: float
    working_width: int


def _chip(working: np.ndarray, shape: Any) -> np.ndarray:
    return np.asarray(dlib.get_face_chip(working, shape, size=150, padding=0.25))


def _embed(worker: _Worker, chip: np.ndarray) -> bytes:
    return encode_embedding(np.asarray(worker.network.compute_face_descriptor(chip)))


def encode_embedding(vector: np.ndarray) -> bytes:
    """Template bytes for a 128-d embedding (float32, little endian)."""
    return np.asarray(vector, dtype="<f4").tobytes()


def decode_embedding(template: bytes) -> np.ndarray:
    """The 128-d embedding stored in template bytes; ``wrong_engine`` if it is not one."""
    if len(template) != EMBEDDING_SIZE * 4:
        raise FaceRejected(
            "wrong_engine", "the stored face template was not made by the local engine"
        )
    return np.frombuffer(template, dtype="<f4").astype(np.float64)


class LocalFaceEngine:
    """Offline face engine (see the module docstring); safe to share between threads."""

    name = ENGINE_NAME
    default_threshold = DEFAULT_THRESHOLD
    #: Same person across frames of one sequence: distance ≤ 0.6 (closest impostor seen: 0.62).
    consistency_threshold = 50.0
    supported_challenges = frozenset({"turn_left", "turn_right", "turn_either"})
    depth_gauge = MESH_DEPTH_GAUGE

    def __init__(
        self,
        *,
        max_side: int = 800,
        upsample: int = 1,
        detection_threshold: float = 0.0,
        workers: int | None = None,
    ) -> None:
        self.max_side = max_side
        self.upsample = upsample
        self.detection_threshold = detection_threshold
        self.workers = workers or max(1, min(2, os.cpu_count() or 1))

    # -- loading ---------------------------------------------------------------------------
    def load(self) -> None:
        """Load the models now (they otherwise load on first use)."""
        _load_models(self.workers)

    @property
    def _models(self) -> _Models:
        return _load_models(self.workers)

    @contextmanager
    def _worker(self) -> Iterator[_Worker]:
        worker = self._models.workers.get()
        try:
            yield worker
        finally:
            self._models.workers.put(worker)

    # -- public API --------------------------------------------------------------------------
    def detect(self, image: Image.Image) -> list[DetectedFace]:
        """Every face found (HOG score above the threshold), largest first."""
        with self._worker() as worker:
            return [
                found.face
                for found in self._find(image, worker, upsample=self.upsample, look_for_eyes=True)
            ]

    def sample(
        self, image: Image.Image, near: BoundingBox | None = None, *, embed: bool = True
    ) -> FaceSample:
        """The single face of a frame with its embedding template (see ``FaceEngine.sample``).

        ``near``: where the face was in an earlier frame of the same capture. The search then
        runs on that region scaled so the face is ~130 px (a fraction of the full-frame cost, and
        the same detection scale on every frame); the whole frame is searched if it is not there.
        ``embed=False``: leave the template empty and keep the aligned chip in ``pending`` for
        ``embed_samples`` (the network costs ~4× the detection: a login embeds a few frames).
        """
        if near is not None:
            found_near = self._sample_near(image, near, embed)
            if found_near is not None:
                return found_near
        with self._worker() as worker:
            # Fast path for camera frames: without upsampling HOG sees faces from ~80 px, which is
            # all a usable login face is; anything else gets the full upsampled search.
            found = self._find(image, worker, upsample=0, look_for_eyes=False)
            if len(found) != 1 or found[0].working_width < _FAST_PATH_MIN_FACE_PX:
                found = self._find(image, worker, upsample=self.upsample, look_for_eyes=False)
            if len(found) == 1:
                chip = _chip(found[0].working, found[0].shape)
                template = _embed(worker, chip) if embed else b""
        if not found:
            raise FaceRejected("no_face", "no face was found in the picture")
        if len(found) > 1:
            raise FaceRejected(
                "multiple_faces", f"{len(found)} faces were found; only one person may be in view"
            )
        only = found[0]
        return FaceSample(
            face=only.face,
            template=template,
            face_jpeg=_face_jpeg(image, only.face.box),
            image=image,
            pending=None if embed else chip,
        )

    def embed_samples(self, samples: Sequence[FaceSample]) -> list[FaceSample]:
        """``samples`` with their templates computed where ``sample(embed=False)`` left them
        pending (one network per core, in parallel)."""

        def one(sample: FaceSample) -> FaceSample:
            if sample.pending is None:
                return sample
            with self._worker() as worker:
                template = _embed(worker, sample.pending)
            return replace(sample, template=template, pending=None)

        with ThreadPoolExecutor(max_workers=min(self.workers, len(samples)) or 1) as pool:
            return list(pool.map(one, samples))

    def _sample_near(
        self, image: Image.Image, near: BoundingBox, embed: bool = True
    ) -> FaceSample | None:
        width, height = image.size
        face_px = max(near.width * width, 1.0)
        left = max(0, int((near.left - 1.2 * near.width) * width))
        top = max(0, int((near.top - 0.9 * near.height) * height))
        right = min(width, int((near.left + 2.2 * near.width) * width))
        bottom = min(height, int((near.top + 1.9 * near.height) * height))
        if right - left < 40 or bottom - top < 40:
            return None
        zoom = min(max(_ROI_FACE_PX / face_px, 0.4), 3.0)
        region = image.convert("RGB").crop((left, top, right, bottom))
        region = region.resize(
            (round(region.width * zoom), round(region.height * zoom)), Image.Resampling.BILINEAR
        )
        with self._worker() as worker:
            found = self._find(region, worker, upsample=0, look_for_eyes=False, resize=False)
            if len(found) != 1:
                return None
            chip = _chip(found[0].working, found[0].shape)
            template = _embed(worker, chip) if embed else b""
        face = _to_frame(found[0].face, (left, top), zoom, region.size, image.size)
        return FaceSample(
            face=face,
            template=template,
            face_jpeg=_face_jpeg(image, face.box),
            image=image,
            pending=None if embed else chip,
        )

    def embed(self, image: Image.Image) -> np.ndarray:
        """The 128-d embedding of the single face in the image."""
        return decode_embedding(self.sample(image).template)

    def embed_faces(
        self, image: Image.Image, *, min_face_px: int = 0
    ) -> list[tuple[DetectedFace, bytes]]:
        """Every face at least ``min_face_px`` wide (original pixels) with its embedding template,
        largest first (what indexing a photo's faces needs: one detection, one pass)."""
        with self._worker() as worker:
            found = self._find(image, worker, upsample=self.upsample, look_for_eyes=False)
            kept = [f for f in found if f.face.width_px >= min_face_px]
            return [
                (
                    f.face,
                    encode_embedding(
                        np.asarray(
                            worker.network.compute_face_descriptor(_chip(f.working, f.shape))
                        )
                    ),
                )
                for f in kept
            ]

    def score(
        self, probes: Sequence[FaceSample], candidates: Sequence[Candidate]
    ) -> list[CandidateScore]:
        """Median over probe frames of the best similarity to each candidate's templates."""
        if not probes or not candidates:
            return []
        probe_matrix = np.stack([decode_embedding(p.template) for p in probes])
        rows: list[np.ndarray] = []
        owners: list[int] = []
        for index, candidate in enumerate(candidates):
            for template in candidate.templates:
                rows.append(decode_embedding(template))
                owners.append(index)
        if not rows:
            return []
        template_matrix = np.stack(rows)
        owner_index = np.asarray(owners)
        squared = (
            (probe_matrix**2).sum(axis=1)[:, None]
            + (template_matrix**2).sum(axis=1)[None, :]
            - 2.0 * probe_matrix @ template_matrix.T
        )
        distances = np.sqrt(np.maximum(squared, 0.0))
        # Nearest template of each candidate per probe frame: templates are grouped by owner.
        starts = np.flatnonzero(np.r_[True, owner_index[1:] != owner_index[:-1]])
        nearest = np.minimum.reduceat(distances, starts, axis=1)
        present = owner_index[starts]
        frame_similarities = _similarities(nearest)
        median_similarities = _similarities(np.median(nearest, axis=0))
        scores = [
            CandidateScore(
                candidates[int(candidate_index)].user_id,
                float(median_similarities[column]),
                tuple(float(x) for x in frame_similarities[:, column]),
            )
            for column, candidate_index in enumerate(present)
        ]
        return sorted(scores, key=lambda s: s.similarity, reverse=True)

    def distance(self, first: FaceSample, second: FaceSample) -> float:
        """Euclidean distance between two samples' embeddings (dlib units)."""
        return float(
            np.linalg.norm(decode_embedding(first.template) - decode_embedding(second.template))
        )

    def describe(self, image: Image.Image) -> FaceTags:
        """What the 5 landmarks honestly support: box, confidence, pose, quality, eyes seen open."""
        return FaceTags(self.name, tuple(FaceDescription(face) for face in self.detect(image)))

    # -- internals ---------------------------------------------------------------------------
    def _find(
        self,
        image: Image.Image,
        worker: _Worker,
        *,
        upsample: int,
        look_for_eyes: bool,
        resize: bool = True,
    ) -> list[_Found]:
        rgb = image if image.mode == "RGB" else image.convert("RGB")
        scale = min(1.0, self.max_side / max(rgb.size)) if resize else 1.0
        if scale < 1.0:
            rgb = rgb.resize(
                (round(rgb.width * scale), round(rgb.height * scale)), Image.Resampling.BILINEAR
            )
        working = np.ascontiguousarray(np.asarray(rgb))
        models = self._models
        rectangles, scores, _ = worker.detector.run(working, upsample, self.detection_threshold)
        gray = cv2.cvtColor(working, cv2.COLOR_RGB2GRAY)
        found = []
        for rectangle, detection_score in zip(rectangles, scores, strict=True):
            shape = models.landmarks(working, rectangle)
            points = [(p.x, p.y) for p in shape.parts()]
            named = _named_points(models, working, rectangle, points)
            eyes = worker if look_for_eyes else None
            face = _describe_face(
                eyes, working, gray, rectangle, shape, points, named, detection_score, scale
            )
            found.append(_Found(face, shape, working, scale, rectangle.width()))
        found.sort(key=lambda f: f.face.width_px, reverse=True)
        return found


def _describe_face(
    eye_worker: _Worker | None,
    working: np.ndarray,
    gray: np.ndarray,
    rectangle: Any,
    shape: Any,
    points: list[tuple[int, int]],
    named: dict[str, tuple[float, float]],
    detection_score: float,
    scale: float,
) -> DetectedFace:
    height, width = gray.shape
    left, top = max(rectangle.left(), 0), max(rectangle.top(), 0)
    right, bottom = min(rectangle.right(), width - 1), min(rectangle.bottom(), height - 1)
    box = BoundingBox(left / width, top / height, (right - left) / width, (bottom - top) / height)
    region = gray[top : bottom + 1, left : right + 1]
    brightness, sharpness = _quality(region)
    return DetectedFace(
        box=box,
        confidence=round(100.0 / (1.0 + math.exp(-2.5 * detection_score)), 2),
        width_px=round((right - left) / scale),
        height_px=round((bottom - top) / scale),
        brightness=brightness,
        sharpness=sharpness,
        # 5 points carry no mouth shape; OpenCV's smile cascade fired on every fixture face.
        smiling=None,
        eyes_open=_eyes_seen_open(eye_worker, _chip(working, shape)) if eye_worker else None,
        pose=_pose(points),
        landmarks=_landmarks(points, width, height)
        + tuple(Landmark(name, x / width, y / height) for name, (x, y) in named.items()),
    )


def _to_frame(
    face: DetectedFace,
    offset: tuple[int, int],
    zoom: float,
    region_size: tuple[int, int],
    frame_size: tuple[int, int],
) -> DetectedFace:
    """A face found in a zoomed region of a frame, in the frame's coordinates."""
    region_width, region_height = region_size
    frame_width, frame_height = frame_size

    def x(ratio: float) -> float:
        return (offset[0] + ratio * region_width / zoom) / frame_width

    def y(ratio: float) -> float:
        return (offset[1] + ratio * region_height / zoom) / frame_height

    box = face.box
    return replace(
        face,
        box=BoundingBox(
            x(box.left),
            y(box.top),
            box.width * region_width / zoom / frame_width,
            box.height * region_height / zoom / frame_height,
        ),
        width_px=round(face.width_px / zoom),
        height_px=round(face.height_px / zoom),
        landmarks=tuple(replace(p, x=x(p.x), y=y(p.y)) for p in face.landmarks),
    )


def _eyes_seen_open(worker: _Worker, chip: np.ndarray) -> bool | None:
    # The eye cascade finds open eyes; missing one proves nothing (it misses some open eyes on
    # the fixtures too), so the answer is True or unknown, never False.
    equalised = cv2.equalizeHist(cv2.cvtColor(chip, cv2.COLOR_RGB2GRAY))
    upper = cv2.resize(equalised, (200, 200))[:110]
    eyes = worker.eye_cascade.detectMultiScale(upper, 1.1, 5, minSize=(20, 20))
    return True if len(eyes) >= 2 else None


def _quality(region: np.ndarray) -> tuple[float, float]:
    """Brightness (mean luminance) and sharpness (Laplacian variance at 100 px) as 0–100."""
    if region.size == 0:
        return 0.0, 0.0
    brightness = float(region.mean()) / 2.55
    normalised = cv2.resize(region, (100, 100), interpolation=cv2.INTER_AREA)
    laplacian_variance = float(cv2.Laplacian(normalised, cv2.CV_64F).var())
    sharpness = 100.0 * (1.0 - math.exp(-laplacian_variance / 500.0))
    return round(brightness, 2), round(sharpness, 2)


def _pose(points: list[tuple[int, int]]) -> HeadPose:
    """Yaw and roll from dlib's 5 points (0,1: image-right eye outer/inner; 2,3: image-left eye
    outer/inner; 4: nose base). Pitch is not observable from these points without a per-person
    baseline, so it stays unknown."""
    right_eye = np.mean([points[0], points[1]], axis=0)
    left_eye = np.mean([points[2], points[3]], axis=0)
    nose = np.asarray(points[4], dtype=float)
    eye_vector = right_eye - left_eye
    eye_distance = float(np.hypot(*eye_vector)) or 1.0
    roll = math.degrees(math.atan2(eye_vector[1], eye_vector[0]))
    axis = eye_vector / eye_distance
    offset = float(np.dot(nose - (left_eye + right_eye) / 2.0, axis)) / eye_distance
    yaw = math.degrees(math.atan(offset / _NOSE_DEPTH_RATIO))
    return HeadPose(yaw=round(yaw, 2), roll=round(roll, 2), pitch=None)


def _landmarks(points: list[tuple[int, int]], width: int, height: int) -> tuple[Landmark, ...]:
    names = ("rightEyeRight", "rightEyeLeft", "leftEyeLeft", "leftEyeRight", "nose")
    named = [Landmark(n, x / width, y / height) for n, (x, y) in zip(names, points, strict=True)]
    left_eye = np.mean([points[2], points[3]], axis=0)
    right_eye = np.mean([points[0], points[1]], axis=0)
    named.append(Landmark("eyeLeft", float(left_eye[0]) / width, float(left_eye[1]) / height))
    named.append(Landmark("eyeRight", float(right_eye[0]) / width, float(right_eye[1]) / height))
    return tuple(named)


def _named_points(
    models: _Models, working: np.ndarray, rectangle: Any, points: list[tuple[int, int]]
) -> dict[str, tuple[float, float]]:
    """The face mesh's mouth and nose points (``mesh.MESH_POINTS``) in working pixels."""
    box = (rectangle.left(), rectangle.top(), rectangle.right(), rectangle.bottom())
    return models.mesh.points(working, box, _pose(points).roll)


def _face_jpeg(
    image: Image.Image, box: BoundingBox, *, margin: float = 0.4, max_side: int = 600
) -> bytes:
    """A JPEG of the face with some context (what a cloud engine or an operator looks at)."""
    width, height = image.size
    left = max(0, int((box.left - box.width * margin) * width))
    top = max(0, int((box.top - box.height * margin) * height))
    right = min(width, int((box.left + box.width * (1 + margin)) * width))
    bottom = min(height, int((box.top + box.height * (1 + margin)) * height))
    crop = image.convert("RGB").crop((left, top, right, bottom))
    crop.thumbnail((max_side, max_side))
    buffer = io.BytesIO()
    crop.save(buffer, format="JPEG", quality=90)
    return buffer.getvalue()
