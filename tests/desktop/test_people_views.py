"""People in the desktop, with real clicks and keys against a real server that finds the faces:
"Fotos donde aparezco", face boxes in the viewer (F toggles them, a click names one), and the
People screen (rename, hide)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desktop.api.client import ApiClient
from desktop.api.models import Face
from desktop.backend import BackendState

pytestmark = pytest.mark.e2e
PASSWORD = "Tr0mpeta-Azul!"


def faces_found(client: ApiClient, photo_id: int, count: int) -> list[Face]:
    faces = client.photo_faces(photo_id)
    return faces if len(faces) == count else []


def test_me_viewer_boxes_and_people_screen(
    qtbot: QtBot,
    launch: Callable[..., tuple],
    server_url: str,
    unique: str,
    faces: Path,
    tmp_path: Path,
) -> None:
    login = f"barack_{unique}"
    client = ApiClient(server_url)
    client.register(
        username=login,
        email=f"{login}@example.com",
        password=PASSWORD,
        password_confirm=PASSWORD,
        photo=faces / "obama_small.jpg",
    )
    album = client.create_album("Casa Blanca")
    group = client.upload_photo(album.id, faces / "group_two_people.jpg")
    alone = client.upload_photo(album.id, faces / "biden_1.jpg")
    # The server's job worker finds the faces in the background.
    qtbot.waitUntil(
        lambda: bool(faces_found(client, group.id, 2)) and bool(faces_found(client, alone.id, 1)),
        timeout=120000,
    )

    window, ctx, backend = launch(server_url, data_dir=tmp_path / "app")
    qtbot.waitUntil(lambda: backend.state is BackendState.READY, timeout=30000)
    qtbot.keyClicks(window.login.login_edit, login)
    qtbot.keyClicks(window.login.password_edit, PASSWORD)
    qtbot.keyClick(window.login.password_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.top.currentWidget() is window.shell, timeout=15000)

    # "Fotos donde aparezco": the group photo and the profile photo, not Biden alone.
    qtbot.mouseClick(window.nav["me"], Qt.MouseButton.LeftButton)
    me = window.me
    qtbot.waitUntil(lambda: len(me.model.photos) == 2 and not me.model.loading, timeout=15000)
    assert group.id in {p.id for p in me.model.photos}
    assert alone.id not in {p.id for p in me.model.photos}

    # Open the group photo with a double click on its thumbnail.
    row = next(i for i, p in enumerate(me.model.photos) if p.id == group.id)
    rect = me.grid.visualRect(me.model.index(row))
    qtbot.mouseClick(me.grid.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(me.grid.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    page = window.photo
    qtbot.waitUntil(lambda: window.content.currentWidget() is page, timeout=5000)
    assert page.back.text() == "Volver"  # back to "Fotos donde aparezco", not to an album
    preview = page.preview.image_label  # the photo inside the zoomable view
    qtbot.waitUntil(lambda: len(preview.face_rects()) == 2, timeout=15000)
    labels = sorted((rect.left(), preview.face_label(face)) for face, rect in preview.face_rects())
    assert [text for _left, text in labels] == ["Yo", "¿Quién es?"]

    # F hides the boxes: a click on a face then selects nothing.
    biden, biden_rect = max(preview.face_rects(), key=lambda pair: pair[1].left())
    qtbot.keyClick(page.preview, Qt.Key.Key_F)
    assert not preview.faces_visible
    qtbot.mouseClick(preview, Qt.MouseButton.LeftButton, pos=biden_rect.center().toPoint())
    assert page.selected_face is None
    qtbot.keyClick(page.preview, Qt.Key.Key_F)
    assert preview.faces_visible

    # Clicking Biden's box and typing a name names him on the server.
    qtbot.mouseClick(preview, Qt.MouseButton.LeftButton, pos=biden_rect.center().toPoint())
    assert page.selected_face is not None and page.selected_face.id == biden.id
    qtbot.keyClicks(page.face_name, "Joe")
    qtbot.keyClick(page.face_name, Qt.Key.Key_Return)
    qtbot.waitUntil(
        lambda: any(
            f.person is not None and f.person.name == "Joe" for f in client.photo_faces(group.id)
        ),
        timeout=15000,
    )
    qtbot.waitUntil(lambda: "Joe" in [preview.face_label(f) for f in preview.faces], timeout=15000)
    # Biden's other photo joined Joe by itself.
    assert [f.person.name if f.person else None for f in client.photo_faces(alone.id)] == ["Joe"]

    # The People screen lists him; renaming there reaches the server.
    qtbot.mouseClick(page.back, Qt.MouseButton.LeftButton)
    assert window.content.currentWidget() is me
    qtbot.mouseClick(window.nav["people"], Qt.MouseButton.LeftButton)
    people = window.people
    qtbot.waitUntil(lambda: any(p.name == "Joe" for p in people.people), timeout=15000)
    row = next(i for i, p in enumerate(people.people) if p.name == "Joe")
    item_rect = people.list.visualItemRect(people.list.item(row))
    qtbot.mouseClick(people.list.viewport(), Qt.MouseButton.LeftButton, pos=item_rect.center())
    assert people.current is not None and people.current.name == "Joe"
    qtbot.waitUntil(lambda: people.faces.count() == 2, timeout=15000)
    people.name_edit.clear()
    qtbot.keyClicks(people.name_edit, "Joe Biden")
    qtbot.keyClick(people.name_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "Joe Biden" in [p.name for p in client.people()], timeout=15000)

    qtbot.mouseClick(people.hide_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Joe Biden" not in [p.name for p in client.people()], timeout=15000)
    qtbot.waitUntil(lambda: all(p.name != "Joe Biden" for p in people.people), timeout=15000)
    assert ctx.user is not None
