"""Every screen, switched between Spanish and English at run time: no string of the other
language left (a photo's tags included, also when switched while the photo is open), and at the
window's minimum size no label or button cut short."""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from person import log_in, settle
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QLineEdit, QWidget
from pytestqt.exceptions import TimeoutError as StillClipped
from pytestqt.qtbot import QtBot

from desktop.api.client import ApiClient

pytestmark = pytest.mark.e2e
PASSWORD = "Tr0mpeta-Azul!"

SPANISH = re.compile(
    r"[áéíóúñ¿¡]|\b(de|del|el|la|los|las|una|foto|fotos|álbum|contraseña|cuenta|subir|eliminar|"
    r"cancelar|guardar|nombre|cerrar|sesión|ajustes|inicio|entrar|volver|mover|elige|etiquetas|"
    r"traducción|correo|usuario|cara|con|para|por|sin|tu|tus|que|aquí|otro|organizar)\b",
    re.IGNORECASE,
)
ENGLISH = re.compile(
    r"\b(the|photo|photos|album|albums|password|account|upload|delete|cancel|save|name|close|"
    r"settings|home|back|move|choose|tags|translation|description|email|user|camera|face|with|for|"
    r"and|your|of|open|log)\b",
    re.IGNORECASE,
)
# Words that are the same in both languages, or data rather than interface.
NEUTRAL = {"FaceAlbum", "Español", "English", "100 %", "−", "+"}
# The tags the server gives the photo (obama_1.jpg: one face, some print, upright, EXIF date and
# camera), in each UI language; the interface words above do not tell most of these apart.
TAGS = {
    "es": ["Persona", "Texto", "Vertical", "2012", "Diciembre de 2012", "Canon EOS 5D Mark III"],
    "en": ["Person", "Text", "Portrait", "2012", "December 2012", "Canon EOS 5D Mark III"],
}


def tag_names(window: object) -> list[str]:
    """The photo view's tag chips without their confidence ("Persona · 98 %" → "Persona")."""
    return [chip.split(" · ")[0] for chip in window.photo.tags.chips()]


def visible_texts(root: QWidget) -> Iterator[tuple[QWidget, str]]:
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisibleTo(root) or widget.property("userData"):
            continue
        texts = []
        if isinstance(widget, QLabel | QAbstractButton):
            texts.append(widget.text())
        if isinstance(widget, QLineEdit):
            texts.append(widget.placeholderText())
        texts.append(widget.toolTip())
        for text in texts:
            if text and text.strip() not in NEUTRAL:
                yield widget, text


def clipped(root: QWidget) -> list[str]:
    """Labels and buttons narrower (or shorter) than their text needs."""
    problems = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisibleTo(root) or not isinstance(widget, QLabel | QAbstractButton):
            continue
        if not widget.text() or (
            isinstance(widget, QLabel)
            and widget.pixmap() is not None
            and not widget.pixmap().isNull()
        ):
            continue
        hint = widget.sizeHint()
        if isinstance(widget, QLabel) and widget.wordWrap():
            needed = widget.heightForWidth(widget.width())
            if widget.height() + 1 < needed:
                problems.append(f"{widget.text()!r}: {widget.height()} px high, needs {needed}")
        elif widget.width() + 1 < hint.width() or widget.height() + 1 < min(hint.height(), 40):
            problems.append(
                f"{widget.text()!r}: {widget.width()}×{widget.height()}, needs "
                f"{hint.width()}×{hint.height()}"
            )
    return problems


@pytest.fixture
def person(server_url: str, unique: str, faces: Path) -> str:
    api = ApiClient(server_url)
    api.token = api.register(
        username=f"zoe_{unique}",
        email=f"zoe_{unique}@example.com",
        password=PASSWORD,
        password_confirm=PASSWORD,
        photo=faces / "leslie_1.jpg",
    ).token
    album = api.create_album("Xq")
    photo = api.upload_photo(album.id, faces / "obama_1.jpg", name="Xq1")
    # Tagged and its face found before the photo view opens it (the view polls faces a while
    # only): what the photo view shows does not change under a check.
    deadline = time.monotonic() + 300
    while not (api.photo(photo.id).labels_state == "done" and api.photo_faces(photo.id)):
        assert time.monotonic() < deadline, "the server did not analyse the photo in 5 minutes"
        time.sleep(0.5)
    return f"zoe_{unique}"


def wait_for_photo(qtbot: QtBot, window: object) -> None:
    """Until the photo view shows all it loads: the image, the tags, the face (their texts
    changing during a check would be measured before the layout follows)."""
    qtbot.waitUntil(lambda: window.photo.preview.has_image, timeout=30000)
    qtbot.waitUntil(lambda: bool(window.photo.tags.chips()), timeout=30000)
    qtbot.waitUntil(lambda: bool(window.photo.preview.image_label.faces), timeout=30000)


def screens(qtbot: QtBot, window: object) -> Iterator[tuple[str, Callable[[], None]]]:
    def album() -> None:
        window.open_album(next(a for a in window.albums.model.albums if a.name == "Xq"))
        qtbot.waitUntil(lambda: len(window.album.model.photos) == 1, timeout=30000)

    def photo() -> None:
        window.open_photo(window.album.model.photos[0])
        wait_for_photo(qtbot, window)

    yield "home", lambda: window.navigate("home")
    yield "albums", lambda: window.navigate("albums")
    yield "album", album
    yield "photo", photo
    yield "extract_text", lambda: window.navigate("extract_text")
    yield "account", lambda: window.navigate("account")


def test_switching_language_leaves_no_other_language_and_nothing_is_clipped(
    qtbot: QtBot,
    launch: Callable[..., tuple],
    server_url: str,
    person: str,
) -> None:
    window, ctx, backend = launch(server_url)
    window.resize(window.minimumSize())
    found: dict[str, list[str]] = {}

    def check(root: QWidget, where: str, foreign: re.Pattern[str]) -> None:
        root.resize(root.minimumSize().expandedTo(root.minimumSizeHint()))
        QApplication.processEvents()
        for _widget, text in visible_texts(root):
            if foreign.search(text):
                found.setdefault(where, []).append(text)
        try:  # nested layouts (the photo's side panel scrolls) settle over several passes
            qtbot.waitUntil(lambda: not clipped(root), timeout=5000)
        except StillClipped:
            found.setdefault(f"{where} clipped", []).extend(clipped(root))

    def dialogs(language: str, foreign: re.Pattern[str]) -> None:
        from desktop.views.settings_dialog import SettingsDialog
        from desktop.views.uploads import UploadDialog

        for dialog in (
            SettingsDialog(ctx, window),
            UploadDialog(window.albums.model.albums, None, window),
        ):
            dialog.show()
            check(dialog, f"{language}/{type(dialog).__name__}", foreign)
            dialog.close()
            dialog.deleteLater()

    # Before logging in: the login and sign-up screens and the settings, in both languages.
    qtbot.waitUntil(lambda: window.login.isVisible(), timeout=10000)
    for language, foreign in (("en", SPANISH), ("es", ENGLISH)):
        ctx.language.apply(language)
        window.top.setCurrentWidget(window.register)
        check(window, f"{language}/register", foreign)
        window.top.setCurrentWidget(window.login)
        check(window, f"{language}/login", foreign)
        dialogs(language, foreign)
    log_in(qtbot, window, backend, person, PASSWORD)
    settle(qtbot, window)
    window.navigate("albums")
    qtbot.waitUntil(lambda: any(a.name == "Xq" for a in window.albums.model.albums), timeout=30000)
    window.open_album(next(a for a in window.albums.model.albums if a.name == "Xq"))
    qtbot.waitUntil(lambda: len(window.album.model.photos) == 1, timeout=30000)
    for widget in (
        window.sidebar_user,
        window.home.name,
        window.home.username,
        window.home.email,
        window.account.username,
        window.account.email,
        window.photo.name_edit,
    ):
        widget.setProperty("userData", True)  # the person's own data, in no language

    for language, foreign in (("en", SPANISH), ("es", ENGLISH), ("en", SPANISH)):
        ctx.language.apply(language)
        QApplication.processEvents()
        for name, show in screens(qtbot, window):
            show()
            check(window, f"{language}/{name}", foreign)
            if name == "photo" and tag_names(window) != TAGS[language]:
                found.setdefault(f"{language}/photo tags", []).extend(tag_names(window))
        dialogs(language, foreign)

    # Switched while the photo stays open: its tags follow, both ways, without reopening it.
    window.open_photo(window.album.model.photos[0])
    wait_for_photo(qtbot, window)
    assert tag_names(window) == TAGS["en"]
    for language, foreign in (("es", ENGLISH), ("en", SPANISH)):
        ctx.language.apply(language)
        qtbot.waitUntil(lambda: tag_names(window) == TAGS[language], timeout=10000)  # noqa: B023
        check(window, f"{language}/photo left open", foreign)
    assert not found, "\n".join(f"{k}: {v}" for k, v in found.items())
