"""Liveness on real frame sequences: the fixture video's head turns pass, replayed stills fail."""

from __future__ import annotations

import io

import numpy as np
import pytest
from PIL import Image

from server.engines.faces.liveness import check_liveness

pytestmark = pytest.mark.slow

# Frame numbers of the fixture clip, in capture order (see docs/face-login.md).
TURN_RIGHT = (84, 100, 114)  # yaw ≈ +11° → −5° → −9°: the person turns to their right
TURN_LEFT = (147, 158, 168)  # yaw ≈ −2° → +11° → +4°: the person turns to their left
HOLDING_STILL = (84, 87, 90)  # a tenth of a second: the head barely moves


def samples_of(engine, images):
    return [engine.sample(image) for image in images]


def frames(video_frames, numbers):
    return [video_frames[n] for n in numbers]


def with_noise(image: Image.Image, sigma: float, seed: int) -> Image.Image:
    pixels = np.asarray(image, dtype=np.float64)
    noisy = pixels + np.random.default_rng(seed).normal(0, sigma, pixels.shape)
    return Image.fromarray(np.clip(noisy, 0, 255).astype(np.uint8))


def recompressed(image: Image.Image, quality: int) -> Image.Image:
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=quality)
    return Image.open(io.BytesIO(buffer.getvalue())).convert("RGB")


def shifted_and_scaled(image: Image.Image, dx: int, dy: int, scale: float) -> Image.Image:
    width, height = image.size
    resized = image.resize((round(width * scale), round(height * scale)), Image.Resampling.BICUBIC)
    canvas = Image.new("RGB", image.size, (128, 128, 128))
    canvas.paste(resized, (dx, dy))
    return canvas


@pytest.mark.parametrize(
    ("numbers", "challenge"),
    [(TURN_RIGHT, "turn_right"), (TURN_RIGHT, "turn_either"), (TURN_LEFT, "turn_left")],
)
def test_video_head_turn_passes_its_challenge(engine, video_frames, numbers, challenge):
    report = check_liveness(samples_of(engine, frames(video_frames, numbers)), challenge)
    assert report.passed, report


def test_video_head_turn_fails_the_opposite_challenge(engine, video_frames):
    report = check_liveness(samples_of(engine, frames(video_frames, TURN_RIGHT)), "turn_left")
    assert not report.passed and report.reason == "no_head_turn"


def test_head_held_still_is_not_a_turn(engine, video_frames):
    report = check_liveness(samples_of(engine, frames(video_frames, HOLDING_STILL)), "turn_either")
    assert not report.passed


@pytest.mark.parametrize("name", ["obama_4.jpg", "miranda_1.png", "harington_2.jpg"])
def test_still_photo_replays_are_refused(engine, photo, name):
    still = photo(name)
    replays = {
        "same photo three times": [still, still, still],
        "noise added": [still, with_noise(still, 6, 1), with_noise(still, 15, 2)],
        "jpeg recompressed": [still, recompressed(still, 60), recompressed(still, 35)],
        "shifted and scaled": [
            still,
            shifted_and_scaled(still, 12, 0, 0.95),
            shifted_and_scaled(still, 0, 9, 0.9),
        ],
    }
    for label, images in replays.items():
        report = check_liveness(samples_of(engine, images), "turn_either")
        assert not report.passed, label
        assert report.reason in {"duplicate_frames", "still_image", "no_head_turn"}, label
    exact = check_liveness(samples_of(engine, replays["same photo three times"]), "turn_either")
    assert exact.reason == "duplicate_frames"
    noisy = check_liveness(samples_of(engine, replays["noise added"]), "turn_either")
    assert noisy.reason == "still_image"


def test_blink_needs_eyes_seen_closed(engine, video_frames):
    # The local engine never claims "eyes closed", so a blink can never be shown with it.
    report = check_liveness(samples_of(engine, frames(video_frames, TURN_RIGHT)), "blink")
    assert not report.passed and report.reason == "no_blink"


def test_unknown_challenge_is_a_programming_error(engine, video_frames):
    with pytest.raises(ValueError, match="nod"):
        check_liveness(samples_of(engine, frames(video_frames, TURN_RIGHT)), "nod")
