"""Face detection, embedding and comparison engines (local dlib, AWS Rekognition).

Everything outside this package talks to the ``FaceEngine`` protocol in ``base``; the engine
registry picks the implementation. Heavy imports (dlib, boto3) live in ``local`` and ``aws`` and
happen only for the engine that is chosen. See docs/face-login.md.
"""

from server.engines.faces.base import FaceEngine, FaceRejected

__all__ = ["FaceEngine", "FaceRejected"]
