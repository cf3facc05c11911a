"""Time windows seen from outside: a session past its expiry is refused, a login lock lifts once
its window has passed (time passes by moving the stored start of the window back, as the
session test moves its expiry)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from server.auth.models import AuthSession, ThrottleBucket
from server.db import utcnow

# Long enough that five password checks on a loaded machine fit inside it.
WINDOW_SECONDS = 20


@pytest.fixture
def settings_overrides() -> dict[str, object]:
    return {"login_window_seconds": WINDOW_SECONDS}


def test_a_session_past_its_expiry_is_refused_and_others_keep_working(api, client, app_context):
    account = api.register("caduca")
    other = client.post(
        "/api/v1/auth/login", json={"login": "caduca", "password": account.password}
    ).json()
    assert client.get("/api/v1/me", headers=account.headers).status_code == 200
    with app_context.session_factory() as db:
        sessions = db.scalars(select(AuthSession).order_by(AuthSession.id)).all()
        assert len(sessions) == 2
        # 30 days later, as far as the first session knows.
        sessions[0].expires_at = utcnow() - timedelta(seconds=1)
        db.commit()

    expired = client.get("/api/v1/me", headers=account.headers)
    assert expired.status_code == 401
    assert expired.json()["error"]["code"] == "invalid_token"
    assert expired.headers["WWW-Authenticate"] == 'Bearer error="invalid_token"'
    still = client.get("/api/v1/me", headers={"Authorization": f"Bearer {other['token']}"})
    assert still.status_code == 200 and still.json()["username"] == "caduca"


def test_a_new_session_expires_after_the_configured_days(api, client, app_context):
    before = utcnow()
    api.register("treinta")
    with app_context.session_factory() as db:
        expires_at = db.scalars(select(AuthSession.expires_at)).one()
    days = app_context.settings.session_days
    assert before + timedelta(days=days) <= expires_at <= utcnow() + timedelta(days=days)


def _login(client, password: str):  # type: ignore[no-untyped-def]
    return client.post("/api/v1/auth/login", json={"login": "candado", "password": password})


def _let_pass(app_context, seconds: float) -> None:  # type: ignore[no-untyped-def]
    """``seconds`` pass for every throttle window (their start moves back)."""
    with app_context.session_factory() as db:
        for bucket in db.scalars(select(ThrottleBucket)).all():
            bucket.window_start -= timedelta(seconds=seconds)
        db.commit()


def test_a_login_lock_lifts_after_its_window(api, client, app_context):
    account = api.register("candado")
    for _ in range(5):
        assert _login(client, "bad bad 12").status_code == 401
    locked = _login(client, account.password)
    assert locked.status_code == 429
    assert locked.json()["error"]["code"] == "too_many_attempts"
    wait = int(locked.headers["Retry-After"])
    assert WINDOW_SECONDS - 10 <= wait <= WINDOW_SECONDS

    _let_pass(app_context, wait - 10)  # not yet: the window has 10 seconds left
    still = _login(client, account.password)
    assert still.status_code == 429
    assert 1 <= int(still.headers["Retry-After"]) <= 10

    _let_pass(app_context, 10)  # the window has passed
    answer = _login(client, account.password)
    assert answer.status_code == 200, answer.text
    assert answer.json()["user"]["username"] == "candado"
    # The success cleared the account's count: one new failure is a plain 401, not a lock.
    assert _login(client, "bad bad 12").status_code == 401
