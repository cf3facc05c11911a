"""The extract-text screen as a person uses it, in Spanish and in English: click its place in the
sidebar, drop an image from the file manager, read and copy the text; a non-image is refused."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from person import drop, file_mime, log_in
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QDragEnterEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from desktop.api.client import ApiClient

pytestmark = [pytest.mark.e2e, pytest.mark.slow]
PASSWORD = "Tr0mpeta-Azul!"

WORDS = {
    "es": {
        "nav": "Extraer texto",
        "found": "líneas encontradas.",
        "copied": "Copiado al portapapeles.",
        "not_image": "Ese archivo no es una imagen.",
    },
    "en": {
        "nav": "Extract text",
        "found": "found.",
        "copied": "Copied to the clipboard.",
        "not_image": "That file is not an image.",
    },
}


def drag_in_and_drop(widget: QWidget, pos: QPoint, paths: list[Path]) -> bool:
    """Files enter ``widget`` from the file manager and are released at ``pos``. (Qt carries the
    enter's answer over to the moves over a plain widget, so only the enter and drop matter.)"""
    mime = file_mime(paths)
    enter = QDragEnterEvent(pos, Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)  # fmt: skip
    QApplication.sendEvent(widget, enter)
    return enter.isAccepted() and drop(widget, pos, paths)


@pytest.mark.parametrize("language", ["es", "en"])
def test_drop_an_image_read_and_copy_its_text(
    qtbot: QtBot, launch: Callable[..., tuple], server_url: str, unique: str, faces: Path,
    tmp_path: Path, language: str,
) -> None:  # fmt: skip
    words = WORDS[language]
    login = f"ocr_{language}_{unique}"
    ApiClient(server_url).register(username=login, email=f"{login}@example.com", password=PASSWORD,
                                   password_confirm=PASSWORD, photo=faces / "obama_1.jpg")  # fmt: skip
    window, _ctx, backend = launch(server_url, language=language, data_dir=tmp_path / "app")
    log_in(qtbot, window, backend, login, PASSWORD)

    nav = window.nav["extract_text"]
    assert nav.text().strip() == words["nav"]
    qtbot.mouseClick(nav, Qt.MouseButton.LeftButton)
    page = window.extract
    assert page.isVisible()
    assert page.header.title.text() == words["nav"]

    notes = tmp_path / "notas.txt"
    notes.write_text("esto no es una imagen")
    assert drag_in_and_drop(page.drop, page.drop.rect().center(), [notes])
    assert page.status.text() == words["not_image"] and page.text.toPlainText() == ""

    group = faces / "group_harington_leslie.jpg"
    assert drag_in_and_drop(page.drop, page.drop.rect().center(), [group])
    qtbot.waitUntil(page.copy_button.isEnabled, timeout=180000)  # OCR on a loaded machine
    assert page.status.text().endswith(words["found"]), page.status.text()
    lines = page.text.toPlainText().splitlines()
    assert lines.count("HBO") >= 2, lines
    assert page.copy_button.isEnabled()

    qtbot.mouseClick(page.copy_button, Qt.MouseButton.LeftButton)
    assert QApplication.clipboard().text() == page.text.toPlainText()
    assert page.status.text() == words["copied"]
