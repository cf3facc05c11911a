"""Open every screen in Spanish and English and save PNGs to ``screenshots/`` (git-ignored),
each at the window's (or dialog's) minimum size and at a large size.

    QT_QPA_PLATFORM=offscreen .venv/bin/python tests/desktop/screenshots.py [--out DIR]

Starts its own server with a demo account, albums and photos from the test fixtures; the
camera screens use the fixture video as the webcam.
"""

from __future__ import annotations

import argparse
import io
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from desktop_server_process import REPO, free_port, start_server, stop_server
from PIL import Image
from PySide6.QtCore import QCoreApplication, QElapsedTimer, QSize, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from desktop.api.client import ApiClient
from desktop.app import LaunchOptions, build_window, create_app
from desktop.backend import BackendState
from desktop.core.session import MemoryTokenStore
from desktop.views.camera_dialog import CameraDialog
from desktop.views.settings_dialog import SettingsDialog
from desktop.views.uploads import UploadDialog

FIXTURES = REPO / "tests" / "fixtures"
FACES = FIXTURES / "faces"
VIDEO = FIXTURES / "video" / "hamilton_clip.mp4"
PASSWORD = "Tr0mpeta-Azul!"


def wait_until(condition: Callable[[], bool], timeout_ms: int = 15000) -> bool:
    timer = QElapsedTimer()
    timer.start()
    while not condition():
        if timer.elapsed() > timeout_ms:
            return False
        QCoreApplication.processEvents()
        time.sleep(0.01)
    return True


def settle(ms: int = 400) -> None:
    wait_until(lambda: False, ms)


def seed(url: str) -> None:
    client = ApiClient(url)
    client.register(
        username="ana",
        email="ana@ejemplo.com",
        full_name="Ana García",
        password=PASSWORD,
        password_confirm=PASSWORD,
        photo=FACES / "obama_1.jpg",
    )
    trip = client.create_album("Viaje a Cádiz")
    family = client.create_album("Familia")
    client.create_album("Trabajo")
    for name in (
        "biden_1.jpg",
        "harington_1.jpg",
        "leslie_1.jpg",
        "group_two_people.jpg",
        "lacamoire_1.jpg",
        "miranda_1.png",
        "obama_2.jpg",
        "harington_2.jpg",
    ):
        client.upload_photo(
            trip.id,
            FACES / name,
            name=Path(name).stem.replace("_", " ").title(),
            description="Una tarde en la playa con amigos",
        )
    for name in ("group_obama_biden.jpg", "biden_2.jpg", "obama_3.jpg"):
        client.upload_photo(family.id, FACES / name)
    copy = io.BytesIO()  # a smaller re-encoded copy: the duplicates screen has a group to show
    image = Image.open(FACES / "obama_2.jpg").convert("RGB")
    image.resize((image.width // 2, image.height // 2)).save(copy, "JPEG", quality=70)
    client.upload_photo(family.id, copy.getvalue(), name="Obama 2 (copia)")


class Shooter:
    def __init__(self, out: Path, lang: str) -> None:
        self.out = out
        self.lang = lang
        self.count = 0

    def shot(self, widget: QWidget, name: str) -> None:
        self.count += 1
        original = widget.size()
        smallest = widget.minimumSize().expandedTo(widget.minimumSizeHint())
        large = (
            QSize(1600, 1000)
            if widget.isWindow() and not isinstance(widget, QDialog)
            else smallest * 1.4
        )
        for label, size in (("min", smallest), ("large", large)):
            widget.resize(size)
            settle(300)
            path = self.out / f"{self.lang}_{self.count:02d}_{name}_{label}.png"
            widget.grab().save(str(path))
            print(path)  # noqa: T201 - a script reporting what it wrote
        widget.resize(original)


def run_language(url: str, lang: str, out: Path, data_dir: Path) -> None:
    window, ctx, backend = build_window(
        LaunchOptions(server=url, language=lang, data_dir=data_dir, camera=f"{VIDEO}#84-210"),
        token_store=MemoryTokenStore(),
    )
    window.resize(1180, 780)
    window.show()
    shoot = Shooter(out, lang)
    wait_until(lambda: backend.state is BackendState.READY)
    shoot.shot(window, "login")
    window.login.tabs.setCurrentIndex(1)
    window.login.face_panel.auto = False
    window.login.face_panel.rearm(auto=False)
    wait_until(lambda: window.login.face_panel.has_frame)
    shoot.shot(window, "login_camera")
    window.login.tabs.setCurrentIndex(0)

    window.login.register_requested.emit()
    page = window.register
    page.fields["username"].setText("ana garcia")
    page._touch("username")
    page.fields["email"].setText("ana@ejemplo.com")
    page.fields["password"].setText("Abc12345")
    page._validate()
    page.set_photo(FACES / "leslie_1.jpg")
    shoot.shot(window, "register")
    window.register.back_requested.emit()

    window.login.login_edit.setText("ana")
    window.login.password_edit.setText(PASSWORD)
    window.login.submit_password()
    wait_until(lambda: window.top.currentWidget() is window.shell)
    wait_until(
        lambda: window.home.tags_status.text() != window.home.tr("Analizando tu foto…"), 20000
    )
    shoot.shot(window, "home")

    window.navigate("albums")
    wait_until(lambda: len(window.albums.model.albums) == 4)
    settle(1500)
    shoot.shot(window, "albums")
    window.albums.set_edit_mode(True)
    shoot.shot(window, "albums_selected")

    trip = next(a for a in window.albums.model.albums if a.name == "Viaje a Cádiz")
    window.open_album(trip)
    wait_until(lambda: len(window.album.model.photos) == 8)
    settle(2000)
    shoot.shot(window, "album")
    grid = window.album.grid
    for row in (0, 2, 3):
        grid.selectionModel().select(
            window.album.model.index(row, 0), grid.selectionModel().SelectionFlag.Select
        )
    shoot.shot(window, "album_selection")
    window.album.trash_selected()
    wait_until(lambda: len(window.album.model.photos) == 5)
    shoot.shot(window, "album_undo")
    window.undo_bar.undo()
    wait_until(lambda: len(window.album.model.photos) == 8)

    window.search_edit.setText("playa")
    window.run_search()
    wait_until(lambda: len(window.search.model.photos) > 0 and not window.search.model.loading)
    settle(1500)
    shoot.shot(window, "search")
    window.open_search_result(window.search.model.photos[0], window.search.model.terms)
    settle(1000)
    shoot.shot(window, "search_photo")

    window.navigate("duplicates")
    wait_until(lambda: len(window.duplicates.cards) > 0)
    settle(1500)
    shoot.shot(window, "duplicates")

    window.open_photo(window.album.model.photos[3])
    settle(1500)
    if window.photo.language.count() > 1:
        window.photo.language.setCurrentIndex(
            max(1, window.photo.language.findData("en" if lang == "es" else "es"))
        )
        wait_until(
            lambda: window.photo.translation_status.text() != window.photo.tr("Traduciendo…"), 15000
        )
    shoot.shot(window, "photo")
    window.photo.preview.zoom_by(2.0)
    shoot.shot(window, "photo_zoomed")
    window.photo.preview.fit()

    people_shots(window, shoot)

    window.navigate("extract_text")
    window.extract.extract(FACES / "group_harington_leslie.jpg")
    wait_until(
        lambda: window.extract.status.text() not in ("", window.extract.tr("Leyendo el texto…")),
        30000,
    )
    shoot.shot(window, "extract_text")

    window.navigate("account")
    settle(800)
    shoot.shot(window, "account")

    family = next(a for a in window.albums.model.albums if a.name == "Familia")
    window.open_album(family)
    window.start_upload(
        family,
        [FACES / "biden_1.jpg", FACES / "obama_4.jpg", FACES / "leslie_2.jpg", REPO / "README.md"],
    )
    wait_until(lambda: not window.uploads.busy, 30000)
    settle(1500)
    shoot.shot(window, "uploads")

    for make, name in (
        (lambda: SettingsDialog(ctx, window), "settings"),
        (lambda: UploadDialog(window.albums.model.albums, family, window), "upload_dialog"),
        (lambda: CameraDialog(ctx, count=5, parent=window), "face_enrol"),
    ):
        dialog: QDialog = make()
        dialog.show()
        settle(1200)
        shoot.shot(dialog, name)
        dialog.reject()

    window.logout()
    settle(300)
    window.close()
    QTimer.singleShot(0, lambda: None)
    settle(200)


def people_shots(window: object, shoot: Shooter) -> None:
    """The viewer with face boxes, "Fotos donde aparezco" and the People screen."""
    window.navigate("me")  # type: ignore[attr-defined]
    me = window.me  # type: ignore[attr-defined]
    wait_until(lambda: len(me.model.photos) >= 2 and not me.model.loading, 60000)
    settle(2000)
    shoot.shot(window, "me")
    group = next((p for p in me.model.photos if p.name.startswith("group")), me.model.photos[0])
    window.open_photo(group)  # type: ignore[attr-defined]
    photo_page = window.photo  # type: ignore[attr-defined]
    wait_until(lambda: len(photo_page.preview.image_label.face_rects()) >= 2, 30000)
    face, _rect = max(photo_page.preview.image_label.face_rects(), key=lambda pair: pair[1].left())
    photo_page.select_face(face)
    settle(800)
    shoot.shot(window, "photo_faces")
    window.navigate("people")  # type: ignore[attr-defined]
    people = window.people  # type: ignore[attr-defined]
    wait_until(lambda: len(people.people) >= 2, 15000)
    people.list.setCurrentRow(min(1, people.list.count() - 1))
    settle(2500)
    shoot.shot(window, "people")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", type=Path, default=REPO / "screenshots")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    create_app([])
    with tempfile.TemporaryDirectory() as tmp:
        port = free_port()
        process = start_server(Path(tmp) / "server", port)
        try:
            url = f"http://127.0.0.1:{port}"
            seed(url)
            for lang in ("es", "en"):
                run_language(url, lang, args.out, Path(tmp) / f"app-{lang}")
        finally:
            stop_server(process)
    QApplication.processEvents()
    return 0


if __name__ == "__main__":
    sys.exit(main())
