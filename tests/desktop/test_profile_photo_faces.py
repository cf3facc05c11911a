"""A profile photo without exactly one face is accepted, with a clear warning."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from person import log_in
from PIL import Image
from pytestqt.qtbot import QtBot

from desktop.api.client import ApiClient

pytestmark = pytest.mark.e2e
PASSWORD = "Tr0mpeta-Azul!"


def landscape(tmp_path: Path) -> Path:
    """A real photo-sized image with no face in it: a sky-to-grass gradient."""
    image = Image.new("RGB", (640, 480))
    for y in range(480):
        colour = (90, 150, 230) if y < 300 else (60, 140, 60)
        for x in range(0, 640, 8):
            image.paste(colour, (x, y, x + 8, y + 1))
    path = tmp_path / "paisaje.jpg"
    image.save(path, quality=90)
    return path


@pytest.mark.parametrize(
    ("photo", "expected"),
    [
        ("group", "Tu foto de perfil muestra varias caras."),
        ("none", "No se ve ninguna cara en tu foto de perfil."),
    ],
)
def test_a_group_or_faceless_profile_photo_is_kept_with_a_warning(
    qtbot: QtBot,
    launch: Callable[..., tuple],
    server_url: str,
    unique: str,
    faces: Path,
    tmp_path: Path,
    photo: str,
    expected: str,
) -> None:
    path = faces / "group_two_people.jpg" if photo == "group" else landscape(tmp_path)
    name = f"{photo}_{unique}"
    ApiClient(server_url).register(
        username=name,
        email=f"{name}@example.com",
        password=PASSWORD,
        password_confirm=PASSWORD,
        photo=path,
    )
    window, _ctx, backend = launch(server_url)
    log_in(qtbot, window, backend, name, PASSWORD)
    home = window.home
    qtbot.waitUntil(lambda: expected in home.tags_status.text(), timeout=120000)
    assert "acceso con la cara" in home.tags_status.text()
    assert home.tags.chips() == []  # no tags pretending to describe one face
