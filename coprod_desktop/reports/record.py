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
    story: list = [Paragraph(para_text(f"Full record: {s.title}"), st.title)]
    facts = [
        f"Group: {report.group.name}",
        f"{'Held' if s.actual_start else 'Date'}: {wording.when_held(s)}",
        f"Planned: {s.start_time}, for {s.length_minutes} minutes",
        f"Place: {s.place or '—'}",
        f"Facilitators: {s.facilitators or '—'}",
        f"State: {s.state.label}; ran from {_clock(s.actual_start)} to {_clock(s.actual_end)}",
    ]
    story += bullets(facts, st.bullet)
    if s.purpose.strip():
        story += [Paragraph("Purpose", st.h1), Paragraph(para_text(s.purpose), st.body)]

    story.append(Paragraph("Attendance", st.h1))
    present = report.present
    story.append(Paragraph(para_text(f"{len(present)} took part: {role_counts(present)}."), st.body))
    story += bullets(privacy.attendance_lines(present), st.bullet)

    story.append(Paragraph("Agenda: planned and actual", st.h1))
    rows = [["Item", "Planned", "Started", "Ended", "Actual"]]  # "10 min (+5)": time added on the day
    planned, actual = [], []
    for item in report.items:
        clock = item_clock(item, item.actual_end or report.now)  # an item still running: up to now
        ran = clock.elapsed // 60 if item.actual_start else None
        so_far = " so far" if item.actual_start and not item.actual_end else ""
        rows.append(
            [
                short(item.title, 200),
                f"{item.planned_minutes} min" + (f" (+{item.extra_minutes})" if item.extra_minutes else ""),
                _clock(item.actual_start),
                _clock(item.actual_end),
                f"{ran} min{so_far}" if ran is not None else "—",
            ]
        )
        planned.append(item.planned_minutes)  # as planned: time added on the day shows as running over
        actual.append(ran or 0)
    story.append(_table(rows, [width * 0.36, width * 0.16, width * 0.16, width * 0.16, width * 0.16], st))
    if report.items:
        story += bar_charts(
            [i.title for i in report.items],
            [planned, actual],
            ["Planned minutes", "Actual minutes"],
            width,
            st.size,
            "Agenda: planned against actual time",
        )
        titles = [i.title for i in report.items]
        story.append(Paragraph(para_text(in_words(titles, [planned, actual], ["planned", "actual"])), st.small))

    if report.rules:
        story.append(Paragraph("Ground rules", st.h1))
        story += bullets([r.text for r in report.rules], st.bullet)
        reminders = Counter(e.detail for e in report.reminders)
        story.append(Paragraph("Ground-rule reminders", st.h2))
        if reminders:
            story += bullets([f"{n}× {text}" for text, n in reminders.most_common()], st.bullet)
        else:
            story.append(Paragraph("No rule was pointed to.", st.body))

    story.append(Paragraph("Every contribution", st.h1))
    titles = {i.id: i.title for i in report.items}
    # Paragraphs, not a table: a long contribution must be able to run onto the next page.
    for c in report.contributions:
        head = f"{_clock(c.created_at)} · {short(titles.get(c.agenda_item_id, 'No agenda item'))} · {c.kind.label} · {short(said_by(c, people))}"
        head += " · may be quoted" if privacy.may_quote_in(c, people) else ""
        story.append(Paragraph(para_text(head), st.small))
        story.append(Paragraph(para_text(c.text), st.bullet))
    if not report.contributions:
        story.append(Paragraph("None noted.", st.body))

    story.append(Paragraph("Decisions", st.h1))
    by_id = {c.id: c for c in report.contributions}
    for d in report.decisions:
        story.append(Paragraph(para_text(d.text), st.h2))
        lines = [f"How: {method_words(d)}", who_agreed(d, people) or "Who agreed: not recorded"]
        if note := wording.count_note(d, len(present)):
            lines.insert(1, f"Counts: {note}")
        if d.cannot_change.strip():
            lines.append(f"What cannot change: {d.cannot_change}")
        answers = [by_id[i].text for i in d.contribution_ids if i in by_id]
        lines += [f"Answers: “{t}”" for t in answers]
        story += bullets(lines, st.bullet)
    if not report.decisions:
        story.append(Paragraph("None recorded.", st.body))

    story.append(Paragraph("Actions", st.h1))
    for a in report.actions:
        status = a.status.label + (f": {a.status_reason}" if a.status_reason else "")
        due = long_date(a.due_date) if a.due_date else "no date"
        story.append(Paragraph(para_text(f"{short(owner_label(a, people))} · due {due} · {status}"), st.small))
        story.append(Paragraph(para_text(a.what), st.bullet))
    if not report.actions:
        story.append(Paragraph("None recorded.", st.body))

    story.append(Paragraph("Prompt cards used", st.h1))
    if report.draws:
        drew = Counter(c.card_key for c in report.contributions if c.card_key)
        lines = []
        for d in report.draws:
            card = report.cards.get(d.card_key)
            text = card.text if card else d.card_key
            asked = "asked" if d.asked_at else "not asked"
            lines.append(f"{text} ({asked}; drew {drew.get(d.card_key, 0)} contributions)")
        story += bullets(lines, st.bullet)
    else:
        story.append(Paragraph("No cards were drawn.", st.body))

    if options.support_needs:
        story.append(Paragraph("Support needs (confidential)", st.h1))
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
            story.append(Paragraph("None recorded.", st.body))
    story += data_note_section(report.group, st)
    return render(
        story,
        paper_size=options.paper.size,
        title=s.title or "Session",
        subject="Full record",
        large_print=options.large_print,
        confidential="Confidential: holds support needs" if options.support_needs else "",
        password=options.password,
    )
