"""Every piece of user text passes through ``para_text`` before it reaches a Paragraph:
ReportLab reads Paragraph text as markup, so ``<b>`` typed by a person must print as
``<b>``, and a stray ``&`` must not break the export."""

from __future__ import annotations

import re
from xml.sax.saxutils import escape

# Controls, lone surrogates and non-characters: nothing a printer can show.
_UNPRINTABLE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def plain(text: str | None) -> str:
    return _UNPRINTABLE.sub("", text or "").replace("\r\n", "\n").replace("\r", "\n")


def para_text(text: str | None) -> str:
    """User text made safe for a Paragraph; line breaks kept; characters the app's font
    lacks (Chinese, Korean, emoji) each set in a font that has them."""
    from coprod_desktop.reports import bidi, fonts

    text = bidi.joined(plain(text))
    if not fonts.needs_fallback(text):
        return _safe(text)
    return "".join(
        _safe(words) if name == fonts.FAMILY else f'<font face="{name}">{_safe(words)}</font>'
        for name, words in fonts.runs(text)
    )


def _safe(text: str) -> str:
    return escape(text).replace("\t", "    ").replace("\n", "<br/>")
