"""Throttling cannot be raced: concurrent wrong passwords sent to two instances sharing one
database lock after exactly the limit, on SQLite and on MariaDB; the username and the email
of an account share one lock."""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor

import httpx
import pytest
from hostile_server import PASSWORD, ServerProcess, free_port, register, start_server
from sqlalchemy import create_engine, inspect, text

LIMIT = 5
CONCURRENT = 12


def _empty_mysql_database(url: str) -> None:
    engine = create_engine(url)
    try:
        tables = [t for t in inspect(engine).get_table_names() if t != "alembic_version"]
        with engine.begin() as connection:
            connection.execute(text("SET FOREIGN_KEY_CHECKS=0"))
            for table in tables:
                connection.execute(text(f"DELETE FROM `{table}`"))
            connection.execute(text("SET FOREIGN_KEY_CHECKS=1"))
    finally:
        engine.dispose()


@pytest.fixture(
    params=[pytest.param("sqlite"), pytest.param("mysql", marks=pytest.mark.mysql)],
    scope="module",
)
def instances(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[list[ServerProcess]]:
    """Two server processes sharing one database (the SQLite file, or a MariaDB database)."""
    folder = tmp_path_factory.mktemp(f"race-{request.param}")
    database_url = None
    if request.param == "mysql":
        database_url = request.getfixturevalue("mysql_url")
        _empty_mysql_database(database_url)
    env = {
        "FACEALBUM_LOGIN_MAX_FAILURES": str(LIMIT),
        "FACEALBUM_LOGIN_MAX_FAILURES_PER_ADDRESS": "1000",
    }
    first = start_server(folder / "data", free_port(), env=env, database_url=database_url)
    servers = [first]
    try:
        # The second instance shares the SQLite file (same data dir) or the MariaDB database.
        data_dir = folder / "data" if database_url is None else folder / "data2"
        servers.append(start_server(data_dir, free_port(), env=env, database_url=database_url))
        yield servers
    finally:
        for server in servers:
            server.stop()


def _login(url: str, login: str, password: str) -> int:
    response = httpx.post(
        f"{url}/api/v1/auth/login", json={"login": login, "password": password}, timeout=120
    )
    return response.status_code


def _concurrently(instances: list[ServerProcess], logins: list[tuple[str, str]]) -> Counter[int]:
    start = threading.Barrier(len(logins))

    def attempt(index: int) -> int:
        login, password = logins[index]
        start.wait()
        return _login(instances[index % len(instances)].url, login, password)

    with ThreadPoolExecutor(len(logins)) as pool:
        return Counter(pool.map(attempt, range(len(logins))))


def test_concurrent_wrong_passwords_lock_after_exactly_the_limit(
    instances: list[ServerProcess],
) -> None:
    assert register(instances[0].url, "racer").status_code == 201

    answers = _concurrently(instances, [("racer", "wrong password 1")] * CONCURRENT)

    assert answers == Counter({401: LIMIT, 429: CONCURRENT - LIMIT})
    for server in instances:  # locked everywhere, even for the right password
        assert _login(server.url, "racer", PASSWORD) == 429


def test_username_and_email_share_one_lock(instances: list[ServerProcess]) -> None:
    assert register(instances[0].url, "kate").status_code == 201
    mixed = [("kate", "wrong"), ("KATE@example.com", "wrong"), ("  Kate ", "wrong")]
    logins = [mixed[index % len(mixed)] for index in range(CONCURRENT)]

    answers = _concurrently(instances, logins)

    assert answers == Counter({401: LIMIT, 429: CONCURRENT - LIMIT})
    assert _login(instances[1].url, "kate@example.com", PASSWORD) == 429
    assert _login(instances[0].url, "kate", PASSWORD) == 429


def test_a_success_clears_the_account(instances: list[ServerProcess]) -> None:
    assert register(instances[0].url, "lena").status_code == 201
    for _ in range(LIMIT - 1):
        assert _login(instances[0].url, "lena", "wrong") == 401
    assert _login(instances[1].url, "lena@example.com", PASSWORD) == 200
    for _ in range(LIMIT):
        assert _login(instances[0].url, "lena", "wrong") == 401
    assert _login(instances[0].url, "lena", PASSWORD) == 429
