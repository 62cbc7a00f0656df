"""The PDF as it will print: a preview, scrolled vertically, and printing it page by page."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPainter, QPixmap
from PySide6.QtWidgets import QDialog, QLabel, QPushButton, QScrollArea, QVBoxLayout, QWidget

from coprod_desktop.language import _, ngettext


class PreviewDialog(QDialog):
    """The pages as they will print, scrolled vertically."""

    def __init__(self, parent, pdf: bytes, title: str):
        from coprod_desktop.ui.pdf_pages import render_pages

        super().__init__(parent)
        self.title = title
        self.resize(880, 900)
        pages = QWidget()
        column = QVBoxLayout(pages)
        self.images = render_pages(pdf, dpi=96)
        self.pages: list[QLabel] = []
        for image in self.images:
            label = QLabel()
            label.setPixmap(QPixmap.fromImage(image))
            self.pages.append(label)
            column.addWidget(label, 0, Qt.AlignHCenter)
        scroll = QScrollArea()
        scroll.setWidget(pages)
        scroll.setWidgetResizable(True)
        self.count = QLabel()
        layout = QVBoxLayout(self)
        layout.addWidget(self.count)
        layout.addWidget(scroll, 1)
        layout.addWidget(QPushButton(_("Close"), clicked=self.accept))
        self.retranslate()

    def retranslate(self) -> None:
        """The title, the count and each page's name, in the language now in use."""
        self.setWindowTitle(_("Preview — {title}").format(title=self.title))
        total = len(self.images)
        self.count.setText(ngettext("{n} page", "{n} pages", total).format(n=total))
        for n, label in enumerate(self.pages, start=1):
            label.setAccessibleName(_("Page {n} of {total}").format(n=n, total=total))

    @classmethod
    def show_pdf(cls, parent, pdf: bytes, title: str) -> None:
        cls(parent, pdf, title).exec()


def print_pdf(parent, pdf: bytes) -> bool:
    """The system print dialog, then each page drawn at the printer's resolution."""
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

    printer = QPrinter(QPrinter.HighResolution)
    if QPrintDialog(printer, parent).exec() != QDialog.Accepted:
        return False
    return paint_pages(printer, pdf)


def paint_pages(printer, pdf: bytes) -> bool:
    from coprod_desktop.ui.pdf_pages import iter_pages

    dpi = min(printer.resolution(), 300)
    painter = QPainter()
    if not painter.begin(printer):
        return False
    try:
        for index, image in enumerate(iter_pages(pdf, dpi)):
            if index:
                printer.newPage()
            target = painter.viewport()
            size = image.size().scaled(target.size(), Qt.KeepAspectRatio)
            painter.setViewport(target.x(), target.y(), size.width(), size.height())
            painter.setWindow(image.rect())
            painter.drawImage(0, 0, image)
            painter.setViewport(target)
    finally:
        painter.end()
    return True
