"""Migration 0010: accounts stored before logins were normalised log in by email again.

An old-schema database (the head before 0010) gets rows as the old sign-up wrote them
(``email.strip().lower()``, ``username.lower()``); after the upgrade the owners log in over HTTP
typing their email in NFD or upper case, and where two old rows are one address under the new
rules both accounts survive.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, create_engine, text
from sqlalchemy.engine import make_url

from server.app import build_context, create_app
from server.auth.security import hash_password
from server.migrate import upgrade
from tests.server.conftest import MYSQL_ADMIN_URL, make_settings

PREVIOUS_HEAD = "0002"
NOW = "2026-01-01 00:00:00.000000"
PASSWORDS = {n: f"old account {n} pw" for n in range(1, 7)}
NFD_JOSE = "jose\u0301"  # "josé" as a Mac keyboard may send it


@pytest.fixture(params=["sqlite", pytest.param("mysql", marks=pytest.mark.mysql)])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """An empty database of its own (the session's MariaDB database is already at the head)."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'facealbum.sqlite3'}"
        return
    admin = create_engine(MYSQL_ADMIN_URL)
    name = f"facealbum_mig_{uuid.uuid4().hex[:10]}"
    with admin.begin() as connection:
        connection.execute(
            text(f"CREATE DATABASE `{name}` CHARACTER SET utf8mb4 COLLATE utf8mb4_bin")
        )
    try:
        url = make_url(MYSQL_ADMIN_URL).set(database=name, query={"charset": "utf8mb4"})
        yield url.render_as_string(hide_password=False)
    finally:
        with admin.begin() as connection:
            connection.execute(text(f"DROP DATABASE IF EXISTS `{name}`"))
        admin.dispose()


def _old_account(engine: Engine, user_id: int, username: str, typed_email: str) -> None:
    """A row as the sign-up before normalisation wrote it."""
    with engine.begin() as db:
        db.execute(
            text(
                "INSERT INTO users (id, username, username_key, email, full_name, password_hash,"
                " language, created_at, updated_at) VALUES (:id, :username, :key, :email, '',"
                " :hash, 'es', :now, :now)"
            ),
            {
                "id": user_id,
                "username": username,
                "key": username.lower(),
                "email": typed_email.strip().lower(),
                "hash": hash_password(PASSWORDS[user_id]),
                "now": NOW,
            },
        )


def _emails(engine: Engine) -> dict[int, str]:
    with engine.connect() as db:
        return {row.id: row.email for row in db.execute(text("SELECT id, email FROM users"))}


def test_old_rows_are_normalised_and_their_owners_log_in_by_email(
    database_url: str, tmp_path: Path, faces_dir: Path, caplog: pytest.LogCaptureFixture
) -> None:
    engine = create_engine(database_url)
    upgrade(engine, PREVIOUS_HEAD)
    _old_account(engine, 1, "Jose", f"  {NFD_JOSE}@Example.com ")  # NFD, stored NFD
    _old_account(engine, 2, "Kate", "Kate.Smith@Example.COM")  # already the normalised form
    _old_account(engine, 3, "Grete", "Straße@Example.com")  # lower() keeps ß; casefold is ss
    # Two old rows that are one address under the new rules, neither stored normalised:
    _old_account(engine, 4, "Maria", "ma\u0301ria.straße@example.com")
    _old_account(engine, 5, "Maria2", "ma\u0301ria.strasse@example.com")
    # An old row whose spelling another account already holds normalised (the later one wins
    # nothing: the holder keeps the address).
    _old_account(engine, 6, "Jose2", "JOSÉ@example.com")  # NFC: stored as the normalised form
    before = _emails(engine)

    with caplog.at_level(logging.WARNING, logger="server.migrations"):
        upgrade(engine)

    after = _emails(engine)
    assert after == {
        1: NFD_JOSE + "@example.com",  # account 6 already held "josé@example.com"
        2: "kate.smith@example.com",
        3: "strasse@example.com",
        4: "mária.strasse@example.com",  # the oldest of the two
        5: before[5],  # the later one keeps its stored spelling
        6: "josé@example.com",
    }
    kept = sorted(r.args[0] for r in caplog.records if r.name == "server.migrations")  # type: ignore[index]
    assert kept == [1, 5]
    engine.dispose()

    context = build_context(make_settings(tmp_path / "data", database_url=database_url))
    try:
        with TestClient(create_app(context=context), raise_server_exceptions=False) as client:

            def login(name: str, user_id: int) -> int | None:
                response = client.post(
                    "/api/v1/auth/login", json={"login": name, "password": PASSWORDS[user_id]}
                )
                return response.json()["user"]["id"] if response.status_code == 200 else None

            # Typed as the owner types it now: NFD, upper case, ß.
            assert login("JOSE\u0301@EXAMPLE.COM", 6) == 6
            assert login("KATE.SMITH@example.com", 2) == 2
            assert login("STRASSE@example.com", 3) == 3
            assert login("straße@EXAMPLE.com", 3) == 3
            assert login("MA\u0301RIA.STRASSE@example.com", 4) == 4
            # The accounts that lost the address are still there, by username.
            assert login("jose", 1) == 1
            assert login("MARIA2", 5) == 5
            assert login("mária.strasse@example.com", 5) is None
            # Nobody can take a normalised address again.
            taken = client.post(
                "/api/v1/auth/register",
                data={
                    "username": "nueva",
                    "email": "STRAßE@example.com",
                    "password": "brand new pw 1",
                    "password_confirm": "brand new pw 1",
                },
                files={
                    "photo": ("me.jpg", (faces_dir / "obama_small.jpg").read_bytes(), "image/jpeg")
                },
            )
            assert taken.status_code == 409 and taken.json()["error"]["code"] == "email_taken"
    finally:
        context.engine.dispose()
