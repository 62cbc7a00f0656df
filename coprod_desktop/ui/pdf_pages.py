"""PDF pages as QImages (via pdfium), for the preview and for printing."""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtGui import QImage


def render_pages(pdf: bytes, dpi: float, first: int = 0, last: int | None = None) -> list[QImage]:
    """Pages ``first``..``last`` (inclusive) at ``dpi``; QImage is safe to make off the GUI thread."""
    return list(iter_pages(pdf, dpi, first, last))


def iter_pages(pdf: bytes, dpi: float, first: int = 0, last: int | None = None) -> Iterator[QImage]:
    """The same, one page at a time: printing a long record at 300 dpi must not hold every
    page in memory at once (tens of MB a page)."""
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(pdf)
    try:
        last = len(document) - 1 if last is None else min(last, len(document) - 1)
        for index in range(first, last + 1):
            page = document[index]
            try:
                bitmap = page.render(scale=dpi / 72, prefer_bgrx=True)
                image = QImage(bitmap.buffer, bitmap.width, bitmap.height, bitmap.stride, QImage.Format_RGB32)
                image = image.copy()  # own the pixels before pdfium frees its buffer
                bitmap.close()
            finally:
                page.close()
            yield image
    finally:
        document.close()
