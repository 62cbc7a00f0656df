"""Page furniture shared by every document: fonts, styles, footer, outline."""

from __future__ import annotations

import io
from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Paragraph, SimpleDocTemplate

from coprod_desktop import language
from coprod_desktop.language import _
from coprod_desktop.reports import bidi, fonts, languages
from coprod_desktop.reports.markup import plain


@dataclass(frozen=True)
class Styles:
    title: ParagraphStyle
    h1: ParagraphStyle
    h2: ParagraphStyle
    body: ParagraphStyle
    small: ParagraphStyle
    quote: ParagraphStyle
    bullet: ParagraphStyle
    size: float


def make_styles(large_print: bool) -> Styles:
    family = fonts.register()
    size = 16 if large_print else 11  # large print: at least 16 pt body
    leading = size * (1.5 if large_print else 1.35)
    body = ParagraphStyle(
        "body", fontName=family, fontSize=size, leading=leading, spaceAfter=size * 0.5, alignment=TA_LEFT
    )
    return Styles(
        title=ParagraphStyle(
            "title", parent=body, fontName=fonts.BOLD, fontSize=size * 1.9, leading=size * 2.3, spaceAfter=size
        ),
        h1=ParagraphStyle(
            "h1",
            parent=body,
            fontName=fonts.BOLD,
            fontSize=size * 1.45,
            leading=size * 1.8,
            spaceBefore=size * 1.1,
            spaceAfter=size * 0.5,
            textColor=colors.HexColor("#1f3d5c"),
            keepWithNext=1,
        ),
        h2=ParagraphStyle(
            "h2",
            parent=body,
            fontName=fonts.BOLD,
            fontSize=size * 1.15,
            leading=size * 1.5,
            spaceBefore=size * 0.7,
            spaceAfter=size * 0.3,
            keepWithNext=1,
        ),
        body=body,
        small=ParagraphStyle(
            "small",
            parent=body,
            fontSize=max(size * 0.85, 9.5 if not large_print else 16),
            leading=leading * 0.9,
            textColor=colors.HexColor("#333333"),
        ),
        quote=ParagraphStyle(
            "quote", parent=body, leftIndent=size * 1.2, textColor=colors.HexColor("#1a1a1a")
        ),  # not oblique: DejaVu Sans Oblique has no Arabic or Hebrew
        bullet=ParagraphStyle(
            "bullet",
            parent=body,
            leftIndent=size * 1.2,
            bulletIndent=size * 0.3,
            bulletFontName=family,
            bulletFontSize=size,
        ),
        size=size,
    )


class OutlinedDoc(SimpleDocTemplate):
    """Headings become PDF bookmarks, so a screen reader or viewer can follow the outline.
    Each page knows its language (``page_language``): a page in another language than the
    document's is one marked-content span with its own /Lang."""

    document_language = language.ENGLISH
    page_language = language.ENGLISH
    next_language: str | None = None
    next_copy = False
    copy_from = 0  # the page before this copy's first (pages are numbered within a copy)
    _span_open = False

    def beforePage(self) -> None:  # noqa: N802 (ReportLab's name)
        if self.page_language != self.document_language:
            self.canv.addLiteral(f"/Span <</Lang ({language.BCP47[self.page_language]})>> BDC")
            self._span_open = True

    def afterPage(self) -> None:  # noqa: N802
        if self._span_open:
            self.canv.addLiteral("EMC")
            self._span_open = False
        if self.next_language:  # a SpeakFrom was drawn on this page
            self.page_language, self.next_language = self.next_language, None
        if self.next_copy:
            self.copy_from, self.next_copy = self.page, False

    def afterFlowable(self, flowable) -> None:
        if isinstance(flowable, Paragraph) and flowable.style.name in ("title", "h1", "h2"):
            level = {"title": 0, "h1": 0, "h2": 1}[flowable.style.name]
            text = flowable.getPlainText()
            key = f"h{id(flowable)}"
            self.canv.bookmarkPage(key)
            self.canv.addOutlineEntry(text[:120], key, level=level, closed=False)


def render(
    story: list,
    *,
    paper_size,
    title: str,
    subject: str,
    large_print: bool,
    password: str = "",
    confidential: str = "",
    page_title: dict[str, str] | None = None,
    page_confidential: dict[str, str] | None = None,
) -> bytes:
    """The PDF bytes for ``story``, with page numbers and the session title in the footer;
    ``confidential`` at the top of every page; with ``password``, encrypted (AES-256) so
    that it opens only with it. In the language being spoken (its /Lang); while a
    bilingual document is gathered (reports/languages.py), the story is kept for it;
    ``page_title`` and ``page_confidential`` give a bilingual document's, by page language."""
    settings = dict(
        paper_size=paper_size,
        title=title,
        subject=subject,
        large_print=large_print,
        password=password,
        confidential=confidential,
    )
    if (stories := languages.gathered()) is not None:
        stories.append({"story": story, "settings": settings})
        return b""
    spoken = language.current()
    buffer = io.BytesIO()
    margin = 18 * mm
    doc = OutlinedDoc(
        buffer,
        pagesize=paper_size,
        leftMargin=margin,
        rightMargin=margin,
        topMargin=margin,
        bottomMargin=margin + 8 * mm,
        title=plain(title)[:200],
        subject=subject,
        author="coprod-desktop",
        creator="coprod-desktop",
        lang=language.BCP47[spoken],
        encrypt=_encryption(password) if password else None,
        initialFontName=fonts.register(),  # each page starts in the app's font, not Helvetica
    )
    doc.document_language = doc.page_language = spoken
    footer_size = 12 if large_print else 8.5
    footer_titles = {code: plain(t).replace("\n", " ") for code, t in (page_title or {spoken: title}).items()}
    banners = page_confidential or {spoken: confidential}

    def footer(canvas, document) -> None:
        canvas.saveState()
        canvas.setFont(fonts.FAMILY, footer_size)
        canvas.setFillColor(colors.HexColor("#444444"))
        width = document.pagesize[0]
        with language.speaking(document.page_language):  # the page's own language
            number = _("Page {number}").format(number=document.page - document.copy_from)
        footer_title = footer_titles.get(document.page_language, "")
        confidential = banners.get(document.page_language, "")
        room = width - 2 * margin - stringWidth(number, fonts.FAMILY, footer_size) - footer_size
        every = fonts.split(footer_title, fonts.FAMILY, footer_size, room)  # wraps, never runs on
        lines = every[:2]
        if len(every) > 2:
            lines[-1] = _cut(lines[-1] + "…", footer_size, room)
        for n, line in enumerate(lines):
            fonts.draw(
                canvas, margin, margin * 0.6 + (len(lines) - 1 - n) * footer_size * 1.2, line, fonts.FAMILY, footer_size
            )
        canvas.drawRightString(width - margin, margin * 0.6, number)
        if confidential:  # on every page, not only where the section starts
            canvas.setFont(fonts.BOLD, footer_size)
            canvas.setFillColor(colors.HexColor("#8a0016"))
            canvas.drawRightString(width - margin, document.pagesize[1] - margin * 0.6, confidential)
        canvas.restoreState()

    bidi.set_directions(story)
    doc.build(story, onFirstPage=footer, onLaterPages=footer)
    return buffer.getvalue()


def _cut(text: str, size: float, room: float) -> str:
    while len(text) > 1 and fonts.width(text, fonts.FAMILY, size) > room:
        text = text[:-2] + "…"
    return text


def _encryption(password: str):
    """AES-256 (PDF 2.0's standard security handler); ReportLab needs pyaes for it. The
    password opens the document; printing is allowed, changing it is not."""
    from reportlab.lib.pdfencrypt import StandardEncryption

    return StandardEncryption(password, canPrint=1, canModify=0, canCopy=1, canAnnotate=0, strength=256)
