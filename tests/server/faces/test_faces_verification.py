"""Enrolment and login decisions over the real local engine (frames in, decision out)."""

from __future__ import annotations

import io

import pytest
from PIL import Image

from server.engines.faces.base import Candidate, FaceRejected
from server.faces.verification import (
    QualityLimits,
    check_enrolment_frames,
    decode_frame,
    verify_login,
)

pytestmark = pytest.mark.slow

# Frames of the fixture clip in capture order where the head turns right (person's own right).
HEAD_TURN_RIGHT = (84, 100, 114)


def rejection(call, *args, **kwargs) -> str:
    with pytest.raises(FaceRejected) as refused:
        call(*args, **kwargs)
    return refused.value.code


# -- decoding ----------------------------------------------------------------------------------
def test_decode_refuses_what_is_not_an_image_and_what_is_too_large(jpeg):
    assert rejection(decode_frame, b"GIF89a not really") == "image_unreadable"
    assert rejection(decode_frame, b"\x00" * 2048, max_bytes=1024) == "image_too_large"
    huge = io.BytesIO()
    Image.new("1", (7000, 6000)).save(huge, format="PNG")  # 42 MP in a few kilobytes
    assert rejection(decode_frame, huge.getvalue()) == "image_too_large"
    truncated = jpeg(Image.new("RGB", (64, 64), "white"))[:200]
    assert rejection(decode_frame, truncated) == "image_unreadable"


def test_decode_honours_exif_orientation(engine, photo):
    upright = photo("obama_2.jpg")
    stored_sideways = upright.rotate(90, expand=True)  # what a phone sensor writes
    exif = Image.Exif()
    exif[0x0112] = 6  # "rotate 90° clockwise to display": undoes the CCW rotation above
    buffer = io.BytesIO()
    stored_sideways.save(buffer, format="JPEG", exif=exif)
    decoded = decode_frame(buffer.getvalue())
    assert decoded.size == upright.size
    assert len(engine.detect(decoded)) == 1
    assert engine.detect(stored_sideways) == []  # the detector is frontal-only: orientation matters


# -- enrolment ---------------------------------------------------------------------------------
def test_enrolment_keeps_one_template_per_frame_and_a_face_jpeg(jpeg, engine, photo):
    frames = [jpeg(photo(n)) for n in ("obama_1.jpg", "obama_2.jpg", "obama_4.jpg")]
    enrolment = check_enrolment_frames(engine, frames)
    assert enrolment.engine == engine.name
    assert len(enrolment.templates) == 3
    assert Image.open(io.BytesIO(enrolment.face_jpeg)).format == "JPEG"


def test_enrolment_refuses_frames_of_different_people(jpeg, engine, photo):
    frames = [jpeg(photo(n)) for n in ("obama_1.jpg", "obama_2.jpg", "biden_1.jpg")]
    assert rejection(check_enrolment_frames, engine, frames) == "not_same_person"


def test_enrolment_refuses_group_photo_tiny_face_dark_face_and_frame_counts(jpeg, engine, photo):
    good = [jpeg(photo("leslie_1.jpg")), jpeg(photo("leslie_2.jpg"))]
    portrait = photo("leslie_2.jpg")
    tiny = portrait.resize((portrait.width * 60 // 225, portrait.height * 60 // 225))  # ≈60 px face
    dark = Image.eval(portrait, lambda value: value // 8)
    assert rejection(
        check_enrolment_frames, engine, [*good, jpeg(photo("group_two_people.jpg"))]
    ) == ("multiple_faces")
    assert rejection(check_enrolment_frames, engine, [*good, jpeg(tiny)]) == "face_too_small"
    assert rejection(check_enrolment_frames, engine, [*good, jpeg(dark)]) == "face_too_dark"
    assert rejection(check_enrolment_frames, engine, good) == "too_few_frames"
    assert rejection(check_enrolment_frames, engine, good * 3) == "too_many_frames"


def test_tiny_face_is_found_but_too_small(engine, photo):
    portrait = photo("leslie_2.jpg")
    tiny = portrait.resize((portrait.width * 60 // 225, portrait.height * 60 // 225))
    (face,) = engine.detect(tiny)
    assert face.width_px < QualityLimits().min_face_px


# -- login -------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def turn_right_frames(video_frames, jpeg) -> list[bytes]:
    return [jpeg(video_frames[n]) for n in HEAD_TURN_RIGHT]


def test_one_to_one_login_with_head_turn_accepts_the_right_user(
    engine, enrolled, turn_right_frames
):
    match = verify_login(engine, turn_right_frames, [enrolled["miranda"]], challenge="turn_right")
    assert match.user_id == "miranda"
    assert match.similarity >= engine.default_threshold
    assert match.liveness is not None and match.liveness.passed


def test_one_to_one_login_as_someone_else_is_not_recognized(engine, enrolled, turn_right_frames):
    code = rejection(
        verify_login, engine, turn_right_frames, [enrolled["obama"]], challenge="turn_right"
    )
    assert code == "not_recognized"


def test_one_to_n_finds_the_right_user_among_several(
    jpeg, engine, enrolled, turn_right_frames, photo
):
    everyone = list(enrolled.values())
    match = verify_login(engine, turn_right_frames, everyone, challenge="turn_either")
    assert match.user_id == "miranda"
    assert match.runner_up_similarity is not None
    assert match.similarity - match.runner_up_similarity >= 8.0
    # A different person, logging in from photos without liveness, among the same users.
    frames = [jpeg(photo(n)) for n in ("obama_4.jpg", "obama_small.jpg")]
    assert (
        verify_login(engine, frames, everyone, challenge=None, liveness_required=False).user_id
        == "obama"
    )


def test_one_to_n_refuses_an_unenrolled_face(engine, enrolled, turn_right_frames):
    others = [c for user, c in enrolled.items() if user != "miranda"]
    code = rejection(verify_login, engine, turn_right_frames, others, challenge="turn_right")
    assert code == "not_recognized"


def test_one_to_n_refuses_an_ambiguous_best_match(engine, enrolled, turn_right_frames):
    # Two accounts enrolled by the same person: no margin between them, so no identification.
    twin = Candidate("miranda_second_account", enrolled["miranda"].templates)
    candidates = [*enrolled.values(), twin]
    code = rejection(verify_login, engine, turn_right_frames, candidates, challenge="turn_right")
    assert code == "ambiguous_match"


def test_login_refuses_a_still_photo_replay(jpeg, engine, enrolled, photo):
    still = photo("obama_4.jpg")
    frames = [jpeg(still), jpeg(still, quality=70), jpeg(still.resize((760, 428)))]
    code = rejection(verify_login, engine, frames, [enrolled["obama"]], challenge="turn_either")
    assert code == "liveness_failed"
    # The same frames pass recognition when liveness is off: the refusal above is liveness alone.
    match = verify_login(
        engine, frames, [enrolled["obama"]], challenge=None, liveness_required=False
    )
    assert match.user_id == "obama"


def test_login_refuses_different_people_across_frames(
    jpeg, engine, enrolled, turn_right_frames, photo
):
    frames = [*turn_right_frames[:2], jpeg(photo("lacamoire_2.jpg"))]
    code = rejection(verify_login, engine, frames, [enrolled["miranda"]], challenge="turn_right")
    assert code == "not_same_person"


def test_login_reports_the_first_frame_problem(jpeg, engine, enrolled, turn_right_frames, photo):
    frames = turn_right_frames
    no_face = jpeg(Image.new("RGB", (640, 480), (90, 120, 160)))
    assert rejection(
        verify_login, engine, [*frames[:2], no_face], [enrolled["miranda"]], challenge="turn_right"
    ) == ("no_face")
    group = jpeg(photo("group_harington_leslie.jpg"))
    assert rejection(
        verify_login, engine, [group, *frames[:2]], [enrolled["miranda"]], challenge="turn_right"
    ) == ("multiple_faces")


def test_login_rejects_a_challenge_the_engine_cannot_verify(engine, enrolled, turn_right_frames):
    with pytest.raises(ValueError, match="blink"):
        verify_login(engine, turn_right_frames, [enrolled["miranda"]], challenge="blink")
