"""Extract text: pick or drop an image, read the text found in it (nothing is stored)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QDragEnterEvent, QDropEvent, QGuiApplication, QImage
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QPlainTextEdit, QVBoxLayout, QWidget

from desktop.api.errors import NotFound
from desktop.api.models import ExtractedText
from desktop.context import AppContext
from desktop.core.imagetype import sniff_file
from desktop.core.messages import message_for
from desktop.ops import QueryOp, error_text
from desktop.views.photo_view import ZoomView
from desktop.views.widgets import DropArea, Page, PageHeader, button, card, label, local_paths


class ExtractTextPage(Page):
    """OCR on one image, sent to the server and shown as copyable text."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.path: Path | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 24, 28, 20)
        layout.setSpacing(14)
        self.header = PageHeader()
        self.pick = button("primary", "folder")
        self.pick.clicked.connect(self._choose)
        self.header.add_action(self.pick)
        layout.addWidget(self.header)
        body = QHBoxLayout()
        body.setSpacing(18)
        left = QVBoxLayout()
        self.drop = DropArea()
        self.drop.files_dropped.connect(lambda paths: self.extract(paths[0]))
        self.preview = ZoomView()
        self.preview.hide()
        left.addWidget(self.drop, 1)
        left.addWidget(self.preview, 1)
        body.addLayout(left, 1)
        result, r = card()
        top = QHBoxLayout()
        self.result_title = label("sectionTitle")
        self.copy_button = button("", "copy")
        self.copy_button.clicked.connect(self._copy)
        self.copy_button.setEnabled(False)
        top.addWidget(self.result_title, 1)
        top.addWidget(self.copy_button)
        self.text = QPlainTextEdit()
        self.text.setReadOnly(True)
        self.status = label("hint", wrap=True)
        r.addLayout(top)
        r.addWidget(self.text, 1)
        r.addWidget(self.status)
        body.addWidget(result, 1)
        layout.addLayout(body, 1)
        self.setAcceptDrops(True)
        self.retranslate()

    def retranslate(self) -> None:
        self.header.title.setText(self.tr("Extraer texto"))
        self.header.subtitle.setText(self.tr("Lee el texto de una imagen. La imagen no se guarda."))
        self.pick.setText(self.tr("Elegir imagen…"))
        self.drop.setText(self.tr("Arrastra aquí una imagen con texto"))
        self.result_title.setText(self.tr("Texto encontrado"))
        self.copy_button.setText(self.tr("Copiar"))
        self.text.setPlaceholderText(self.tr("El texto aparecerá aquí."))

    def _choose(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Elige una imagen"),
            str(Path.home()),
            self.tr("Imágenes ({patterns})").format(patterns="*.jpg *.jpeg *.png *.webp"),
        )
        if path:
            self.extract(Path(path))

    def extract(self, path: Path) -> None:
        """Send ``path`` for text extraction and show the result."""
        if sniff_file(path) is None:
            self.status.setText(message_for("not_an_image"))
            return
        self.path = path
        self.text.clear()
        self.copy_button.setEnabled(False)
        self.status.setText(self.tr("Leyendo el texto…"))
        self.drop.hide()
        self.preview.show()
        QueryOp(
            parent=self, op=lambda: QImage(str(path)), success=self.preview.set_image
        ).run_in_background()
        client = self.ctx.client
        QueryOp(parent=self, op=lambda: client.extract_text(path), success=self._on_text).failure(
            self._on_failed
        ).with_progress(self.tr("Leyendo el texto…")).run_in_background()

    def _on_text(self, result: ExtractedText) -> None:
        self.text.setPlainText(result.text)
        self.copy_button.setEnabled(bool(result.text))
        self.status.setText(
            self.tr("%n línea(s) encontrada(s).", "", len(result.lines))
            if result.text
            else self.tr("No se encontró texto en esta imagen.")
        )

    def _on_failed(self, error: Exception) -> None:
        if isinstance(error, NotFound) and error.code in ("not_found", "http_404"):
            self.status.setText(message_for("feature_not_available"))
        else:
            self.status.setText(error_text(error))

    def _copy(self) -> None:
        QGuiApplication.clipboard().setText(self.text.toPlainText())
        self.status.setText(self.tr("Copiado al portapapeles."))

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if local_paths(event.mimeData()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = local_paths(event.mimeData())
        if paths:
            event.acceptProposedAction()
            self.extract(paths[0])

    def reset(self) -> None:
        self.path = None
        self.preview.hide()
        self.drop.show()
        self.text.clear()
        self.status.setText("")
        self.preview.set_image(None)
