"""MediaPipe's face mesh (468 points) on onnxruntime: the mouth and nose points the 3-D check of
face login measures.

It replaced dlib's 68-point predictor, whose training set (iBUG 300-W) excludes commercial use:
the desktop bundle could not ship it, so the bundle had no 3-D check. The mesh is MediaPipe's
``face_landmark.tflite`` (Apache-2.0) converted to ONNX (``models/README.md`` says how) and runs
on the onnxruntime the OCR engine already uses. Its nose tip also separates a head from a warped
photo better than dlib's nose wings did (docs/face-login.md has the measurements).

Input: a 192×192 RGB crop in [0, 1], the face centred, upright (eyes level) and filling about
two thirds of it; output: 468 (x, y, z) in crop pixels, which are mapped back to the frame.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import cv2
import numpy as np

MODEL_FILE = Path(__file__).with_name("models") / "face_mesh.onnx"

_INPUT_SIDE = 192
#: The crop is this many times the detector's (tight, eyebrows-to-lip) box: the model was trained
#: on crops that hold the whole face with a margin.
_CROP_SCALE = 1.5

#: Mesh indices under Rekognition's landmark names ("left" = the image's left; ``noseTip`` is
#: Rekognition's ``nose``, a name the local engine's 5-point nose base already holds).
MESH_POINTS = {
    "mouthLeft": 61,
    "mouthRight": 291,
    "noseTip": 1,
    "noseLeft": 98,
    "noseRight": 327,
}


class FaceMesh:
    """One onnxruntime session, safe to call from several threads at once."""

    def __init__(self, model_file: Path = MODEL_FILE) -> None:
        import onnxruntime

        options = onnxruntime.SessionOptions()
        # A 4-ms network: threads inside one call cost more than they give; calls run in parallel.
        options.intra_op_num_threads = 1
        options.inter_op_num_threads = 1
        self._session: Any = onnxruntime.InferenceSession(
            str(model_file), options, providers=["CPUExecutionProvider"]
        )
        self._input = self._session.get_inputs()[0].name

    def points(
        self, rgb: np.ndarray, box: tuple[float, float, float, float], roll_degrees: float
    ) -> dict[str, tuple[float, float]]:
        """The named points (``MESH_POINTS``) in ``rgb``'s pixels for the face in ``box``
        (left, top, right, bottom in pixels) whose eye line is tilted by ``roll_degrees``."""
        left, top, right, bottom = box
        centre = ((left + right) / 2.0, (top + bottom) / 2.0)
        side = max(right - left, bottom - top) * _CROP_SCALE
        to_crop = cv2.getRotationMatrix2D(centre, roll_degrees, _INPUT_SIDE / side)
        to_crop[0, 2] += _INPUT_SIDE / 2.0 - centre[0]
        to_crop[1, 2] += _INPUT_SIDE / 2.0 - centre[1]
        crop = cv2.warpAffine(
            rgb,
            to_crop,
            (_INPUT_SIDE, _INPUT_SIDE),
            flags=cv2.INTER_LINEAR,
            borderMode=cv2.BORDER_REPLICATE,
        )
        tensor = (crop.astype(np.float32) * np.float32(1.0 / 255.0))[None]
        mesh = self._session.run(None, {self._input: tensor})[0].reshape(-1, 3)
        indices = list(MESH_POINTS.values())
        chosen = np.hstack([mesh[indices, :2], np.ones((len(indices), 1), dtype=np.float32)])
        in_frame = chosen @ cv2.invertAffineTransform(to_crop).T
        return {
            name: (float(x), float(y)) for name, (x, y) in zip(MESH_POINTS, in_frame, strict=True)
        }
