"""The local dlib engine on the fixture photos: detection, quality figures, matching."""

from __future__ import annotations

import itertools

import numpy as np
import pytest
from PIL import Image

from server.engines.faces.base import Candidate, FaceRejected
from server.engines.faces.local import (
    DEFAULT_DISTANCE_THRESHOLD,
    EMBEDDING_SIZE,
    distance_to_similarity,
    similarity_to_distance,
)

pytestmark = pytest.mark.slow

SAME_PERSON = [
    ("obama_1.jpg", "obama_4.jpg"),
    ("obama_2.jpg", "obama_small.jpg"),
    ("biden_1.jpg", "biden_2.jpg"),
    ("harington_1.jpg", "harington_3.jpg"),
    ("leslie_1.jpg", "leslie_2.jpg"),
    ("lacamoire_1.jpg", "lacamoire_2.jpg"),
]
DIFFERENT_PEOPLE = [
    ("obama_1.jpg", "biden_1.jpg"),
    ("lacamoire_2.jpg", "obama_2.jpg"),  # the closest impostor pair among the photos
    ("miranda_1.png", "lacamoire_1.jpg"),
    ("harington_2.jpg", "leslie_2.jpg"),
]


def similarity(engine, photo, first: str, second: str) -> float:
    probe = engine.sample(photo(first))
    reference = engine.sample(photo(second))
    return engine.score([probe], [Candidate("ref", [reference.template])])[0].similarity


@pytest.mark.parametrize(("first", "second"), SAME_PERSON)
def test_same_person_in_different_photos_is_accepted(engine, photo, first, second):
    assert similarity(engine, photo, first, second) >= engine.default_threshold


@pytest.mark.parametrize(("first", "second"), DIFFERENT_PEOPLE)
def test_different_people_are_rejected(engine, photo, first, second):
    assert similarity(engine, photo, first, second) < engine.default_threshold


def test_group_photo_has_two_faces_and_cannot_be_a_sample(engine, photo):
    faces = engine.detect(photo("group_two_people.jpg"))
    assert len(faces) == 2
    with pytest.raises(FaceRejected) as refused:
        engine.sample(photo("group_obama_biden.jpg"))
    assert refused.value.code == "multiple_faces"


def test_picture_without_a_face_gives_no_face(engine, photo):
    gradient = np.tile(np.linspace(30, 220, 640, dtype=np.uint8), (480, 1))
    with pytest.raises(FaceRejected) as refused:
        engine.sample(Image.fromarray(np.dstack([gradient, gradient[::-1], gradient])))
    assert refused.value.code == "no_face"
    # The jacket below Obama's face in a real photo: texture, but no face.
    portrait = photo("obama_1.jpg")
    jacket = portrait.crop((0, portrait.height * 2 // 3, portrait.width, portrait.height))
    with pytest.raises(FaceRejected) as refused_crop:
        engine.sample(jacket)
    assert refused_crop.value.code == "no_face"


def test_detected_face_box_is_in_ratios_and_width_in_original_pixels(engine, photo):
    portrait = photo("obama_1.jpg")  # larger than the 800 px detection size
    assert max(portrait.size) > engine.max_side
    (face,) = engine.detect(portrait)
    assert 0 <= face.box.left < 1 and 0 <= face.box.top < 1
    assert 0 < face.box.width < 1 and 0 < face.box.height < 1
    assert face.width_px == pytest.approx(face.box.width * portrait.width, abs=3)
    assert 50 < face.confidence <= 100
    assert 20 < face.brightness < 90 and 0 < face.sharpness <= 100
    nose = face.landmark("nose")
    assert nose is not None and face.box.left < nose.x < face.box.left + face.box.width


def test_frontal_portraits_have_small_yaw_and_roll(engine, photo):
    for name in ("obama_1.jpg", "biden_2.jpg", "leslie_2.jpg", "miranda_1.png"):
        (face,) = engine.detect(photo(name))
        assert face.pose is not None
        assert abs(face.pose.yaw) < 15, name
        assert abs(face.pose.roll) < 10, name
        assert face.pose.pitch is None  # not observable from 5 points


def test_darkened_photo_is_much_darker_and_large_photo_face_is_measured(engine, photo):
    portrait = photo("leslie_2.jpg")
    dark = Image.eval(portrait, lambda value: value // 8)
    (bright_face,) = engine.detect(portrait)
    (dark_face,) = engine.detect(dark)
    assert dark_face.brightness < bright_face.brightness / 5


def test_templates_are_128_float32_embeddings(engine, photo):
    sample = engine.sample(photo("biden_1.jpg"))
    assert len(sample.template) == EMBEDDING_SIZE * 4
    assert sample.face_jpeg.startswith(b"\xff\xd8")


def test_similarity_mapping_is_monotonic_and_pinned_to_the_threshold():
    distances = np.linspace(0, 1.2, 50)
    similarities = [distance_to_similarity(d) for d in distances]
    assert all(a > b for a, b in itertools.pairwise(similarities))
    assert distance_to_similarity(DEFAULT_DISTANCE_THRESHOLD) == pytest.approx(80.0)
    assert similarity_to_distance(80.0) == pytest.approx(DEFAULT_DISTANCE_THRESHOLD)
    assert distance_to_similarity(0.0) > 99.9 and distance_to_similarity(1.0) < 0.1


def test_score_ranks_candidates_and_uses_the_nearest_template(engine, photo):
    obama = Candidate(
        "obama", [engine.sample(photo(n)).template for n in ("obama_2.jpg", "obama_3.jpg")]
    )
    biden = Candidate("biden", [engine.sample(photo("biden_2.jpg")).template])
    probe = engine.sample(photo("obama_4.jpg"))
    ranked = engine.score([probe], [biden, obama])
    assert [s.user_id for s in ranked] == ["obama", "biden"]
    nearest = min(
        engine.distance(probe, engine.sample(photo(n))) for n in ("obama_2.jpg", "obama_3.jpg")
    )
    assert ranked[0].similarity == pytest.approx(distance_to_similarity(nearest))


def test_describe_reports_only_what_landmarks_support(engine, photo):
    tags = engine.describe(photo("group_harington_leslie.jpg"))
    assert len(tags.faces) == 2
    for description in tags.faces:
        assert description.age_range is None and description.gender is None
        assert description.face.smiling is None
    as_json = tags.as_dict()
    assert as_json["face_count"] == 2 and as_json["engine"] == "dlib-resnet-v1"


def _named(face) -> dict[str, np.ndarray]:
    return {p.type: np.array([p.x, p.y]) for p in face.landmarks}


@pytest.mark.parametrize("name", ["obama_1.jpg", "leslie_1.jpg", "miranda_1.png"])
def test_mesh_points_sit_on_the_mouth_and_nose_and_follow_a_tilted_head(engine, photo, name):
    """The 3-D check's points come from the face mesh: the mouth corners below the eyes and the
    nose tip between eyes and mouth, on every portrait; on the portrait turned 20° they land
    where the same turn takes the upright points (the mesh's crop is levelled by the eye line)."""
    upright = photo(name)
    (face,) = engine.detect(upright)
    points = _named(face)
    eye_left, eye_right = points["eyeLeft"], points["eyeRight"]
    eye_distance = np.linalg.norm(eye_right - eye_left)
    eye_y = (eye_left[1] + eye_right[1]) / 2
    width, height = upright.size
    # In pixels: x and y ratios are of different sides.
    scale = np.array([width, height])
    mouth_left, mouth_right = points["mouthLeft"] * scale, points["mouthRight"] * scale
    assert mouth_left[0] < points["noseTip"][0] * width < mouth_right[0]
    assert np.linalg.norm(mouth_right - mouth_left) == pytest.approx(
        eye_distance * width, rel=0.45
    )  # a mouth is about as wide as the eyes are apart
    assert eye_y < points["noseTip"][1] < points["mouthLeft"][1]
    assert eye_y < points["noseTip"][1] < points["mouthRight"][1]

    angle = 20.0
    tilted = upright.rotate(angle, resample=Image.Resampling.BILINEAR, expand=False)
    (tilted_face,) = engine.detect(tilted)
    assert tilted_face.pose is not None and tilted_face.pose.roll == pytest.approx(-angle, abs=4)
    centre = np.array([width / 2, height / 2])
    theta = np.radians(angle)
    # PIL turns counter-clockwise on screen: (x, y) -> centre + R(-θ) (p - centre) with y down.
    rotation = np.array([[np.cos(theta), np.sin(theta)], [-np.sin(theta), np.cos(theta)]])
    tilted_points = _named(tilted_face)
    for name_ in ("mouthLeft", "mouthRight", "noseTip"):
        expected = centre + rotation @ (points[name_] * scale - centre)
        found = tilted_points[name_] * scale
        assert np.linalg.norm(found - expected) < 0.12 * eye_distance * width, name_
