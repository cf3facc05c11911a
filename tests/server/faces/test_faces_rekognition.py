"""The Rekognition engine against botocore's Stubber with the documented response shapes."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import boto3
import pytest
from botocore.stub import ANY, Stubber
from PIL import Image

from server.engines.faces.aws import RekognitionFaceEngine
from server.engines.faces.base import Candidate, FaceRejected
from server.engines.faces.liveness import check_liveness
from server.engines.shapes import EngineUnavailable
from server.faces.verification import verify_login

FACES = Path(__file__).resolve().parents[3] / "tests" / "fixtures" / "faces"
BOX = {"Width": 0.25, "Height": 0.3, "Left": 0.4, "Top": 0.15}


def face_detail(*, yaw: float = -3.5, eyes_open: bool = True, box: dict | None = None) -> dict:
    """One ``FaceDetail`` as DetectFaces returns it with ``Attributes=["ALL"]``."""
    return {
        "BoundingBox": box or BOX,
        "AgeRange": {"Low": 48, "High": 56},
        "Smile": {"Value": True, "Confidence": 97.5},
        "Eyeglasses": {"Value": False, "Confidence": 99.1},
        "Sunglasses": {"Value": False, "Confidence": 99.8},
        "Gender": {"Value": "Male", "Confidence": 99.6},
        "Beard": {"Value": False, "Confidence": 88.2},
        "Mustache": {"Value": False, "Confidence": 95.0},
        "EyesOpen": {"Value": eyes_open, "Confidence": 96.4},
        "MouthOpen": {"Value": True, "Confidence": 80.3},
        "Emotions": [
            {"Type": "CALM", "Confidence": 4.2},
            {"Type": "HAPPY", "Confidence": 94.1},
        ],
        "Landmarks": [
            {"Type": "eyeLeft", "X": 0.47, "Y": 0.26},
            {"Type": "eyeRight", "X": 0.57, "Y": 0.26},
            {"Type": "nose", "X": 0.52, "Y": 0.32},
        ],
        "Pose": {"Roll": 1.5, "Yaw": yaw, "Pitch": 4.0},
        "Quality": {"Brightness": 71.2, "Sharpness": 86.9},
        "Confidence": 99.98,
        "FaceOccluded": {"Value": False, "Confidence": 99.0},
    }


def compare_response(similarity: float | None) -> dict:
    """A CompareFaces answer: one match at ``similarity``, or the face left unmatched."""
    face = {"BoundingBox": BOX, "Confidence": 99.9}
    if similarity is None:
        return {"SourceImageFace": face, "FaceMatches": [], "UnmatchedFaces": [face]}
    return {
        "SourceImageFace": face,
        "FaceMatches": [{"Similarity": similarity, "Face": face}],
        "UnmatchedFaces": [],
    }


DETECT_PARAMS = {"Image": {"Bytes": ANY}, "Attributes": ["ALL"]}


@pytest.fixture
def client():
    return boto3.client(
        "rekognition",
        region_name="us-east-1",
        aws_access_key_id="testing",
        aws_secret_access_key="testing",
    )


@pytest.fixture
def portrait() -> Image.Image:
    return Image.open(FACES / "obama_1.jpg").convert("RGB")


def jpeg(image: Image.Image) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG")
    return buffer.getvalue()


def test_detect_maps_face_details_to_detected_faces(client, portrait):
    engine = RekognitionFaceEngine(client)
    with Stubber(client) as stub:
        stub.add_response("detect_faces", {"FaceDetails": [face_detail()]}, DETECT_PARAMS)
        (face,) = engine.detect(portrait)
        stub.assert_no_pending_responses()
    assert face.box.left == 0.4 and face.box.width == 0.25
    assert face.width_px == round(0.25 * portrait.width)
    assert face.confidence == pytest.approx(99.98)
    assert (face.brightness, face.sharpness) == (71.2, 86.9)
    assert face.smiling is True and face.eyes_open is True
    assert face.pose is not None and (face.pose.yaw, face.pose.roll, face.pose.pitch) == (
        -3.5,
        1.5,
        4.0,
    )
    assert face.landmark("nose") is not None and face.landmark("nose").x == 0.52


def test_describe_gives_detectfaces_tags(client, portrait):
    engine = RekognitionFaceEngine(client)
    with Stubber(client) as stub:
        stub.add_response("detect_faces", {"FaceDetails": [face_detail()]}, DETECT_PARAMS)
        tags = engine.describe(portrait)
    (description,) = tags.faces
    assert description.age_range == (48, 56)
    assert description.gender == "Male"
    assert description.emotions[0] == ("HAPPY", 94.1)
    assert description.attributes["eyeglasses"] == (False, 99.1)
    assert description.attributes["eyes_open"] == (True, 96.4)
    assert tags.as_dict()["faces"][0]["attributes"]["smile"] == {"value": True, "confidence": 97.5}


def test_sample_needs_exactly_one_face(client, portrait):
    engine = RekognitionFaceEngine(client)
    second = face_detail(box={"Width": 0.1, "Height": 0.12, "Left": 0.05, "Top": 0.1})
    with Stubber(client) as stub:
        stub.add_response("detect_faces", {"FaceDetails": []}, DETECT_PARAMS)
        stub.add_response("detect_faces", {"FaceDetails": [face_detail(), second]}, DETECT_PARAMS)
        stub.add_response("detect_faces", {"FaceDetails": [face_detail()]}, DETECT_PARAMS)
        with pytest.raises(FaceRejected) as none:
            engine.sample(portrait)
        with pytest.raises(FaceRejected) as two:
            engine.sample(portrait)
        sample = engine.sample(portrait)
    assert none.value.code == "no_face" and two.value.code == "multiple_faces"
    crop = Image.open(io.BytesIO(sample.template))
    assert crop.format == "JPEG" and crop.width < portrait.width  # the face, not the whole frame


def _detail_from_local(face) -> dict:  # type: ignore[no-untyped-def]
    """What DetectFaces answers for a frame, with the box, landmarks and yaw the local engine
    measured on that real frame (Rekognition's shape and landmark names)."""
    detail = face_detail(
        yaw=face.pose.yaw,
        box={
            "Width": face.box.width,
            "Height": face.box.height,
            "Left": face.box.left,
            "Top": face.box.top,
        },
    )
    detail["Landmarks"] = [{"Type": p.type, "X": p.x, "Y": p.y} for p in face.landmarks]
    return detail


@pytest.mark.slow
def test_login_follows_the_script_with_detectfaces_pose_and_comparefaces(client):
    """The cloud path of the challenge protocol: DetectFaces on every frame (Pose.Yaw and
    landmarks drive the script, mirror and depth checks), CompareFaces on three key frames."""
    sys.path.insert(0, str(FACES.parents[1] / "support"))
    import face_sequences as fs

    from server.engines.faces.local import LocalFaceEngine
    from server.faces.verification import LOGIN_QUALITY, decode_login_frame

    steps = ["center", "right", "center"]
    recording = fs.genuine(fs.read_clip(120, 210), steps)
    local = LocalFaceEngine()
    details = [
        _detail_from_local(local.sample(decode_login_frame(frame)).face)
        for frame in recording.frames
    ]
    stored = b"enrolled face jpeg"
    engine = RekognitionFaceEngine(client)
    engine.frame_workers = 1  # the Stubber answers in call order

    def run(script: list[str], similarities: list[float]):  # type: ignore[no-untyped-def]
        with Stubber(client) as stub:
            for detail in details:
                stub.add_response("detect_faces", {"FaceDetails": [detail]}, DETECT_PARAMS)
            for similarity in similarities:
                stub.add_response(
                    "compare_faces",
                    compare_response(similarity),
                    {
                        "SourceImage": {"Bytes": ANY},
                        "TargetImage": {"Bytes": stored},
                        "SimilarityThreshold": 50.0,
                    },
                )
            result = verify_login(
                engine,
                recording.frames,
                [Candidate(7, [stored])],
                steps=script,
                offsets_ms=recording.offsets_ms,
                limits=LOGIN_QUALITY,
            )
            stub.assert_no_pending_responses()
        return result

    match, _ = run(steps, [99.4, 98.7, 99.0])
    assert match.user_id == 7 and match.similarity == pytest.approx(99.0)
    assert match.presentation.states == tuple(steps)
    with pytest.raises(FaceRejected) as refused:
        run(["center", "left", "center"], [])
    assert refused.value.code == "script_not_followed"
    with pytest.raises(FaceRejected) as stranger:
        run(steps, [12.0, 30.5, 8.0])
    assert stranger.value.code == "not_recognized"


def test_identification_over_too_many_users_needs_a_collection(client, portrait):
    engine = RekognitionFaceEngine(client, max_candidates=2)
    with Stubber(client) as stub:
        stub.add_response("detect_faces", {"FaceDetails": [face_detail()]}, DETECT_PARAMS)
        sample = engine.sample(portrait)
    with pytest.raises(EngineUnavailable):
        engine.score([sample], [Candidate(i, [b"x"]) for i in range(3)])


def test_blink_and_turn_from_rekognition_measurements(client):
    # Three different real frames of the fixture clip; Rekognition's per-frame answers stubbed.
    from server.engines.faces.calibration import read_video_frames

    video = FACES.parent / "video" / "hamilton_clip.mp4"
    images = [image for _, image in read_video_frames(video, [84, 100, 114])]
    engine = RekognitionFaceEngine(client)
    box = {"Width": 0.16, "Height": 0.28, "Left": 0.25, "Top": 0.2}
    answers = [
        face_detail(yaw=2.0, box=box),
        face_detail(yaw=-9.0, eyes_open=False, box=box),
        face_detail(yaw=-24.0, box=box),
    ]
    with Stubber(client) as stub:
        for detail in answers:
            stub.add_response("detect_faces", {"FaceDetails": [detail]}, DETECT_PARAMS)
        samples = [engine.sample(image) for image in images]
    assert check_liveness(samples, "blink").passed
    assert check_liveness(samples, "turn_right").passed
    assert not check_liveness(samples, "turn_left").passed
