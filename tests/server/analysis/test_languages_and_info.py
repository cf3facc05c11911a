"""GET /api/v1/languages and what /api/v1/info says about each capability."""

from __future__ import annotations

from typing import Any

import pytest
from PIL import Image

pytestmark = pytest.mark.parametrize(
    "backend", [pytest.param(("sqlite", "local"), id="sqlite-local")], indirect=True
)


def test_languages_lists_what_apertium_offers_without_login(client):
    response = client.get("/api/v1/languages")
    assert response.status_code == 200
    languages = response.json()
    codes = [language["code"] for language in languages]
    assert {"en", "es", "fr", "pt"} <= set(codes)
    assert "de" not in codes  # Debian ships no German pair
    assert codes == sorted(codes)
    assert {"code": "es", "name": "Español"} in languages


def test_info_says_which_engine_serves_each_capability(client):
    info = client.get("/api/v1/info").json()
    assert info["engines"] == {
        "faces": "local",
        "text": "local",
        "labels": "local",
        "translation": "local",
    }
    capabilities = info["capabilities"]
    assert capabilities["text"]["provider"].startswith("rapidocr")
    assert capabilities["translation"] == {
        "engine": "local",
        "provider": "Apertium",
        "available": True,
    }
    assert capabilities["labels"]["sees"] == ["faces", "text", "shape", "exif"]
    assert info["translation_languages"] == client.get("/api/v1/languages").json()


class TestWithEnginesTurnedOff:
    @pytest.fixture
    def settings_overrides(self) -> dict[str, Any]:
        return {"translation_engine": "none", "text_engine": "none", "labels_engine": "none"}

    def test_languages_is_503(self, client):
        response = client.get("/api/v1/languages")
        assert response.status_code == 503
        error = response.json()["error"]
        assert error["code"] == "translation_unavailable"
        assert "FACEALBUM_TRANSLATION_ENGINE" in error["message"]

    def test_translation_is_503(self, api):
        account = api.register("apagado")
        album = api.create_album(account)
        photo = api.upload(account, album["id"], description="Un día de sol")
        response = api.client.get(
            f"/api/v1/photos/{photo['id']}/translation",
            params={"lang": "en"},
            headers=account.headers,
        )
        assert response.status_code == 503
        assert response.json()["error"]["code"] == "translation_unavailable"

    def test_extract_text_is_503(self, api, encoded):
        account = api.register("sinocr")
        image = encoded(Image.new("RGB", (64, 64), "white"))
        response = api.client.post(
            "/api/v1/analysis/text",
            files={"file": ("a.png", image, "image/png")},
            headers=account.headers,
        )
        assert response.status_code == 503
        assert response.json()["error"]["code"] == "text_unavailable"

    def test_info_says_none(self, client):
        info = client.get("/api/v1/info").json()
        assert info["translation_languages"] == []
        translation = info["capabilities"]["translation"]
        assert translation == {"engine": "none", "provider": None, "available": False}
        assert info["capabilities"]["labels"]["engine"] == "none"
        assert "sees" not in info["capabilities"]["labels"]
