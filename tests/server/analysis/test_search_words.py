"""What the tagging job adds to search: the words read in the image and the tags in Spanish and
English; and the backfill job for photos stored before search existed."""

from __future__ import annotations

import pytest
from sqlalchemy import text, update

from server.jobs import repository as jobs
from server.jobs.runner import JobRunner
from server.photos.models import Photo

pytestmark = pytest.mark.slow  # real OCR and label models


def found(api, account, q: str, **params) -> list[int]:  # type: ignore[no-untyped-def]
    response = api.client.get("/api/v1/search", params={"q": q, **params}, headers=account.headers)
    assert response.status_code == 200, response.text
    return [item["id"] for item in response.json()["items"]]


def test_words_in_the_image_and_tags_in_both_languages_are_found(
    api, runner: JobRunner, rendered, encoded, fixture_bytes
):
    account = api.register("lectora")
    album = api.create_album(account, "Capturas")
    poster = api.upload(account, album["id"], encoded(rendered(["HBO", "Estreno"])), name="Cartel")
    people = api.upload(account, album["id"], fixture_bytes("group_two_people.jpg"), name="Grupo")
    assert found(api, account, "hbo") == []  # not read yet

    runner.run_until_idle()

    photo = api.client.get(f"/api/v1/photos/{poster['id']}", headers=account.headers).json()
    assert "HBO" in (photo["image_text"] or "")
    assert found(api, account, "hbo") == [poster["id"]]
    assert found(api, account, "estreno") == [poster["id"]]
    assert found(api, account, "cartel", has_text="true") == [poster["id"]]
    assert people["id"] in found(api, account, "persona")  # the tag, in the user's language
    assert people["id"] in found(api, account, "person")  # and in English


def test_backfill_job_indexes_photos_stored_before_search(
    api, app_context, runner: JobRunner, rendered, encoded
):
    account = api.register("antigua")
    album = api.create_album(account, "Viejas")
    photo = api.upload(account, album["id"], encoded(rendered(["Biblioteca"])), name="Sin indexar")
    runner.run_until_idle()
    with app_context.session_factory() as db:  # as a photo stored before migration 0004
        db.execute(update(Photo).where(Photo.id == photo["id"]).values(ocr_text=None))
        db.execute(text("DELETE FROM photo_search"))
        jobs.enqueue(db, kind=jobs.INDEX_PHOTO, photo_id=photo["id"])
        db.commit()
    assert found(api, account, "biblioteca") == []
    assert runner.run_until_idle() == 1
    assert found(api, account, "biblioteca") == [photo["id"]]
    assert found(api, account, "indexar") == [photo["id"]]
