"""Icons, the stylesheet and translation files shipped under ``resources/``."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from PySide6.QtCore import QByteArray, QRectF, Qt
from PySide6.QtGui import QIcon, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer

RESOURCES = Path(__file__).resolve().parents[1] / "resources"
ICONS = RESOURCES / "icons"
TRANSLATIONS = RESOURCES / "translations"

TEXT = "#344054"
ACCENT = "#3461e8"
WHITE = "#ffffff"
DANGER = "#d92d20"
MUTED = "#98a2b3"


def stylesheet() -> str:
    """The application's QSS."""
    return (RESOURCES / "style.qss").read_text(encoding="utf-8")


@lru_cache(maxsize=256)
def _svg(name: str, color: str) -> QByteArray:
    text = (ICONS / f"{name}.svg").read_text(encoding="utf-8")
    return QByteArray(text.replace("currentColor", color).encode())


def pixmap(name: str, size: int = 24, color: str = TEXT, ratio: float = 2.0) -> QPixmap:
    """The icon ``name`` drawn at ``size`` px in ``color`` (crisp on high-DPI screens)."""
    renderer = QSvgRenderer(_svg(name, color))
    side = round(size * ratio)
    image = QPixmap(side, side)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter, QRectF(0, 0, side, side))
    painter.end()
    image.setDevicePixelRatio(ratio)
    return image


def icon(name: str, color: str = TEXT, *, active_color: str | None = None) -> QIcon:
    """A ``QIcon`` for buttons; ``active_color`` is used for the checked/selected state."""
    result = QIcon()
    for size in (16, 20, 24, 32):
        result.addPixmap(pixmap(name, size, color), QIcon.Mode.Normal, QIcon.State.Off)
        result.addPixmap(pixmap(name, size, MUTED), QIcon.Mode.Disabled, QIcon.State.Off)
        if active_color:
            result.addPixmap(pixmap(name, size, active_color), QIcon.Mode.Normal, QIcon.State.On)
    return result
