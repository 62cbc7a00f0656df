"""The participant summary: printed and handed to everyone who took part.

Plain words. People appear by name only if they chose to; "role only" shows
the role; quotes only where the contribution may be quoted. Everything else
that was said is counted, never printed word for word.
"""

from __future__ import annotations

from collections import Counter

from reportlab.platypus import KeepTogether, Paragraph, Spacer

from coprod_desktop.domain import privacy, wording
from coprod_desktop.domain.values import (
    LADDER_CREDIT,
    ActionStatus,
    ContributionKind,
    LadderRung,
    Role,
)
from coprod_desktop.reports.charts import bar_chart, in_words
from coprod_desktop.reports.common import (
    bullets,
    data_note_section,
    long_date,
    named,
    owner_label,
    plural,
    role_counts,
    said_by,
)
from coprod_desktop.reports.data import Options, SessionReport
from coprod_desktop.reports.layout import make_styles, render
from coprod_desktop.reports.markup import para_text

method_words = wording.how_decided
who_agreed = privacy.who_agreed


def participant_summary(report: SessionReport, options: Options) -> bytes:
    st = make_styles(options.large_print)
    s, people = report.session, report.people_by_id
    present = report.present
    story: list = [Paragraph(para_text(s.title or "Our meeting"), st.title)]
    story.append(
        Paragraph(
            para_text(f"{report.group.name} · {wording.when_held(s)}" + (f" · {s.place}" if s.place else "")), st.body
        )
    )
    if s.purpose.strip():
        story += [Paragraph("Why we met", st.h1), Paragraph(para_text(s.purpose), st.body)]

    story.append(Paragraph("Who took part", st.h1))
    if present:
        took_part = f"{wording.people(len(present))} took part: {role_counts(present)}."
    else:
        took_part = "No one was recorded as taking part."
    story.append(Paragraph(para_text(took_part), st.body))
    chosen = named(present)
    if chosen:
        story.append(
            Paragraph(para_text("Taking part by name (they asked to be named): " + ", ".join(chosen) + "."), st.body)
        )

    if report.rules:
        story.append(Paragraph("Our ground rules", st.h1))
        story += bullets([r.text for r in report.rules], st.bullet)

    if report.since_last_time:
        story.append(Paragraph("Since last time: you said, we did", st.h1))
        for text, rb in report.since_last_time:
            note = f" {wording.sentence(rb.note)}" if rb.note else ""
            story.append(Paragraph(para_text(f"{text} — {rb.status.label}.{note}"), st.bullet, bulletText="•"))

    story.append(Paragraph("We asked, you said", st.h1))
    story += _we_asked_you_said(report, st, options)

    story.append(Paragraph("What we agreed, and how", st.h1))
    if report.decisions:
        for d in report.decisions:
            how = " ".join(
                part
                for part in (f"Decided {method_words(d)}.", wording.count_note(d, len(present)), who_agreed(d, people))
                if part
            )
            block = [Paragraph(para_text(d.text), st.body), Paragraph(para_text(how), st.small)]
            story.append(KeepTogether(block))
    else:
        story.append(Paragraph("We did not make decisions at this meeting.", st.body))

    limits = [d for d in report.decisions if d.cannot_change.strip()]
    story.append(Paragraph("What cannot change, and why", st.h1))
    if limits:
        for d in limits:
            story.append(Paragraph(para_text(d.cannot_change), st.body))
    else:
        story.append(Paragraph("Nothing we discussed was ruled out.", st.body))

    story.append(Paragraph("What happens next", st.h1))
    open_actions = [a for a in report.actions if a.status is not ActionStatus.DROPPED]
    if open_actions:
        for a in open_actions:
            due = f"by {long_date(a.due_date)}" if a.due_date else "date to be agreed"
            status = " (done)" if a.status is ActionStatus.DONE else ""
            story.append(
                Paragraph(para_text(f"{a.what} — {owner_label(a, people)}, {due}{status}"), st.bullet, bulletText="•")
            )
    else:
        story.append(Paragraph("No actions were agreed at this meeting.", st.body))
    dropped = [a for a in report.actions if a.status is ActionStatus.DROPPED]
    for a in dropped:
        story.append(
            Paragraph(
                para_text(
                    f"Not taken forward: {wording.sentence(a.what)} Why: {wording.sentence(a.status_reason or 'not recorded')}"
                ),
                st.bullet,
                bulletText="•",
            )
        )

    check = report.self_check
    if check is not None and (sum(check.ladder_counts) or check.facilitator_rung):
        story.append(Paragraph("How we worked together", st.h1))
        rungs = list(LadderRung)
        if sum(check.ladder_counts):
            top = max(range(7), key=lambda i: (check.ladder_counts[i], i))
            story.append(
                Paragraph(
                    para_text(
                        f"By a show of hands, most of you placed this meeting at “{rungs[top].label}” "
                        f"on the ladder of co-production ({plural(sum(check.ladder_counts), 'hand')} in all)."
                    ),
                    st.body,
                )
            )
        if check.facilitator_rung:
            story.append(
                Paragraph(para_text(f"The facilitator's own rating: “{check.facilitator_rung.label}”."), st.body)
            )
        story.append(Paragraph(para_text(LADDER_CREDIT), st.small))

    story.append(Paragraph("When you will hear back", st.h1))
    nxt = report.next_session
    if nxt is not None:
        where = f" at {nxt.place}" if nxt.place else ""
        story.append(
            Paragraph(
                para_text(
                    f"Our next meeting is on {long_date(nxt.date)} at {nxt.start_time}{where}. "
                    + (
                        "We will start by telling you what happened to each action above."
                        if open_actions
                        else "We will start by telling you what has happened since."
                    )
                ),
                st.body,
            )
        )
    else:
        story.append(
            Paragraph(
                "We will write to you with the date of the next meeting, and tell you then what happened to each action above."
                if open_actions
                else "We will write to you with the date of the next meeting.",
                st.body,
            )
        )

    story += data_note_section(report.group, st)
    return render(
        story,
        paper_size=options.paper.size,
        title=s.title or "Our meeting",
        subject="Participant summary",
        large_print=options.large_print,
    )


def _we_asked_you_said(report: SessionReport, st, options: Options) -> list:
    out: list = []
    people = report.people_by_id
    by_item: dict = {}
    for c in report.contributions:
        by_item.setdefault(c.agenda_item_id, []).append(c)
    titles = [(i.id, i.title) for i in report.items] + [(None, "Other things people said")]
    for item_id, title in titles:
        said = by_item.get(item_id, [])
        if not said:
            continue
        out.append(Paragraph(para_text(title), st.h2))
        kinds = Counter(c.kind for c in said)
        counted = ", ".join(plural(kinds[k], k.label.lower()) for k in ContributionKind if kinds[k])
        out.append(Paragraph(para_text(f"You shared {counted}."), st.body))
        for c in said:
            if privacy.may_quote_in(c, people):
                out.append(Paragraph(para_text(f"“{c.text}” — {said_by(c, people)}"), st.quote))
    if not report.contributions:
        out.append(Paragraph("Nothing was noted at this meeting.", st.body))
        return out
    roles = privacy.contributions_by_role(report.contributions, people)
    labels = [r.label for r in Role if roles.get(r)] + (["Anonymous"] if roles.get(None) else [])
    values = [roles[r] for r in Role if roles.get(r)] + ([roles[None]] if roles.get(None) else [])
    width = options.paper.size[0] - 36 * 2.8346
    out.append(Spacer(1, st.size * 0.5))
    out.append(bar_chart(labels, [values], ["Contributions"], width, st.size, "Who spoke: contributions by role"))
    out.append(Paragraph(para_text(in_words(labels, [values], ["contributions"])), st.small))
    return out
