"""Every photo answer names each tag in both UI languages (es, en), on both databases: tags
stored with both names as they are, and tags stored before (one language only) completed once,
by migration 0011, from the engines' own words."""

from __future__ import annotations

from typing import Any

from alembic import command
from sqlalchemy import update

from server.__main__ import main as server_main
from server.deps import AppContext
from server.migrate import alembic_config, upgrade
from server.photos.models import Photo

# Rows tagged before tags carried both names: the local engine's Spanish and English words, the
# Rekognition glossary, a word read in the image, a year, a camera, a name Translate gave.
OLD_SPANISH = [
    {"name": "Persona", "confidence": 99.4},
    {"name": "2 personas", "confidence": 97.0},
    {"name": "Horizontal", "confidence": 100},  # an int, as some old rows hold it
    {"name": "Junio de 2021", "confidence": 100.0},
    {"name": "2021", "confidence": 100.0},
    {"name": "HBO", "confidence": 95.5},
    {"name": "Playa", "confidence": 88.0},
    {"name": "Faro", "confidence": 75.25},
]
OLD_ENGLISH = [
    {"name": "Person", "confidence": 99.4},
    {"name": "3 people", "confidence": 97.0},
    {"name": "Portrait", "confidence": 100.0},  # the local engine's shape: a fact
    {"name": "Portrait", "confidence": 93.5},  # Rekognition's scene: a portrait photo
    {"name": "September 2019", "confidence": 100.0},
    {"name": "Canon EOS 80D", "confidence": 100.0},
    {"name": "Beach", "confidence": 88.0},
]


def both(photo: dict[str, Any]) -> list[tuple[str, str, str]]:
    return [(tag["name"], tag["names"]["es"], tag["names"]["en"]) for tag in photo["labels"]]


def store_labels(
    app_context: AppContext, photo_id: int, labels: list[dict[str, Any]], language: str
) -> None:
    with app_context.session_factory() as db:
        db.execute(
            update(Photo)
            .where(Photo.id == photo_id)
            .values(labels=labels, labels_language=language, labels_state="done")
        )
        db.commit()


def migrate_from_before_label_names(app_context: AppContext) -> None:
    """Back to the schema before migration 0011 (it changes no table), then up to the head: how
    an operator's upgrade meets rows tagged before."""
    config = alembic_config()
    with app_context.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0010")
    upgrade(app_context.engine)


def every_answer(api, account, photo_id: int, album_id: int, query: str) -> list[dict[str, Any]]:  # type: ignore[no-untyped-def]
    """The photo as each route shows it: alone, in its album's page, in search results."""
    headers = account.headers
    one = api.client.get(f"/api/v1/photos/{photo_id}", headers=headers)
    page = api.client.get(f"/api/v1/albums/{album_id}/photos", headers=headers)
    search = api.client.get("/api/v1/search", params={"q": query}, headers=headers)
    for response in (one, page, search):
        assert response.status_code == 200, response.text
    in_page = [item for item in page.json()["items"] if item["id"] == photo_id]
    in_search = [item for item in search.json()["items"] if item["id"] == photo_id]
    return [one.json(), *in_page, *in_search]


def reindex(app_context: AppContext) -> None:
    settings = app_context.settings
    argv = ["reindex", "--data-dir", str(settings.data_dir)]
    if settings.database_url:
        argv += ["--database-url", settings.database_url]
    assert server_main(argv) == 0


def test_tags_stored_in_spanish_before_answer_in_english_too(api, app_context: AppContext):
    account = api.register("antonia")
    album = api.create_album(account, "Verano")
    photo = api.upload(account, album["id"], name="Costa")
    store_labels(app_context, photo["id"], OLD_SPANISH, "es")
    migrate_from_before_label_names(app_context)
    reindex(app_context)  # how an operator refreshes search rows written before

    answers = every_answer(api, account, photo["id"], album["id"], "landscape people")
    assert len(answers) == 3, "the photo is in its page and found by its English tags"
    for answer in answers:
        assert both(answer) == [
            ("Persona", "Persona", "Person"),
            ("2 personas", "2 personas", "2 people"),
            ("Horizontal", "Horizontal", "Landscape"),
            ("Junio de 2021", "Junio de 2021", "June 2021"),
            ("2021", "2021", "2021"),
            ("HBO", "HBO", "HBO"),
            ("Playa", "Playa", "Beach"),
            ("Faro", "Faro", "Faro"),  # Translate's name: no English for it is stored
        ]
        assert [tag["confidence"] for tag in answer["labels"]][:3] == [99.4, 97.0, 100.0]
    one = api.client.get(f"/api/v1/photos/{photo['id']}", headers=account.headers)
    assert '{"name":"Horizontal","confidence":100.0,' in one.text  # a float, as the contract says


def test_tags_stored_in_english_before_answer_in_spanish_too(api, app_context: AppContext):
    account = api.register("oliver", language="en")
    album = api.create_album(account, "Trips")
    photo = api.upload(account, album["id"], name="Shore")
    store_labels(app_context, photo["id"], OLD_ENGLISH, "en")
    migrate_from_before_label_names(app_context)
    reindex(app_context)

    for answer in every_answer(api, account, photo["id"], album["id"], "playa retrato personas"):
        assert both(answer) == [
            ("Person", "Persona", "Person"),
            ("3 people", "3 personas", "3 people"),
            ("Portrait", "Vertical", "Portrait"),
            ("Portrait", "Retrato", "Portrait"),
            ("September 2019", "Septiembre de 2019", "September 2019"),
            ("Canon EOS 80D", "Canon EOS 80D", "Canon EOS 80D"),
            ("Beach", "Playa", "Beach"),
        ]


def test_tags_stored_with_both_names_answer_them_as_stored(api, app_context: AppContext):
    """Names given at tagging time (e.g. Amazon Translate's) win over anything worked out."""
    account = api.register("carmen")
    album = api.create_album(account, "Puerto")
    photo = api.upload(account, album["id"], name="Muelle")
    stored = [
        {"name": "Faro", "confidence": 75.25, "names": {"es": "Faro", "en": "Lighthouse"}},
        {"name": "Horizontal", "confidence": 100.0, "names": {"es": "Horizontal", "en": "Wide"}},
    ]
    store_labels(app_context, photo["id"], stored, "es")
    migrate_from_before_label_names(app_context)
    reindex(app_context)

    answers = every_answer(api, account, photo["id"], album["id"], "lighthouse")
    assert len(answers) == 3
    for answer in answers:
        assert answer["labels"] == stored


def test_a_photo_not_tagged_yet_answers_no_tags(api):
    account = api.register("paciente")
    album = api.create_album(account)
    photo = api.upload(account, album["id"])

    answer = api.client.get(f"/api/v1/photos/{photo['id']}", headers=account.headers).json()
    assert answer["labels"] == [] and answer["labels_state"] == "pending"
