"""Face-login lockout seen from outside: failures lock the typed login (from any address) and the
address (for any login), ``Retry-After`` says when the lock lifts, failures leave the window, a
success clears the account but not the address, password and face keep separate counts, and the
sweep purges only what no window still needs.

Every failed face login counts, so a face login without a challenge (refused with 401
``challenge_failed`` before any face model runs) is a cheap failure. The client address comes from
``X-Forwarded-For`` (one trusted proxy). Time passes by restamping the recorded attempts in the
database; where a value must be exact, the service's clock is frozen too.
"""

from __future__ import annotations

import math
import time
from datetime import datetime, timedelta
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from server import sweep
from server.auth.models import LoginAttempt, ThrottleBucket
from server.db import utcnow
from server.deps import AppContext
from server.faces import service as face_service

LIMIT = 3
WINDOW = 120


@pytest.fixture
def settings_overrides() -> dict[str, Any]:
    return {
        "face_lockout_failures": LIMIT,
        "face_lockout_window_seconds": WINDOW,
        "trusted_proxies": 1,
    }


# --- over HTTP ------------------------------------------------------------------------------------


def face_challenge(client: TestClient, login: str | None, address: str) -> Any:
    return client.post(
        "/api/v1/auth/face-challenge", json={"login": login}, headers={"X-Forwarded-For": address}
    )


def face_login(
    client: TestClient, login: str | None, address: str, challenge_id: str | None = None
) -> Any:
    data: dict[str, str] = {}
    if login is not None:
        data["login"] = login
    if challenge_id is not None:
        data["challenge_id"] = challenge_id
    return client.post("/api/v1/auth/face-login", data=data, headers={"X-Forwarded-For": address})


def fail(client: TestClient, login: str | None, address: str) -> None:
    """One failed face login (no challenge: refused before any face model runs)."""
    response = face_login(client, login, address)
    assert response.status_code == 401, response.text
    assert response.json()["error"]["code"] == "challenge_failed"


def open_to(client: TestClient, login: str | None, address: str) -> bool:
    """Whether a face login may start (asking for a challenge records no attempt)."""
    response = face_challenge(client, login, address)
    if response.status_code == 200:
        assert response.json()["challenge_id"]
        return True
    locked_for(response)
    return False


def locked_for(response: Any) -> int:
    """Assert a face-login lock; return its Retry-After (seconds)."""
    assert response.status_code == 429, response.text
    retry_after = int(response.headers["Retry-After"])
    assert response.json() == {
        "error": {
            "code": "face_login_locked",
            "message": "Face login is locked for a few minutes after several failed attempts. "
            "You can still log in with your password.",
            "retry_after": retry_after,
        }
    }
    return retry_after


def assert_locked(client: TestClient, login: str | None, address: str) -> int:
    """Both face-login endpoints refuse ``login`` from ``address``; the Retry-After they give."""
    waits = {
        locked_for(face_challenge(client, login, address)),
        locked_for(face_login(client, login, address)),
    }
    assert len(waits) == 1, waits
    return waits.pop()


# --- time, through the database -------------------------------------------------------------------


def face_failures(db: Session) -> list[LoginAttempt]:
    return list(
        db.scalars(
            select(LoginAttempt)
            .where(LoginAttempt.method == "face", LoginAttempt.success.is_(False))
            .order_by(LoginAttempt.id)
        )
    )


def stamp(app_context: AppContext, now: datetime, ages: list[float]) -> None:
    """Date the face failures, in the order they were made, ``ages`` seconds before ``now``."""
    with app_context.session_factory() as db:
        rows = face_failures(db)
        assert len(rows) == len(ages)
        for row, age in zip(rows, ages, strict=True):
            db.execute(
                update(LoginAttempt)
                .where(LoginAttempt.id == row.id)
                .values(created_at=now - timedelta(seconds=age))
            )
        db.commit()


@pytest.fixture
def frozen_now(monkeypatch: pytest.MonkeyPatch) -> datetime:
    """The face service's clock, stopped: lock checks see exactly this instant."""
    now = utcnow()
    monkeypatch.setattr(face_service, "utcnow", lambda: now)
    return now


# --- 1. per account -------------------------------------------------------------------------------


def test_the_limit_of_failures_for_a_login_locks_it_from_any_address(client, app_context):
    for n in range(LIMIT - 1):
        fail(client, "ana", f"10.0.0.{n}")
    assert open_to(client, "ana", "10.9.9.9")  # one failure short of the limit

    fail(client, "ana", f"10.0.0.{LIMIT}")

    assert 1 <= assert_locked(client, "ana", "10.9.9.9") <= WINDOW
    assert 1 <= assert_locked(client, " ANA ", "10.9.9.8") <= WINDOW  # the same login, as compared
    # Another login from a fresh address is not locked: the lock is the account's.
    assert open_to(client, "bea", "10.9.9.7")
    with app_context.session_factory() as db:
        # The refused attempts were not counted (they never reached the check).
        assert len(face_failures(db)) == LIMIT


# --- 2. per address -------------------------------------------------------------------------------


def test_the_limit_of_failures_from_an_address_locks_it_for_every_login(client):
    fail(client, "ana", "10.1.1.1")
    fail(client, None, "10.1.1.1")
    assert open_to(client, "carl", "10.1.1.1")  # one failure short of the limit

    fail(client, "bea", "10.1.1.1")

    for login in ("carl", "ana", None):
        assert 1 <= assert_locked(client, login, "10.1.1.1") <= WINDOW
    # Another address is not locked, not even for the logins tried (one failure each).
    for login in ("carl", "ana", "bea", None):
        assert open_to(client, login, "10.2.2.2")


# --- 3. Retry-After -------------------------------------------------------------------------------


def test_retry_after_right_after_the_failures_is_about_the_window(client):
    started = time.monotonic()
    for n in range(LIMIT):
        fail(client, "ana", f"10.0.0.{n}")
    retry_after = assert_locked(client, "ana", "10.9.9.9")
    # The first failure is at most ``elapsed`` old (usually well under a second).
    elapsed = time.monotonic() - started
    assert WINDOW - max(2, math.ceil(elapsed)) <= retry_after <= WINDOW


def fail_beyond_the_limit(
    client: TestClient, app_context: AppContext, now: datetime, login: Any, address: Any
) -> None:
    """LIMIT + 2 failures, ``login(n)`` from ``address(n)``. A lock stops the LIMIT + 1st, so the
    first LIMIT are dated out of the window meanwhile; the caller then dates them all. (More
    failures than the limit within the window: made in a race, or before the limit was lowered.)
    """
    for n in range(LIMIT):
        fail(client, login(n), address(n))
    stamp(app_context, now, [WINDOW + 60] * LIMIT)
    for n in range(LIMIT, LIMIT + 2):
        fail(client, login(n), address(n))


def test_retry_after_counts_from_the_oldest_failure_that_keeps_the_lock(client, app_context):
    fail_beyond_the_limit(client, app_context, utcnow(), lambda n: "ana", lambda n: f"10.0.0.{n}")
    # Made in this order: the LIMIT-th newest is 100 s old; the older ones do not hold the lock.
    stamp(app_context, utcnow(), [115, 110, 100, 50, 10])
    assert WINDOW - 100 - 2 <= assert_locked(client, "ana", "10.9.9.9") <= WINDOW - 100 + 2


@pytest.mark.parametrize("locked", ["account", "address"])
def test_retry_after_is_exact_with_a_stopped_clock(client, app_context, frozen_now, locked):
    if locked == "account":
        login, address = "ana", "10.9.9.9"
        fail_beyond_the_limit(
            client, app_context, frozen_now, lambda n: login, lambda n: f"10.0.0.{n}"
        )
    else:
        login, address = "zoe", "10.5.5.5"
        fail_beyond_the_limit(client, app_context, frozen_now, lambda n: f"u{n}", lambda n: address)
    stamp(app_context, frozen_now, [115, 110, 100, 50, 10])
    assert assert_locked(client, login, address) == WINDOW - 100

    stamp(app_context, frozen_now, [119, 118, 117, 116, 115])
    assert assert_locked(client, login, address) == WINDOW - 117

    # Once the LIMIT-th newest leaves the window, only LIMIT - 1 failures are left in it.
    stamp(app_context, frozen_now, [125, 125, 121, 50, 10])
    assert open_to(client, login, address)


def test_a_failure_exactly_a_window_old_still_counts_and_the_wait_is_at_least_a_second(
    client, app_context, frozen_now
):
    for n in range(LIMIT):
        fail(client, "ana", f"10.0.0.{n}")
    stamp(app_context, frozen_now, [WINDOW, 1, 0])
    assert assert_locked(client, "ana", "10.9.9.9") == 1

    stamp(app_context, frozen_now, [WINDOW - 0.5, 1, 0])
    assert assert_locked(client, "ana", "10.9.9.9") == 1

    stamp(app_context, frozen_now, [WINDOW - 1.5, 1, 0])
    assert assert_locked(client, "ana", "10.9.9.9") == 2

    stamp(app_context, frozen_now, [WINDOW + 0.001, 1, 0])
    assert open_to(client, "ana", "10.9.9.9")


def test_retry_after_is_the_longer_wait_when_account_and_address_are_both_locked(
    client, app_context, frozen_now
):
    for n in range(LIMIT):
        fail(client, "ana", f"10.0.0.{n}")  # the account, from LIMIT addresses
    for n in range(LIMIT):
        fail(client, f"other{n}", "10.5.5.5")  # the address, for LIMIT other logins
    stamp(app_context, frozen_now, [100, 100, 100, 5, 5, 5])

    assert assert_locked(client, "ana", "10.9.9.9") == WINDOW - 100  # the account only
    assert assert_locked(client, "zoe", "10.5.5.5") == WINDOW - 5  # the address only
    assert assert_locked(client, "ana", "10.5.5.5") == WINDOW - 5  # both: the longer wait
    stamp(app_context, frozen_now, [5, 5, 5, 100, 100, 100])
    assert assert_locked(client, "ana", "10.5.5.5") == WINDOW - 5


# --- 4. the window --------------------------------------------------------------------------------


def test_failures_older_than_the_window_do_not_count(client, app_context):
    for n in range(LIMIT):
        fail(client, "ana", f"10.0.0.{n}")  # the account
    for n in range(LIMIT):
        fail(client, f"other{n}", "10.5.5.5")  # the address
    assert_locked(client, "ana", "10.9.9.9")
    assert_locked(client, "zoe", "10.5.5.5")

    stamp(app_context, utcnow(), [WINDOW + 5] * (2 * LIMIT))
    assert open_to(client, "ana", "10.9.9.9")
    assert open_to(client, "zoe", "10.5.5.5")
    assert open_to(client, "ana", "10.5.5.5")

    # One of each out of the window, the rest inside: one short of the limit, not locked.
    stamp(app_context, utcnow(), [WINDOW + 5, *[10] * (LIMIT - 1)] * 2)
    assert open_to(client, "ana", "10.9.9.9")
    assert open_to(client, "zoe", "10.5.5.5")
    assert open_to(client, "ana", "10.5.5.5")
    # And one more failure each locks them again.
    fail(client, "ana", "10.0.0.9")
    fail(client, "other9", "10.5.5.5")
    assert_locked(client, "ana", "10.9.9.9")
    assert_locked(client, "zoe", "10.5.5.5")


# --- 5. password and face count apart ------------------------------------------------------------


def password_login(client: TestClient, login: str, password: str, address: str) -> Any:
    return client.post(
        "/api/v1/auth/login",
        json={"login": login, "password": password},
        headers={"X-Forwarded-For": address},
    )


def test_face_failures_do_not_lock_the_password_nor_password_failures_the_face(
    api, client, app_context
):
    account = api.register("ana")
    # Password failures (short of the password's own limit) from one address, for one login.
    password_limit = app_context.settings.login_max_failures
    for _ in range(password_limit - 1):
        wrong = password_login(client, "ana", "wrong wrong 1", "10.3.3.3")
        assert wrong.status_code == 401
        assert wrong.json()["error"]["code"] == "invalid_credentials"
    assert password_limit - 1 >= LIMIT  # enough to lock the face, were they counted
    assert open_to(client, "ana", "10.3.3.3")

    for _ in range(LIMIT):
        fail(client, "ana", "10.4.4.4")
    assert_locked(client, "ana", "10.4.4.4")
    # The password still logs in, from the locked address, for the locked account.
    response = password_login(client, "ana", account.password, "10.4.4.4")
    assert response.status_code == 200, response.text
    assert response.json()["user"]["username"] == "ana"
    # And a password success does not clear the face lock.
    assert_locked(client, "ana", "10.4.4.4")
    assert_locked(client, "ana", "10.9.9.9")


# --- 6. one account, whichever name is typed ------------------------------------------------
# A successful face login clearing the account's count (not the address's) needs the real
# models: test_face_login_api.py::test_a_face_login_clears_the_account_count_not_the_address_count


def test_the_username_and_the_email_of_one_account_share_its_face_lock(api, client):
    api.register("ana", email="ana@example.com")
    for n in range(LIMIT):
        fail(client, "ana", f"10.0.0.{n}")
    assert_locked(client, "ana", "10.9.9.9")
    assert_locked(client, "ana@example.com", "10.9.9.8")


def test_failures_after_a_face_success_count_again(api, client, app_context):
    """A face success clears the account's count, and the failures after it count from zero.
    The success is written as a face login records it (the real one needs the face models:
    test_face_login_api.py pins that record, ``("user:<id>", address)``)."""
    account = api.register("ana")
    for n in range(LIMIT):
        fail(client, "ana", f"10.0.0.{n}")
    assert_locked(client, "ana", "10.9.9.9")
    with app_context.session_factory() as db:
        db.add(
            LoginAttempt(
                method="face",
                account_key=f"user:{account.user['id']}",
                address="10.0.0.9",
                success=True,
            )
        )
        db.commit()
    assert open_to(client, "ana", "10.9.9.9")
    for n in range(LIMIT - 1):
        fail(client, "ana", f"10.0.1.{n}")
    assert open_to(client, "ana", "10.9.9.9")
    fail(client, "ana", f"10.0.1.{LIMIT}")
    assert_locked(client, "ana", "10.9.9.9")


def test_the_longest_unknown_login_fails_and_locks_like_any_other(client):
    login = "Q" * 254  # the longest login the face-login form takes, no such account
    for n in range(LIMIT):
        fail(client, login, f"10.0.0.{n}")
    assert_locked(client, login, "10.9.9.9")
    assert_locked(client, login.lower(), "10.9.9.8")
    assert open_to(client, "R" * 254, "10.9.9.7")


# --- 7. the sweep ---------------------------------------------------------------------------------

KEEP_DAYS = 2
LONGEST = 7200  # the face window, made the longest of all windows


@pytest.mark.parametrize(
    "settings_overrides",
    [{"login_attempts_keep_days": KEEP_DAYS, "face_lockout_window_seconds": LONGEST}],
)
def test_the_sweep_purges_only_records_older_than_the_cutoff(app_context, monkeypatch):
    settings = app_context.settings
    assert (
        max(
            settings.login_window_seconds,
            settings.register_window_seconds,
            settings.text_rate_window_seconds,
        )
        < LONGEST
    )
    now = utcnow()
    monkeypatch.setattr(sweep, "utcnow", lambda: now)
    attempts_cutoff = now - timedelta(days=KEEP_DAYS, seconds=LONGEST)
    buckets_cutoff = now - timedelta(seconds=LONGEST)
    just = timedelta(microseconds=1)
    moments = {
        "before": -just,
        "at": timedelta(0),
        "after": just,
        "second after": timedelta(seconds=1),
    }
    with app_context.session_factory() as db:
        for name, offset in moments.items():
            db.add(
                LoginAttempt(
                    method="face",
                    account_key=name,
                    address="10.0.0.1",
                    success=False,
                    created_at=attempts_cutoff + offset,
                )
            )
            db.add(ThrottleBucket(key=name, count=1, window_start=buckets_cutoff + offset))
        db.commit()

    assert sweep.purge_login_records(app_context) == {
        "login_attempts_purged": 1,
        "throttle_buckets_purged": 1,
    }
    kept = ["after", "at", "second after"]
    with app_context.session_factory() as db:
        assert sorted(db.scalars(select(LoginAttempt.account_key))) == kept
        assert sorted(db.scalars(select(ThrottleBucket.key))) == kept
    # Nothing left to purge at the same instant.
    assert sweep.purge_login_records(app_context) == {
        "login_attempts_purged": 0,
        "throttle_buckets_purged": 0,
    }
    with app_context.session_factory() as db:
        assert db.scalar(select(func.count()).select_from(LoginAttempt)) == 3
