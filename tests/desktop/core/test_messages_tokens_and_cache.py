"""What a person reads for an error code in each language, where the session token is kept
when the keyring misbehaves, and how the image cache stays within its size."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import keyring.backend
import keyring.errors
import pytest

from desktop.core import messages
from desktop.core.session import FallbackTokenStore, MemoryTokenStore, keyring_usable
from desktop.core.thumbnails import ThumbnailCache


# --------------------------------------------------------------------------- messages
@pytest.fixture
def language() -> Iterator[None]:
    yield
    messages.set_language("es")


def test_messages_come_in_the_chosen_language_and_spanish_otherwise(language: None) -> None:
    assert messages.current_language() == "es"
    assert messages.message_for("username_taken") == "Ese nombre de usuario ya existe."
    messages.set_language("en")
    assert messages.current_language() == "en"
    assert messages.message_for("username_taken") == "That username is already taken."
    messages.set_language("fr")
    assert messages.current_language() == "es"
    assert messages.message_for("username_taken") == "Ese nombre de usuario ya existe."


def test_an_unknown_code_says_what_the_server_said_then_what_the_status_means(
    language: None,
) -> None:
    message_for = messages.message_for
    assert message_for("brand_new_code", default="Lo dice el servidor", status=403) == (
        "Lo dice el servidor"
    )
    assert message_for("brand_new_code", status=403) == "No tienes permiso para hacer eso."
    assert message_for("brand_new_code", status=409) == "Ya existe algo con ese nombre."
    assert message_for("", status=503) == messages.sentences("unavailable")[0]
    server_error = messages.sentences("server_error")
    assert message_for("brand_new_code", status=502) == server_error[0]
    assert message_for("brand_new_code", status=500) == server_error[0]
    assert message_for("") == server_error[0]
    assert message_for("brand_new_code", status=418) == "Brand new code"
    assert message_for("brand_new_code") == "Brand new code"
    messages.set_language("en")
    assert message_for("brand_new_code", status=403) == "You are not allowed to do that."
    assert message_for("brand_new_code", status=599) == server_error[1]
    assert message_for("username_taken", default="ignored") == "That username is already taken."


def test_the_catalogue_answers_for_the_codes_it_knows() -> None:
    assert messages.has_message("username_taken") and not messages.has_message("brand_new_code")
    assert "username_taken" in messages.known_codes()
    assert messages.sentences("username_taken") == (
        "Ese nombre de usuario ya existe.",
        "That username is already taken.",
    )


# --------------------------------------------------------------------------- session tokens
class ScriptedKeyring(keyring.backend.KeyringBackend):
    """A keyring whose reads, writes or deletes fail the way real ones do (locked, gone)."""

    def __init__(self, *, fail_on: tuple[str, ...] = (), priority: object = 1) -> None:
        super().__init__()
        self.fail_on = fail_on
        self.values: dict[tuple[str, str], str] = {}
        self._priority = priority

    @property  # type: ignore[misc]
    def priority(self) -> object:  # type: ignore[override]
        if isinstance(self._priority, Exception):
            raise self._priority
        return self._priority

    def get_password(self, service: str, username: str) -> str | None:
        if "get" in self.fail_on:
            raise keyring.errors.KeyringLocked("locked")
        return self.values.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        if "set" in self.fail_on:
            raise keyring.errors.PasswordSetError("cannot write")
        self.values[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if "delete" in self.fail_on:
            raise keyring.errors.KeyringLocked("locked")
        if (service, username) not in self.values:
            raise keyring.errors.PasswordDeleteError("not there")
        del self.values[(service, username)]


def test_tokens_are_kept_per_server_under_the_app_name() -> None:
    backend = ScriptedKeyring()
    store = FallbackTokenStore(backend)
    assert store.persistent is True
    assert store.backend_name == f"{__name__}.ScriptedKeyring"
    store.save("http://a", "tok-a")
    store.save("http://b", "tok-b")
    assert backend.values == {
        ("FaceAlbum", "http://a"): "tok-a",
        ("FaceAlbum", "http://b"): "tok-b",
    }
    store.clear("http://a")
    assert store.load("http://a") is None and store.load("http://b") == "tok-b"
    store.clear("http://a")  # logging out twice is fine


def test_a_keyring_that_refuses_to_write_falls_back_to_memory() -> None:
    store = FallbackTokenStore(ScriptedKeyring(fail_on=("set",)))
    store.save("http://a", "tok-a")
    assert store.persistent is False and store.backend_name == "memory"
    assert store.load("http://a") == "tok-a"
    store.clear("http://a")
    assert store.load("http://a") is None


def test_a_locked_keyring_reads_as_logged_out_and_still_logs_out() -> None:
    backend = ScriptedKeyring()
    FallbackTokenStore(backend).save("http://a", "tok-a")
    backend.fail_on = ("get", "delete")
    store = FallbackTokenStore(backend)
    assert store.load("http://a") is None
    store.clear("http://a")  # does not raise
    assert store.persistent is True


@pytest.mark.parametrize(
    ("priority", "usable"),
    [(1, True), (0.5, True), (0, False), (-1, False), ("5", True), (RuntimeError("dbus"), False)],
)
def test_only_a_keyring_with_a_positive_priority_is_used(priority: object, usable: bool) -> None:
    backend = ScriptedKeyring(priority=priority)
    assert keyring_usable(backend) is usable
    assert FallbackTokenStore(backend).persistent is usable


def test_memory_tokens_are_per_server() -> None:
    store = MemoryTokenStore()
    assert store.persistent is False and store.backend_name == "memory"
    store.save("http://a", "1")
    store.save("http://b", "2")
    store.clear("http://a")
    store.clear("http://zzz")
    assert (store.load("http://a"), store.load("http://b")) == (None, "2")


# --------------------------------------------------------------------------- image cache
def test_the_cache_drops_the_least_recently_seen_images_first(tmp_path: Path) -> None:
    cache = ThumbnailCache(tmp_path / "thumbs", max_bytes=3000)
    for photo_id in (1, 2, 3, 4):
        cache.put("srv#ana", photo_id, f"{photo_id:064d}", b"x" * 1000)
        path = next((tmp_path / "thumbs").rglob(f"{photo_id}-*.img"))
        os.utime(path, (1_000 + photo_id, 1_000 + photo_id))
    assert cache.size_bytes() == 4000
    first = next((tmp_path / "thumbs").rglob("1-*.img"))
    os.utime(first, (500, 500))  # pretend: never shown since
    assert cache.get("srv#ana", 2, f"{2:064d}") == b"x" * 1000  # shown now: most recent
    assert cache.prune() == 1
    assert cache.get("srv#ana", 1, f"{1:064d}") is None
    assert all(cache.get("srv#ana", i, f"{i:064d}") for i in (2, 3, 4))
    assert cache.size_bytes() == 3000
    assert cache.prune() == 0  # exactly at the limit is within it
    os.utime(next((tmp_path / "thumbs").rglob("3-*.img")), (10, 10))
    cache.max_bytes = 1000
    assert cache.prune() == 2
    assert cache.get("srv#ana", 2, f"{2:064d}") is None  # 3 (oldest) then 2
    assert cache.get("srv#ana", 4, f"{4:064d}") == b"x" * 1000


def test_variants_and_photos_without_a_hash_are_kept_apart(tmp_path: Path) -> None:
    cache = ThumbnailCache(tmp_path)
    cache.put("srv#ana", 4, "a" * 64, b"old photo")
    assert cache.get("srv#ana", 4, "b" * 64) is None  # a reused id with other bytes
    cache.put("srv#ana", 5, "", b"thumb")
    cache.put("srv#ana", 5, "", b"preview", variant="preview")
    assert cache.get("srv#ana", 5, "") == b"thumb"
    assert cache.get("srv#ana", 5, "", variant="preview") == b"preview"
    assert cache.get("srv#ana", 5, "nohash") == b"thumb"  # no hash: one name for "unknown"
    long_hash = "ab" * 32
    cache.put("srv#ana", 6, long_hash, b"six")
    assert cache.get("srv#ana", 6, long_hash[:32] + "ff" * 16) == b"six"  # 128 bits suffice
    assert not list(tmp_path.rglob("*.tmp"))


def test_an_unwritable_cache_only_misses(tmp_path: Path) -> None:
    blocker = tmp_path / "a file"
    blocker.write_text("x")
    cache = ThumbnailCache(blocker / "thumbs")
    cache.put("srv#ana", 1, "a" * 64, b"data")  # logged, not raised
    assert cache.get("srv#ana", 1, "a" * 64) is None
    assert cache.purge("srv#ana") == 0
    assert ThumbnailCache(tmp_path / "none").purge("srv#ana") == 0


def test_without_a_chosen_backend_the_systems_keyring_is_used() -> None:
    system = keyring.get_keyring()
    backend = ScriptedKeyring()
    keyring.set_keyring(backend)
    try:
        store = FallbackTokenStore()
        assert store.persistent and store.backend_name == f"{__name__}.ScriptedKeyring"
        store.save("http://a", "tok-a")
        assert backend.values == {("FaceAlbum", "http://a"): "tok-a"}
    finally:
        keyring.set_keyring(system)


def test_purging_an_account_says_how_many_images_went(tmp_path: Path) -> None:
    cache = ThumbnailCache(tmp_path)
    for photo_id in (1, 2, 3):
        cache.put("srv#ana", photo_id, "a" * 64, b"img")
    cache.put("srv#luis", 1, "a" * 64, b"img")
    assert cache.purge("srv#ana") == 3
    assert cache.get("srv#ana", 1, "a" * 64) is None
    assert len(list(tmp_path.iterdir())) == 1  # ana's folder is gone, luis's stays
    assert cache.purge("srv#ana") == 0
