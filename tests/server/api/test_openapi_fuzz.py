"""schemathesis against /openapi.json: no 500s, and every response matches the documented schema."""

from __future__ import annotations

from pathlib import Path

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from server.app import build_context, create_app
from server.config import Settings
from tests.conftest import hypothesis_seed_note


@pytest.fixture(scope="module")
def fuzz_target(tmp_path_factory: pytest.TempPathFactory, faces_dir: Path):  # type: ignore[no-untyped-def]
    from fastapi.testclient import TestClient

    folder = tmp_path_factory.mktemp("fuzz")
    context = build_context(Settings(data_dir=folder, job_worker=False))
    app = create_app(context=context)
    with TestClient(app) as client:
        photo = (faces_dir / "obama_small.jpg").read_bytes()
        body = client.post(
            "/api/v1/auth/register",
            data={
                "username": "fuzzer",
                "email": "fuzz@example.com",
                "password": "fuzz fuzz 1",
                "password_confirm": "fuzz fuzz 1",
            },
            files={"photo": ("me.jpg", photo, "image/jpeg")},
        ).json()
        headers = {"Authorization": f"Bearer {body['token']}"}
        album = client.post("/api/v1/albums", json={"name": "Fuzz"}, headers=headers).json()
        client.post(
            f"/api/v1/albums/{album['id']}/photos",
            files={"file": ("p.jpg", photo, "image/jpeg")},
            headers=headers,
        )
    yield app, headers
    context.engine.dispose()


SKIPPED = {
    ("DELETE", "/api/v1/me"),
    ("POST", "/api/v1/auth/logout"),
}  # would end the fuzzing session


def test_api_conforms_to_its_schema(fuzz_target):  # type: ignore[no-untyped-def]
    app, headers = fuzz_target
    schema = schemathesis.openapi.from_asgi("/openapi.json", app)
    checks = [
        not_a_server_error,
        status_code_conformance,
        content_type_conformance,
        response_schema_conformance,
    ]
    tested = 0
    for result in schema.get_all_operations():
        operation = result.ok()
        if (operation.method.upper(), operation.path) in SKIPPED:
            continue

        # Reads cost a query each: give them more examples. Writes hash passwords or decode
        # images, so they keep 20 to hold the whole run near a minute.
        examples = 60 if operation.method.upper() == "GET" else 20

        @given(case=operation.as_strategy())
        @settings(max_examples=examples, deadline=None, suppress_health_check=list(HealthCheck))
        def fuzz(case):  # type: ignore[no-untyped-def]
            case.call_and_validate(headers=headers, checks=checks)

        # One example-database key per operation (the loop defines the same function each time).
        key = f"{operation.method.upper()} {operation.path}".encode()
        fuzz.hypothesis.inner_test._hypothesis_internal_add_digest = key  # type: ignore[attr-defined]
        try:
            fuzz()
        except Exception as failure:
            failure.add_note(f"{key.decode()}: {hypothesis_seed_note(fuzz)}")
            raise
        tested += 1
    assert tested >= 15
