"""End to end against a real server: register → home → album → drop files → photo → delete."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from person import drag_and_drop
from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtWidgets import QAbstractItemView, QApplication, QInputDialog, QMessageBox
from pytestqt.qtbot import QtBot

from desktop.backend import BackendState
from desktop.core.uploads import UploadState
from desktop.main_window import MainWindow
from desktop.views.album_view import PhotoRole
from desktop.views.albums import AlbumRole

pytestmark = pytest.mark.e2e
PASSWORD = "Tr0mpeta-Azul!"


def open_item(qtbot: QtBot, view: QAbstractItemView, index: QModelIndex) -> None:
    """Click an item, then press Enter on it (the view's ``activated``)."""
    qtbot.mouseClick(
        view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(index).center()
    )
    assert view.currentIndex() == index
    qtbot.keyClick(view, Qt.Key.Key_Return)


def click_in_next_message_box(button_text: str) -> None:
    """Press a button of the message box that is about to open."""

    def press() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            for button in box.buttons():
                if button.text() == button_text:
                    button.click()
                    return
        QTimer.singleShot(50, press)

    QTimer.singleShot(50, press)


def register_through_the_form(qtbot: QtBot, window: MainWindow, username: str, photo: Path) -> None:
    qtbot.mouseClick(window.login.register_link, Qt.MouseButton.LeftButton)
    page = window.register
    assert window.top.currentWidget() is page
    qtbot.keyClicks(page.fields["username"], username)
    qtbot.keyClicks(page.fields["email"], f"{username}@example.com")
    page.fields["full_name"].setText("Ana Pérez")  # keyClicks only types ASCII
    qtbot.keyClicks(page.fields["password"], PASSWORD)
    qtbot.keyClicks(page.fields["password_confirm"], "wrong")
    assert (
        page.errors["password_confirm"].text() == "Las contraseñas no coinciden."
    )  # inline, as typed
    page.fields["password_confirm"].clear()
    qtbot.keyClicks(page.fields["password_confirm"], PASSWORD)
    assert page.errors["password_confirm"].text() == ""
    assert page.strength_hint.text() == "Contraseña fuerte"
    page.set_photo(photo)
    qtbot.waitUntil(page.submit_button.isEnabled, timeout=30000)
    qtbot.mouseClick(page.submit_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.top.currentWidget() is window.shell, timeout=60000)


def test_register_upload_by_drop_view_photo_and_delete_album(
    qtbot: QtBot,
    launch: Callable[..., tuple],
    server_url: str,
    unique: str,
    faces: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window, _ctx, backend = launch(server_url)
    qtbot.waitUntil(lambda: backend.state is BackendState.READY, timeout=30000)
    username = f"ana_{unique}"
    # The photo is given as the repository-relative fixture path.
    register_through_the_form(qtbot, window, username, faces / "obama_1.jpg")

    # Home shows the user.
    assert window.content.currentWidget() is window.home
    assert window.home.name.text() == "Ana Pérez"
    assert window.home.username.text() == f"@{username}"
    assert window.home.email.text() == f"{username}@example.com"
    qtbot.waitUntil(
        lambda: bool(window.home.tags.chips()), timeout=30000
    )  # the profile photo's face tags

    # Create an album through the dialog.
    qtbot.mouseClick(window.home.buttons["albums"], Qt.MouseButton.LeftButton)
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Vacaciones", True))
    qtbot.mouseClick(window.albums.new_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: any(a.name == "Vacaciones" for a in window.albums.model.albums), timeout=30000
    )
    profile = next(a for a in window.albums.model.albums if a.is_profile)
    assert profile.photo_count == 1

    # Drop two photos and a text file onto the album card.
    notes = tmp_path / "notas.txt"
    notes.write_text("esto no es una foto")
    grid = window.albums.grid
    index = window.albums.model.index_of(
        next(a.id for a in window.albums.model.albums if a.name == "Vacaciones")
    )
    assert drag_and_drop(
        grid.viewport(),
        grid.visualRect(index).center(),
        [faces / "biden_1.jpg", faces / "group_harington_leslie.jpg", notes],
    )
    panel = window.upload_panel
    assert panel.isVisible()
    qtbot.waitUntil(
        lambda: not window.uploads.busy and panel.counts()[UploadState.DONE] == 2, timeout=30000
    )
    counts = panel.counts()
    assert counts[UploadState.SKIPPED] == 1 and counts[UploadState.FAILED] == 0
    skipped = next(i for i in panel.model.items if i.state is UploadState.SKIPPED)
    assert skipped.path.name == "notas.txt"
    assert panel.state_text(skipped) == "Omitida: Ese archivo no es una imagen."
    qtbot.waitUntil(
        lambda: any(
            a.name == "Vacaciones" and a.photo_count == 2 for a in window.albums.model.albums
        ),
        timeout=30000,
    )

    # Open the album and a photo.
    index = window.albums.model.index_of(
        next(a.id for a in window.albums.model.albums if a.name == "Vacaciones")
    )
    open_item(qtbot, grid, index)
    assert window.content.currentWidget() is window.album
    qtbot.waitUntil(lambda: len(window.album.model.photos) == 2, timeout=30000)
    assert window.album.header.subtitle.text().startswith("2 fotos")
    photo_grid = window.album.grid
    group_row = next(
        r for r, p in enumerate(window.album.model.photos) if p.name == "group_harington_leslie"
    )
    photo_index = window.album.model.index(group_row)
    qtbot.waitUntil(
        lambda: photo_index.data(Qt.ItemDataRole.DecorationRole) is not None, timeout=30000
    )
    open_item(qtbot, photo_grid, photo_index)
    page = window.photo
    assert window.content.currentWidget() is page
    assert page.photo is not None and page.photo.id == photo_index.data(PhotoRole).id

    # Tags: computed by the server's background worker, shown when ready.
    qtbot.waitUntil(lambda: bool(page.tags.chips()), timeout=60000)
    assert any(chip.startswith("2 personas") for chip in page.tags.chips()), page.tags.chips()

    # Describe it, save, and read the translation.
    page.description_edit.setPlainText("Dos actores en una rueda de prensa")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.save_status.text() == "Guardado", timeout=30000)
    qtbot.waitUntil(
        lambda: (
            page.languages is not None
            or page.translation_status.text() not in ("", "Cargando idiomas…")
        ),
        timeout=30000,
    )
    assert page.languages, page.translation_status.text()
    english = page.language.findData("en")
    assert english > 0
    page.language.setCurrentIndex(english)
    qtbot.waitUntil(lambda: bool(page.translation.text()), timeout=30000)
    assert "actors" in page.translation.text().lower()

    # Back to the albums and delete the album; the confirmation names the photo count.
    qtbot.mouseClick(page.back, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(window.album.back, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: any(a.name == "Vacaciones" for a in window.albums.model.albums), timeout=30000
    )
    window.albums.set_edit_mode(True)
    album = next(a for a in window.albums.model.albums if a.name == "Vacaciones")
    window.albums.grid.setCurrentIndex(window.albums.model.index_of(album.id))
    assert "Se eliminarán también sus 2 fotos." in window.albums.delete_confirmation_text(album)
    click_in_next_message_box("Eliminar")
    qtbot.mouseClick(window.albums.delete_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: all(a.name != "Vacaciones" for a in window.albums.model.albums), timeout=30000
    )
    assert [a.kind for a in window.albums.model.albums] == ["profile"]
    assert window.albums.grid.model().data(window.albums.model.index(0), AlbumRole).is_profile
