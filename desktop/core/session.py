"""Where the session token lives: the system keyring, or memory when there is none."""

from __future__ import annotations

import logging
from typing import Protocol

import keyring
import keyring.backend
import keyring.errors

log = logging.getLogger(__name__)

SERVICE = "FaceAlbum"


class TokenStore(Protocol):
    """Keeps one token per server URL."""

    @property
    def persistent(self) -> bool: ...
    @property
    def backend_name(self) -> str: ...

    def load(self, server_url: str) -> str | None: ...
    def save(self, server_url: str, token: str) -> None: ...
    def clear(self, server_url: str) -> None: ...


class MemoryTokenStore:
    """Tokens kept in this process only: the next start asks to log in again."""

    persistent = False
    backend_name = "memory"

    def __init__(self) -> None:
        self._tokens: dict[str, str] = {}

    def load(self, server_url: str) -> str | None:
        return self._tokens.get(server_url)

    def save(self, server_url: str, token: str) -> None:
        self._tokens[server_url] = token

    def clear(self, server_url: str) -> None:
        self._tokens.pop(server_url, None)


class KeyringTokenStore:
    """Tokens in the system keyring (Secret Service, macOS Keychain, Windows Credential Locker)."""

    persistent = True

    def __init__(self, backend: keyring.backend.KeyringBackend) -> None:
        self._backend = backend
        self.backend_name = f"{type(backend).__module__}.{type(backend).__name__}"

    def load(self, server_url: str) -> str | None:
        try:
            return self._backend.get_password(SERVICE, server_url)
        except keyring.errors.KeyringError as exc:
            log.warning("keyring read failed: %s", exc)
            return None

    def save(self, server_url: str, token: str) -> None:
        self._backend.set_password(SERVICE, server_url, token)

    def clear(self, server_url: str) -> None:
        try:
            self._backend.delete_password(SERVICE, server_url)
        except keyring.errors.PasswordDeleteError:
            pass
        except keyring.errors.KeyringError as exc:
            log.warning("keyring delete failed: %s", exc)


class FallbackTokenStore:
    """The keyring when it works, memory when it does not (and it says which one is active)."""

    def __init__(self, backend: keyring.backend.KeyringBackend | None = None) -> None:
        self._memory = MemoryTokenStore()
        chosen = backend if backend is not None else keyring.get_keyring()
        self._keyring: KeyringTokenStore | None = (
            KeyringTokenStore(chosen) if keyring_usable(chosen) else None
        )

    @property
    def persistent(self) -> bool:
        return self._keyring is not None

    @property
    def backend_name(self) -> str:
        return self._keyring.backend_name if self._keyring else self._memory.backend_name

    def load(self, server_url: str) -> str | None:
        if self._keyring is not None:
            return self._keyring.load(server_url)
        return self._memory.load(server_url)

    def save(self, server_url: str, token: str) -> None:
        if self._keyring is not None:
            try:
                self._keyring.save(server_url, token)
                return
            except keyring.errors.KeyringError as exc:
                log.warning("keyring write failed (%s); keeping the token in memory only", exc)
                self._keyring = None
        self._memory.save(server_url, token)

    def clear(self, server_url: str) -> None:
        if self._keyring is not None:
            self._keyring.clear(server_url)
        self._memory.clear(server_url)


def keyring_usable(backend: keyring.backend.KeyringBackend) -> bool:
    """False for keyring's "fail" backend and any backend with no positive priority."""
    if type(backend).__module__.startswith("keyring.backends.fail"):
        return False
    try:
        priority = float(backend.priority)
    except Exception:  # a backend whose priority check itself fails is unusable
        return False
    return priority > 0
