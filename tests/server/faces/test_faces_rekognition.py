"""The Rekognition engine against botocore's Stubber with the documented response shapes."""

from __future__ import annotations

import io
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


def test_compare_sends_the_stored_face_with_a_similarity_threshold(client, portrait):
    engine = RekognitionFaceEngine(client, similarity_floor=60.0)
    stored = jpeg(portrait.crop((200, 50, 500, 400)))
    with Stubber(client) as stub:
        expected = {
            "SourceImage": {"Bytes": b"probe"},
            "TargetImage": {"Bytes": stored},
            "SimilarityThreshold": 60.0,
        }
        stub.add_response("compare_faces", compare_response(99.2), expected)
        stub.add_response("compare_faces", compare_response(None), expected)
        assert engine.compare(b"probe", stored) == 99.2
        assert engine.compare(b"probe", stored) == 0.0
        stub.assert_no_pending_responses()


@pytest.mark.parametrize(
    ("error_code", "face_code"),
    [
        ("InvalidImageFormatException", "image_unreadable"),
        ("ImageTooLargeException", "image_too_large"),
        ("InvalidParameterException", "no_face"),
    ],
)
def test_rekognition_errors_map_to_face_codes(client, portrait, error_code, face_code):
    engine = RekognitionFaceEngine(client)
    with Stubber(client) as stub:
        stub.add_client_error("detect_faces", service_error_code=error_code, http_status_code=400)
        with pytest.raises(FaceRejected) as refused:
            engine.detect(portrait)
    assert refused.value.code == face_code


@pytest.mark.parametrize(
    "error_code",
    ["ThrottlingException", "ProvisionedThroughputExceededException", "AccessDeniedException"],
)
def test_throttling_and_access_errors_mean_engine_unavailable(client, error_code):
    engine = RekognitionFaceEngine(client)
    with Stubber(client) as stub:
        stub.add_client_error("compare_faces", service_error_code=error_code, http_status_code=400)
        with pytest.raises(EngineUnavailable):
            engine.compare(b"probe", b"stored")


def test_login_over_rekognition_one_to_one(client, portrait):
    engine = RekognitionFaceEngine(client)
    stored = jpeg(portrait.crop((200, 50, 500, 400)))
    frames = [jpeg(portrait), jpeg(portrait.resize((600, 750)))]
    with Stubber(client) as stub:
        for _ in frames:
            stub.add_response("detect_faces", {"FaceDetails": [face_detail()]}, DETECT_PARAMS)
        for similarity in (99.4, 98.7):
            stub.add_response(
                "compare_faces",
                compare_response(similarity),
                {
                    "SourceImage": {"Bytes": ANY},
                    "TargetImage": {"Bytes": stored},
                    "SimilarityThreshold": 50.0,
                },
            )
        match = verify_login(
            engine, frames, [Candidate(7, [stored])], challenge=None, liveness_required=False
        )
        stub.assert_no_pending_responses()
    assert match.user_id == 7 and match.similarity == pytest.approx((99.4 + 98.7) / 2)


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
