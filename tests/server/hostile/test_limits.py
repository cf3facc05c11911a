"""Limits as a client meets them: sign-ups per address, text extraction per user and per
process, engine failures without details, fair turns in the tag queue, and the purge."""

from __future__ import annotations

import logging
import re
from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import func, select

from server.auth.models import LoginAttempt, ThrottleBucket
from server.db import utcnow
from server.jobs import repository as jobs
from server.photos.models import Photo
from server.sweep import purge_login_records
from server.users.models import User


class TestSignUpsPerAddress:
    @pytest.fixture
    def settings_overrides(self) -> dict[str, Any]:
        return {"register_max_per_address": 3}

    def test_every_attempt_counts_and_the_next_is_refused(self, api, app_context):
        api.register("uno")
        api.register("dos", password="short", expect=400)  # invalid: still an attempt
        api.register("uno", email="otra@example.com", expect=409)

        refused = api.client.post(
            "/api/v1/auth/register",
            data={
                "username": "cuatro",
                "email": "cuatro@example.com",
                "password": "correct horse 9",
                "password_confirm": "correct horse 9",
            },
            files={"photo": ("me.jpg", api._photo, "image/jpeg")},
        )

        assert refused.status_code == 429
        assert refused.json()["error"]["code"] == "too_many_attempts"
        assert 3000 < int(refused.headers["Retry-After"]) <= 3600
        with app_context.session_factory() as db:
            assert db.scalar(select(func.count()).select_from(User)) == 1


class TestTextExtractionLimits:
    @pytest.fixture
    def settings_overrides(self) -> dict[str, Any]:
        return {"text_rate_per_user": 2, "text_max_concurrent": 1}

    def test_a_user_past_the_rate_waits(self, api):
        account = api.register("lectora")
        other = api.register("otra")

        def extract(who: Any) -> Any:
            return api.client.post(
                "/api/v1/analysis/text",
                files={"file": ("x.txt", b"not an image", "text/plain")},
                headers=who.headers,
            )

        assert [extract(account).status_code for _ in range(2)] == [415, 415]
        limited = extract(account)
        assert limited.status_code == 429
        assert limited.json()["error"]["code"] == "too_many_attempts"
        assert int(limited.headers["Retry-After"]) > 0
        assert extract(other).status_code == 415  # the limit is per user

    def test_a_full_engine_answers_busy_with_retry_after(self, api, app_context):
        account = api.register("ocupada")
        with app_context.engines.text_slots.slot():  # another request is reading a page
            busy = api.client.post(
                "/api/v1/analysis/text",
                files={"file": ("x.txt", b"not an image", "text/plain")},
                headers=account.headers,
            )
        assert busy.status_code == 503
        assert busy.json()["error"]["code"] == "engine_busy"
        assert int(busy.headers["Retry-After"]) == app_context.settings.engine_busy_retry_seconds


class TestEngineFailures:
    @pytest.fixture
    def settings_overrides(self) -> dict[str, Any]:
        return {"text_engine": "aws", "aws_region": "us-east-1", "rekognition_region": "us-east-1"}

    def test_the_client_gets_a_log_id_and_the_log_gets_the_details(
        self, api, encoded_png, monkeypatch, caplog
    ):
        for name in ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN"):
            monkeypatch.delenv(name, raising=False)
        monkeypatch.setenv("AWS_SHARED_CREDENTIALS_FILE", "/nonexistent/credentials")
        monkeypatch.setenv("AWS_CONFIG_FILE", "/nonexistent/config")
        monkeypatch.setenv("AWS_EC2_METADATA_DISABLED", "true")
        account = api.register("sinclaves")

        with caplog.at_level(logging.WARNING, logger="server.errors"):
            response = api.client.post(
                "/api/v1/analysis/text",
                files={"file": ("p.png", encoded_png, "image/png")},
                headers=account.headers,
            )

        assert response.status_code == 503
        error = response.json()["error"]
        assert error["code"] == "text_unavailable"
        assert "REKOGNITION" not in error["message"] and "credentials" not in error["message"]
        assert re.fullmatch(r"[0-9a-f]{12}", error["log_id"])
        assert error["log_id"] in error["message"]
        logged = [r.getMessage() for r in caplog.records if error["log_id"] in r.getMessage()]
        assert logged and "REKOGNITION_ACCESS_KEY_ID" in logged[0]


@pytest.fixture
def encoded_png() -> bytes:
    import io

    from PIL import Image

    output = io.BytesIO()
    Image.new("RGB", (120, 80), "white").save(output, "PNG")
    return output.getvalue()


def test_the_tag_queue_takes_turns_between_owners(api, app_context):
    ana = api.register("ana")
    album = api.create_album(ana)
    for index in range(3):
        api.upload(ana, album["id"], name=f"foto {index}")
    bea = api.register("bea")  # her profile photo is queued after all of Ana's uploads

    owners = []
    with app_context.session_factory() as db:
        while job := jobs.claim_next(db, worker_id="t", now=utcnow(), lease=timedelta(minutes=1)):
            owners.append(db.get(Photo, job.photo_id).user_id)
            jobs.finish(db, job)

    # Every photo queues the same jobs (tagging, indexing...): Bea's take every other turn
    # from the second claim on, instead of waiting behind all of Ana's.
    bea_turns = [index for index, owner in enumerate(owners) if owner == bea.user["id"]]
    assert bea_turns and bea_turns == list(range(1, 2 * len(bea_turns), 2)), owners
    assert owners.count(ana.user["id"]) == 4 * len(bea_turns)


def test_sweep_purges_old_attempts_and_ended_buckets(app_context):
    settings = app_context.settings
    old = utcnow() - timedelta(days=settings.login_attempts_keep_days + 2)
    with app_context.session_factory() as db:
        db.add_all(
            [
                LoginAttempt(
                    method="password", account_key="x", address="a", success=False, created_at=old
                ),
                LoginAttempt(method="password", account_key="x", address="a", success=False),
                ThrottleBucket(key="password:account:old", count=5, window_start=old),
                ThrottleBucket(key="password:account:new", count=1, window_start=utcnow()),
            ]
        )
        db.commit()

    assert purge_login_records(app_context) == {
        "login_attempts_purged": 1,
        "throttle_buckets_purged": 1,
    }
    with app_context.session_factory() as db:
        assert db.scalar(select(func.count()).select_from(LoginAttempt)) == 1
        assert db.scalars(select(ThrottleBucket.key)).all() == ["password:account:new"]
