"""Finding and comparing the faces of a user's photos, locally (dlib) or in Rekognition.

Both indexers give the same shapes: faces with ratio boxes and a 0–100 quality, and neighbours
as 0–100 similarities (CompareFaces style), so the assignment rules in ``assignment`` have one
path. The local indexer keeps embeddings in the database and compares them in numpy; the cloud
one keeps faces in a per-user Rekognition collection (IndexFaces) and asks SearchFaces.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Protocol

import numpy as np
from botocore.exceptions import BotoCoreError, ClientError
from PIL import Image

from server.engines.faces.aws import face_from_detail, image_bytes
from server.engines.registry import EngineRegistry
from server.engines.shapes import BoundingBox, EngineUnavailable

log = logging.getLogger(__name__)

#: Faces narrower than this (original pixels) are not indexed: too small to recognise reliably.
MIN_FACE_PX = 64


@dataclass(frozen=True)
class IndexedFace:
    """A face found in a photo, ready to store."""

    box: BoundingBox
    width_px: int
    confidence: float
    quality: float
    embedding: bytes | None = None
    external_id: str | None = None


@dataclass(frozen=True)
class Bands:
    """Similarity bands (0–100) for one engine; see docs/people.md for how they were measured."""

    auto: float
    suggest: float
    group: float
    #: The best person must beat the runner-up by this much to be assigned without asking.
    margin: float


class FaceIndexer(Protocol):
    engine_name: str
    bands: Bands

    def index(self, image: Image.Image, *, user_id: int, photo_id: int) -> list[IndexedFace]:
        """Every face of the photo at least ``MIN_FACE_PX`` wide, largest first."""
        ...

    def forget(self, *, user_id: int, external_ids: Sequence[str]) -> None:
        """Remove faces from wherever the engine keeps them (nothing to do locally)."""
        ...

    def forget_user(self, *, user_id: int) -> None:
        """Remove everything the engine keeps for the user."""
        ...


# --- local ----------------------------------------------------------------------------------


class LocalFaceIndexer:
    """dlib's detector and ResNet embedding (the face login models); similarity from distance."""

    def __init__(self, engine: Any, bands: Bands) -> None:
        self.engine = engine
        self.engine_name: str = engine.name
        self.bands = bands

    def index(self, image: Image.Image, *, user_id: int, photo_id: int) -> list[IndexedFace]:
        return [
            IndexedFace(
                box=face.box,
                width_px=face.width_px,
                confidence=face.confidence,
                quality=face.sharpness,
                embedding=template,
            )
            for face, template in self.engine.embed_faces(image, min_face_px=MIN_FACE_PX)
        ]

    def forget(self, *, user_id: int, external_ids: Sequence[str]) -> None:
        return None

    def forget_user(self, *, user_id: int) -> None:
        return None


def embedding_matrix(templates: Sequence[bytes]) -> np.ndarray:
    """Templates (float32 little-endian, 128 each) as an ``(n, 128)`` float32 matrix."""
    if not templates:
        return np.zeros((0, 128), dtype=np.float32)
    return np.frombuffer(b"".join(templates), dtype="<f4").reshape(len(templates), -1).copy()


# --- Rekognition ----------------------------------------------------------------------------


def collection_id(user_id: int) -> str:
    return f"facealbum-user-{user_id}"


class RekognitionFaceIndexer:
    """IndexFaces into one collection per user; SearchFaces for neighbours.

    The bands are not calibrated here (no AWS account on the test machine): AWS advises 99 for
    identity decisions; suggestions start at CompareFaces' usual 90.
    """

    engine_name = "rekognition-v1"

    def __init__(self, client: Any, bands: Bands | None = None, *, max_faces: int = 50) -> None:
        self.client = client
        self.bands = bands or Bands(auto=99.0, suggest=90.0, group=95.0, margin=1.0)
        self.max_faces = max_faces

    def index(self, image: Image.Image, *, user_id: int, photo_id: int) -> list[IndexedFace]:
        params = {
            "CollectionId": collection_id(user_id),
            "Image": {"Bytes": image_bytes(image)},
            "ExternalImageId": f"photo-{photo_id}",
            "DetectionAttributes": ["DEFAULT"],
            "MaxFaces": self.max_faces,
            "QualityFilter": "AUTO",
        }
        try:
            response = self._call("index_faces", **params)
        except _MissingCollection:
            self._call("create_collection", CollectionId=collection_id(user_id))
            response = self._call("index_faces", **params)
        width, height = image.size
        found: list[IndexedFace] = []
        too_small: list[str] = []
        for record in response.get("FaceRecords", []):
            face = face_from_detail(record["FaceDetail"], width, height)
            face_id = str(record["Face"]["FaceId"])
            if face.width_px < MIN_FACE_PX:
                too_small.append(face_id)
                continue
            found.append(
                IndexedFace(
                    box=face.box,
                    width_px=face.width_px,
                    confidence=face.confidence,
                    quality=face.sharpness,
                    external_id=face_id,
                )
            )
        if too_small:
            self.forget(user_id=user_id, external_ids=too_small)
        return sorted(found, key=lambda f: f.width_px, reverse=True)

    def search(self, *, user_id: int, external_id: str, floor: float) -> list[tuple[str, float]]:
        """FaceIds in the collection like this one (itself excluded), with their similarity."""
        try:
            response = self._call(
                "search_faces",
                CollectionId=collection_id(user_id),
                FaceId=external_id,
                MaxFaces=100,
                FaceMatchThreshold=floor,
            )
        except _MissingCollection:
            return []
        return [
            (str(match["Face"]["FaceId"]), float(match["Similarity"]))
            for match in response.get("FaceMatches", [])
        ]

    def forget(self, *, user_id: int, external_ids: Sequence[str]) -> None:
        ids = list(external_ids)
        for start in range(0, len(ids), 1000):  # DeleteFaces takes at most 4096 ids
            try:
                self._call(
                    "delete_faces",
                    CollectionId=collection_id(user_id),
                    FaceIds=ids[start : start + 1000],
                )
            except _MissingCollection:
                return

    def forget_user(self, *, user_id: int) -> None:
        try:
            self._call("delete_collection", CollectionId=collection_id(user_id))
        except _MissingCollection:
            return

    def _call(self, operation: str, **params: Any) -> dict[str, Any]:
        try:
            response: dict[str, Any] = getattr(self.client, operation)(**params)
        except ClientError as error:
            code = error.response.get("Error", {}).get("Code", "")
            if code == "ResourceNotFoundException":
                raise _MissingCollection(code) from error
            log.warning("rekognition %s failed: %s", operation, code)
            raise EngineUnavailable(
                "faces_cloud_unavailable", f"Rekognition {operation} failed ({code})"
            ) from error
        except BotoCoreError as error:
            raise EngineUnavailable(
                "faces_cloud_unavailable", f"Rekognition {operation} unreachable"
            ) from error
        return response


class _MissingCollection(Exception):
    """The user's collection does not exist (yet, or any more)."""


def indexer_for(engines: EngineRegistry) -> FaceIndexer:
    """The indexer matching the configured face engine (``EngineUnavailable`` when it is off)."""
    from server.people.assignment import LOCAL_BANDS

    engine = engines.faces
    client = getattr(engine, "client", None)
    if client is not None:
        return RekognitionFaceIndexer(client)
    return LocalFaceIndexer(engine, LOCAL_BANDS)
