"""The bundled Unicode font: the PDF core fonts print black boxes for ŵ and ŷ."""

from __future__ import annotations

from functools import cache

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics, ttfonts
from reportlab.pdfbase.ttfonts import TTFont

from coprod_desktop.assets import resource

FAMILY = "CoprodSans"
BOLD = f"{FAMILY}-Bold"

_FILES = {
    FAMILY: "DejaVuSans.ttf",
    BOLD: "DejaVuSans-Bold.ttf",
    f"{FAMILY}-Oblique": "DejaVuSans-Oblique.ttf",
    f"{FAMILY}-BoldOblique": "DejaVuSans-BoldOblique.ttf",
}


def _utf16(code: int) -> str:
    """A character as a ToUnicode CMap writes it: UTF-16BE, a surrogate pair above U+FFFF."""
    if code <= 0xFFFF:
        return f"{code:04X}"
    code -= 0x10000
    return f"{0xD800 + (code >> 10):04X}{0xDC00 + (code & 0x3FF):04X}"


def _to_unicode_cmap(fontname: str, subset) -> str:
    """ReportLab's ToUnicode CMap, but with characters above U+FFFF (emoji, rare CJK) in
    UTF-16 as the PDF standard says: ReportLab writes them as five hex digits, so a reader
    (or a screen reader) copying 🙂 got "ὤ"."""
    head = [
        "/CIDInit /ProcSet findresource begin", "12 dict begin", "begincmap", "/CIDSystemInfo",
        f"<< /Registry ({fontname})", f"/Ordering ({fontname})", "/Supplement 0", ">> def",
        f"/CMapName /{fontname} def", "/CMapType 2 def", "1 begincodespacerange",
        f"<00> <{len(subset) - 1:02X}>", "endcodespacerange", f"{len(subset)} beginbfchar",
    ]  # fmt: skip
    chars = [f"<{i:02X}> <{_utf16(v)}>" for i, v in enumerate(subset)]
    tail = ["endbfchar", "endcmap", "CMapName currentdict /CMap defineresource pop", "end", "end"]
    return "\n".join(head + chars + tail)


ttfonts.makeToUnicodeCMap = _to_unicode_cmap


@cache
def register() -> str:
    """Register the family once; returns its name."""
    for name, file in _FILES.items():
        pdfmetrics.registerFont(TTFont(name, str(resource("fonts", file))))
    addMapping(FAMILY, 0, 0, FAMILY)
    addMapping(FAMILY, 1, 0, BOLD)
    addMapping(FAMILY, 0, 1, f"{FAMILY}-Oblique")
    addMapping(FAMILY, 1, 1, f"{FAMILY}-BoldOblique")
    return FAMILY


# Characters DejaVu Sans lacks, each set in the first of these that has it (registered
# only when a document needs one): Chinese and Japanese, Korean, then emoji and symbols
# in monochrome. Their licences are beside them in resources/fonts/.
FALLBACKS = {
    f"{FAMILY}-CJK": "DroidSansFallbackFull.ttf",
    f"{FAMILY}-Hangul": "NanumSquareR.ttf",
    f"{FAMILY}-Symbols": "Symbola-emoji.ttf",
}
# Joiners and variation selectors: they change how a colour emoji is drawn, and have no
# glyph of their own in a monochrome font; left out where no font draws them.
_INVISIBLE = {0x200D, 0xFE0E, 0xFE0F, *range(0xE0020, 0xE0080)}


@cache
def _font(name: str) -> TTFont:
    if name in _FILES:
        register()
        return pdfmetrics.getFont(name)
    font = TTFont(name, str(resource("fonts", FALLBACKS[name])))
    pdfmetrics.registerFont(font)
    for bold in (0, 1):  # inside <b> or <i> too: it has one face
        for italic in (0, 1):
            addMapping(name, bold, italic, name)
    return font


def has_glyph(name: str, char: str) -> bool:
    return ord(char) in _font(name).face.charToGlyph


@cache
def font_for(char: str, font: str = FAMILY) -> str | None:
    """The font that draws ``char``: ``font`` if it can, else the first fallback that can;
    None for an invisible joiner no font draws."""
    if has_glyph(font, char) or char in "\n\t ":
        return font
    for name in FALLBACKS:
        if has_glyph(name, char):
            return name
    return None if ord(char) in _INVISIBLE else font


def runs(text: str, font: str = FAMILY) -> list[tuple[str, str]]:
    """``text`` as (font, words) runs, each set in a font that has its characters."""
    found: list[tuple[str, str]] = []
    for char in text:
        name = font_for(char, font)
        if name is None:
            continue
        if found and found[-1][0] == name:
            found[-1] = (name, found[-1][1] + char)
        else:
            found.append((name, char))
    return found


def needs_fallback(text: str, font: str = FAMILY) -> bool:
    face = _font(font).face.charToGlyph
    return any(ord(c) not in face and c not in "\n\t" for c in text)


def width(text: str, font: str, size: float) -> float:
    """How wide ``text`` is, each run in its own font."""
    return sum(pdfmetrics.stringWidth(words, name, size) for name, words in runs(text, font))


def draw(canvas, x: float, y: float, text: str, font: str, size: float) -> None:
    """One line of ``text`` on ``canvas`` from (x, y), in visual order, each run in a font
    that has it."""
    from coprod_desktop.reports.bidi import visual

    for name, words in runs(visual(text), font):
        canvas.setFont(name, size)
        canvas.drawString(x, y, words)
        x += pdfmetrics.stringWidth(words, name, size)
    canvas.setFont(font, size)


def split(text: str, font: str, size: float, room: float) -> list[str]:
    """``text`` in lines no wider than ``room`` (between words; inside a word only when
    the word alone is wider, as Chinese, written without spaces, often is)."""
    lines: list[str] = []
    line, used = "", 0.0  # widths add up: ReportLab's fonts have no kerning
    space = width(" ", font, size)
    for word in text.split(" "):
        wide = width(word, font, size)
        if line and used + space + wide <= room:
            line, used = f"{line} {word}", used + space + wide
            continue
        if not line and wide <= room:
            line, used = word, wide
            continue
        if line:
            lines.append(line)
        line, used = "", 0.0
        if wide <= room:
            line, used = word, wide
            continue
        for char in word:
            step = width(char, font, size)
            if line and used + step > room:
                lines.append(line)
                line, used = "", 0.0
            line, used = line + char, used + step
    if line:
        lines.append(line)
    return lines


def one_font(text: str, font: str = FAMILY) -> str:
    """A single font for ``text`` (a chart's label is drawn in one): ``font`` if it has
    every character, else the first fallback that has them all, else ``font``."""
    if not needs_fallback(text, font):
        return font
    visible = [c for c in text if font_for(c, font) is not None and not c.isspace()]
    return next((name for name in FALLBACKS if all(has_glyph(name, c) for c in visible)), font)


def strings(x: float, y: float, text: str, font: str, size: float):
    """``text`` as a drawing's group of strings from (x, y), each run in its own font."""
    from reportlab.graphics.shapes import Group, String

    from coprod_desktop.reports.bidi import visual

    group = Group()
    for name, words in runs(visual(text), font):
        group.add(String(x, y, words, fontName=name, fontSize=size))
        x += pdfmetrics.stringWidth(words, name, size)
    return group
