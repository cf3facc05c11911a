"""Search over HTTP on both databases: accents, case, prefixes, AND, ownership, filters, and the
index following every change (rename, describe, move, album rename, trash, delete, reindex)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import text

from server.__main__ import main as server_main


def found(api, account, q: str = "", **params) -> list[str]:  # type: ignore[no-untyped-def]
    response = api.client.get("/api/v1/search", params={"q": q, **params}, headers=account.headers)
    assert response.status_code == 200, response.text
    return sorted(item["name"] for item in response.json()["items"])


def test_accents_case_prefixes_and_every_word(api):
    account = api.register("lucia")
    album = api.create_album(account, "Verano")
    api.upload(account, album["id"], name="Canción de cumpleaños", description="Con la abuela")
    api.upload(account, album["id"], name="CUMPLEAÑOS en la PLAYA", description="sol y mar")
    api.upload(account, album["id"], name="Montaña", description="nieve")

    assert found(api, account, "cancion") == ["Canción de cumpleaños"]
    assert found(api, account, "CANCIÓN") == ["Canción de cumpleaños"]
    assert found(api, account, "cumpleaños") == ["CUMPLEAÑOS en la PLAYA", "Canción de cumpleaños"]
    assert found(api, account, "cumple") == ["CUMPLEAÑOS en la PLAYA", "Canción de cumpleaños"]
    assert found(api, account, "cum pla") == ["CUMPLEAÑOS en la PLAYA"]  # AND of two prefixes
    assert found(api, account, "cumpleanos abuela") == ["Canción de cumpleaños"]
    assert found(api, account, "cumpleanos nieve") == []
    assert found(api, account, "sol mar") == ["CUMPLEAÑOS en la PLAYA"]  # 3-letter words
    assert found(api, account, "verano") == sorted(  # the album's name
        ["Canción de cumpleaños", "CUMPLEAÑOS en la PLAYA", "Montaña"]
    )
    assert found(api, account, "montana") == ["Montaña"]
    assert found(api, account, "cumpleañossss") == []

    short = api.client.get("/api/v1/search", params={"q": "la"}, headers=account.headers)
    assert short.status_code == 400
    assert short.json()["error"]["code"] == "search_query_too_short"
    body = api.client.get("/api/v1/search", params={"q": "mar"}, headers=account.headers).json()
    assert body["terms"] == ["mar"]


def test_english_stop_words_and_short_spanish_words_are_found(api):
    """MariaDB's default full-text stop words ("the", "und", "com", "was") and its 3-letter
    minimum must not hide words people search for."""
    account = api.register("mario")
    album = api.create_album(account, "Conciertos")
    api.upload(account, album["id"], name="The Who", description="was und com www")
    api.upload(account, album["id"], name="Pan con sal", description="HBO")
    for query, expected in [
        ("the", ["The Who"]),
        ("who", ["The Who"]),
        ("und", ["The Who"]),
        ("com was", ["The Who"]),
        ("www", ["The Who"]),
        ("pan", ["Pan con sal"]),
        ("con sal", ["Pan con sal"]),
        ("hbo", ["Pan con sal"]),
    ]:
        assert found(api, account, query) == expected, query


def test_another_users_photos_are_never_found(api):
    owner = api.register("dueno")
    intruder = api.register("intruso")
    owner_album = api.create_album(owner, "Privado")
    api.upload(owner, owner_album["id"], name="Secreto familiar")
    intruder_album = api.create_album(intruder, "Mio")
    api.upload(intruder, intruder_album["id"], name="Otra cosa")
    assert found(api, intruder, "secreto") == []
    assert found(api, intruder, "privado") == []
    assert found(api, intruder) == ["Otra cosa", "me"]  # "me": the profile photo
    other_album = api.client.get(
        "/api/v1/search",
        params={"q": "secreto", "album_id": owner_album["id"]},
        headers=intruder.headers,
    )
    assert other_album.status_code == 404
    assert other_album.json()["error"]["code"] == "album_not_found"


def test_index_follows_rename_describe_move_album_rename_trash_and_delete(api):
    account = api.register("sofia")
    beach = api.create_album(account, "Playa")
    hills = api.create_album(account, "Sierra")
    photo = api.upload(account, beach["id"], name="Atardecer", description="")
    other = api.upload(account, beach["id"], name="Castillo", description="")
    headers = account.headers
    client = api.client

    client.patch(f"/api/v1/photos/{photo['id']}", json={"name": "Amanecer"}, headers=headers)
    assert found(api, account, "atardecer") == []
    assert found(api, account, "amanecer") == ["Amanecer"]

    client.patch(f"/api/v1/photos/{photo['id']}", json={"description": "Gaviotas"}, headers=headers)
    assert found(api, account, "gaviota") == ["Amanecer"]

    client.patch(f"/api/v1/photos/{photo['id']}", json={"album_id": hills["id"]}, headers=headers)
    assert found(api, account, "playa") == ["Castillo"]
    assert found(api, account, "sierra") == ["Amanecer"]

    renamed = client.patch(
        f"/api/v1/albums/{hills['id']}", json={"name": "Pirineo"}, headers=headers
    )
    assert renamed.status_code == 200
    assert found(api, account, "sierra") == []
    assert found(api, account, "pirineo") == ["Amanecer"]

    bulk = client.post(
        "/api/v1/photos/bulk",
        json={"action": "move", "ids": [other["id"]], "album_id": hills["id"]},
        headers=headers,
    )
    assert bulk.status_code == 200
    assert found(api, account, "pirineo") == ["Amanecer", "Castillo"]

    assert client.delete(f"/api/v1/photos/{photo['id']}", headers=headers).status_code == 204
    assert found(api, account, "amanecer") == []  # in the trash: not found
    client.post(
        "/api/v1/photos/bulk", json={"action": "restore", "ids": [photo["id"]]}, headers=headers
    )
    assert found(api, account, "amanecer") == ["Amanecer"]

    assert client.delete(f"/api/v1/albums/{hills['id']}", headers=headers).status_code == 204
    assert found(api, account, "pirineo") == []
    assert found(api, account) == ["me"]  # only the profile photo is left


def test_filters_album_dates_and_text(api, app_context):
    account = api.register("nora")
    first = api.create_album(account, "Uno")
    second = api.create_album(account, "Dos")
    a = api.upload(account, first["id"], name="Foto fiesta uno")
    b = api.upload(account, second["id"], name="Foto fiesta dos")
    with app_context.session_factory() as db:  # a photo with words read from the image
        db.execute(text("UPDATE photos SET ocr_text = 'SALIDA' WHERE id = :id"), {"id": b["id"]})
        db.commit()
    today = datetime.now(UTC).date()
    assert found(api, account, "fiesta", album_id=first["id"]) == ["Foto fiesta uno"]
    assert found(api, account, "fiesta", has_text="true") == ["Foto fiesta dos"]
    assert found(api, account, "fiesta", has_text="false") == ["Foto fiesta uno"]
    assert found(api, account, "fiesta", **{"from": str(today), "to": str(today)}) == sorted(
        [a["name"], b["name"]]
    )
    tomorrow = str(today + timedelta(days=1))
    assert found(api, account, "fiesta", **{"from": tomorrow}) == []
    assert found(api, account, str(today.year)) == sorted([a["name"], b["name"], "me"])  # year
    reversed_dates = api.client.get(
        "/api/v1/search", params={"from": tomorrow, "to": str(today)}, headers=account.headers
    )
    assert reversed_dates.status_code == 400
    assert reversed_dates.json()["error"]["code"] == "dates_reversed"


def test_pages_follow_the_cursor(api):
    account = api.register("paula")
    album = api.create_album(account, "Muchas")
    for n in range(5):
        api.upload(account, album["id"], name=f"Viaje {n}")
    seen: list[str] = []
    cursor = None
    while True:
        params = {"q": "viaje", "limit": 2} | ({"cursor": cursor} if cursor else {})
        page = api.client.get("/api/v1/search", params=params, headers=account.headers).json()
        seen += [item["name"] for item in page["items"]]
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert sorted(seen) == [f"Viaje {n}" for n in range(5)]
    bad = api.client.get(
        "/api/v1/search", params={"q": "viaje", "cursor": "nope"}, headers=account.headers
    )
    assert bad.status_code == 400 and bad.json()["error"]["code"] == "invalid_cursor"


def test_reindex_command_rebuilds_a_lost_index(api, app_context, capsys):
    account = api.register("rosa")
    album = api.create_album(account, "Familia")
    api.upload(account, album["id"], name="Abuelos en Granada")
    with app_context.session_factory() as db:
        db.execute(text("DELETE FROM photo_search"))
        db.commit()
    assert found(api, account, "granada") == []
    settings = app_context.settings
    argv = ["reindex", "--data-dir", str(settings.data_dir)]
    if settings.database_url:
        argv += ["--database-url", settings.database_url]
    assert server_main(argv) == 0
    assert '"indexed": 2' in capsys.readouterr().out  # the album photo and the profile photo
    assert found(api, account, "granada") == ["Abuelos en Granada"]
    assert found(api, account, "the") == []


def test_filters_that_keep_few_of_many_matches_still_fill_the_page(api, app_context):
    """The index answers candidates in batches; a selective filter makes it ask for more."""
    from server.photos.models import Photo
    from server.search.index import index_photo

    account = api.register("muchas")
    crowded = api.create_album(account, "Llena")
    rare = api.create_album(account, "Rara")
    with app_context.session_factory() as db:
        for n in range(260):
            album_id = rare["id"] if n < 3 else crowded["id"]  # the rare ones are the oldest
            photo = Photo(
                user_id=account.user["id"],
                album_id=album_id,
                name=f"Fiesta {n}",
                description="",
                content_type="image/jpeg",
                size_bytes=1,
                width=1,
                height=1,
                sha256=f"{n:064x}",
                original_key=f"k{n}o",
                preview_key=f"k{n}p",
                thumbnail_key=f"k{n}t",
                labels_state="none",
            )
            db.add(photo)
            index_photo(db, photo, album_name="x")
        db.commit()
    assert found(api, account, "fiesta", album_id=rare["id"]) == [
        "Fiesta 0",
        "Fiesta 1",
        "Fiesta 2",
    ]
    page = api.client.get(
        "/api/v1/search", params={"q": "fiesta", "limit": 100}, headers=account.headers
    ).json()
    assert len(page["items"]) == 100 and page["items"][0]["name"] == "Fiesta 259"  # newest first
