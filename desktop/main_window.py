"""The main window: login/register before a session, sidebar + screens after it."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QEvent, QSize, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QIcon, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop import assets
from desktop.api.errors import SessionExpired
from desktop.api.models import Album, AuthResult, Photo, User
from desktop.backend import Backend, BackendState
from desktop.context import AppContext
from desktop.core.messages import message_for
from desktop.operations import account as account_ops
from desktop.operations import photos as photo_ops
from desktop.ops import hub
from desktop.views.account import AccountPage
from desktop.views.album_view import AlbumPage
from desktop.views.albums import AlbumsPage
from desktop.views.duplicates import DuplicatesPage
from desktop.views.extract_text import ExtractTextPage
from desktop.views.home import HomePage
from desktop.views.login import LoginPage
from desktop.views.people import MyPhotosPage, PeoplePage
from desktop.views.photo_view import PhotoPage
from desktop.views.register import RegisterPage
from desktop.views.search import SearchResultsPage
from desktop.views.selection import UndoBar
from desktop.views.settings_dialog import SHORTCUT as SETTINGS_SHORTCUT
from desktop.views.settings_dialog import SettingsDialog, shortcut_text
from desktop.views.thumbnails import ThumbnailLoader
from desktop.views.trash import TrashPage
from desktop.views.uploads import UploadController, UploadDialog, UploadPanel
from desktop.views.widgets import label

log = logging.getLogger(__name__)

NAV = ("home", "albums", "me", "people", "duplicates", "trash", "extract_text", "account")
NAV_ICONS = {
    "home": "home",
    "albums": "albums",
    "me": "face",
    "people": "user",
    "duplicates": "copy",
    "trash": "trash",
    "extract_text": "text",
    "account": "user",
}


class MainWindow(QMainWindow):
    """Owns the screens and moves between them; the backend and uploads live here."""

    def __init__(self, ctx: AppContext, backend: Backend) -> None:
        super().__init__()
        self.ctx = ctx
        self.backend = backend
        self.setWindowIcon(QIcon(assets.pixmap("logo", 64, ratio=1.0)))
        self.resize(1180, 780)
        self.setMinimumSize(QSize(900, 620))
        self.loader = ThumbnailLoader(ctx, parent=self)
        self.uploads = UploadController(ctx, self)

        self.top = QStackedWidget()
        self.login = LoginPage(ctx)
        self.register = RegisterPage(ctx)
        self.shell = QWidget()
        self.top.addWidget(self.login)
        self.top.addWidget(self.register)
        self.top.addWidget(self.shell)
        self.setCentralWidget(self.top)

        self.home = HomePage(ctx)
        self.albums = AlbumsPage(ctx, self.loader)
        self.album = AlbumPage(ctx, self.loader, albums=lambda: self.albums.model.albums)
        self.photo = PhotoPage(ctx)
        self.duplicates = DuplicatesPage(ctx)
        self.trash = TrashPage(ctx, self.loader)
        self.search = SearchResultsPage(ctx, self.loader, albums=lambda: self.albums.model.albums)
        self.me = MyPhotosPage(ctx, self.loader)
        self.people = PeoplePage(ctx)
        self._photo_came_from: QWidget = self.album
        self.extract = ExtractTextPage(ctx)
        self.account = AccountPage(ctx)
        self.upload_panel = UploadPanel(self.uploads)
        self.album.albums_source = lambda: self.albums.model.albums
        self._build_shell()
        self._connect()
        self.retranslate()
        self.show_login()

    # -- layout ---------------------------------------------------------------------------
    def _build_shell(self) -> None:
        layout = QHBoxLayout(self.shell)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        sidebar = QFrame()
        sidebar.setObjectName("sidebar")
        sidebar.setFixedWidth(232)
        side = QVBoxLayout(sidebar)
        side.setContentsMargins(14, 18, 14, 16)
        side.setSpacing(4)
        brand = QHBoxLayout()
        logo = QLabel()
        logo.setPixmap(assets.pixmap("logo", 32))
        title = label("sidebarTitle")
        title.setText("FaceAlbum")
        brand.addWidget(logo)
        brand.addWidget(title, 1)
        side.addLayout(brand)
        side.addSpacing(18)
        self.nav_group = QButtonGroup(self)
        self.nav: dict[str, QPushButton] = {}
        for key in NAV:
            nav_button = QPushButton()
            nav_button.setObjectName("navButton")
            nav_button.setCheckable(True)
            nav_button.setIcon(assets.icon(NAV_ICONS[key], assets.TEXT, active_color=assets.ACCENT))
            nav_button.setIconSize(QSize(18, 18))
            nav_button.setCursor(Qt.CursorShape.PointingHandCursor)
            nav_button.clicked.connect(lambda _c=False, k=key: self.navigate(k))
            self.nav_group.addButton(nav_button)
            self.nav[key] = nav_button
            side.addWidget(nav_button)
        side.addStretch(1)
        self.sidebar_user = label("sidebarUser", wrap=True)
        self.sidebar_user.setContentsMargins(14, 0, 0, 6)
        side.addWidget(self.sidebar_user)
        self.settings_button = QPushButton()
        self.settings_button.setObjectName("navButton")
        self.settings_button.setIcon(assets.icon("settings"))
        self.settings_button.clicked.connect(self.open_settings)
        self.logout_button = QPushButton()
        self.logout_button.setObjectName("navButton")
        self.logout_button.setIcon(assets.icon("logout", assets.DANGER))
        self.logout_button.clicked.connect(self.logout)
        side.addWidget(self.settings_button)
        side.addWidget(self.logout_button)
        layout.addWidget(sidebar)

        right = QVBoxLayout()
        right.setContentsMargins(0, 0, 0, 0)
        right.setSpacing(0)
        top_bar = QFrame()
        top_bar.setObjectName("topBar")
        top = QHBoxLayout(top_bar)
        top.setContentsMargins(28, 12, 28, 0)
        self.search_edit = QLineEdit()
        self.search_edit.setObjectName("searchField")
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.addAction(assets.icon("photo"), QLineEdit.ActionPosition.LeadingPosition)
        self.search_edit.setMaximumWidth(520)
        top.addWidget(self.search_edit, 1)
        top.addStretch(0)
        right.addWidget(top_bar)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(350)  # search as the person pauses typing
        self._search_timer.timeout.connect(self.run_search)
        self.search_edit.textEdited.connect(lambda _t: self._search_timer.start())
        self.search_edit.returnPressed.connect(self.run_search)
        find = QShortcut(QKeySequence(QKeySequence.StandardKey.Find), self.shell)
        find.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        find.activated.connect(self.focus_search)
        self.content = QStackedWidget()
        for page in (
            self.home,
            self.albums,
            self.album,
            self.photo,
            self.extract,
            self.account,
            self.search,
            self.duplicates,
            self.trash,
            self.me,
            self.people,
        ):
            self.content.addWidget(page)
        right.addWidget(self.content, 1)
        self.undo_bar = UndoBar()
        right.addWidget(self.undo_bar)
        right.addWidget(self.upload_panel)
        undo = QShortcut(QKeySequence(QKeySequence.StandardKey.Undo), self.shell)
        undo.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        undo.activated.connect(self.undo_bar.undo)
        layout.addLayout(right, 1)

    def _connect(self) -> None:
        self.backend.state_changed.connect(self._on_backend_state)
        self.login.logged_in.connect(self._on_logged_in)
        self.login.register_requested.connect(lambda: self.top.setCurrentWidget(self.register))
        self.login.settings_requested.connect(self.open_settings)
        # On the window: from the login and register screens too, not only once logged in.
        self.settings_shortcut = QShortcut(QKeySequence(SETTINGS_SHORTCUT), self)
        # Queued: the dialog's event loop starts after the key event is done, not inside it.
        self.settings_shortcut.activated.connect(
            self.open_settings, Qt.ConnectionType.QueuedConnection
        )
        self.login.retry_backend.connect(self.backend.start)
        self.register.back_requested.connect(self.show_login)
        self.register.registered.connect(self._on_logged_in)
        self.home.action_requested.connect(self._on_home_action)
        self.albums.open_album.connect(self.open_album)
        self.albums.upload_requested.connect(self.start_upload)
        self.album.back_requested.connect(lambda: self.navigate("albums"))
        self.album.open_photo.connect(self.open_photo)
        self.album.upload_requested.connect(self.start_upload)
        self.album.upload_dialog_requested.connect(self.open_upload_dialog)
        self.album.undo_offered.connect(self.undo_bar.offer)
        self.photo.back_requested.connect(self._back_to_album)
        self.photo.undo_offered.connect(self.undo_bar.offer)
        self.duplicates.undo_offered.connect(self.undo_bar.offer)
        self.search.open_photo.connect(self.open_search_result)
        self.me.open_photo.connect(self.open_my_photo)
        self.people.open_photo.connect(self.open_photo_id)
        self.ctx.user_changed.connect(self._on_user)
        self.ctx.events.session_ended.connect(self._on_session_ended)
        hub.session_expired.connect(self._on_session_expired)

    def retranslate(self) -> None:
        self.setWindowTitle("FaceAlbum")
        texts = {
            "home": self.tr("Inicio"),
            "albums": self.tr("Álbumes"),
            "me": self.tr("Fotos donde aparezco"),
            "people": self.tr("Personas"),
            "duplicates": self.tr("Duplicados"),
            "trash": self.tr("Papelera"),
            "extract_text": self.tr("Extraer texto"),
            "account": self.tr("Cuenta"),
        }
        for key, text in texts.items():
            self.nav[key].setText("  " + text)
        self.settings_button.setText("  " + self.tr("Ajustes"))
        self.settings_button.setToolTip(self.tr("Ajustes") + f" ({shortcut_text()})")
        self.undo_bar.retranslate()
        self.search_edit.setPlaceholderText(
            self.tr("Buscar fotos: nombre, etiqueta, texto, álbum… (Ctrl+F)")
        )
        self.logout_button.setText("  " + self.tr("Cerrar sesión"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- navigation -----------------------------------------------------------------------
    def show_login(self, message: str = "") -> None:
        self.top.setCurrentWidget(self.login)
        self.login.show_error(message)
        self.login.login_edit.setFocus()

    def navigate(self, key: str) -> None:
        """Show one of the sidebar's screens."""
        page = {
            "home": self.home,
            "albums": self.albums,
            "me": self.me,
            "people": self.people,
            "duplicates": self.duplicates,
            "trash": self.trash,
            "extract_text": self.extract,
            "account": self.account,
        }[key]
        self.nav[key].setChecked(True)
        self.content.setCurrentWidget(page)
        if key == "albums":
            self.albums.set_edit_mode(False)
            self.albums.refresh()
        elif key == "account":
            self.account.refresh()
        elif key == "duplicates":
            self.duplicates.refresh()
        elif key == "trash":
            self.trash.refresh()
        elif key == "me":
            self.me.reload()
        elif key == "people":
            self.people.reload()

    def open_album(self, album: Album) -> None:
        self.nav["albums"].setChecked(True)
        self.album.show_album(album)
        self.content.setCurrentWidget(self.album)

    def open_photo(self, photo: Photo) -> None:
        self._photo_came_from = self.album
        self.photo.opened_from_album = True
        self.photo.show_photo(photo, self.albums.model.albums, self.album.model.photos, terms=())
        self.content.setCurrentWidget(self.photo)

    def focus_search(self) -> None:
        self.search_edit.setFocus()
        self.search_edit.selectAll()

    def run_search(self) -> None:
        """Show what the top bar's words find (an empty field lists every photo)."""
        self._search_timer.stop()
        self.nav_group.setExclusive(False)
        for nav_button in self.nav.values():
            nav_button.setChecked(False)
        self.nav_group.setExclusive(True)
        self.search.search(self.search_edit.text())
        self.content.setCurrentWidget(self.search)

    def open_my_photo(self, photo: Photo) -> None:
        """A photo from "Fotos donde aparezco" (←/→ walk through those photos)."""
        self._photo_came_from = self.me
        self.photo.opened_from_album = False
        self.photo.show_photo(photo, self.albums.model.albums, self.me.model.photos, terms=())
        self.content.setCurrentWidget(self.photo)

    def open_photo_id(self, photo_id: int) -> None:
        """A photo known only by its id (a face in the People screen)."""
        photo_ops.load_photo(
            parent=self, ctx=self.ctx, photo_id=photo_id, success=self._open_person_photo
        )

    def _open_person_photo(self, photo: Photo) -> None:
        self._photo_came_from = self.people
        self.photo.opened_from_album = False
        self.photo.show_photo(photo, self.albums.model.albums, [photo], terms=())
        self.content.setCurrentWidget(self.photo)

    def open_search_result(self, photo: Photo, terms: tuple[str, ...]) -> None:
        self._photo_came_from = self.search
        self.photo.opened_from_album = True
        self.photo.show_photo(
            photo, self.albums.model.albums, self.search.model.photos, terms=terms
        )
        self.content.setCurrentWidget(self.photo)

    def _back_to_album(self) -> None:
        self.content.setCurrentWidget(self._photo_came_from)

    def _on_home_action(self, action: str) -> None:
        if action == "albums":
            self.navigate("albums")
        elif action == "edit_albums":
            self.navigate("albums")
            self.albums.set_edit_mode(True)
        elif action == "upload":
            self.open_upload_dialog(None)
        elif action == "extract_text":
            self.navigate("extract_text")
        elif action == "account":
            self.navigate("account")
        elif action == "logout":
            self.logout()

    # -- session --------------------------------------------------------------------------
    def _on_backend_state(self, state: BackendState, code: str, _detail: str) -> None:
        self.login.set_backend_state(state, code)
        if state is BackendState.READY:
            self.ctx.set_server_url(self.backend.url)
            if self.ctx.client.token and self.ctx.user is None:
                self._resume_session()

    def _resume_session(self) -> None:
        """Skip login when the keyring holds a token that still works."""
        account_ops.resume_session(
            parent=self,
            ctx=self.ctx,
            success=lambda _u: self._enter_shell(),
            failure=self._on_resume_failed,
        )

    def _on_resume_failed(self, error: Exception) -> None:
        if isinstance(error, SessionExpired):
            self.ctx.end_session("expired")

    def _on_logged_in(self, auth: AuthResult, login: str) -> None:
        self.ctx.start_session(auth, login)
        self._enter_shell()

    def _enter_shell(self) -> None:
        self.top.setCurrentWidget(self.shell)
        self.navigate("home")
        self.albums.refresh()
        self.uploads.restore()

    def _on_user(self, user: User | None) -> None:
        if user is None:
            self.sidebar_user.setText("")
            return
        self.sidebar_user.setText(f"{user.full_name or user.username}\n{user.email}")
        self.retranslate()

    def _on_session_expired(self, _error: SessionExpired) -> None:
        if self.top.currentWidget() is not self.shell:
            return
        user = self.ctx.user
        self.ctx.end_session("expired")
        if user is not None:
            self.login.login_edit.setText(user.username)
        self.show_login(message_for("session_expired"))

    def logout(self) -> None:
        """Revoke the token on the server, forget it here, and go back to login."""
        account_ops.log_out(parent=self, ctx=self.ctx)

    def _on_session_ended(self, why: str) -> None:
        # Every screen clears itself on this signal; the window only goes back to login.
        self.login.password_edit.clear()
        self.login.login_edit.setText(self.ctx.settings.last_login)
        if why == "expired":
            return  # the expiry handler shows its own message
        self.show_login()
        if why == "deleted":
            QMessageBox.information(self, "FaceAlbum", self.tr("Tu cuenta se ha eliminado."))

    # -- uploads --------------------------------------------------------------------------
    def start_upload(
        self, album: Album, paths: list[Path], name: str = "", description: str = ""
    ) -> None:
        self.uploads.start(album, paths, name=name, description=description)

    def open_upload_dialog(self, album: Album | None) -> None:
        albums = self.albums.model.albums
        if not [a for a in albums if not a.is_profile]:
            QMessageBox.information(
                self, self.tr("Subir fotos"), self.tr("Primero crea un álbum en «Álbumes».")
            )
            self.navigate("albums")
            return
        dialog = UploadDialog(albums, album, self)
        if dialog.exec() and dialog.paths and dialog.selected_album() is not None:
            target = dialog.selected_album()
            assert target is not None
            self.start_upload(
                target,
                dialog.paths,
                dialog.name.text().strip(),
                dialog.description.toPlainText().strip(),
            )

    # -- settings -------------------------------------------------------------------------
    def open_settings(self) -> None:
        dialog = SettingsDialog(self.ctx, self)
        if not dialog.exec():
            return
        settings = self.ctx.settings
        server_changed = dialog.server_mode() != settings.server_mode or (
            dialog.server_mode() == "remote" and dialog.remote_url() != settings.remote_url
        )
        settings.server_mode = "remote" if dialog.server_mode() == "remote" else "local"
        settings.remote_url = dialog.remote_url()
        camera_changed = dialog.camera_source() != settings.camera_source
        settings.camera_source = dialog.camera_source()
        if dialog.language_code() != settings.language:
            settings.language = dialog.language_code()
            self.ctx.language.apply(settings.language)
        self.ctx.save_settings()
        if camera_changed:
            self.login.restart_camera()  # applies now, not after the next tab switch
        if server_changed:
            self.ctx.server_override = None
            self.switch_server()

    def switch_server(self) -> None:
        """Restart against the server the settings now name; the user logs in again."""
        if self.ctx.user is not None:
            self.ctx.end_session("server_changed")
        self.backend.stop()
        self.backend.remote_url = self.ctx.remote_url()
        self.backend.server_data_dir = self.ctx.paths.server_data_dir
        self.show_login()
        self.backend.start()

    def confirm_quit_with_uploads(self) -> bool:
        """Ask what to do with files not uploaded yet; False keeps the window open."""
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Subidas pendientes"),
            self.tr("Quedan %n foto(s) por subir.", "", self.uploads.pending_count),
            parent=self,
        )
        box.setInformativeText(
            self.tr("Si sales ahora, se subirán la próxima vez que entres con esta cuenta.")
        )
        wait = box.addButton(self.tr("Seguir subiendo"), QMessageBox.ButtonRole.RejectRole)
        later = box.addButton(
            self.tr("Salir y continuar después"), QMessageBox.ButtonRole.AcceptRole
        )
        discard = box.addButton(
            self.tr("Salir y descartarlas"), QMessageBox.ButtonRole.DestructiveRole
        )
        box.setDefaultButton(later)
        box.setEscapeButton(wait)
        box.exec()
        clicked = box.clickedButton()
        if clicked is later:
            self.uploads.suspend()
            return True
        if clicked is discard:
            self.uploads.discard()
            return True
        return False

    def prepare_to_quit(self) -> None:
        """Quit without asking (a signal from the system): keep unsent uploads for later."""
        if self.uploads.pending_count:
            self.uploads.suspend(wait_seconds=5.0)
        self.login.face_panel.stop_camera()
        self.backend.stop()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.uploads.pending_count and not self.confirm_quit_with_uploads():
            event.ignore()
            return
        self.login.face_panel.stop_camera()
        self.backend.stop()
        super().closeEvent(event)
