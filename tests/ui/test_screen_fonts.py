"""Names in any script show on screen as themselves, not boxes: the bundled fallback fonts
are given to Qt, and Qt draws each character in a font that has it."""

from __future__ import annotations

from PySide6.QtGui import QFont, QTextLayout

from coprod_desktop.ui.screen_fonts import add_fallback_fonts


def _family_drawing(char: str) -> str:
    """The family Qt draws ``char`` in, in a line of the app's font."""
    layout = QTextLayout(char, QFont("DejaVu Sans"))
    layout.beginLayout()
    layout.createLine()
    layout.endLayout()
    return "+".join(run.rawFont().familyName() for run in layout.glyphRuns())


def _fonts_drawing(text: str) -> dict[str, str]:
    return {char: _family_drawing(char) for char in text if not char.isspace()}


def test_chinese_korean_and_emoji_are_drawn_in_fonts_that_have_them(qapp):
    assert all(n >= 0 for n in add_fallback_fonts())
    drawn = _fonts_drawing("Gŵyn 李小龍 김민준 🙂")
    for char in "李小龍김민준🙂":
        family = drawn.get(char, "")
        assert family and "DejaVu" not in family, (char, family)
    assert "DejaVu" in drawn["ŵ"]
