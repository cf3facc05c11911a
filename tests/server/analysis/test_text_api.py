"""POST /api/v1/analysis/text: real OCR (rapidocr) over HTTP on rendered text and a real photo."""

from __future__ import annotations

from typing import Any

import pytest
from PIL import Image

pytestmark = [
    pytest.mark.slow,  # loads the OCR models (once per session)
    pytest.mark.parametrize(
        "backend", [pytest.param(("sqlite", "local"), id="sqlite-local")], indirect=True
    ),
]

MAX_UPLOAD_BYTES = 3 * 1024 * 1024
MAX_IMAGE_PIXELS = 4_000_000
SPANISH_LINES = ["Cumpleaños de la señora Núñez", "Año nuevo en Málaga"]


@pytest.fixture
def settings_overrides() -> dict[str, Any]:
    # These tests check the words read, so a loaded machine must not cut them short: the 1.5 s
    # default budget is held by the hostile corpus (tests/server/hostile/test_corpus.py) and the
    # engine's deadline tests.
    return {
        "max_upload_bytes": MAX_UPLOAD_BYTES,
        "max_image_pixels": MAX_IMAGE_PIXELS,
        "text_time_budget_seconds": 60.0,
    }


def edit_distance(first: str, second: str) -> int:
    previous = list(range(len(second) + 1))
    for i, a in enumerate(first, start=1):
        current = [i]
        for j, b in enumerate(second, start=1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a != b)))
        previous = current
    return previous[-1]


def character_error_rate(expected: str, found: str) -> float:
    return edit_distance(expected, found) / max(1, len(expected))


def post_text(
    api, account, data: bytes, filename: str = "image.png", content_type: str = "image/png"
):
    return api.client.post(
        "/api/v1/analysis/text",
        files={"file": (filename, data, content_type)},
        headers=account.headers,
    )


def test_spanish_text_comes_back_with_its_accents(api, rendered, encoded):
    account = api.register("lectora")
    response = post_text(api, account, encoded(rendered(SPANISH_LINES)))
    assert response.status_code == 200, response.text
    body = response.json()
    expected = "\n".join(SPANISH_LINES)
    assert character_error_rate(expected, body["text"]) < 0.05, body["text"]
    assert "ñ" in body["text"] and "á" in body["text"]
    assert [line["text"] for line in body["lines"]] == body["text"].split("\n")
    first, second = body["lines"]
    assert first["box"]["top"] < second["box"]["top"]  # reading order
    for line in body["lines"]:
        assert 50 <= line["confidence"] <= 100
        box = line["box"]
        assert 0 <= box["left"] < box["left"] + box["width"] <= 1
        assert 0 <= box["top"] < box["top"] + box["height"] <= 1


def test_exif_orientation_is_applied_before_reading(api, rendered, encoded):
    account = api.register("girada")
    upright = rendered(["Fotos de familia"])
    # Stored turned a quarter; EXIF orientation 6 says "rotate 90° clockwise to view".
    stored = upright.transpose(Image.Transpose.ROTATE_90)
    exif = Image.Exif()
    exif[0x0112] = 6
    data = encoded(stored, "JPEG", quality=92, exif=exif.tobytes())
    body = post_text(api, account, data, "turned.jpg", "image/jpeg").json()
    assert character_error_rate("Fotos de familia", body["text"]) < 0.1, body


def test_printed_text_in_a_photo(api, fixture_bytes):
    account = api.register("fan")
    response = post_text(
        api, account, fixture_bytes("group_harington_leslie.jpg"), "hbo.jpg", "image/jpeg"
    )
    assert response.status_code == 200, response.text
    lines = [line["text"] for line in response.json()["lines"]]
    assert lines.count("HBO") >= 2, lines


def test_image_without_text_answers_no_lines(api, encoded):
    account = api.register("vacia")
    body = post_text(api, account, encoded(Image.new("RGB", (400, 300), "steelblue"))).json()
    assert body == {"text": "", "lines": [], "complete": True}


def test_not_an_image_is_415(api):
    account = api.register("texto")
    response = post_text(api, account, b"%PDF-1.7\nnot a picture at all", "doc.pdf", "image/png")
    assert response.status_code == 415
    assert response.json()["error"]["code"] == "unsupported_media_type"


def test_truncated_image_is_422(api, fixture_bytes):
    account = api.register("rota")
    data = fixture_bytes("obama_1.jpg")
    response = post_text(api, account, data[: len(data) // 3], "cut.jpg", "image/jpeg")
    assert response.status_code == 422
    assert response.json()["error"]["code"] == "image_unreadable"


def test_too_many_pixels_is_413(api, encoded):
    account = api.register("enorme")
    huge = Image.new("L", (2500, 2000), 255)  # 5 MP, over the 4 MP limit, a small file
    response = post_text(api, account, encoded(huge))
    assert response.status_code == 413
    assert response.json()["error"]["code"] == "image_too_large"


def test_file_over_the_size_limit_is_413(api):
    account = api.register("pesada")
    response = post_text(api, account, b"\x89PNG\r\n\x1a\n" + b"\0" * MAX_UPLOAD_BYTES)
    assert response.status_code == 413
    assert response.json()["error"]["code"] == "file_too_large"


def test_missing_file_is_400(api):
    account = api.register("olvido")
    response = api.client.post("/api/v1/analysis/text", headers=account.headers)
    assert response.status_code == 400
    error = response.json()["error"]
    assert error["code"] == "validation_error" and "file" in error["fields"]


def test_login_is_required(api, rendered, encoded):
    response = api.client.post(
        "/api/v1/analysis/text", files={"file": ("a.png", encoded(rendered(["Hola"])), "image/png")}
    )
    assert response.status_code == 401
    assert response.json()["error"]["code"] == "not_authenticated"
