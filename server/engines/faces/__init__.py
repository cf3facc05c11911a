"""Face detection, embedding and comparison engines (local dlib, AWS Rekognition).

``build_face_engine`` is the one place that picks an implementation; everything else talks to
the ``FaceEngine`` protocol in ``base``. Heavy imports (dlib, boto3) happen only for the engine
that is chosen.
"""

from __future__ import annotations

from typing import Any

from server.engines.faces.base import FaceEngine, FaceRejected
from server.engines.shapes import EngineUnavailable

__all__ = ["FaceEngine", "FaceRejected", "build_face_engine"]


def build_face_engine(choice: str, *, rekognition_client: Any = None) -> FaceEngine | None:
    """The engine for a ``face_engine`` setting: ``local``, ``aws`` (needs a boto3 Rekognition
    client) or ``none`` (face features off → ``None``). Models load lazily on first use."""
    if choice == "none":
        return None
    if choice == "local":
        try:
            from server.engines.faces.local import LocalFaceEngine
        except ImportError as error:
            raise EngineUnavailable(
                "faces_local_missing", f"install facealbum[faces]: {error}"
            ) from error
        return LocalFaceEngine()
    if choice == "aws":
        if rekognition_client is None:
            raise EngineUnavailable(
                "faces_cloud_unconfigured", "the aws face engine needs a Rekognition client"
            )
        from server.engines.faces.aws import RekognitionFaceEngine

        return RekognitionFaceEngine(rekognition_client)
    raise ValueError(f"unknown face engine {choice!r}")
