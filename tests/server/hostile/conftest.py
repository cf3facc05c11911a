"""A real server process, an account with an album and a photo, and the corpus's budgets."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from hostile_corpus import small_jpeg
from hostile_server import PASSWORD, Target, free_port, register, start_server


@pytest.fixture(scope="module")
def target(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Target]:
    folder = tmp_path_factory.mktemp("hostile")
    server = start_server(
        folder / "data",
        free_port(),
        env={"FACEALBUM_REGISTER_MAX_PER_ADDRESS": "1000", "FACEALBUM_TEXT_RATE_PER_USER": "1000"},
    )
    try:
        registered = register(server.url, "kate")
        assert registered.status_code == 201, registered.text
        headers = {"Authorization": f"Bearer {registered.json()['token']}"}
        album = httpx.post(
            f"{server.url}/api/v1/albums", json={"name": "Viaje"}, headers=headers, timeout=30
        ).json()
        photo = httpx.post(
            f"{server.url}/api/v1/albums/{album['id']}/photos",
            files={"file": ("p.jpg", small_jpeg((320, 240)), "image/jpeg")},
            headers=headers,
            timeout=30,
        ).json()
        nfc = httpx.post(
            f"{server.url}/api/v1/auth/register",
            data={
                "username": "jose",
                "email": "jos\u00e9@example.com",
                "password": PASSWORD,
                "password_confirm": PASSWORD,
            },
            files={"photo": ("me.jpg", small_jpeg(), "image/jpeg")},
            timeout=60,
        )
        assert nfc.status_code == 201, nfc.text
        yield Target(server, headers, int(album["id"]), int(photo["id"]), "kate")
    finally:
        server.stop()
