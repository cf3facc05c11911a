"""Token storage: the system keyring when there is one, memory when there is none."""

from __future__ import annotations

import keyring.backend
import keyring.backends.fail

from desktop.core.session import FallbackTokenStore, keyring_usable


def test_a_working_keyring_persists_tokens_across_store_instances(
    dict_keyring: keyring.backend.KeyringBackend,
) -> None:
    backend = dict_keyring
    store = FallbackTokenStore(backend)
    assert store.persistent and "DictKeyring" in store.backend_name
    store.save("http://server", "tok-1")
    assert FallbackTokenStore(backend).load("http://server") == "tok-1"
    store.clear("http://server")
    assert FallbackTokenStore(backend).load("http://server") is None


def test_the_fail_backend_falls_back_to_memory_and_says_so() -> None:
    backend = keyring.backends.fail.Keyring()
    assert not keyring_usable(backend)
    store = FallbackTokenStore(backend)
    assert not store.persistent and store.backend_name == "memory"
    store.save("http://server", "tok-2")
    assert store.load("http://server") == "tok-2"
    assert FallbackTokenStore(backend).load("http://server") is None  # nothing survives a restart
