"""A paragraph of right-to-left text mixed with characters from a fallback font (an Arabic
name beside a Chinese agenda item, a Hebrew sentence with an emoji). ReportLab puts a
paragraph of several fonts in order word by word only (its bidi is off for them), so these
are laid out here: broken into lines in logical order, each line then put in visual order
(UAX #9, as the algorithm says: per line) and drawn run by run in fonts that have it."""

from __future__ import annotations

from html import unescape

from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.platypus import Flowable

from coprod_desktop.reports import fonts
from coprod_desktop.reports.bidi import log2vis


class MixedParagraph(Flowable):
    def __init__(self, text: str, style, right_to_left: bool, bullet: str | None = None):
        super().__init__()
        self.text, self.style, self.rtl, self.bullet = text, style, right_to_left, bullet
        self.lines: list[str] = []
        self.spaceBefore, self.spaceAfter = style.spaceBefore, style.spaceAfter
        self.keepWithNext = getattr(style, "keepWithNext", 0)

    @classmethod
    def instead_of(cls, paragraph, right_to_left: bool) -> MixedParagraph:
        import re

        plain = unescape(re.sub(r"<br\s*/?>", "\n", re.sub(r"<(?!br)[^>]*>", "", paragraph.text)))
        return cls(plain, paragraph.style, right_to_left, getattr(paragraph, "bulletText", None))

    def _room(self) -> float:
        return max(1.0, self.width - self.style.leftIndent - self.style.rightIndent)

    def wrap(self, available_width, available_height):
        self.width = available_width
        size = self.style.fontSize
        self.lines = [
            line
            for part in self.text.split("\n")
            for line in (fonts.split(part, fonts.FAMILY, size, self._room()) or [""])
        ]
        self.height = len(self.lines) * self.style.leading
        return self.width, self.height

    def split(self, available_width, available_height):
        self.wrap(available_width, available_height)
        fit = int(available_height // self.style.leading)
        if fit <= 0 or fit >= len(self.lines):
            return [] if fit <= 0 else [self]
        first = MixedParagraph("", self.style, self.rtl, self.bullet)
        first.text = "\n".join(self.lines[:fit])
        rest = MixedParagraph(" ".join(self.lines[fit:]), self.style, self.rtl)
        return [first, rest]

    def draw(self) -> None:
        style, canvas = self.style, self.canv
        size = style.fontSize
        canvas.setFillColor(style.textColor)
        y = self.height - style.leading + (style.leading - size) * 0.5 + size * 0.2
        for n, line in enumerate(self.lines):
            shown = log2vis(line, "RTL" if self.rtl else "LTR")
            width = sum(fonts.pdfmetrics.stringWidth(w, f, size) for f, w in fonts.runs(shown))
            x = style.leftIndent
            if self.rtl or style.alignment == TA_RIGHT:
                x = self.width - style.rightIndent - width
            elif style.alignment == TA_CENTER:
                x = style.leftIndent + (self._room() - width) / 2
            for font, words in fonts.runs(shown):
                canvas.setFont(font, size)
                canvas.drawString(x, y, words)
                x += fonts.pdfmetrics.stringWidth(words, font, size)
            if n == 0 and self.bullet:
                canvas.setFont(fonts.FAMILY, getattr(style, "bulletFontSize", size))
                canvas.drawString(style.bulletIndent, y, self.bullet)
            y -= style.leading
