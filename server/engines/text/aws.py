"""Rekognition ``DetectText``: LINE records mapped to ``TextLine``.

``rekognition_image_bytes`` is shared with the AWS label engine: Rekognition takes JPEG or PNG
bytes up to 5 MB, so every image is sent as JPEG, scaled down until it fits.
"""

from __future__ import annotations

import io
import logging
from typing import TYPE_CHECKING, Any

import boto3
from botocore.exceptions import BotoCoreError, ClientError
from PIL import Image

from server.engines.aws_client import LazyClient
from server.engines.shapes import BoundingBox, EngineUnavailable
from server.engines.text.base import (
    TEXT_UNAVAILABLE,
    TextLine,
    TextResult,
    clamp_box,
    engine_rejected,
    in_reading_order,
    to_rgb,
)

if TYPE_CHECKING:
    from mypy_boto3_rekognition import RekognitionClient
    from mypy_boto3_rekognition.type_defs import BoundingBoxTypeDef

logger = logging.getLogger(__name__)

REKOGNITION_MAX_BYTES = 5 * 1024 * 1024
JPEG_QUALITY = 90
CREDENTIALS_HINT = (
    "Rekognition needs AWS credentials (an IAM role, or REKOGNITION_ACCESS_KEY_ID / "
    "REKOGNITION_SECRET_ACCESS_KEY and REKOGNITION_REGION); or choose the 'local' engine."
)
# Errors that mean "this image", not "this service": the API answers 422 for them.
IMAGE_ERRORS = frozenset({"InvalidImageFormatException", "ImageTooLargeException"})


def rekognition_image_bytes(image: Image.Image, max_bytes: int = REKOGNITION_MAX_BYTES) -> bytes:
    """``image`` as JPEG bytes within Rekognition's limit, scaled down when it is too large."""
    rgb = to_rgb(image)
    while True:
        buffer = io.BytesIO()
        rgb.save(buffer, format="JPEG", quality=JPEG_QUALITY)
        encoded = buffer.getvalue()
        if len(encoded) <= max_bytes:
            return encoded
        # JPEG size grows roughly with the pixel count; aim a little under the limit.
        scale = min(0.9, (max_bytes / len(encoded)) ** 0.5 * 0.95)
        new_size = (max(1, int(rgb.width * scale)), max(1, int(rgb.height * scale)))
        logger.debug("%d bytes: too large for Rekognition, resizing to %s", len(encoded), new_size)
        rgb = rgb.resize(new_size, Image.Resampling.LANCZOS)


def rekognition_client(
    region: str | None, access_key_id: str | None, secret_access_key: str | None
) -> RekognitionClient:
    """A Rekognition client with explicit credentials when given, else boto3's usual chain."""
    return boto3.client(
        "rekognition",
        region_name=region,
        aws_access_key_id=access_key_id,
        aws_secret_access_key=secret_access_key,
    )


def rekognition_error(error: ClientError | BotoCoreError, unavailable_code: str) -> Exception:
    """The error to raise for a boto error: ``ImageRejected`` for a bad image, else unavailable."""
    if isinstance(error, ClientError):
        code = str(error.response.get("Error", {}).get("Code", ""))
        if code in IMAGE_ERRORS:
            return engine_rejected(f"Rekognition could not read the image ({code}).")
        return EngineUnavailable(
            unavailable_code, f"Rekognition failed ({code}). {CREDENTIALS_HINT}"
        )
    return EngineUnavailable(
        unavailable_code, f"Rekognition unreachable: {error}. {CREDENTIALS_HINT}"
    )


def box_from_rekognition(box: BoundingBoxTypeDef) -> BoundingBox:
    """Rekognition's ``BoundingBox``; clamped to the image only when it spills over an edge."""
    left, top = float(box.get("Left", 0.0)), float(box.get("Top", 0.0))
    width, height = float(box.get("Width", 0.0)), float(box.get("Height", 0.0))
    if left < 0 or top < 0 or left + width > 1 or top + height > 1:
        return clamp_box(left, top, left + width, top + height)
    return BoundingBox(left=left, top=top, width=width, height=height)


class AwsTextEngine:
    """Text detection with Amazon Rekognition."""

    name = "aws"

    def __init__(
        self,
        client: RekognitionClient | None = None,
        *,
        region: str | None = None,
        access_key_id: str | None = None,
        secret_access_key: str | None = None,
        min_confidence: float | None = None,
    ) -> None:
        self._lazy_client = LazyClient(
            lambda: rekognition_client(region, access_key_id, secret_access_key), client
        )
        self._min_confidence = min_confidence

    def client(self) -> RekognitionClient:
        """The boto3 client, created on first use."""
        return self._lazy_client.get()

    def detect_text(self, image: Image.Image, *, deadline: float | None = None) -> TextResult:
        """The LINE detections of ``DetectText``, in reading order (one call: no deadline)."""
        request: dict[str, Any] = {"Image": {"Bytes": rekognition_image_bytes(image)}}
        if self._min_confidence is not None:
            request["Filters"] = {"WordFilter": {"MinConfidence": self._min_confidence}}
        try:
            answer = self.client().detect_text(**request)
        except (ClientError, BotoCoreError) as error:
            raise rekognition_error(error, TEXT_UNAVAILABLE) from error
        lines: list[TextLine] = []
        for detection in answer.get("TextDetections", []):
            if detection.get("Type") != "LINE":
                continue
            lines.append(
                TextLine(
                    text=detection.get("DetectedText", ""),
                    confidence=round(float(detection.get("Confidence", 0.0)), 2),
                    box=box_from_rekognition(detection.get("Geometry", {}).get("BoundingBox", {})),
                )
            )
        return TextResult(in_reading_order(lines))
