"""A QR code (segno) as a pixmap: black on white with the quiet zone a camera needs."""

from __future__ import annotations

import io

from PySide6.QtGui import QPixmap


def qr_pixmap(text: str, px: int = 220) -> QPixmap:
    import segno

    code = segno.make(text, error="m", micro=False)
    modules = code.symbol_size(scale=1, border=4)[0]
    buffer = io.BytesIO()
    code.save(buffer, kind="png", scale=max(2, px // modules), border=4, dark="#000000", light="#ffffff")
    pixmap = QPixmap()
    pixmap.loadFromData(buffer.getvalue(), "PNG")
    return pixmap
