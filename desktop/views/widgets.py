"""Small widgets shared by the screens: page scaffolding, avatar, chips, camera view, drop area."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QMimeData,
    QPoint,
    QRect,
    QRectF,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QDragEnterEvent,
    QDropEvent,
    QImage,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPen,
    QPixmap,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLayoutItem,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QStyle,
    QVBoxLayout,
    QWidget,
    QWidgetItem,
)

from desktop import assets
from desktop.api.models import Album
from desktop.context import AppContext


class Page(QWidget):
    """A screen: builds its widgets once and sets their texts in ``retranslate``."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("page")

    def retranslate(self) -> None:
        """Set every visible text (called at build time and when the language changes)."""

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            relayout(self)
        super().changeEvent(event)

    def showEvent(self, event: QShowEvent) -> None:
        # Texts changed while the page was hidden leave its layouts sized for the old words.
        relayout(self)
        super().showEvent(event)

    def set_busy(self, label: str | None) -> None:
        """Show a wait cursor while an op with a progress label runs."""
        if label:
            self.setCursor(Qt.CursorShape.BusyCursor)
        else:
            self.unsetCursor()


def album_title(album: Album) -> str:
    """The name to show for an album: the profile album's name follows the UI language."""
    if album.is_profile:
        return QCoreApplication.translate("Albums", "Fotos de perfil")
    return album.name


def button(kind: str = "", icon_name: str = "", parent: QWidget | None = None) -> QPushButton:
    """A push button with a style kind (``primary``, ``danger``, ``link``) and an icon."""
    result = QPushButton(parent)
    if kind:
        result.setProperty("kind", kind)
    if icon_name:
        color = assets.WHITE if kind in ("primary", "danger") else assets.TEXT
        if kind == "link":
            color = assets.ACCENT
        result.setIcon(assets.icon(icon_name, color))
        result.setIconSize(QSize(16, 16))
    result.setCursor(Qt.CursorShape.PointingHandCursor)
    return result


def label(object_name: str = "", *, wrap: bool = False, parent: QWidget | None = None) -> QLabel:
    """A label with a style role."""
    result = QLabel(parent)
    if object_name:
        result.setObjectName(object_name)
    result.setWordWrap(wrap)
    return result


def card(object_name: str = "card") -> tuple[QFrame, QVBoxLayout]:
    """A rounded white panel and its layout."""
    frame = QFrame()
    frame.setObjectName(object_name)
    layout = QVBoxLayout(frame)
    layout.setContentsMargins(20, 18, 20, 18)
    layout.setSpacing(10)
    return frame, layout


def set_invalid(edit: QLineEdit, invalid: bool) -> None:
    """Mark a field red (the stylesheet reads the ``invalid`` property)."""
    if edit.property("invalid") != invalid:
        edit.setProperty("invalid", invalid)
        edit.style().unpolish(edit)
        edit.style().polish(edit)


class PageHeader(QWidget):
    """Title, subtitle and a row of actions on the right."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 6)
        texts = QVBoxLayout()
        texts.setSpacing(2)
        self.title = label("pageTitle")
        self.subtitle = label("pageSubtitle", wrap=True)
        texts.addWidget(self.title)
        texts.addWidget(self.subtitle)
        layout.addLayout(texts, 1)
        self.action_row = QHBoxLayout()
        self.action_row.setSpacing(8)
        layout.addLayout(self.action_row)

    def add_action(self, widget: QWidget) -> None:
        self.action_row.addWidget(widget)


def rounded_pixmap(image: QImage | QPixmap, size: int, radius: float | None = None) -> QPixmap:
    """``image`` cropped to a square, scaled to ``size`` and clipped to a circle (or a rounded rect)."""
    source = image if isinstance(image, QPixmap) else QPixmap.fromImage(image)
    ratio = 2.0
    side = round(size * ratio)
    scaled = source.scaled(
        side,
        side,
        Qt.AspectRatioMode.KeepAspectRatioByExpanding,
        Qt.TransformationMode.SmoothTransformation,
    )
    result = QPixmap(side, side)
    result.fill(Qt.GlobalColor.transparent)
    painter = QPainter(result)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    path = QPainterPath()
    if radius is None:
        path.addEllipse(QRectF(0, 0, side, side))
    else:
        path.addRoundedRect(QRectF(0, 0, side, side), radius * ratio, radius * ratio)
    painter.setClipPath(path)
    painter.drawPixmap(QPoint((side - scaled.width()) // 2, (side - scaled.height()) // 2), scaled)
    painter.end()
    result.setDevicePixelRatio(ratio)
    return result


class Avatar(QLabel):
    """A round profile picture with a neutral placeholder."""

    def __init__(self, size: int = 96, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._size = size
        self.setFixedSize(size, size)
        self.setObjectName("avatarFrame")
        self.clear_image()

    def clear_image(self) -> None:
        placeholder = QPixmap(self._size * 2, self._size * 2)
        placeholder.fill(Qt.GlobalColor.transparent)
        painter = QPainter(placeholder)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setBrush(QColor("#e8eeff"))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.drawEllipse(0, 0, self._size * 2, self._size * 2)
        icon = assets.pixmap("user", self._size, "#8aa2f0", ratio=1.0)
        painter.drawPixmap(self._size // 2, self._size // 2, icon)
        painter.end()
        placeholder.setDevicePixelRatio(2.0)
        self.setPixmap(placeholder)

    def set_image(self, image: QImage) -> None:
        if image.isNull():
            self.clear_image()
        else:
            self.setPixmap(rounded_pixmap(image, self._size))


class FlowLayout(QLayout):
    """Lays children left to right, wrapping to new lines (for tag chips)."""

    def __init__(self, parent: QWidget | None = None, spacing: int = 6) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._spacing = spacing
        self.setContentsMargins(0, 0, 0, 0)

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._arrange(QRect(0, 0, width, 0), apply=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._arrange(rect, apply=True)

    def sizeHint(self) -> QSize:
        return self.minimumSize()

    def minimumSize(self) -> QSize:
        size = QSize()
        for item in self._items:
            size = size.expandedTo(item.minimumSize())
        return size

    def _arrange(self, rect: QRect, *, apply: bool) -> int:
        x, y, line_height = rect.x(), rect.y(), 0
        for item in self._items:
            hint = item.sizeHint()
            if x + hint.width() > rect.right() and line_height > 0:
                x = rect.x()
                y += line_height + self._spacing
                line_height = 0
            if apply:
                item.setGeometry(QRect(QPoint(x, y), hint))
            x += hint.width() + self._spacing
            line_height = max(line_height, hint.height())
        return y + line_height - rect.y()


class ChipList(QWidget):
    """A wrapping row of small rounded labels."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._layout = FlowLayout(self)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)

    def set_chips(self, texts: list[str], *, muted: bool = False) -> None:
        while self._layout.count():
            item = self._layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.hide()  # now: deleted later, it would be drawn under the new chips
                widget.deleteLater()
        for text in texts:
            chip = QLabel(text)
            chip.setObjectName("chipMuted" if muted else "chip")
            self._layout.addItem(QWidgetItem(chip))
            chip.setParent(self)
            chip.show()
        self._layout.invalidate()
        self.updateGeometry()

    def chips(self) -> list[str]:
        return [
            w.text()
            for i in range(self._layout.count())
            if (item := self._layout.itemAt(i)) is not None
            and isinstance(w := item.widget(), QLabel)
        ]


class CameraView(QWidget):
    """Shows camera frames (mirrored, cropped to fill) with an oval face guide and a prompt."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._frame: QImage | None = None
        self.prompt = ""
        self.message = ""
        self.progress = 0.0
        self.guide_color = QColor("#ffffff")
        self.setMinimumSize(360, 270)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def set_frame(self, image: QImage) -> None:
        self._frame = image
        self.update()

    def clear(self) -> None:
        self._frame = None
        self.update()

    def set_prompt(self, text: str) -> None:
        self.prompt = text
        self.update()

    def set_message(self, text: str) -> None:
        self.message = text
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = self.rect()
        clip = QPainterPath()
        clip.addRoundedRect(QRectF(rect), 12, 12)
        painter.setClipPath(clip)
        painter.fillRect(rect, QColor("#101828"))
        if self._frame is not None and not self._frame.isNull():
            scaled = self._frame.mirrored(True, False).scaled(
                rect.size(),
                Qt.AspectRatioMode.KeepAspectRatioByExpanding,
                Qt.TransformationMode.SmoothTransformation,
            )
            painter.drawImage(
                QPoint(
                    (rect.width() - scaled.width()) // 2, (rect.height() - scaled.height()) // 2
                ),
                scaled,
            )
        # Dim everything outside the oval so the guide reads clearly.
        oval_h = rect.height() * 0.72
        oval = QRectF(0, 0, oval_h * 0.76, oval_h)
        oval.moveCenter(QRectF(rect).center())
        outside = QPainterPath()
        outside.addRect(QRectF(rect))
        inner = QPainterPath()
        inner.addEllipse(oval)
        painter.fillPath(outside.subtracted(inner), QColor(16, 24, 40, 120))
        pen = QPen(self.guide_color, 3)
        pen.setStyle(Qt.PenStyle.DashLine if self.progress <= 0 else Qt.PenStyle.SolidLine)
        painter.setPen(pen)
        painter.drawEllipse(oval)
        if self.progress > 0:
            painter.setPen(QPen(QColor("#4ade80"), 5))
            painter.drawArc(oval.adjusted(-6, -6, 6, 6), 90 * 16, -round(360 * 16 * self.progress))
        painter.setPen(QColor("#ffffff"))
        font = painter.font()
        if self.prompt:
            font.setPointSizeF(13)
            font.setBold(True)
            painter.setFont(font)
            painter.drawText(
                rect.adjusted(12, 10, -12, 0),
                int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop),
                self.prompt,
            )
        if self.message or self._frame is None:
            font.setPointSizeF(10)
            font.setBold(False)
            painter.setFont(font)
            painter.drawText(
                rect.adjusted(16, 0, -16, -14),
                int(
                    Qt.AlignmentFlag.AlignHCenter
                    | Qt.AlignmentFlag.AlignBottom
                    | Qt.TextFlag.TextWordWrap
                ),
                self.message,
            )
        painter.end()


def local_paths(mime: QMimeData) -> list[Path]:
    """Local files and folders in dropped data."""
    return [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]


def relayout(root: QWidget) -> None:
    """Recompute every layout under ``root`` from the widgets' current size hints."""
    for widget in [root, *root.findChildren(QWidget)]:
        layout = widget.layout()
        if layout is not None:
            layout.invalidate()
    for widget in [root, *root.findChildren(QWidget)]:
        layout = widget.layout()
        if layout is not None:
            layout.activate()


def keep_wrapped_text_whole(dialog: QWidget) -> None:
    """Never let ``dialog`` be shorter than its wrapped labels need at its narrowest width.

    A layout with word-wrapped labels reports a minimum height for an arbitrary width, so a
    dialog shrunk to its minimum drew a hint over the next field.
    """
    layout = dialog.layout()
    if layout is not None and layout.hasHeightForWidth():
        dialog.setMinimumHeight(layout.totalHeightForWidth(max(dialog.minimumWidth(), 1)))


def set_drop_highlight(widget: QWidget, active: bool) -> None:
    """Show (or hide) the dashed drop highlight the stylesheet draws for ``dropActive``."""
    if bool(widget.property("dropActive")) != active:
        widget.setProperty("dropActive", active)
        widget.style().unpolish(widget)
        widget.style().polish(widget)
        widget.update()


class DropArea(QLabel):
    """A dashed box that accepts files dropped from the file manager."""

    files_dropped = Signal(list)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dropHint")
        self.setAcceptDrops(True)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setWordWrap(True)
        self.setMinimumHeight(120)

    def _set_active(self, active: bool) -> None:
        self.setProperty("active", active)
        self.style().unpolish(self)
        self.style().polish(self)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if local_paths(event.mimeData()):
            self._set_active(True)
            event.acceptProposedAction()

    def dragLeaveEvent(self, event: QEvent) -> None:
        self._set_active(False)

    def dropEvent(self, event: QDropEvent) -> None:
        self._set_active(False)
        paths = local_paths(event.mimeData())
        if paths:
            event.acceptProposedAction()
            self.files_dropped.emit(paths)


def style_icon(widget: QWidget, standard: QStyle.StandardPixmap) -> QPixmap:
    """A pixmap of a standard style icon (fallback when no drawn icon fits)."""
    return widget.style().standardIcon(standard).pixmap(24, 24)
