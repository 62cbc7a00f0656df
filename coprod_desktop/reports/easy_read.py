"""The easy-read participant summary, in Welsh and in English: short sentences, one idea a
line, at least 16 pt, a picture beside each section, what we agreed and what happens next
first (after UK easy-read guidance such as Mencap's "Make it clear"). Written once as
blocks (reports/blocks.py): the PDF here, the web page through reports/html_page.py."""

from __future__ import annotations

from copy import copy

from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Table, TableStyle

from coprod_desktop.domain import privacy, wording
from coprod_desktop.domain.values import ActionStatus
from coprod_desktop.language import _, ngettext
from coprod_desktop.reports import blocks as b
from coprod_desktop.reports import fonts
from coprod_desktop.reports.blocks import Block
from coprod_desktop.reports.common import long_date, owner_label, said_by
from coprod_desktop.reports.data import Options, SessionReport
from coprod_desktop.reports.layout import make_styles, render
from coprod_desktop.reports.markup import para_text
from coprod_desktop.reports.pictures import drawing

PICTURE = 24 * mm


def _section(picture: str, heading: str, label: str, lines: list[Block]) -> list[Block]:
    return [Block("h1", heading, label="easy"), b.picture(picture, label), *lines]


def easy_read_blocks(report: SessionReport) -> list[Block]:
    s, people = report.session, report.people_by_id
    out: list[Block] = [b.title(_("What happened at our meeting")), b.p(s.title, own_words=True)]
    out.append(b.p(wording.when_held(s)))

    agreed = [
        b.p(_("We agreed: {decision}").format(decision=wording.sentence(d.text)), own_words=True)
        for d in report.decisions
    ]
    out += _section(
        "agreed", _("What we agreed"), _("A tick"), agreed or [b.p(_("We did not decide anything this time."))]
    )

    steps: list[Block] = []
    for a in (a for a in report.actions if a.status is not ActionStatus.DROPPED):
        steps.append(b.p(wording.sentence(a.what), own_words=True))
        steps.append(b.p(_("Who will do it: {who}.").format(who=owner_label(a, people))))
        if a.status is ActionStatus.DONE:
            steps.append(b.p(_("It is done.")))
        elif a.due_date:
            steps.append(b.p(_("When: by {date}.").format(date=long_date(a.due_date))))
    out += _section("next", _("What happens next"), _("An arrow"), steps or [b.p(_("Nothing to do this time."))])

    nxt = report.next_session
    if nxt is None:
        meet = [b.p(_("We will tell you when we meet again."))]
    else:
        meet = [
            b.p(_("We meet again on {date}.").format(date=long_date(nxt.date))),
            b.p(_("The time is {time}.").format(time=nxt.start_time)),
        ]
        if nxt.place:
            meet.append(b.p(_("The place is {place}.").format(place=nxt.place)))
        meet.append(b.p(_("We will tell you what happened to each thing we said we would do.")))
    out += _section("calendar", _("When we meet again"), _("A calendar"), meet)

    told = [
        b.p(
            ngettext("You told us {n} thing.", "You told us {n} things.", len(report.contributions)).format(
                n=len(report.contributions)
            )
        )
    ]
    for c in report.contributions:
        if privacy.may_quote_in(c, people):
            told.append(b.quote(c.text, said_by(c, people)))
    out += _section("said", _("What you told us"), _("A speech bubble"), told)

    n = len(report.present)
    came = [b.p(ngettext("{n} person came.", "{n} people came.", n).format(n=n)), b.p(_("Thank you for coming."))]
    out += _section("people", _("Who came"), _("Three people"), came)

    years = getattr(report.group, "retention_years", 2)
    info = [
        b.p(_("We keep notes of this meeting.")),
        b.p(_("We only write your name if you said yes.")),
        b.p(
            ngettext(
                "We keep the notes for {n} year after the group ends.",
                "We keep the notes for {n} years after the group ends.",
                years,
            ).format(n=years)
        ),
        b.p(_("Then we delete them.")),
        b.p(_("You can ask to see your notes, change them or delete them.")),
        b.p(_("Tell the facilitator.")),
    ]
    out += _section("lock", _("Your information"), _("A padlock"), info)
    return out


def easy_read(report: SessionReport, options: Options) -> bytes:
    """The easy read as a PDF: large print always; the picture at the left of each section's
    heading, its lines beside the picture's column."""
    st = make_styles(large_print=True)
    width = options.paper.size[0] - 36 * mm
    story: list = []
    blocks = easy_read_blocks(report)
    pending: Block | None = None
    in_section = False
    for block in blocks:
        if block.kind == "h1":
            pending = block
            continue
        if block.kind == "picture" and pending is not None:
            heading = Paragraph(para_text(pending.text), st.h1)
            row = Table(
                [[drawing(block.picture, PICTURE), heading]], colWidths=[PICTURE + 6 * mm, width - PICTURE - 6 * mm]
            )
            row.setStyle(
                TableStyle(
                    [
                        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                        ("LEFTPADDING", (0, 0), (-1, -1), 0),
                        ("FONTNAME", (0, 0), (-1, -1), fonts.FAMILY),
                    ]
                )
            )
            row.keepWithNext = 1
            story.append(row)
            pending, in_section = None, True
            continue
        style = st.title if block.kind == "title" else st.body
        if in_section:  # beside the picture's column, a little larger than large print
            style = copy(style)
            style.leftIndent = PICTURE + 6 * mm
            style.fontSize, style.leading = max(style.fontSize, 17), max(style.leading, 26)
        text = f"“{block.text}” — {block.attribution}" if block.kind == "quote" else block.text
        story.append(Paragraph(para_text(text), style))
    return render(
        story,
        paper_size=options.paper.size,
        title=_("Easy read: {title}").format(title=report.session.title or _("Our meeting")),
        subject=_("Easy read summary"),
        large_print=True,
    )
