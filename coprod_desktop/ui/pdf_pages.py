"""PDF pages as QImages (via pdfium), for the preview and for printing."""

from __future__ import annotations

from PySide6.QtGui import QImage


def render_pages(pdf: bytes, dpi: float, first: int = 0, last: int | None = None) -> list[QImage]:
    """Pages ``first``..``last`` (inclusive) at ``dpi``; QImage is safe to make off the GUI thread."""
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(pdf)
    images = []
    try:
        last = len(document) - 1 if last is None else min(last, len(document) - 1)
        for index in range(first, last + 1):
            page = document[index]
            bitmap = page.render(scale=dpi / 72, prefer_bgrx=True)
            image = QImage(bitmap.buffer, bitmap.width, bitmap.height, bitmap.stride, QImage.Format_RGB32)
            images.append(image.copy())  # own the pixels before pdfium frees its buffer
            page.close()
    finally:
        document.close()
    return images
