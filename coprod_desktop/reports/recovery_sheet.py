"""The recovery sheet: the one way back into an encrypted archive whose passphrase is lost.
Printed once, kept somewhere locked, never beside the laptop."""

from __future__ import annotations

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph

from coprod_desktop.language import _
from coprod_desktop.reports import fonts
from coprod_desktop.reports.layout import make_styles, render
from coprod_desktop.reports.markup import para_text


def recovery_sheet_pdf(code: str, *, archive_name: str, made_on: str, paper_size=None) -> bytes:
    from reportlab.lib.pagesizes import A4

    st = make_styles(large_print=False)
    key_style = ParagraphStyle("key", parent=st.body, fontName=fonts.BOLD, fontSize=17, leading=28, spaceAfter=16)
    groups = code.split("-")
    rows = [" ".join(groups[i : i + 4]) for i in range(0, len(groups), 4)]
    story = [
        Paragraph(para_text(_("Recovery key for a coprod-desktop archive")), st.title),
        Paragraph(
            para_text(_("Archive: {archive} · made on {date}").format(archive=archive_name, date=made_on)), st.body
        ),
        Paragraph(
            para_text(
                _(
                    "If the passphrase is forgotten, this key is the only way to open the archive: without "
                    "either, what it holds cannot be read by anyone, including us. Keep this sheet locked "
                    "away, apart from the laptop. Whoever has it can read the archive."
                )
            ),
            st.body,
        ),
        Paragraph(para_text(_("The key")), st.h1),
        Paragraph(para_text("\n".join(rows)), key_style),
        Paragraph(para_text(_("To use it")), st.h1),
        Paragraph(
            para_text(
                _(
                    "Start coprod-desktop, choose “Use the recovery key…” where it asks for the passphrase, "
                    "type the key above (the spaces and dashes do not matter), then choose a new passphrase. "
                    "Changing the passphrase makes a new key: print the new sheet then, and destroy this one."
                )
            ),
            st.body,
        ),
    ]
    return render(story, paper_size=paper_size or A4, title=_("Recovery key"), subject=_("Recovery key"),
                  large_print=False)  # fmt: skip
