"""The hot read paths (album list, photo page, one photo) serialise rows without building models:
their JSON must be exactly what the models give, and their owner and token checks as strict."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select, update

from server.albums.schemas import AlbumOut
from server.db import utcnow
from server.deps import AppContext
from server.photos.models import Photo
from server.photos.service import to_out

# As the tagger stores them (older rows, one name and int confidences, are migration 0011's).
STORED_LABELS = [
    {"name": "2 personas", "confidence": 99.42, "names": {"es": "2 personas", "en": "2 people"}},
    {"name": "Horizontal", "confidence": 100.0, "names": {"es": "Horizontal", "en": "Landscape"}},
    {
        "name": "Año nuevo en Málaga",
        "confidence": 91.5,
        "names": {"es": "Año nuevo en Málaga", "en": "New Year in Málaga"},
    },
]


def test_photo_json_matches_model(api, app_context: AppContext):
    account = api.register("lectora")
    album = api.create_album(account)
    uploaded = [api.upload(account, album["id"], name=f"Foto {n}") for n in range(3)]
    in_trash = api.upload(account, album["id"], name="En la papelera")
    with app_context.session_factory() as db:
        db.execute(
            update(Photo)
            .where(Photo.id == uploaded[0]["id"])
            .values(
                labels=STORED_LABELS,
                labels_state="done",
                camera="Canon EOS 80D",
                ocr_text="FELIZ\nAÑO NUEVO",
                taken_at=datetime(2024, 1, 1, 12, 0, tzinfo=UTC),  # no fraction: none written
            )
        )
        db.execute(
            update(Photo)
            .where(Photo.id == uploaded[1]["id"])
            .values(taken_at=datetime(2023, 6, 30, 23, 59, 59, 120000, tzinfo=UTC))
        )
        db.execute(update(Photo).where(Photo.id == in_trash["id"]).values(trashed_at=utcnow()))
        db.commit()
        expected = {
            photo.id: to_out(photo).model_dump_json()
            for photo in db.query(Photo).filter(Photo.album_id == album["id"])
        }

    trashed = api.client.get(f"/api/v1/photos/{in_trash['id']}", headers=account.headers)
    assert trashed.status_code == 200
    assert trashed.content.decode() == expected[in_trash["id"]]
    assert trashed.json()["trashed_at"] is not None

    one = api.client.get(f"/api/v1/photos/{uploaded[0]['id']}", headers=account.headers)
    assert one.status_code == 200
    assert one.headers["content-type"] == "application/json"
    assert one.content.decode() == expected[uploaded[0]["id"]]
    assert [label["confidence"] for label in one.json()["labels"]] == [99.42, 100.0, 91.5]
    assert b'"confidence":100.0' in one.content
    assert one.json()["image_text"] == "FELIZ\nAÑO NUEVO"

    page = api.client.get(f"/api/v1/albums/{album['id']}/photos?limit=2", headers=account.headers)
    assert page.status_code == 200
    body = page.content.decode()
    newest = [uploaded[2]["id"], uploaded[1]["id"]]
    items = ",".join(expected[photo_id] for photo_id in newest)
    assert body == f'{{"items":[{items}],"next_cursor":"{page.json()["next_cursor"]}"}}'
    rest = api.client.get(
        f"/api/v1/albums/{album['id']}/photos?limit=2&cursor={page.json()['next_cursor']}",
        headers=account.headers,
    )
    assert (
        rest.content.decode() == f'{{"items":[{expected[uploaded[0]["id"]]}],"next_cursor":null}}'
    )


def test_album_json_matches_model(api, app_context: AppContext):
    account = api.register("coleccion")
    album = api.create_album(account, "Playa")
    photo = api.upload(account, album["id"])
    in_trash = api.upload(account, album["id"], name="Borrada")
    with app_context.session_factory() as db:
        db.execute(update(Photo).where(Photo.id == in_trash["id"]).values(trashed_at=utcnow()))
        db.commit()
    listing = api.client.get("/api/v1/albums", headers=account.headers)
    assert listing.status_code == 200
    one = api.client.get(f"/api/v1/albums/{album['id']}", headers=account.headers).json()
    profile, playa = listing.json()
    assert profile["kind"] == "profile" and profile["photo_count"] == 1
    assert playa == one and playa["photo_count"] == 1 and playa["cover_photo_id"] == photo["id"]
    models = [AlbumOut.model_validate(item) for item in listing.json()]
    assert listing.content.decode() == "[" + ",".join(m.model_dump_json() for m in models) + "]"


def test_an_empty_album_is_an_empty_page_and_another_users_album_is_404(api):
    owner = api.register("duena")
    other = api.register("vecino")
    empty = api.create_album(owner, "Vacío")
    full = api.create_album(owner, "Lleno")
    api.upload(owner, full["id"])

    mine = api.client.get(f"/api/v1/albums/{empty['id']}/photos", headers=owner.headers)
    assert mine.status_code == 200 and mine.json() == {"items": [], "next_cursor": None}
    for album in (empty, full):
        for query in ("", "?limit=0", "?cursor=%%%"):
            theirs = api.client.get(
                f"/api/v1/albums/{album['id']}/photos{query}", headers=other.headers
            )
            assert theirs.status_code == 404, (album, query)
            assert theirs.json()["error"]["code"] == "album_not_found"
    bad_limit = api.client.get(f"/api/v1/albums/{full['id']}/photos?limit=0", headers=owner.headers)
    assert bad_limit.status_code == 400
    assert bad_limit.json()["error"]["fields"] == {"limit": "1..200"}


def _hot_read_paths(api, name):
    """A new account with one photo in one album, and the three hot reads of them."""
    account = api.register(name)
    album = api.create_album(account)
    photo = api.upload(account, album["id"])
    paths = [
        "/api/v1/albums",
        f"/api/v1/albums/{album['id']}/photos",
        f"/api/v1/photos/{photo['id']}",
    ]
    return account, paths


def test_a_logout_closes_the_hot_reads_at_once(api):
    account, paths = _hot_read_paths(api, "salida")
    for path in paths:
        assert api.client.get(path, headers=account.headers).status_code == 200
    assert api.client.post("/api/v1/auth/logout", headers=account.headers).status_code == 204
    for path in paths:
        response = api.client.get(path, headers=account.headers)
        assert response.status_code == 401, path
        assert response.json()["error"]["code"] == "invalid_token"
        assert response.headers["WWW-Authenticate"] == 'Bearer error="invalid_token"'


def test_an_expired_session_is_refused_by_the_hot_reads_before_anything_else(api, app_context):
    """The hot reads check the token inside their own query: a session past its expiry (or
    logged out) reads nothing of its user's, however the request is formed, while the same
    user's live session reads everything."""
    from server.auth.models import AuthSession

    account = api.register("vencida")
    album = api.create_album(account)
    photo = api.upload(account, album["id"])
    live = api.client.post(
        "/api/v1/auth/login", json={"login": "vencida", "password": account.password}
    ).json()
    live_headers = {"Authorization": f"Bearer {live['token']}"}
    with app_context.session_factory() as db:
        first = db.scalars(select(AuthSession).order_by(AuthSession.id)).first()
        assert first is not None
        first.expires_at = utcnow() - timedelta(seconds=1)
        db.commit()
    paths = [
        "/api/v1/albums",
        f"/api/v1/albums/{album['id']}/photos",
        f"/api/v1/albums/{album['id']}/photos?limit=0",  # a bad limit: still 401 first
        f"/api/v1/albums/{album['id'] + 1000}/photos",
        f"/api/v1/photos/{photo['id']}",
        f"/api/v1/photos/{photo['id'] + 1000}",
    ]
    for path in paths:
        refused = api.client.get(path, headers=account.headers)
        assert refused.status_code == 401, path
        assert refused.json()["error"]["code"] == "invalid_token", path
    assert api.client.get(paths[0], headers=live_headers).json()[1]["id"] == album["id"]
    page = api.client.get(paths[1], headers=live_headers).json()
    assert [item["id"] for item in page["items"]] == [photo["id"]]
    assert api.client.get(paths[2], headers=live_headers).status_code == 400
    assert api.client.get(paths[3], headers=live_headers).json()["error"]["code"] == (
        "album_not_found"
    )
    assert api.client.get(paths[4], headers=live_headers).json()["id"] == photo["id"]
    assert api.client.get(paths[5], headers=live_headers).json()["error"]["code"] == (
        "photo_not_found"
    )


@pytest.mark.parametrize(
    "backend",
    [pytest.param(("mysql", "s3"), id="mysql-s3", marks=pytest.mark.mysql)],
    indirect=True,
)
def test_hot_reads_survive_connections_the_database_server_dropped(api, client, app_context):
    """On MySQL the hot reads run on their own async, unpinged pool: when the server drops its
    connections (a restart, a failover, its idle timeout) the next reads still answer, and
    writes (pinged pool) too."""
    from sqlalchemy import create_engine, text

    account, paths = _hot_read_paths(api, "caida")
    before = [client.get(path, headers=account.headers).json() for path in paths]
    assert client.app.state.async_reads is not None  # the reads above used the async pool
    admin = create_engine(app_context.engine.url)
    try:
        with admin.connect() as connection:
            victims = connection.scalars(
                text(
                    "SELECT ID FROM information_schema.PROCESSLIST "
                    "WHERE DB = DATABASE() AND ID <> CONNECTION_ID()"
                )
            ).all()
            assert victims  # the service's pooled connections
            for victim in victims:
                connection.execute(text(f"KILL CONNECTION {int(victim)}"))
    finally:
        admin.dispose()
    after = [client.get(path, headers=account.headers) for path in paths]
    assert [response.status_code for response in after] == [200, 200, 200]
    assert [response.json() for response in after] == before
    album_id = before[0][1]["id"]  # the list: the profile album, then this one
    renamed = client.patch(
        f"/api/v1/albums/{album_id}", json={"name": "Tras el corte"}, headers=account.headers
    )
    assert renamed.status_code == 200 and renamed.json()["name"] == "Tras el corte"
