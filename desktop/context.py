"""What every screen shares: settings, the API client, the session and the caches."""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, Signal

from desktop.api.client import ApiClient
from desktop.api.models import AuthResult, User
from desktop.core.paths import AppPaths
from desktop.core.pending_uploads import PendingUploadStore
from desktop.core.session import FallbackTokenStore, TokenStore
from desktop.core.settings import AppSettings, CameraSource
from desktop.core.thumbnails import ThumbnailCache
from desktop.events import DomainEvents
from desktop.i18n import LanguageSwitcher
from desktop.session import Session

log = logging.getLogger(__name__)


class AppContext(QObject):
    """Shared state of one running app; views get it in their constructor."""

    user_changed = Signal(object)  # User | None (forwarded from the session)

    def __init__(
        self,
        paths: AppPaths,
        settings: AppSettings,
        *,
        token_store: TokenStore | None = None,
        camera_override: str | None = None,
        server_override: str | None = None,
    ) -> None:
        super().__init__()
        self.paths = paths
        self.settings = settings
        self.tokens: TokenStore = token_store or FallbackTokenStore()
        self.client = ApiClient("http://127.0.0.1:0")
        self.thumbnails = ThumbnailCache(paths.thumbnail_dir)
        self.pending_uploads = PendingUploadStore(paths.pending_uploads_dir)
        self.language = LanguageSwitcher()
        self.camera_override = camera_override
        self.server_override = server_override
        self.events = DomainEvents()
        self.session = Session(self.client, self.tokens, self._token_key)
        self.session.user_changed.connect(self.user_changed)

    @property
    def user(self) -> User | None:
        """The signed-in user (owned by :attr:`session`)."""
        return self.session.user

    @property
    def uses_local_server(self) -> bool:
        """True when the app runs its own bundled server."""
        return self.server_override is None and self.settings.server_mode == "local"

    def remote_url(self) -> str | None:
        """The remote server to use, or None in local mode."""
        if self.server_override:
            return self.server_override
        return None if self.uses_local_server else self.settings.remote_url

    @property
    def server_url(self) -> str:
        return self.client.base_url

    def set_server_url(self, url: str) -> None:
        """Point the client at a server, loading the token saved for it (if any)."""
        self.client.base_url = url.rstrip("/")
        self.session.load_saved_token()

    def camera_source(self) -> CameraSource:
        """The camera to use: the command line's, else the settings'."""
        return CameraSource.parse(self.camera_override or self.settings.camera_source or "0")

    def save_settings(self) -> None:
        """Persist the settings file."""
        self.settings.save(self.paths.settings_file)

    def start_session(self, auth: AuthResult, login_name: str = "") -> None:
        """A fresh login: the session keeps the token; the login name is remembered."""
        if login_name:
            self.settings.last_login = login_name
            self.save_settings()
        self.session.start(auth)

    def set_user(self, user: User | None) -> None:
        """Replace the signed-in user's record (None = signed out)."""
        self.session.set_user(user)

    def end_session(self, reason: str = "logout") -> str | None:
        """Forget the token and tell every screen to drop what it shows; returns the token."""
        self.events.session_ending.emit(reason)
        token = self.session.end()
        self.events.session_ended.emit(reason)
        return token

    def thumbnail_namespace(self) -> str:
        """Disk-cache folder key: this server and this user, so one account's files never
        answer for another's and deleting an account can drop exactly its files."""
        user_id = self.user.id if self.user is not None else 0
        return f"{self._token_key()}#user{user_id}"

    def _token_key(self) -> str:
        # The local server moves to a new port on every start; its tokens stay valid.
        if self.uses_local_server:
            return f"local:{self.paths.server_data_dir}"
        return self.client.base_url
