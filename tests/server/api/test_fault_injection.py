"""Failures halfway (storage down, database error) leave no half-written user, photo or object."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import pytest
from sqlalchemy import event, func, select
from sqlalchemy.orm import Session

from server.photos.models import Photo
from server.storage import ObjectStore, StorageError, StoredObject
from server.users.models import User


class FlakyStore:
    """Wraps the real store; fails the Nth put, or every delete, on demand."""

    def __init__(self, inner: ObjectStore) -> None:
        self.inner = inner
        self.fail_put_number: int | None = None
        self.fail_deletes = False
        self.fail_listing = False
        self.puts = 0

    def put(self, key: str, data: bytes, content_type: str) -> None:
        self.puts += 1
        if self.fail_put_number is not None and self.puts >= self.fail_put_number:
            raise StorageError("injected: storage went away")
        self.inner.put(key, data, content_type)

    def get(self, key: str) -> bytes:
        return self.inner.get(key)

    def delete(self, key: str) -> None:
        if self.fail_deletes:
            raise StorageError("injected: delete failed")
        self.inner.delete(key)

    def delete_many(self, keys: Iterable[str]) -> None:
        if self.fail_deletes:
            raise StorageError("injected: delete failed")
        self.inner.delete_many(keys)

    def exists(self, key: str) -> bool:
        return self.inner.exists(key)

    def iter_keys(self, prefix: str = "") -> Iterator[str]:
        if self.fail_listing:
            raise StorageError("injected: listing failed")
        return self.inner.iter_keys(prefix)

    def iter_objects(self, prefix: str = "") -> Iterator[StoredObject]:
        return self.inner.iter_objects(prefix)

    def check(self) -> None:
        self.inner.check()

    def signed_url(self, key: str, expires_seconds: int) -> str | None:
        return self.inner.signed_url(key, expires_seconds)


@pytest.fixture
def flaky(app_context) -> FlakyStore:  # type: ignore[no-untyped-def]
    store = FlakyStore(app_context.store)
    app_context.store = store  # type: ignore[assignment]
    return store


def _counts(app_context, flaky):  # type: ignore[no-untyped-def]
    with app_context.session_factory() as db:
        return (
            db.scalar(select(func.count()).select_from(User)),
            db.scalar(select(func.count()).select_from(Photo)),
            sorted(flaky.inner.iter_keys("")),
        )


@pytest.mark.parametrize("failing_put", [1, 2, 3])
def test_storage_failure_during_upload(api, client, app_context, flaky, failing_put):
    account = api.register("ana")
    album = api.create_album(account)
    before = _counts(app_context, flaky)
    flaky.puts, flaky.fail_put_number = 0, failing_put
    response = client.post(
        f"/api/v1/albums/{album['id']}/photos",
        data={"name": "x"},
        files={"file": ("p.jpg", api._photo, "image/jpeg")},
        headers=account.headers,
    )
    assert response.status_code == 503
    assert response.json()["error"]["code"] == "storage_unavailable"
    assert _counts(app_context, flaky) == before


def test_storage_failure_during_registration(api, client, app_context, flaky):
    before = _counts(app_context, flaky)
    flaky.fail_put_number = 2
    api.register("bea", expect=503)
    assert _counts(app_context, flaky) == before
    flaky.fail_put_number = None
    api.register("bea")  # nothing half-made blocks a retry


def test_database_failure_at_commit_removes_the_objects(api, client, app_context, flaky):
    account = api.register("cris")
    album = api.create_album(account)
    before = _counts(app_context, flaky)

    def explode(_session: Session) -> None:
        raise RuntimeError("injected: database went away at commit")

    event.listen(Session, "before_commit", explode)
    try:
        response = client.post(
            f"/api/v1/albums/{album['id']}/photos",
            data={"name": "x"},
            files={"file": ("p.jpg", api._photo, "image/jpeg")},
            headers=account.headers,
        )
    finally:
        event.remove(Session, "before_commit", explode)
    assert response.status_code == 500
    assert "Traceback" not in response.text and "/work" not in response.text
    assert response.json()["error"]["code"] == "internal_error"
    assert _counts(app_context, flaky) == before


def test_storage_failure_during_delete_then_sweep(api, client, app_context, flaky):
    from server.sweep import sweep_orphans

    account = api.register("dario")
    album = api.create_album(account)
    photo = api.upload(account, album["id"])
    assert (
        client.delete(f"/api/v1/photos/{photo['id']}", headers=account.headers).status_code == 204
    )  # into the trash; emptying it deletes for good
    flaky.fail_deletes = True
    emptied = client.delete("/api/v1/trash", headers=account.headers)
    assert emptied.status_code == 200 and emptied.json() == {"deleted": 1}
    assert client.get(f"/api/v1/photos/{photo['id']}", headers=account.headers).status_code == 404
    orphans = [k for k in flaky.inner.iter_keys("") if f"/albums/{album['id']}/" in k]
    assert len(orphans) == 3  # the row is gone; the objects wait for the sweeper
    flaky.fail_deletes = False
    report = sweep_orphans(app_context, grace_seconds=0, dry_run=False)
    assert report["removed"] == 3
    assert not [k for k in flaky.inner.iter_keys("") if f"/albums/{album['id']}/" in k]
    assert (
        client.get(
            f"/api/v1/photos/{account.user['profile_photo_id']}/content", headers=account.headers
        ).status_code
        == 200
    )


def test_readiness_reports_storage_down(client, app_context, flaky):
    assert client.get("/health/ready").status_code == 200

    def broken() -> None:
        raise StorageError("injected")

    flaky.check = broken  # type: ignore[method-assign]
    response = client.get("/health/ready")
    assert response.status_code == 503
    assert response.json()["error"]["fields"] == {"storage": "not answering"}
    assert client.get("/check").json() == {"status": "ok"}


def test_account_deletion_removes_its_photos_objects_even_when_listing_fails(
    api, client, app_context, flaky
):
    """The objects of every photo row go (original, preview and thumbnail) even when the
    storage cannot list the user's folder; nobody else's objects are touched."""
    other = api.register("otra")
    api.upload(other, api.create_album(other)["id"])
    account = api.register("eva")
    api.upload(account, api.create_album(account)["id"])
    prefix = f"users/{account.user['id']}/"
    theirs = [k for k in flaky.inner.iter_keys("") if not k.startswith(prefix)]
    mine = list(flaky.inner.iter_keys(prefix))
    assert len(mine) == 6  # two photos, three objects each: the profile photo's in its own folder
    assert len([k for k in mine if k.startswith(f"{prefix}profile/")]) == 3
    flaky.fail_listing = True
    deleted = client.request(
        "DELETE", "/api/v1/me", json={"current_password": account.password}, headers=account.headers
    )
    assert deleted.status_code == 204
    flaky.fail_listing = False
    assert sorted(flaky.inner.iter_keys("")) == sorted(theirs)
