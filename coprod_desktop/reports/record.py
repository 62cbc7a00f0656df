"""The full record, for the facilitator: everything, with timings, attribution as
allowed, methods and counts, cards and what each drew, ground-rule reminders.
Support needs appear only when asked for."""

from __future__ import annotations

from collections import Counter

from reportlab.lib import colors
from reportlab.platypus import LongTable, Paragraph, TableStyle

from coprod_desktop.domain import privacy, wording
from coprod_desktop.domain.timing import item_clock, parse_time
from coprod_desktop.domain.wording import time_of_day
from coprod_desktop.language import _, ngettext, pgettext
from coprod_desktop.reports import fonts
from coprod_desktop.reports.charts import bar_charts, in_words
from coprod_desktop.reports.common import bullets, data_note_section, long_date, owner_label, role_counts, said_by
from coprod_desktop.reports.data import Options, SessionReport
from coprod_desktop.reports.layout import make_styles, render
from coprod_desktop.reports.markup import para_text
from coprod_desktop.reports.summary import method_words, who_agreed


def _clock(value: str | None) -> str:
    moment = parse_time(value)
    return time_of_day(moment)


def short(text: str, limit: int = 120) -> str:
    """Labels in headings and table cells stay short; the full text is elsewhere."""
    text = text.replace("\n", " ")
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _table(rows, widths, st) -> LongTable:
    data = [[Paragraph(para_text(str(cell)), st.small) for cell in row] for row in rows]
    table = LongTable(data, colWidths=widths, repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), fonts.FAMILY),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8eef4")),
                ("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor("#9aa8b5")),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    return table


def full_record(report: SessionReport, options: Options) -> bytes:
    st = make_styles(options.large_print)
    s, people = report.session, report.people_by_id
    width = options.paper.size[0] - 2 * 18 * 2.8346
    story: list = [Paragraph(para_text(_("Full record: {title}").format(title=s.title)), st.title)]
    when = wording.when_held(s)
    facts = [
        _("Group: {group}").format(group=report.group.name),
        _("Held: {when}").format(when=when) if s.actual_start else _("Date: {when}").format(when=when),
        ngettext("Planned: {start}, for {n} minute", "Planned: {start}, for {n} minutes", s.length_minutes).format(
            start=s.start_time, n=s.length_minutes
        ),
        _("Place: {place}").format(place=s.place or "—"),
        _("Facilitators: {facilitators}").format(facilitators=s.facilitators or "—"),
        _("State: {state}; ran from {start} to {end}").format(
            state=s.state.label, start=_clock(s.actual_start), end=_clock(s.actual_end)
        ),
    ]
    story += bullets(facts, st.bullet)
    if s.purpose.strip():
        story += [Paragraph(_("Purpose"), st.h1), Paragraph(para_text(s.purpose), st.body)]

    story.append(Paragraph(_("Attendance"), st.h1))
    present = report.present
    took_part = ngettext("{n} took part: {roles}.", "{n} took part: {roles}.", len(present))
    story.append(Paragraph(para_text(took_part.format(n=len(present), roles=role_counts(present))), st.body))
    story += bullets(privacy.attendance_lines(present), st.bullet)

    story.append(Paragraph(_("Agenda: planned and actual"), st.h1))
    rows = [  # "10 min (+5)": time added on the day
        [
            pgettext("a column of the agenda table", "Item"),
            pgettext("a column of the agenda table", "Planned"),
            pgettext("a column of the agenda table", "Started"),
            pgettext("a column of the agenda table", "Ended"),
            pgettext("a column of the agenda table", "Actual"),
        ]
    ]
    planned, actual = [], []
    for item in report.items:
        clock = item_clock(item, item.actual_end or report.now)  # an item still running: up to now
        ran = clock.elapsed // 60 if item.actual_start else None
        so_far = item.actual_start and not item.actual_end
        if item.extra_minutes:
            allowed = _("{n} min (+{extra})").format(n=item.planned_minutes, extra=item.extra_minutes)
        else:
            allowed = _("{n} min").format(n=item.planned_minutes)
        rows.append(
            [
                short(item.title, 200),
                allowed,
                _clock(item.actual_start),
                _clock(item.actual_end),
                "—" if ran is None else (_("{n} min so far") if so_far else _("{n} min")).format(n=ran),
            ]
        )
        planned.append(item.planned_minutes)  # as planned: time added on the day shows as running over
        actual.append(ran or 0)
    story.append(_table(rows, [width * 0.36, width * 0.16, width * 0.16, width * 0.16, width * 0.16], st))
    if report.items:
        story += bar_charts(
            [i.title for i in report.items],
            [planned, actual],
            [_("Planned minutes"), _("Actual minutes")],
            width,
            st.size,
            _("Agenda: planned against actual time"),
        )
        titles = [i.title for i in report.items]
        in_numbers = in_words(titles, [planned, actual], [_("planned"), _("actual")])
        story.append(Paragraph(para_text(in_numbers), st.small))

    if report.rules:
        story.append(Paragraph(_("Ground rules"), st.h1))
        story += bullets([r.text for r in report.rules], st.bullet)
        reminders = Counter(e.detail for e in report.reminders)
        story.append(Paragraph(_("Ground-rule reminders"), st.h2))
        if reminders:
            story += bullets([f"{n}× {text}" for text, n in reminders.most_common()], st.bullet)
        else:
            story.append(Paragraph(_("No rule was pointed to."), st.body))

    story.append(Paragraph(_("Every contribution"), st.h1))
    titles = {i.id: i.title for i in report.items}
    # Paragraphs, not a table: a long contribution must be able to run onto the next page.
    for c in report.contributions:
        where = titles[c.agenda_item_id] if c.agenda_item_id in titles else _("No agenda item")
        head = f"{_clock(c.created_at)} · {short(where)} · {c.kind.label} · {short(said_by(c, people))}"
        if privacy.may_quote_in(c, people):
            head = _("{details} · may be quoted").format(details=head)
        story.append(Paragraph(para_text(head), st.small))
        story.append(Paragraph(para_text(c.text), st.bullet))
    if not report.contributions:
        story.append(Paragraph(_("None noted."), st.body))

    story.append(Paragraph(_("Decisions"), st.h1))
    by_id = {c.id: c for c in report.contributions}
    for d in report.decisions:
        story.append(Paragraph(para_text(d.text), st.h2))
        lines = [_("How: {how}").format(how=method_words(d)), who_agreed(d, people) or _("Who agreed: not recorded")]
        if note := wording.count_note(d, len(present)):
            lines.insert(1, _("Counts: {note}").format(note=note))
        if d.cannot_change.strip():
            lines.append(_("What cannot change: {text}").format(text=d.cannot_change))
        answers = [by_id[i].text for i in d.contribution_ids if i in by_id]
        lines += [_("Answers: “{text}”").format(text=t) for t in answers]
        story += bullets(lines, st.bullet)
    if not report.decisions:
        story.append(Paragraph(_("None recorded."), st.body))

    story.append(Paragraph(_("Actions"), st.h1))
    for a in report.actions:
        status = a.status.label + (f": {a.status_reason}" if a.status_reason else "")
        due = long_date(a.due_date, missing=_("no date"))
        line = _("{owner} · due {date} · {status}").format(owner=short(owner_label(a, people)), date=due, status=status)
        story.append(Paragraph(para_text(line), st.small))
        story.append(Paragraph(para_text(a.what), st.bullet))
    if not report.actions:
        story.append(Paragraph(_("None recorded."), st.body))

    story.append(Paragraph(_("Prompt cards used"), st.h1))
    if report.draws:
        drew = Counter(c.card_key for c in report.contributions if c.card_key)
        story += bullets([_card_line(d, report.cards, drew.get(d.card_key, 0)) for d in report.draws], st.bullet)
    else:
        story.append(Paragraph(_("No cards were drawn."), st.body))

    if options.support_needs:
        story.append(Paragraph(_("Support needs (confidential)"), st.h1))
        listed = 0
        for p in present:
            label = privacy.support_needs_label(p)
            needs = [report.support_labels.get(k, k) for k in p.support_needs] + (
                [p.support_notes] if p.support_notes.strip() else []
            )
            if needs:  # paragraphs, not a table: free-text notes can run long
                story.append(Paragraph(para_text(short(label)), st.small))
                story.append(Paragraph(para_text("; ".join(needs)), st.bullet))
                listed += 1
        if not listed:
            story.append(Paragraph(_("None recorded."), st.body))
    story += data_note_section(report.group, st)
    return render(
        story,
        paper_size=options.paper.size,
        title=s.title or _("Session"),
        subject=_("Full record"),
        large_print=options.large_print,
        confidential=_("Confidential: holds support needs") if options.support_needs else "",
        password=options.password,
    )


def _card_line(draw, cards: dict, drew: int) -> str:
    """ "What brought you here? (asked; drew 3 contributions)"."""
    card = cards.get(draw.card_key)
    text = card.text if card else draw.card_key
    if draw.asked_at:
        said = ngettext("{card} (asked; drew {n} contribution)", "{card} (asked; drew {n} contributions)", drew)
    else:
        said = ngettext("{card} (not asked; drew {n} contribution)", "{card} (not asked; drew {n} contributions)", drew)
    return said.format(card=text, n=drew)
