"""The bundled fallback fonts on screen too: a name in Chinese or Korean, or an emoji,
shows as itself rather than as a box on a laptop that has no such font installed. Added
once the window is up (Qt reads each file then), so start-up does not wait for them."""

from __future__ import annotations

from PySide6.QtGui import QFontDatabase

from coprod_desktop.assets import resource

FILES = ("DroidSansFallbackFull.ttf", "NanumSquareR.ttf", "Symbola-emoji.ttf")
_added: list[int] = []


def add_fallback_fonts() -> list[int]:
    """Register the fallbacks with Qt (and so with fontconfig's fallback); once."""
    if not _added:
        for name in FILES:
            path = resource("fonts", name)
            if path.exists():
                _added.append(QFontDatabase.addApplicationFont(str(path)))
    return _added
