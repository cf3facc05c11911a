"""Registration, login, profile, password change and account deletion over HTTP."""

from __future__ import annotations

import pytest
from argon2 import PasswordHasher
from sqlalchemy import func, select, update

from server.albums.models import Album
from server.auth.models import AuthSession, LoginAttempt
from server.auth.service import account_key
from server.photos.models import Photo
from server.users.models import User


def count(app_context, model) -> int:  # type: ignore[no-untyped-def]
    with app_context.session_factory() as db:
        return int(db.scalar(select(func.count()).select_from(model)) or 0)


def stored_keys(app_context) -> list[str]:  # type: ignore[no-untyped-def]
    return sorted(app_context.store.iter_keys(""))


def test_register_creates_user_profile_album_and_photo(api, client, app_context):
    account = api.register("ana", full_name="Ana Pérez")
    assert account.token
    assert account.user["username"] == "ana"
    assert account.user["full_name"] == "Ana Pérez"
    assert account.user["face_login_enabled"] is False
    assert account.user["photo_url"].startswith("/api/v1/photos/")

    albums = client.get("/api/v1/albums", headers=account.headers).json()
    assert [(a["name"], a["kind"], a["photo_count"]) for a in albums] == [
        ("Fotos de perfil", "profile", 1)
    ]
    photo = client.get(account.user["photo_url"], headers=account.headers)
    assert photo.status_code == 200
    assert photo.headers["content-type"] == "image/jpeg"
    assert len(stored_keys(app_context)) == 3  # original, preview, thumbnail


def test_login_with_username_or_email_and_me(api, client):
    api.register("Bruno", email="Bruno@Example.com")
    for login in ("bruno", "BRUNO", "bruno@example.com"):
        response = client.post(
            "/api/v1/auth/login", json={"login": login, "password": "correct horse 9"}
        )
        assert response.status_code == 200, response.text
        body = response.json()
        assert body["user"]["username"] == "Bruno"
        assert body["expires_at"]
        me = client.get("/api/v1/me", headers={"Authorization": f"Bearer {body['token']}"})
        assert me.json()["email"] == "bruno@example.com"


def test_wrong_password_and_unknown_user_answer_the_same(api, client):
    api.register("carla")
    wrong = client.post("/api/v1/auth/login", json={"login": "carla", "password": "nope nope 1"})
    unknown = client.post("/api/v1/auth/login", json={"login": "nobody", "password": "nope nope 1"})
    assert wrong.status_code == unknown.status_code == 401
    assert (
        wrong.json()
        == unknown.json()
        == {
            "error": {
                "code": "invalid_credentials",
                "message": "The username, email or password is not correct.",
            }
        }
    )


def test_five_failures_lock_the_account_with_retry_after(api, client):
    api.register("dora")
    for _ in range(5):
        assert (
            client.post(
                "/api/v1/auth/login", json={"login": "dora", "password": "bad bad 12"}
            ).status_code
            == 401
        )
    locked = client.post(
        "/api/v1/auth/login", json={"login": "dora", "password": "correct horse 9"}
    )
    assert locked.status_code == 429
    retry_after = int(locked.headers["Retry-After"])
    assert 1 <= retry_after <= 300
    assert locked.json() == {
        "error": {
            "code": "too_many_attempts",
            "message": "Too many failed attempts. Wait a few minutes and try again.",
            "retry_after": retry_after,
        }
    }


def test_per_address_limit_catches_spraying_many_accounts(api, client, app_context):
    app_context.settings.login_max_failures_per_address = 6
    for n in range(6):
        client.post("/api/v1/auth/login", json={"login": f"user{n}", "password": "bad bad 12"})
    response = client.post(
        "/api/v1/auth/login", json={"login": "someone-else", "password": "bad bad 12"}
    )
    assert response.status_code == 429


def test_a_success_resets_the_account_counter(api, client):
    api.register("elena")
    for _ in range(4):
        client.post("/api/v1/auth/login", json={"login": "elena", "password": "bad bad 12"})
    assert (
        client.post(
            "/api/v1/auth/login", json={"login": "elena", "password": "correct horse 9"}
        ).status_code
        == 200
    )
    for _ in range(4):
        client.post("/api/v1/auth/login", json={"login": "elena", "password": "bad bad 12"})
    assert (
        client.post(
            "/api/v1/auth/login", json={"login": "elena", "password": "correct horse 9"}
        ).status_code
        == 200
    )


def login(client, login: str, password: str, address: str | None = None):  # type: ignore[no-untyped-def]
    """A password login, from ``address`` when given (as the one trusted proxy reports it)."""
    headers = {"X-Forwarded-For": address} if address else {}
    return client.post(
        "/api/v1/auth/login", json={"login": login, "password": password}, headers=headers
    )


def test_the_username_and_the_email_of_an_account_share_one_lock_and_others_stay_open(api, client):
    dora = api.register("dora", email="dora@example.com")
    eva = api.register("eva")
    for typed in ("dora", "DORA@example.com", "dora", " Dora ", "dora@example.com"):
        assert login(client, typed, "bad bad 12").status_code == 401
    for typed in ("dora", "dora@example.com"):
        assert login(client, typed, dora.password).status_code == 429
    # The lock is Dora's: another account logs in.
    assert login(client, "eva", eva.password).status_code == 200


@pytest.mark.parametrize("settings_overrides", [{"trusted_proxies": 1}])
def test_a_success_clears_its_own_account_only(api, client):
    dora = api.register("dora")
    eva = api.register("eva")
    for _ in range(4):
        assert login(client, "dora", "bad bad 12", "10.0.0.1").status_code == 401
    assert login(client, "eva", eva.password, "10.0.0.2").status_code == 200
    # Eva's success left Dora's count (and the address Dora's failures came from) as it was.
    assert login(client, "dora", "bad bad 12", "10.0.0.1").status_code == 401
    assert login(client, "dora", dora.password, "10.0.0.3").status_code == 429


@pytest.mark.parametrize(
    "settings_overrides", [{"trusted_proxies": 1, "login_max_failures_per_address": 3}]
)
def test_each_address_has_its_own_limit_and_a_success_gives_its_attempt_back(api, client):
    ana = api.register("ana")
    # A success from an address does not use up one of its tries...
    assert login(client, "ana", ana.password, "10.0.0.1").status_code == 200
    # ...so it still has all three failures, whatever logins they are for; the fourth is locked.
    for n in range(3):
        assert login(client, f"nadie{n}", "bad bad 12", "10.0.0.1").status_code == 401
    locked = login(client, "nadie3", "bad bad 12", "10.0.0.1")
    assert locked.status_code == 429
    # Locked even for the right password; attempts refused there do not count for the account.
    for _ in range(5):
        assert login(client, "ana", ana.password, "10.0.0.1").status_code == 429
    # Another address is not locked, for those logins or any other.
    assert login(client, "nadie3", "bad bad 12", "10.0.0.2").status_code == 401
    assert login(client, "ana", ana.password, "10.0.0.2").status_code == 200


def test_password_logins_are_recorded_for_the_operator(api, client, app_context):
    """Each password login leaves a login_attempts row (the operator's record, kept
    ``login_attempts_keep_days`` and purged by the sweep): the login as compared, the address,
    whether it succeeded; a success opens a session of method "password"."""
    api.register("Bruno", email="bruno@example.com")
    typed = [
        (" BRUNO ", "bad bad 12", 401),
        ("Nadie@Example.COM", "bad bad 12", 401),
        ("Bruno@Example.com", "correct horse 9", 200),
        ("Q" * 300, "bad bad 12", 401),
    ]
    for login_text, password, status in typed:
        assert login(client, login_text, password).status_code == status
    with app_context.session_factory() as db:
        attempts = db.execute(
            select(
                LoginAttempt.method,
                LoginAttempt.account_key,
                LoginAttempt.address,
                LoginAttempt.success,
            ).order_by(LoginAttempt.id)
        ).all()
        sessions = db.scalars(select(AuthSession.method).order_by(AuthSession.id)).all()
    assert [tuple(row) for row in attempts] == [
        ("password", account_key(" BRUNO "), "testclient", False),
        ("password", account_key("Nadie@Example.COM"), "testclient", False),
        ("password", account_key("Bruno@Example.com"), "testclient", True),
        ("password", "q" * 254, "testclient", False),  # cut to the column's 254 characters
    ]
    assert sessions == ["password", "password"]  # the registration's, then the login's


def test_a_login_rehashes_a_password_stored_with_weaker_parameters(api, client, app_context):
    account = api.register("olga")
    old_hash = PasswordHasher(time_cost=1, memory_cost=8192, parallelism=1).hash(account.password)

    def stored_hash() -> str:
        with app_context.session_factory() as db:
            return str(db.scalar(select(User.password_hash).where(User.username == "olga")))

    with app_context.session_factory() as db:
        db.execute(update(User).where(User.username == "olga").values(password_hash=old_hash))
        db.commit()

    assert login(client, "olga", account.password).status_code == 200
    new_hash = stored_hash()
    assert new_hash != old_hash
    current = PasswordHasher()  # server/auth/security.py hashes with the library's parameters
    assert not current.check_needs_rehash(new_hash)
    assert current.verify(new_hash, account.password)
    # The password still logs in, and a current hash is left as it is.
    assert login(client, "olga", account.password).status_code == 200
    assert stored_hash() == new_hash


def test_logout_revokes_the_token(api, client):
    account = api.register("fede")
    assert client.post("/api/v1/auth/logout", headers=account.headers).status_code == 204
    response = client.get("/api/v1/me", headers=account.headers)
    assert response.status_code == 401
    assert response.json()["error"]["code"] == "invalid_token"


def test_requests_without_or_with_garbage_tokens_are_401(client):
    assert client.get("/api/v1/me").json()["error"]["code"] == "not_authenticated"
    garbage = client.get("/api/v1/albums", headers={"Authorization": "Bearer not-a-token"})
    assert garbage.status_code == 401
    assert client.get("/api/v1/me", headers={"Authorization": "Basic abc"}).status_code == 401


def test_update_profile_needs_the_current_password_and_adds_the_photo(
    api, client, app_context, faces_dir
):
    account = api.register("gabi")
    wrong = client.patch(
        "/api/v1/me",
        data={"current_password": "wrong one 1", "full_name": "X"},
        headers=account.headers,
    )
    assert wrong.status_code == 403
    assert wrong.json()["error"]["code"] == "wrong_password"

    new_photo = (faces_dir / "biden_1.jpg").read_bytes()
    response = client.patch(
        "/api/v1/me",
        data={
            "current_password": account.password,
            "full_name": "Gabriela",
            "email": "gabi@new.example",
            "language": "en",
        },
        files={"photo": ("new.jpg", new_photo, "image/jpeg")},
        headers=account.headers,
    )
    assert response.status_code == 200, response.text
    user = response.json()
    assert (user["full_name"], user["email"], user["language"]) == (
        "Gabriela",
        "gabi@new.example",
        "en",
    )
    assert user["profile_photo_id"] != account.user["profile_photo_id"]
    profile = client.get("/api/v1/albums", headers=account.headers).json()[0]
    assert profile["photo_count"] == 2  # every profile photo ever used is kept


def test_update_profile_conflicts_and_bad_values(api, client):
    api.register("hugo")
    account = api.register("ines")
    taken = client.patch(
        "/api/v1/me",
        data={"current_password": account.password, "username": "HUGO"},
        headers=account.headers,
    )
    assert taken.status_code == 409
    assert taken.json()["error"]["code"] == "username_taken"
    bad = client.patch(
        "/api/v1/me",
        data={"current_password": account.password, "email": "not-an-email"},
        headers=account.headers,
    )
    assert bad.status_code == 400
    assert bad.json()["error"]["fields"] == {"email": "invalid format"}
    assert client.get("/api/v1/me", headers=account.headers).json()["username"] == "ines"


def test_change_password_closes_other_sessions(api, client, app_context):
    account = api.register("juan")
    neighbour = api.register("pepa")
    closed = login(client, "juan", account.password).json()["token"]
    closed_headers = {"Authorization": f"Bearer {closed}"}
    assert client.post("/api/v1/auth/logout", headers=closed_headers).status_code == 204
    other = client.post(
        "/api/v1/auth/login", json={"login": "juan", "password": account.password}
    ).json()["token"]

    def revoked_at() -> list:  # type: ignore[type-arg]
        with app_context.session_factory() as db:
            return list(db.scalars(select(AuthSession.revoked_at).order_by(AuthSession.id)))

    before = revoked_at()  # juan's, pepa's, the closed one, the other one
    assert [value is None for value in before] == [True, True, False, True]
    response = client.post(
        "/api/v1/me/password",
        json={"current_password": account.password, "new_password": "a new secret 77"},
        headers=account.headers,
    )
    assert response.status_code == 204
    assert client.get("/api/v1/me", headers={"Authorization": f"Bearer {other}"}).status_code == 401
    assert client.get("/api/v1/me", headers=account.headers).status_code == 200
    # Other users' sessions stay open; a session closed before keeps the time it was closed.
    assert client.get("/api/v1/me", headers=neighbour.headers).status_code == 200
    after = revoked_at()
    assert after[:3] == before[:3]
    assert after[3] is not None
    assert (
        client.post(
            "/api/v1/auth/login", json={"login": "juan", "password": account.password}
        ).status_code
        == 401
    )
    assert (
        client.post(
            "/api/v1/auth/login", json={"login": "juan", "password": "a new secret 77"}
        ).status_code
        == 200
    )


def test_change_password_rejects_wrong_current_and_weak_new(api, client):
    account = api.register("kike")
    wrong = client.post(
        "/api/v1/me/password",
        json={"current_password": "nope nope 1", "new_password": "another one 22"},
        headers=account.headers,
    )
    assert wrong.status_code == 403
    weak = client.post(
        "/api/v1/me/password",
        json={"current_password": account.password, "new_password": "123"},
        headers=account.headers,
    )
    assert weak.status_code == 400
    assert weak.json()["error"]["code"] == "weak_password"
    assert (
        client.post(
            "/api/v1/auth/login", json={"login": "kike", "password": account.password}
        ).status_code
        == 200
    )


def test_delete_account_removes_every_row_and_object(api, client, app_context):
    survivor = api.register("luis")
    account = api.register("marta")
    album = api.create_album(account, "Verano")
    api.upload(account, album["id"])
    wrong = client.request(
        "DELETE", "/api/v1/me", json={"current_password": "bad bad 12"}, headers=account.headers
    )
    assert wrong.status_code == 403
    assert (
        client.request(
            "DELETE",
            "/api/v1/me",
            json={"current_password": account.password},
            headers=account.headers,
        ).status_code
        == 204
    )

    assert client.get("/api/v1/me", headers=account.headers).status_code == 401
    with app_context.session_factory() as db:
        assert (
            db.scalar(select(func.count()).select_from(User).where(User.username == "marta")) == 0
        )
        assert (
            db.scalar(
                select(func.count()).select_from(Album).where(Album.user_id == account.user["id"])
            )
            == 0
        )
        assert (
            db.scalar(
                select(func.count()).select_from(Photo).where(Photo.user_id == account.user["id"])
            )
            == 0
        )
        assert (
            db.scalar(
                select(func.count())
                .select_from(AuthSession)
                .where(AuthSession.user_id == account.user["id"])
            )
            == 0
        )
    assert not [k for k in stored_keys(app_context) if k.startswith(f"users/{account.user['id']}/")]
    assert client.get("/api/v1/me", headers=survivor.headers).status_code == 200
