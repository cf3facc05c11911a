"""The server under test on real parts: SQLite or MariaDB, a local folder or S3 (moto server)."""

from __future__ import annotations

import io
import os
import shutil
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from PIL import Image
from sqlalchemy import create_engine, inspect, text
from sqlalchemy.engine import make_url

from server.app import build_context, create_app
from server.config import Settings
from server.deps import AppContext
from server.storage import S3ObjectStore

MYSQL_ADMIN_URL = os.environ.get(
    "FACEALBUM_TEST_MYSQL_URL", "mysql+mysqldb://root:@127.0.0.1:3306/"
)

BACKENDS = [
    pytest.param(("sqlite", "local"), id="sqlite-local"),
    pytest.param(("mysql", "s3"), id="mysql-s3", marks=pytest.mark.mysql),
]


def _ci() -> bool:
    return os.environ.get("CI", "").lower() in ("1", "true", "yes")


@pytest.fixture(scope="session")
def mysql_url() -> Iterator[str]:
    """A fresh MariaDB database for this test session, migrated. Skipped locally when no
    server answers; under CI=true a missing server FAILS the run."""
    admin = create_engine(MYSQL_ADMIN_URL, pool_pre_ping=True)
    try:
        with admin.connect() as connection:
            connection.execute(text("SELECT 1"))
    except Exception as exc:
        admin.dispose()
        message = f"MariaDB/MySQL is not reachable at {MYSQL_ADMIN_URL}: {exc}"
        if _ci():
            pytest.fail(message)
        pytest.skip(message)
    name = f"facealbum_test_{os.getpid()}_{uuid.uuid4().hex[:6]}"
    with admin.begin() as connection:
        connection.execute(
            text(f"CREATE DATABASE `{name}` CHARACTER SET utf8mb4 COLLATE utf8mb4_bin")
        )
    url = make_url(MYSQL_ADMIN_URL).set(database=name, query={"charset": "utf8mb4"})
    url_text = url.render_as_string(hide_password=False)
    try:
        yield url_text
    finally:
        with admin.begin() as connection:
            connection.execute(text(f"DROP DATABASE IF EXISTS `{name}`"))
        admin.dispose()


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One migrated SQLite file, copied for each test (migrating costs more than copying)."""
    folder = tmp_path_factory.mktemp("sqlite-template")
    context = build_context(Settings(data_dir=folder))
    context.engine.dispose()
    return folder / "facealbum.sqlite3"


def _truncate_all(context: AppContext) -> None:
    tables = [t for t in inspect(context.engine).get_table_names() if t != "alembic_version"]
    with context.engine.begin() as connection:
        connection.execute(text("SET FOREIGN_KEY_CHECKS=0"))
        for table in tables:
            connection.execute(text(f"DELETE FROM `{table}`"))
        connection.execute(text("SET FOREIGN_KEY_CHECKS=1"))


def error_body(code: str, message: str, fields: dict[str, str] | None = None) -> dict[str, Any]:
    """The contract's error envelope as a client receives it."""
    error: dict[str, Any] = {"code": code, "message": message}
    if fields is not None:
        error["fields"] = fields
    return {"error": error}


PROFILE_LOCKED = error_body(
    "profile_album_locked",
    'The album "Fotos de perfil" fills itself with your profile photos; it cannot be changed.',
)


def make_settings(data_dir: Path, **overrides: Any) -> Settings:
    # No background worker by default: tests that need tags run the queue explicitly.
    defaults: dict[str, Any] = {"data_dir": data_dir, "job_worker": False}
    defaults.update(overrides)
    return Settings(**defaults)


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> tuple[str, str]:
    value: tuple[str, str] = request.param
    return value


@pytest.fixture
def settings_overrides() -> dict[str, Any]:
    """Override in a test module to change settings for its tests."""
    return {}


@pytest.fixture
def app_context(
    backend: tuple[str, str],
    request: pytest.FixtureRequest,
    tmp_path: Path,
    settings_overrides: dict[str, Any],
) -> Iterator[AppContext]:
    database, storage = backend
    overrides = dict(settings_overrides)
    if database == "mysql":
        overrides["database_url"] = request.getfixturevalue("mysql_url")
    else:
        shutil.copy(request.getfixturevalue("sqlite_template"), tmp_path / "facealbum.sqlite3")
    store = None
    if storage == "s3":
        endpoint = request.getfixturevalue("moto_s3_endpoint")
        bucket = f"facealbum-test-{uuid.uuid4().hex[:12]}"
        overrides.update(
            storage_backend="s3", s3_bucket=bucket, s3_endpoint_url=endpoint, aws_region="us-east-1"
        )
        store = S3ObjectStore(bucket=bucket, region="us-east-1", endpoint_url=endpoint)
        store.ensure_bucket()
    settings = make_settings(tmp_path, **overrides)
    context = build_context(settings, store=store)
    if database == "mysql":
        _truncate_all(context)
    try:
        yield context
    finally:
        context.engine.dispose()


@pytest.fixture
def client(app_context: AppContext) -> Iterator[TestClient]:
    with TestClient(create_app(context=app_context), raise_server_exceptions=False) as test_client:
        yield test_client


def jpeg_bytes(
    path: Path | None = None, *, size: tuple[int, int] = (320, 240), color: str = "steelblue"
) -> bytes:
    image = Image.open(path) if path is not None else Image.new("RGB", size, color)
    out = io.BytesIO()
    image.convert("RGB").save(out, "JPEG", quality=85)
    return out.getvalue()


@dataclass
class Account:
    token: str
    user: dict[str, Any]
    password: str

    @property
    def headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}"}


class Api:
    """Small story-telling helpers over the HTTP client."""

    def __init__(self, client: TestClient, faces_dir: Path) -> None:
        self.client = client
        self.faces_dir = faces_dir
        self._photo = jpeg_bytes(faces_dir / "obama_small.jpg")
        self._uploads = 0

    def distinct_jpeg(self) -> bytes:
        """A small JPEG whose bytes no earlier call returned (the same bytes twice are a
        duplicate_photo)."""
        self._uploads += 1
        n = self._uploads
        return jpeg_bytes(color=f"rgb({n * 53 % 256}, {n * 97 % 256}, {n * 151 % 256})")

    def register(
        self,
        username: str = "ana",
        *,
        email: str | None = None,
        password: str = "correct horse 9",
        photo: bytes | None = None,
        expect: int = 201,
        **extra: str,
    ) -> Account:
        response = self.client.post(
            "/api/v1/auth/register",
            data={
                "username": username,
                "email": email or f"{username}@example.com",
                "password": password,
                "password_confirm": password,
                **extra,
            },
            files={"photo": ("me.jpg", photo or self._photo, "image/jpeg")},
        )
        assert response.status_code == expect, response.text
        body = response.json()
        return Account(token=body.get("token", ""), user=body.get("user", {}), password=password)

    def change_profile_photo(self, account: Account, photo: bytes) -> Any:
        """PATCH /me with a new profile photo (and the password it asks for)."""
        return self.client.patch(
            "/api/v1/me",
            data={"current_password": account.password},
            files={"photo": ("new.jpg", photo, "image/jpeg")},
            headers=account.headers,
        )

    def create_album(self, account: Account, name: str = "Viaje") -> dict[str, Any]:
        response = self.client.post("/api/v1/albums", json={"name": name}, headers=account.headers)
        assert response.status_code == 201, response.text
        return dict(response.json())

    def upload(
        self,
        account: Account,
        album_id: int,
        data: bytes | None = None,
        *,
        name: str = "Playa",
        description: str = "Un día de sol",
        filename: str = "playa.jpg",
        expect: int = 201,
        allow_duplicate: bool = False,
    ) -> dict[str, Any]:
        form = {"name": name, "description": description}
        if allow_duplicate:
            form["allow_duplicate"] = "true"
        response = self.client.post(
            f"/api/v1/albums/{album_id}/photos",
            data=form,
            files={
                "file": (filename, data if data is not None else self.distinct_jpeg(), "image/jpeg")
            },
            headers=account.headers,
        )
        assert response.status_code == expect, response.text
        return dict(response.json())


@pytest.fixture
def api(client: TestClient, faces_dir: Path) -> Api:
    return Api(client, faces_dir)
