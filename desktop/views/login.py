"""Login: username-or-email + password, or face login with the camera; backend status banner."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSizePolicy,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop import assets
from desktop.api.errors import ApiError, TooManyAttempts
from desktop.api.models import AuthResult, FaceChallenge
from desktop.backend import BackendState
from desktop.context import AppContext
from desktop.core.messages import has_message, message_for
from desktop.ops import QueryOp, error_text
from desktop.views.face_capture import FaceCapturePanel
from desktop.views.settings_dialog import shortcut_text
from desktop.views.widgets import Page, button, label


def format_wait(seconds: int, tr_minutes: str, tr_seconds: str) -> str:
    """``4 min 05 s`` style countdown text (format strings passed in, already translated)."""
    minutes, secs = divmod(max(0, seconds), 60)
    if minutes:
        return tr_minutes.format(minutes=minutes, seconds=f"{secs:02d}")
    return tr_seconds.format(seconds=secs)


class BackendBanner(QFrame):
    """One line saying whether the server answers, with a retry button on failure."""

    retry_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("banner")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 8, 8, 8)
        self.icon = QLabel()
        self.text = label(wrap=True)
        self.retry = button("", "retry")
        self.retry.clicked.connect(self.retry_requested)
        layout.addWidget(self.icon)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.retry)
        self.state = BackendState.STARTING
        self.code = ""
        self.local = True

    def show_state(self, state: BackendState, code: str, local: bool) -> None:
        self.state, self.code, self.local = state, code, local
        self.setVisible(state is not BackendState.READY)
        failed = state is BackendState.FAILED
        self.setObjectName("bannerError" if failed else "banner")
        self.style().unpolish(self)
        self.style().polish(self)
        self.icon.setPixmap(
            assets.pixmap(
                "warning" if failed else "server", 18, assets.DANGER if failed else assets.ACCENT
            )
        )
        self.retry.setVisible(failed)
        self.retranslate()

    def retranslate(self) -> None:
        self.retry.setText(self.tr("Reintentar"))
        if self.state is BackendState.STARTING:
            self.text.setText(
                self.tr("Iniciando el servidor local…")
                if self.local
                else self.tr("Conectando con el servidor…")
            )
        elif self.state is BackendState.FAILED:
            if self.local:
                self.text.setText(
                    self.tr(
                        "El servidor local no pudo arrancar. Revisa el registro o prueba de nuevo."
                    )
                )
            else:
                self.text.setText(
                    self.tr(
                        "No se puede conectar con el servidor. Comprueba la dirección en Ajustes."
                    )
                )


class LoginPage(Page):
    """The first screen."""

    logged_in = Signal(object, str)  # AuthResult, the login typed
    register_requested = Signal()
    settings_requested = Signal()
    retry_backend = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("authBackground")
        self._ready = False
        self._lock_seconds = 0
        self._lock_timer = QTimer(self)
        self._lock_timer.setInterval(1000)
        self._lock_timer.timeout.connect(self._tick_lock)

        outer = QVBoxLayout(self)
        outer.setContentsMargins(24, 16, 24, 24)
        top = QHBoxLayout()
        top.addStretch(1)
        self.settings_button = QToolButton()
        self.settings_button.setIcon(assets.icon("settings"))
        self.settings_button.setIconSize(QSize(20, 20))
        self.settings_button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.settings_button.clicked.connect(self.settings_requested)
        top.addWidget(self.settings_button)
        outer.addLayout(top)
        outer.addStretch(1)

        self.card = QFrame()
        self.card.setObjectName("authCard")
        self.card.setFixedWidth(460)
        layout = QVBoxLayout(self.card)
        layout.setContentsMargins(32, 28, 32, 24)
        layout.setSpacing(12)
        logo = QLabel()
        logo.setPixmap(assets.pixmap("logo", 56))
        logo.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.title = label("authTitle")
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.subtitle = label("muted", wrap=True)
        self.subtitle.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(logo)
        layout.addWidget(self.title)
        layout.addWidget(self.subtitle)

        self.banner = BackendBanner()
        self.banner.retry_requested.connect(self.retry_backend)
        layout.addWidget(self.banner)

        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self._build_password_tab(), assets.icon("key"), "")
        self.tabs.addTab(self._build_camera_tab(), assets.icon("face"), "")
        self.tabs.currentChanged.connect(self._on_tab_changed)
        self._fit_tabs_to_current(0)
        layout.addWidget(self.tabs)

        bottom = QHBoxLayout()
        bottom.addStretch(1)
        self.no_account = label("muted")
        self.register_link = button("link")
        self.register_link.clicked.connect(self.register_requested)
        bottom.addWidget(self.no_account)
        bottom.addWidget(self.register_link)
        bottom.addStretch(1)
        layout.addLayout(bottom)

        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.card)
        row.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(2)
        self.login_edit.setText(ctx.settings.last_login)
        self.retranslate()
        self._update_submit()

    def _build_password_tab(self) -> QWidget:
        tab = QWidget()
        form = QVBoxLayout(tab)
        form.setContentsMargins(0, 14, 0, 0)
        form.setSpacing(6)
        self.login_label = label()
        self.login_edit = QLineEdit()
        self.login_edit.setClearButtonEnabled(True)
        self.password_label = label()
        self.password_edit = QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.error = label("fieldError", wrap=True)
        self.error.hide()
        self.submit = button("primary", "")
        self.submit.setMinimumHeight(38)
        self.submit.clicked.connect(self.submit_password)
        self.login_edit.returnPressed.connect(self.password_edit.setFocus)
        self.password_edit.returnPressed.connect(self.submit_password)
        self.login_edit.textChanged.connect(self._update_submit)
        self.password_edit.textChanged.connect(self._update_submit)
        for widget in (self.login_label, self.login_edit):
            form.addWidget(widget)
        form.addSpacing(6)
        for widget in (self.password_label, self.password_edit, self.error):
            form.addWidget(widget)
        form.addSpacing(10)
        form.addWidget(self.submit)
        form.addStretch(1)
        return tab

    def _build_camera_tab(self) -> QWidget:
        tab = QWidget()
        layout = QVBoxLayout(tab)
        layout.setContentsMargins(0, 14, 0, 0)
        layout.setSpacing(6)
        self.face_login_label = label()
        self.face_login_edit = QLineEdit()
        self.face_login_edit.setClearButtonEnabled(True)
        self.face_panel = FaceCapturePanel(self.ctx, auto=True, scripted=True)
        self.face_panel.start_requested.connect(self._request_challenge)
        self.face_panel.script_captured.connect(self._submit_face)
        self._challenge: FaceChallenge | None = None
        layout.addWidget(self.face_login_label)
        layout.addWidget(self.face_login_edit)
        layout.addSpacing(4)
        layout.addWidget(self.face_panel, 1)
        return tab

    def retranslate(self) -> None:
        self.title.setText("FaceAlbum")
        self.subtitle.setText(self.tr("Tus fotos, protegidas con tu cara."))
        self.tabs.setTabText(0, self.tr("Usuario y contraseña"))
        self.tabs.setTabText(1, self.tr("Cámara"))
        self.login_label.setText(self.tr("Usuario o correo"))
        self.login_edit.setPlaceholderText(self.tr("p. ej. ana o ana@ejemplo.com"))
        self.password_label.setText(self.tr("Contraseña"))
        self.submit.setText(self.tr("Entrar"))
        self.face_login_label.setText(self.tr("Usuario o correo (opcional)"))
        self.face_login_edit.setPlaceholderText(self.tr("Déjalo vacío y te buscamos por la cara"))
        self.no_account.setText(self.tr("¿No tienes cuenta?"))
        self.register_link.setText(self.tr("Crear una cuenta"))
        self.settings_button.setToolTip(self.tr("Ajustes") + f" ({shortcut_text()})")
        self.banner.retranslate()
        if self._lock_seconds:
            self._tick_lock(advance=False)

    # -- backend state --------------------------------------------------------------------
    def set_backend_state(self, state: BackendState, code: str = "") -> None:
        """Show the server's state; logging in waits until it is ready."""
        self._ready = state is BackendState.READY
        self.banner.show_state(state, code, self.ctx.uses_local_server)
        self._update_submit()

    def _update_submit(self) -> None:
        filled = bool(self.login_edit.text().strip() and self.password_edit.text())
        self.submit.setEnabled(self._ready and filled and not self._lock_seconds)
        self.face_panel.capture_button.setEnabled(
            self._ready and self.face_panel.has_frame and not self.face_panel.camera_error
        )

    # -- password login -------------------------------------------------------------------
    def submit_password(self) -> None:
        """Log in with what is typed (Enter in the password field does this)."""
        if not self.submit.isEnabled():
            return
        login = self.login_edit.text().strip()
        password = self.password_edit.text()
        self.error.hide()
        self.submit.setEnabled(False)
        self.submit.setText(self.tr("Entrando…"))
        client = self.ctx.client
        QueryOp(
            parent=self,
            op=lambda: client.login(login, password),
            success=lambda auth: self._on_logged_in(auth, login),
        ).failure(self._on_password_failed).run_in_background()

    def _on_logged_in(self, auth: AuthResult, login: str) -> None:
        self.submit.setText(self.tr("Entrar"))
        self.password_edit.clear()
        self.face_panel.stop_camera()
        self.logged_in.emit(auth, login)

    def _on_password_failed(self, error: Exception) -> None:
        self.submit.setText(self.tr("Entrar"))
        if isinstance(error, TooManyAttempts) and error.retry_after:
            self._start_lock(error.retry_after)
        else:
            self.show_error(error_text(error))
        self._update_submit()
        self.password_edit.selectAll()
        self.password_edit.setFocus()

    def show_error(self, text: str) -> None:
        """Show a message under the password field."""
        self.error.setText(text)
        self.error.setVisible(bool(text))

    def _start_lock(self, seconds: int) -> None:
        self._lock_seconds = seconds
        self._lock_timer.start()
        self._tick_lock(advance=False)

    def _tick_lock(self, advance: bool = True) -> None:
        if advance:
            self._lock_seconds = max(0, self._lock_seconds - 1)
        if not self._lock_seconds:
            self._lock_timer.stop()
            self.show_error("")
            self._update_submit()
            return
        wait = format_wait(
            self._lock_seconds, self.tr("{minutes} min {seconds} s"), self.tr("{seconds} s")
        )
        self.show_error(
            self.tr("Demasiados intentos. Vuelve a probar dentro de {wait}.").format(wait=wait)
        )
        if self.tabs.currentIndex() == 1:
            self.face_panel.set_status(self.error.text(), error=True)

    # -- face login -----------------------------------------------------------------------
    def _fit_tabs_to_current(self, index: int) -> None:
        # A QTabWidget is as tall as its tallest page; ignoring hidden pages keeps the card tight.
        for i in range(self.tabs.count()):
            page = self.tabs.widget(i)
            if page is None:
                continue
            policy = QSizePolicy.Policy.Preferred if i == index else QSizePolicy.Policy.Ignored
            page.setSizePolicy(policy, policy)
            page.adjustSize()
        # The camera view's minimum size would still hold the hidden page open.
        if index == 1:
            self.face_panel.view.setMinimumSize(360, 220)
        else:
            self.face_panel.view.setMinimumSize(0, 0)
        self.tabs.adjustSize()
        self.card.adjustSize()

    def showEvent(self, event: QShowEvent) -> None:
        # Back from a session (logout): the camera tab shows the camera again and waits for a
        # press (starting by itself would log the person straight back in).
        super().showEvent(event)
        if self.tabs.currentIndex() == 1 and not self.face_panel.camera_running:
            self.face_panel.rearm(auto=False)
            self.face_panel.start_camera()

    def restart_camera(self) -> None:
        """The camera setting changed: reopen it now if the face tab shows it."""
        if self.face_panel.camera_running:
            self.face_panel.stop_camera()
            self.face_panel.rearm()
            self.face_panel.start_camera()

    def _on_tab_changed(self, index: int) -> None:
        self._fit_tabs_to_current(index)
        if index == 1:
            self.face_login_edit.setText(self.face_login_edit.text() or self.login_edit.text())
            self.face_panel.rearm()
            self.face_panel.start_camera()
        else:
            self.face_panel.stop_camera()

    def _request_challenge(self) -> None:
        if not self._ready:
            self.face_panel.set_status(self.banner.text.text(), error=True)
            self.face_panel.rearm(auto=False)
            return
        login = self.face_login_edit.text().strip()
        client = self.ctx.client
        QueryOp(
            parent=self, op=lambda: client.face_challenge(login), success=self._on_challenge
        ).failure(self._on_face_failed).run_in_background()

    def _on_challenge(self, challenge: FaceChallenge) -> None:
        self._challenge = challenge
        self.face_panel.start_script(challenge.steps)

    def _submit_face(self, frames: list[bytes], offsets: list[int]) -> None:
        challenge = self._challenge
        self._challenge = None
        if challenge is None:
            self.face_panel.rearm(auto=False)
            return
        login = self.face_login_edit.text().strip()
        client = self.ctx.client
        QueryOp(
            parent=self,
            op=lambda: client.face_login(challenge.challenge_id, frames, offsets, login),
            success=lambda auth: self._on_logged_in(auth, login),
        ).failure(self._on_face_failed).run_in_background()

    def face_failure_text(self, error: Exception) -> str:
        """What to do about a refused face login, in words the person can act on."""
        if isinstance(error, ApiError) and error.code == "script_not_followed":
            step = error.fields.get("step", "")
            if has_message(f"script_step_{step}"):
                return message_for(f"script_step_{step}")
        return error_text(error)

    def _on_face_failed(self, error: Exception) -> None:
        if isinstance(error, TooManyAttempts):
            wait = ""
            if error.retry_after:
                wait = " " + self.tr("Vuelve a probar dentro de {wait}.").format(
                    wait=format_wait(
                        error.retry_after,
                        self.tr("{minutes} min {seconds} s"),
                        self.tr("{seconds} s"),
                    )
                )
            text = message_for("face_login_locked") + wait
        elif (
            isinstance(error, ApiError)
            and error.status == 404
            and error.code in ("http_404", "not_found")
        ):
            text = message_for("feature_not_available")
        else:
            text = self.face_failure_text(error)
        self.face_panel.rearm(auto=False)
        self.face_panel.set_status(text, error=True)
        self.face_panel.capture_button.setText(self.tr("Intentar de nuevo"))
