"""Time windows seen from outside: a session past its expiry is refused, a login lock lifts once
its window has passed (time passes by moving the stored start of the window back, as the
session test moves its expiry)."""

from __future__ import annotations

import time
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta

import pytest
from argon2 import PasswordHasher
from sqlalchemy import func, select, update

from server.auth.models import AuthSession, ThrottleBucket
from server.db import utcnow
from server.users.models import User

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


def test_a_new_window_holds_the_full_number_of_failures(api, client, app_context):
    account = api.register("candado")
    for _ in range(5):
        assert _login(client, "bad bad 12").status_code == 401
    assert _login(client, account.password).status_code == 429

    _let_pass(app_context, WINDOW_SECONDS + 1)
    # A new window starts at the next failure, which counts once: five failures, then the lock.
    for _ in range(5):
        assert _login(client, "bad bad 12").status_code == 401
    locked = _login(client, account.password)
    assert locked.status_code == 429
    assert WINDOW_SECONDS - 10 <= int(locked.headers["Retry-After"]) <= WINDOW_SECONDS


@pytest.mark.parametrize(
    "settings_overrides",
    [
        {
            "login_window_seconds": WINDOW_SECONDS,
            "trusted_proxies": 1,
            "login_max_failures_per_address": 3,
        }
    ],
)
def test_an_attempt_given_back_after_its_window_ended_leaves_the_new_window_whole(
    api, client, app_context
):
    """A login counts against its address before the password is checked and gives the
    attempt back when it succeeds. If the address's window ends during the check and another
    login starts a new one, the give-back must not leave the new window an attempt above its
    limit."""
    slow = api.register("lento")
    quick = api.register("rapido")
    # Lento's password is stored with a costly hash (rehashed on login): its check takes seconds.
    with app_context.session_factory() as db:
        costly = PasswordHasher(time_cost=20).hash(slow.password)
        db.execute(update(User).where(User.username == "lento").values(password_hash=costly))
        db.commit()

    def counted() -> int:
        with app_context.session_factory() as db:
            return int(db.scalar(select(func.sum(ThrottleBucket.count))) or 0)

    def login(name: str, password: str):  # type: ignore[no-untyped-def]
        return client.post(
            "/api/v1/auth/login",
            json={"login": name, "password": password},
            headers={"X-Forwarded-For": "10.7.7.7"},
        )

    before = counted()
    with ThreadPoolExecutor(1) as pool:
        slow_login = pool.submit(login, "lento", slow.password)
        deadline = time.monotonic() + 60
        while counted() < before + 2:  # counted against the account and the address
            assert time.monotonic() < deadline and not slow_login.done()
            time.sleep(0.01)
        # While lento's password is checked, the window ends and rapido logs in.
        _let_pass(app_context, WINDOW_SECONDS + 1)
        assert login("rapido", quick.password).status_code == 200
        assert not slow_login.done()  # the check is still running
        assert slow_login.result().status_code == 200

    # The address's new window holds exactly three failures.
    for n in range(3):
        assert login(f"nadie{n}", "bad bad 12").status_code == 401
    assert login("nadie3", "bad bad 12").status_code == 429
