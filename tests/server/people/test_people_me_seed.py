""" "Me" comes from face login when the profile photo shows no face: the enrolment embeddings
(real frames of the fixture video, enrolled over HTTP) find the user in their photos."""

from __future__ import annotations

import io
from pathlib import Path

import cv2
import pytest
from PIL import Image

from server.jobs.runner import JobRunner

pytestmark = pytest.mark.slow

ENROL_FRAMES = (90, 130, 170)  # Lin-Manuel Miranda turning his head


def video_frames(faces_dir: Path, wanted: tuple[int, ...]) -> list[bytes]:
    capture = cv2.VideoCapture(str(faces_dir.parent / "video" / "hamilton_clip.mp4"))
    frames: dict[int, bytes] = {}
    index = 0
    while index <= max(wanted):
        ok, frame = capture.read()
        if not ok:
            break
        if index in wanted:
            frames[index] = cv2.imencode(".jpg", frame)[1].tobytes()
        index += 1
    capture.release()
    return [frames[i] for i in wanted]


def faceless_jpeg() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (400, 300), "seagreen").save(buffer, "JPEG")
    return buffer.getvalue()


def test_face_login_enrolment_seeds_me(api, runner: JobRunner, fixture_bytes, faces_dir):
    account = api.register("lin", photo=faceless_jpeg())
    runner.run_until_idle()
    enrolled = api.client.put(
        "/api/v1/me/face",
        data={"current_password": account.password},
        files=[
            ("frames", (f"f{i}.jpg", frame, "image/jpeg"))
            for i, frame in enumerate(video_frames(faces_dir, ENROL_FRAMES))
        ],
        headers=account.headers,
    )
    assert enrolled.status_code == 200, enrolled.text

    album = api.create_album(account)
    mine = api.upload(account, album["id"], fixture_bytes("miranda_1.png"), filename="m.png")
    other = api.upload(account, album["id"], fixture_bytes("lacamoire_1.jpg"))
    runner.run_until_idle()

    page = api.client.get("/api/v1/people/me/photos", headers=account.headers).json()
    assert [p["id"] for p in page["items"]] == [mine["id"]]
    (face,) = api.client.get(f"/api/v1/photos/{other['id']}/faces", headers=account.headers).json()
    assert face["person"] is None
