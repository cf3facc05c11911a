"""The one owner of the session token: the API client's copy, the keyring's copy and the user."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from desktop.api.client import ApiClient
from desktop.api.models import AuthResult, User
from desktop.core.session import TokenStore

log = logging.getLogger(__name__)


class Session(QObject):
    """Who is signed in, with which token. Nothing else writes ``client.token``."""

    user_changed = Signal(object)  # User | None

    def __init__(self, client: ApiClient, tokens: TokenStore, token_key: Callable[[], str]) -> None:
        super().__init__()
        self._client = client
        self._tokens = tokens
        self._token_key = token_key
        self.user: User | None = None

    @property
    def token(self) -> str | None:
        return self._client.token

    @property
    def signed_in(self) -> bool:
        return self._client.token is not None and self.user is not None

    def load_saved_token(self) -> None:
        """Take the token saved for the current server (a start that may skip login)."""
        self._client.token = self._tokens.load(self._token_key())

    def start(self, auth: AuthResult) -> None:
        """Keep a fresh login's token (keyring or memory) and announce the user."""
        self._client.token = auth.token
        try:
            self._tokens.save(self._token_key(), auth.token)
        except Exception as exc:  # never lose a fresh login over a keyring hiccup
            log.warning("could not store the session token: %s", exc)
        self.set_user(auth.user)

    def set_user(self, user: User | None) -> None:
        """Replace the signed-in user's record (None = signed out)."""
        self.user = user
        self.user_changed.emit(user)

    def end(self) -> str | None:
        """Forget the token here and in the keyring; returns it so the caller can revoke it."""
        token, self._client.token = self._client.token, None
        self._tokens.clear(self._token_key())
        self.set_user(None)
        return token
