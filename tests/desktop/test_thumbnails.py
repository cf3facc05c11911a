"""Thumbnails: keyed by id and content hash, whole photo visible, gone with the account."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QColor, QImage
from pytestqt.qtbot import QtBot

from desktop.core.thumbnails import ThumbnailCache
from desktop.views.thumbnails import TILE_BACKGROUND, fit_square


def test_a_reused_id_with_other_bytes_is_a_miss(tmp_path: Path) -> None:
    cache = ThumbnailCache(tmp_path)
    cache.put("local:x#user1", 7, "a" * 64, b"old photo")
    assert cache.get("local:x#user1", 7, "a" * 64) == b"old photo"
    assert cache.get("local:x#user1", 7, "b" * 64) is None
    assert cache.get("local:x#user2", 7, "a" * 64) is None  # another account's files never answer


def test_purging_an_account_removes_only_its_files(tmp_path: Path) -> None:
    cache = ThumbnailCache(tmp_path)
    cache.put("local:x#user1", 1, "a" * 64, b"one")
    cache.put("local:x#user1", 2, "b" * 64, b"two", variant="preview")
    cache.put("local:x#user2", 1, "a" * 64, b"other")
    assert cache.purge("local:x#user1") == 2
    assert cache.get("local:x#user1", 1, "a" * 64) is None
    assert cache.get("local:x#user2", 1, "a" * 64) == b"other"


def test_a_portrait_keeps_its_top_in_the_square_tile(qtbot: QtBot) -> None:
    # A tall photo whose top fifth (where the head is) is red: a centre crop cut it off.
    photo = QImage(200, 600, QImage.Format.Format_RGB32)
    photo.fill(QColor("white"))
    for y in range(120):
        for x in range(200):
            photo.setPixelColor(x, y, QColor("red"))
    tile = fit_square(photo, 256)
    assert tile.size().width() == tile.size().height() == 256
    assert tile.pixelColor(128, 10).red() > 200 and tile.pixelColor(128, 10).green() < 60
    assert tile.pixelColor(5, 128) == TILE_BACKGROUND  # letterboxed, not stretched
