"""Bad registrations get the documented code and leave the database and the store unchanged."""

from __future__ import annotations

import io

import pytest
from PIL import Image
from sqlalchemy import func, select

from server.users.models import User

GOOD = {
    "username": "nora",
    "email": "nora@example.com",
    "password": "correct horse 9",
    "password_confirm": "correct horse 9",
}


def _state(app_context):  # type: ignore[no-untyped-def]
    with app_context.session_factory() as db:
        users = db.scalar(select(func.count()).select_from(User))
    return users, sorted(app_context.store.iter_keys(""))


def _png(size: tuple[int, int]) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, "white").save(out, "PNG")
    return out.getvalue()


@pytest.mark.parametrize(
    ("changes", "status", "code", "field"),
    [
        ({"username": "x"}, 400, "validation_error", "username"),
        ({"username": "bad name!"}, 400, "validation_error", "username"),
        ({"username": "robert'); DROP TABLE users;--"}, 400, "validation_error", "username"),
        ({"email": "nora-at-example"}, 400, "validation_error", "email"),
        ({"password": "short", "password_confirm": "short"}, 400, "weak_password", "password"),
        (
            {"password_confirm": "something else 1"},
            400,
            "passwords_do_not_match",
            "password_confirm",
        ),
        ({"full_name": "x" * 101}, 400, "validation_error", "full_name"),
        ({"language": "klingon"}, 400, "validation_error", "language"),
    ],
)
def test_invalid_fields(api, client, app_context, changes, status, code, field):
    before = _state(app_context)
    response = client.post(
        "/api/v1/auth/register",
        data={**GOOD, **changes},
        files={"photo": ("me.jpg", api._photo, "image/jpeg")},
    )
    assert response.status_code == status, response.text
    error = response.json()["error"]
    assert error["code"] == code
    assert field in error["fields"]
    assert _state(app_context) == before


@pytest.mark.parametrize(
    ("photo", "status", "code"),
    [
        (b"just some text, not a picture", 415, "unsupported_media_type"),
        (b"", 400, "empty_file"),
        ("truncated", 422, "image_unreadable"),
        ("tiny", 422, "image_too_small"),
    ],
)
def test_invalid_photos(api, client, app_context, photo, status, code):
    if photo == "truncated":
        photo = api._photo[: len(api._photo) // 2]
    elif photo == "tiny":
        photo = _png((1, 1))
    before = _state(app_context)
    response = client.post(
        "/api/v1/auth/register", data=GOOD, files={"photo": ("me.jpg", photo, "image/jpeg")}
    )
    assert response.status_code == status, response.text
    assert response.json()["error"]["code"] == code
    assert _state(app_context) == before


def test_missing_fields_are_named(client, app_context):
    before = _state(app_context)
    response = client.post("/api/v1/auth/register", data={"username": "nora"})
    assert response.status_code == 400
    fields = response.json()["error"]["fields"]
    assert {"email", "password", "password_confirm", "photo"} <= set(fields)
    assert _state(app_context) == before


def test_json_body_instead_of_multipart(client):
    response = client.post("/api/v1/auth/register", json=GOOD)
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "validation_error"


def test_duplicate_username_and_email(api, client, app_context):
    api.register("nora")
    before = _state(app_context)
    same_name = client.post(
        "/api/v1/auth/register",
        data={**GOOD, "username": "NORA", "email": "other@example.com"},
        files={"photo": ("me.jpg", api._photo, "image/jpeg")},
    )
    assert same_name.status_code == 409
    assert same_name.json()["error"]["code"] == "username_taken"
    same_email = client.post(
        "/api/v1/auth/register",
        data={**GOOD, "username": "nora2", "email": "NORA@example.com"},
        files={"photo": ("me.jpg", api._photo, "image/jpeg")},
    )
    assert same_email.status_code == 409
    assert same_email.json()["error"]["code"] == "email_taken"
    assert _state(app_context) == before


def test_register_accepts_png_with_alpha_and_emoji_names(api, faces_dir):
    account = api.register(
        "miranda", photo=(faces_dir / "miranda_1.png").read_bytes(), full_name="Lin 🎭 Miranda"
    )
    assert account.user["full_name"] == "Lin 🎭 Miranda"


@pytest.mark.parametrize("settings_overrides", [{"register_max_per_address": 2}])
def test_sign_ups_past_the_address_limit_are_refused(api, client, app_context):
    api.register("uno")
    # A refused sign-up counts too: each one costs a photo check and a password hash.
    refused = client.post(
        "/api/v1/auth/register",
        data={**GOOD, "username": "x"},
        files={"photo": ("me.jpg", api._photo, "image/jpeg")},
    )
    assert refused.status_code == 400
    before = _state(app_context)
    response = client.post(
        "/api/v1/auth/register", data=GOOD, files={"photo": ("me.jpg", api._photo, "image/jpeg")}
    )
    assert response.status_code == 429
    retry_after = int(response.headers["Retry-After"])
    window = app_context.settings.register_window_seconds
    assert window - 10 <= retry_after <= window
    assert response.json() == {
        "error": {
            "code": "too_many_attempts",
            "message": "Too many sign-ups from this address. Wait a while and try again.",
            "retry_after": retry_after,
        }
    }
    assert _state(app_context) == before
