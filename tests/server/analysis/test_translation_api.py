"""GET /api/v1/photos/{id}/translation with Apertium: detection, cache, invalidation, errors."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import select

from server.deps import AppContext
from server.engines.translation.base import Language, Translation, Translator
from server.photos.models import PhotoTranslation

SQLITE_ONLY = pytest.mark.parametrize(
    "backend", [pytest.param(("sqlite", "local"), id="sqlite-local")], indirect=True
)


class CountingTranslator:
    """The real translator, counting the calls that do translation work."""

    def __init__(self, real: Translator) -> None:
        self._real = real
        self.name = real.name
        self.calls = 0

    def languages(self) -> list[Language]:
        return self._real.languages()

    def translate(
        self, texts: list[str], target: str, source: str | None = None
    ) -> list[Translation]:
        self.calls += 1
        return self._real.translate(texts, target, source)

    def detect_language(self, text: str) -> tuple[str, bool]:
        self.calls += 1
        return self._real.detect_language(text)


class EnginesWithCountingTranslator:
    def __init__(self, real: Any) -> None:
        self._real = real
        self.translator = CountingTranslator(real.translator)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._real, name)


@pytest.fixture
def counting(app_context: AppContext) -> CountingTranslator:
    engines = EnginesWithCountingTranslator(app_context.engines)
    app_context.engines = engines  # type: ignore[assignment]
    return engines.translator


def translation(api, account, photo_id: int, lang: str):
    return api.client.get(
        f"/api/v1/photos/{photo_id}/translation", params={"lang": lang}, headers=account.headers
    )


def cached_rows(app_context: AppContext, photo_id: int) -> list[PhotoTranslation]:
    with app_context.session_factory() as db:
        return list(
            db.scalars(select(PhotoTranslation).where(PhotoTranslation.photo_id == photo_id))
        )


def test_translation_is_cached_until_the_description_changes(api, app_context, counting):
    account = api.register("viajera")
    album = api.create_album(account)
    photo = api.upload(account, album["id"], description="Un día de sol en la playa con mis amigos")

    first = translation(api, account, photo["id"], "en")
    assert first.status_code == 200, first.text
    body = first.json()
    assert body["source_language"] == "es" and body["language"] == "en"
    assert body["source_detected"] is True and body["note"] is None
    assert body["engine"] == "local"
    assert "beach" in body["text"] and "friends" in body["text"]
    calls_after_first = counting.calls
    assert calls_after_first >= 1

    second = translation(api, account, photo["id"], "en")
    assert second.json() == body
    assert counting.calls == calls_after_first  # served from the database, engine not called

    patched = api.client.patch(
        f"/api/v1/photos/{photo['id']}",
        json={"description": "Cena con la familia"},
        headers=account.headers,
    )
    assert patched.status_code == 200
    third = translation(api, account, photo["id"], "en").json()
    assert counting.calls > calls_after_first
    assert "Dinner" in third["text"] and "family" in third["text"]
    rows = cached_rows(app_context, photo["id"])
    assert [(row.language, row.text) for row in rows] == [("en", third["text"])]


def test_a_new_description_removes_the_stored_translations_of_every_language(api, app_context):
    account = api.register("editora")
    album = api.create_album(account)
    photo = api.upload(account, album["id"], description="Cena con la familia en casa")
    for lang in ("en", "fr"):
        assert translation(api, account, photo["id"], lang).status_code == 200
    assert sorted(row.language for row in cached_rows(app_context, photo["id"])) == ["en", "fr"]

    unchanged = api.client.patch(
        f"/api/v1/photos/{photo['id']}",
        json={"description": "Cena con la familia en casa", "name": "Otra"},
        headers=account.headers,
    )
    assert unchanged.status_code == 200
    assert sorted(row.language for row in cached_rows(app_context, photo["id"])) == ["en", "fr"]

    patched = api.client.patch(
        f"/api/v1/photos/{photo['id']}",
        json={"description": "Mi perro en el parque"},
        headers=account.headers,
    )
    assert patched.status_code == 200
    assert cached_rows(app_context, photo["id"]) == []  # no stale French row stays behind
    english = translation(api, account, photo["id"], "en").json()
    assert "dog" in english["text"]
    rows = cached_rows(app_context, photo["id"])
    assert [(row.language, row.text) for row in rows] == [("en", english["text"])]


def test_each_language_is_cached_apart(api, app_context, counting):
    account = api.register("poliglota")
    album = api.create_album(account)
    photo = api.upload(account, album["id"], description="Cena con la familia en casa")
    french = translation(api, account, photo["id"], "fr").json()
    english = translation(api, account, photo["id"], "en").json()
    assert "famille" in french["text"] and "family" in english["text"]
    assert {row.language for row in cached_rows(app_context, photo["id"])} == {"fr", "en"}
    calls = counting.calls
    assert translation(api, account, photo["id"], "fr").json() == french
    assert counting.calls == calls


def test_each_photo_keeps_its_own_translation(api, app_context):
    account = api.register("dosfotos")
    album = api.create_album(account)
    dinner = api.upload(account, album["id"], description="Cena con la familia en casa")
    dog = api.upload(account, album["id"], description="Mi perro en el parque")
    for _round in range(2):  # translated, then served from the stored rows
        assert "family" in translation(api, account, dinner["id"], "en").json()["text"]
        assert "dog" in translation(api, account, dog["id"], "en").json()["text"]
    for photo, word in ((dinner, "family"), (dog, "dog")):
        rows = cached_rows(app_context, photo["id"])
        assert [row.language for row in rows] == ["en"] and word in rows[0].text


@SQLITE_ONLY
def test_a_stale_cache_row_is_recomputed(api, app_context, counting):
    """A row cached for another description (say, written by an older instance) is not served."""
    account = api.register("antigua")
    album = api.create_album(account)
    photo = api.upload(account, album["id"], description="Mi perro en el parque")
    translation(api, account, photo["id"], "en")
    with app_context.session_factory() as db:
        row = db.scalars(select(PhotoTranslation)).one()
        row.description_sha256 = "0" * 64
        row.text = "stale"
        db.commit()
    calls = counting.calls
    body = translation(api, account, photo["id"], "en").json()
    assert counting.calls > calls
    assert "dog" in body["text"] and body["text"] != "stale"


@SQLITE_ONLY
def test_same_source_and_target_returns_the_text_unchanged(api):
    account = api.register("local")
    album = api.create_album(account)
    text = "Un día de sol en la playa con mis amigos"
    photo = api.upload(account, album["id"], description=text)
    body = translation(api, account, photo["id"], "es").json()
    assert body["text"] == text and body["source_language"] == "es" and body["language"] == "es"


@SQLITE_ONLY
def test_unsure_source_falls_back_to_the_account_language(api):
    account = api.register("londres", language="en")
    album = api.create_album(account)
    photo = api.upload(account, album["id"], description="Hamilton")  # a name: no language
    body = translation(api, account, photo["id"], "es").json()
    assert body["source_language"] == "en"
    assert body["source_detected"] is False
    assert "English" in body["note"]
    assert body["text"] == "Hamilton"


@SQLITE_ONLY
@pytest.mark.parametrize("lang", ["de", "xx", "en;drop", "EN-GB-x-1"])
def test_unsupported_language_is_400(api, lang):
    account = api.register("alemana")
    album = api.create_album(account)
    photo = api.upload(account, album["id"], description="Un día de sol")
    response = translation(api, account, photo["id"], lang)
    assert response.status_code == 400
    error = response.json()["error"]
    assert error["code"] == "unsupported_language"
    assert "en" in error["fields"]["lang"]


@SQLITE_ONLY
def test_language_codes_compare_case_insensitively(api):
    account = api.register("mayus")
    album = api.create_album(account)
    photo = api.upload(account, album["id"], description="Cena con la familia")
    body = translation(api, account, photo["id"], "EN").json()
    assert body["language"] == "en" and "family" in body["text"]


@SQLITE_ONLY
def test_empty_description_is_400(api):
    account = api.register("muda")
    album = api.create_album(account)
    photo = api.upload(account, album["id"], description="")
    response = translation(api, account, photo["id"], "en")
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "empty_description"


@SQLITE_ONLY
def test_missing_lang_is_400(api):
    account = api.register("sinlengua")
    album = api.create_album(account)
    photo = api.upload(account, album["id"])
    response = api.client.get(f"/api/v1/photos/{photo['id']}/translation", headers=account.headers)
    assert response.status_code == 400
    assert "lang" in response.json()["error"]["fields"]


@SQLITE_ONLY
def test_another_users_photo_is_404(api):
    owner = api.register("duena")
    album = api.create_album(owner)
    photo = api.upload(owner, album["id"], description="Un día de sol")
    stranger = api.register("extrana")
    response = translation(api, stranger, photo["id"], "en")
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "photo_not_found"
    assert translation(api, stranger, 2_000_000, "en").status_code == 404
