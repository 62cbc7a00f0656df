"""The group report: we asked, you said, we did, across every session; outcomes over
time; what is still open; and the ladder of co-production over time. Same privacy
rules as the session documents: names only for people who chose them, quotes only
where allowed."""

from __future__ import annotations

from collections import Counter

from reportlab.graphics.charts.linecharts import HorizontalLineChart
from reportlab.graphics.shapes import Drawing, String
from reportlab.graphics.widgets.markers import makeMarker
from reportlab.lib import colors
from reportlab.lib.utils import simpleSplit
from reportlab.platypus import Paragraph

from coprod_desktop.domain import privacy, wording
from coprod_desktop.domain.loop import latest_reports, not_taken_forward, open_items
from coprod_desktop.domain.values import LADDER_CREDIT, ContributionKind, LadderRung
from coprod_desktop.domain.wording import short_date
from coprod_desktop.language import _, ngettext
from coprod_desktop.reports import fonts
from coprod_desktop.reports.common import data_note_section, long_date, owner_label, said_by
from coprod_desktop.reports.data import GroupReport, Options
from coprod_desktop.reports.layout import make_styles, render
from coprod_desktop.reports.markup import para_text


def _short_date(session) -> str:
    return short_date(session.date)


def _ladder_points(report: GroupReport) -> list[tuple[str, float | None, LadderRung | None]]:
    """(session, average rung by show of hands, the facilitator's rung) for each self-check."""
    points = []
    for s in report.sessions:
        check = report.self_checks.get(s.id)
        if check is None:
            continue
        hands = sum(check.ladder_counts)
        average = sum((i + 1) * n for i, n in enumerate(check.ladder_counts)) / hands if hands else None
        points.append((_short_date(s), average, check.facilitator_rung))
    return points


def ladder_in_words(report: GroupReport) -> str:
    """The ladder chart's points as sentences: the group's average rung and the
    facilitator's rating, session by session."""
    rungs = list(LadderRung)
    said = []
    for when, average, own in _ladder_points(report):
        hands = {"average": f"{average:.1f}", "rung": rungs[round(average) - 1].label} if average else {}
        if hands and own:
            said.append(
                _(
                    "{when}: hands on average at rung {average} of 7 ({rung}) and the facilitator's rating {rating}"
                ).format(when=when, rating=own.label, **hands)
            )
        elif hands:
            said.append(_("{when}: hands on average at rung {average} of 7 ({rung})").format(when=when, **hands))
        elif own:
            said.append(_("{when}: the facilitator's rating {rating}").format(when=when, rating=own.label))
    return _("In words: {numbers}.").format(numbers="; ".join(said)) if said else ""


def ladder_chart(report: GroupReport, width: float, size: float) -> Drawing | None:
    """Average rung by show of hands, and the facilitator's rating, session by session."""
    rungs = list(LadderRung)
    points = [(when, average, rungs.index(own) + 1 if own else None) for when, average, own in _ladder_points(report)]
    if not points:
        return None
    fonts.register()
    small = size * 0.8
    caption = _("Circles, solid line: the group's hands (average rung). Diamonds, dashed: the facilitator's rating.")
    chart_x = size * 9
    # The captions wrap within the paper: in large print one line would run off its edge.
    lines = simpleSplit(caption, fonts.FAMILY, small, width - chart_x) + simpleSplit(
        _(LADDER_CREDIT), fonts.FAMILY, small, width - chart_x
    )
    below = small * 1.3 * len(lines) + size * 2
    height = size * 18 + below
    drawing = Drawing(width, height)
    drawing.initialFontName = fonts.FAMILY  # not Helvetica, which would go in unembedded
    chart = HorizontalLineChart()
    chart.x, chart.y = chart_x, below
    chart.width, chart.height = width - size * 10, height - below - size * 3
    # A rung not given is a gap (None), never 0; a marker on every point shows a single
    # session (a line needs two) and each one either side of a gap.
    chart.data = [[p[1] for p in points], [p[2] for p in points]]
    chart.categoryAxis.categoryNames = [p[0] for p in points]
    chart.valueAxis.valueMin, chart.valueAxis.valueMax, chart.valueAxis.valueStep = 0, 7, 1
    chart.valueAxis.labelTextFormat = lambda v: rungs[int(v) - 1].label if 1 <= v <= 7 else ""
    for axis in (chart.categoryAxis.labels, chart.valueAxis.labels):
        axis.fontName, axis.fontSize = fonts.FAMILY, size * 0.8
    chart.lines[0].strokeColor, chart.lines[0].strokeWidth = colors.HexColor("#1f5f8b"), 2
    chart.lines[1].strokeColor, chart.lines[1].strokeWidth = colors.HexColor("#e09f00"), 2
    chart.lines[1].strokeDashArray = (4, 3)
    chart.lines[0].symbol = makeMarker("FilledCircle", size=size * 0.6)
    chart.lines[1].symbol = makeMarker("FilledDiamond", size=size * 0.6)
    chart.lines[1].symbol.fillColor = colors.HexColor("#e09f00")
    chart.lines[0].symbol.fillColor = colors.HexColor("#1f5f8b")
    drawing.add(chart)
    drawing.add(
        String(
            0, height - size, _("The ladder of co-production, session by session"), fontName=fonts.BOLD, fontSize=size
        )
    )
    for n, line in enumerate(reversed(lines)):
        drawing.add(fonts.strings(chart.x, n * small * 1.3, line, fonts.FAMILY, small))
    return drawing


def group_report(report: GroupReport, options: Options) -> bytes:
    st = make_styles(options.large_print)
    people = report.people_by_id
    latest = latest_reports(report.report_backs)
    story: list = [
        Paragraph(para_text(report.group.name), st.title),
        Paragraph(_("Group report: we asked, you said, we did"), st.h2),
    ]
    if report.group.description.strip():
        story.append(Paragraph(para_text(report.group.description), st.body))
    dated = [s for s in report.sessions if s.date]
    n = len(report.sessions)
    if dated:
        story.append(
            Paragraph(
                para_text(
                    ngettext("{n} session from {first} to {last}.", "{n} sessions from {first} to {last}.", n).format(
                        n=n, first=long_date(dated[0].date), last=long_date(dated[-1].date)
                    )
                ),
                st.body,
            )
        )

    story.append(Paragraph(_("We asked, you said, we did"), st.h1))
    for s in report.sessions:
        said = report.contributions.get(s.id, [])
        story.append(Paragraph(para_text(f"{_short_date(s)}: {s.title}"), st.h2))
        if s.purpose.strip():
            story.append(Paragraph(para_text(_("We asked: {purpose}").format(purpose=s.purpose)), st.body))
        here = [p for p in report.people if p.id in report.attendance.get(s.id, ())]
        if here:
            story.append(
                Paragraph(
                    para_text(
                        ngettext("{n} person took part.", "{n} people took part.", len(here)).format(n=len(here))
                    ),
                    st.small,
                )
            )
        if said:
            kinds = Counter(c.kind for c in said)
            story.append(
                Paragraph(
                    para_text(
                        _("You said: {counts}.").format(
                            counts=", ".join(wording.kind_count(k, kinds[k]) for k in ContributionKind if kinds[k])
                        )
                    ),
                    st.body,
                )
            )
            for c in said:
                if privacy.may_quote_in(c, people):
                    story.append(Paragraph(para_text(f"“{c.text}” — {said_by(c, people)}"), st.quote))
        for d in (d for d in report.decisions if d.session_id == s.id):
            story.append(
                Paragraph(para_text(_("We agreed: {decision}").format(decision=d.text)), st.bullet, bulletText="•")
            )
        for a in (a for a in report.actions if a.session_id == s.id):
            rb = latest.get(a.id)
            did = f"{rb.status.label}" + (f" — {rb.note}" if rb.note else "") if rb else a.status.label
            we_did = _("We did: {action} ({owner}): {outcome}").format(
                action=a.what, owner=owner_label(a, people), outcome=did
            )
            story.append(Paragraph(para_text(we_did), st.bullet, bulletText="•"))

    dropped = not_taken_forward(report.actions, report.report_backs)
    story.append(Paragraph(_("Not taken forward, and why"), st.h1))
    if dropped:
        for action, reason in dropped:
            why = reason or _("no reason recorded")
            story.append(Paragraph(para_text(f"{action.what} — {why}"), st.bullet, bulletText="•"))
    else:
        story.append(Paragraph(_("Nothing has been dropped."), st.body))

    story.append(Paragraph(_("Outcomes over time"), st.h1))
    if report.outcomes:
        dates = {s.id: _short_date(s) for s in report.sessions}
        for o in report.outcomes:
            story.append(Paragraph(para_text(o.text), st.h2))
            evidence = report.evidence.get(o.id, [])
            for e in evidence:
                when = dates.get(e.session_id, "")
                story.append(Paragraph(para_text(f"{when + ': ' if when else ''}{e.text}"), st.bullet, bulletText="•"))
            if not evidence:
                story.append(Paragraph(_("No evidence noted yet."), st.body))
    else:
        story.append(Paragraph(_("The group has not written its outcomes yet."), st.body))

    story.append(Paragraph(_("Still open"), st.h1))
    owed = open_items(report.actions, report.decisions, report.report_backs)
    if owed.actions or owed.decisions:
        for a in owed.actions:
            owes = {"action": a.what, "owner": owner_label(a, people)}
            if a.due_date:
                line = _("{action} — {owner}, by {date}").format(date=long_date(a.due_date), **owes)
            else:
                line = "{action} — {owner}".format(**owes)
            story.append(Paragraph(para_text(line), st.bullet, bulletText="•"))
        for d in owed.decisions:
            story.append(
                Paragraph(
                    para_text(_("Decision not yet reported back on: {decision}").format(decision=d.text)),
                    st.bullet,
                    bulletText="•",
                )
            )
    else:
        story.append(Paragraph(_("Nothing is still owed to the group."), st.body))

    story.append(Paragraph(_("How we worked together"), st.h1))
    chart = ladder_chart(report, options.paper.size[0] - 2 * 18 * 2.8346, st.size)
    if chart is not None:
        story.append(chart)  # carries the credit
        if words := ladder_in_words(report):
            story.append(Paragraph(para_text(words), st.small))
    else:
        story.append(Paragraph(_("No self-checks have been taken yet."), st.body))
    story += data_note_section(report.group, st)
    return render(
        story,
        paper_size=options.paper.size,
        title=_("{group}: group report").format(group=report.group.name),
        subject=_("Group report"),
        large_print=options.large_print,
    )
