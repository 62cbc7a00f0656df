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
from coprod_desktop.language import _, ngettext
from coprod_desktop.reports.charts import bar_chart, in_words
from coprod_desktop.reports.common import (
    bullets,
    data_note_section,
    long_date,
    named,
    owner_label,
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
    story: list = [Paragraph(para_text(s.title or _("Our meeting")), st.title)]
    story.append(
        Paragraph(
            para_text(f"{report.group.name} · {wording.when_held(s)}" + (f" · {s.place}" if s.place else "")), st.body
        )
    )
    if s.purpose.strip():
        story += [Paragraph(_("Why we met"), st.h1), Paragraph(para_text(s.purpose), st.body)]

    story.append(Paragraph(_("Who took part"), st.h1))
    if present:
        n = len(present)
        took_part = ngettext("{n} person took part: {roles}.", "{n} people took part: {roles}.", n).format(
            n=n, roles=role_counts(present)
        )
    else:
        took_part = _("No one was recorded as taking part.")
    story.append(Paragraph(para_text(took_part), st.body))
    chosen = named(present)
    if chosen:
        story.append(
            Paragraph(
                para_text(_("Taking part by name (they asked to be named): {names}.").format(names=", ".join(chosen))),
                st.body,
            )
        )

    if report.rules:
        story.append(Paragraph(_("Our ground rules"), st.h1))
        story += bullets([r.text for r in report.rules], st.bullet)

    if report.since_last_time:
        story.append(Paragraph(_("Since last time: you said, we did"), st.h1))
        for text, rb in report.since_last_time:
            note = f" {wording.sentence(rb.note)}" if rb.note else ""
            story.append(Paragraph(para_text(f"{text} — {rb.status.label}.{note}"), st.bullet, bulletText="•"))

    story.append(Paragraph(_("We asked, you said"), st.h1))
    story += _we_asked_you_said(report, st, options)

    story.append(Paragraph(_("What we agreed, and how"), st.h1))
    if report.decisions:
        for d in report.decisions:
            how = " ".join(
                part
                for part in (
                    _("Decided {how}.").format(how=method_words(d)),
                    wording.count_note(d, len(present)),
                    who_agreed(d, people),
                )
                if part
            )
            block = [Paragraph(para_text(d.text), st.body), Paragraph(para_text(how), st.small)]
            story.append(KeepTogether(block))
    else:
        story.append(Paragraph(_("We did not make decisions at this meeting."), st.body))

    limits = [d for d in report.decisions if d.cannot_change.strip()]
    story.append(Paragraph(_("What cannot change, and why"), st.h1))
    if limits:
        for d in limits:
            story.append(Paragraph(para_text(d.cannot_change), st.body))
    else:
        story.append(Paragraph(_("Nothing we discussed was ruled out."), st.body))

    story.append(Paragraph(_("What happens next"), st.h1))
    open_actions = [a for a in report.actions if a.status is not ActionStatus.DROPPED]
    if open_actions:
        for a in open_actions:
            story.append(Paragraph(para_text(_next_step(a, people)), st.bullet, bulletText="•"))
    else:
        story.append(Paragraph(_("No actions were agreed at this meeting."), st.body))
    dropped = [a for a in report.actions if a.status is ActionStatus.DROPPED]
    for a in dropped:
        story.append(
            Paragraph(
                para_text(
                    _("Not taken forward: {action} Why: {reason}").format(
                        action=wording.sentence(a.what), reason=wording.sentence(a.status_reason or _("not recorded"))
                    )
                ),
                st.bullet,
                bulletText="•",
            )
        )

    check = report.self_check
    if check is not None and (sum(check.ladder_counts) or check.facilitator_rung):
        story.append(Paragraph(_("How we worked together"), st.h1))
        rungs = list(LadderRung)
        if sum(check.ladder_counts):
            top = max(range(7), key=lambda i: (check.ladder_counts[i], i))
            hands = sum(check.ladder_counts)
            placed = ngettext(
                "By a show of hands, most of you placed this meeting at “{rung}” "
                "on the ladder of co-production ({n} hand in all).",
                "By a show of hands, most of you placed this meeting at “{rung}” "
                "on the ladder of co-production ({n} hands in all).",
                hands,
            ).format(rung=rungs[top].label, n=hands)
            story.append(Paragraph(para_text(placed), st.body))
        if check.facilitator_rung:
            story.append(
                Paragraph(
                    para_text(_("The facilitator's own rating: “{rung}”.").format(rung=check.facilitator_rung.label)),
                    st.body,
                )
            )
        story.append(Paragraph(para_text(_(LADDER_CREDIT)), st.small))

    story.append(Paragraph(_("When you will hear back"), st.h1))
    story.append(Paragraph(para_text(_hearing_back(report.next_session, bool(open_actions))), st.body))

    story += data_note_section(report.group, st)
    return render(
        story,
        paper_size=options.paper.size,
        title=s.title or _("Our meeting"),
        subject=_("Participant summary"),
        large_print=options.large_print,
    )


def _next_step(action, people) -> str:
    """ "Book the room — Carers in the group, by Monday 2 November 2026 (done)"."""
    said = {"action": action.what, "owner": owner_label(action, people)}
    done = action.status is ActionStatus.DONE
    if action.due_date:
        said["date"] = long_date(action.due_date)
        if done:
            return _("{action} — {owner}, by {date} (done)").format(**said)
        return _("{action} — {owner}, by {date}").format(**said)
    if done:
        return _("{action} — {owner}, date to be agreed (done)").format(**said)
    return _("{action} — {owner}, date to be agreed").format(**said)


def _hearing_back(nxt, any_actions: bool) -> str:
    """When and where the group meets next, and what it will hear first."""
    if nxt is None:
        if any_actions:
            return _(
                "We will write to you with the date of the next meeting, and tell you then what happened to each action above."
            )
        return _("We will write to you with the date of the next meeting.")
    when = {"date": long_date(nxt.date), "time": nxt.start_time}
    if nxt.place:
        meeting = _("Our next meeting is on {date} at {time} at {place}.").format(place=nxt.place, **when)
    else:
        meeting = _("Our next meeting is on {date} at {time}.").format(**when)
    if any_actions:
        start = _("We will start by telling you what happened to each action above.")
    else:
        start = _("We will start by telling you what has happened since.")
    return f"{meeting} {start}"


def _we_asked_you_said(report: SessionReport, st, options: Options) -> list:
    out: list = []
    people = report.people_by_id
    by_item: dict = {}
    for c in report.contributions:
        by_item.setdefault(c.agenda_item_id, []).append(c)
    titles = [(i.id, i.title) for i in report.items] + [(None, _("Other things people said"))]
    for item_id, title in titles:
        said = by_item.get(item_id, [])
        if not said:
            continue
        out.append(Paragraph(para_text(title), st.h2))
        kinds = Counter(c.kind for c in said)
        counted = ", ".join(wording.kind_count(k, kinds[k]) for k in ContributionKind if kinds[k])
        out.append(Paragraph(para_text(_("You shared {counts}.").format(counts=counted)), st.body))
        for c in said:
            if privacy.may_quote_in(c, people):
                out.append(Paragraph(para_text(f"“{c.text}” — {said_by(c, people)}"), st.quote))
    if not report.contributions:
        out.append(Paragraph(_("Nothing was noted at this meeting."), st.body))
        return out
    roles = privacy.contributions_by_role(report.contributions, people)
    labels = [r.label for r in Role if roles.get(r)] + ([_(privacy.ANONYMOUS)] if roles.get(None) else [])
    values = [roles[r] for r in Role if roles.get(r)] + ([roles[None]] if roles.get(None) else [])
    width = options.paper.size[0] - 36 * 2.8346
    out.append(Spacer(1, st.size * 0.5))
    chart_title = _("Who spoke: contributions by role")
    out.append(bar_chart(labels, [values], [_("Contributions")], width, st.size, chart_title))
    out.append(Paragraph(para_text(in_words(labels, [values], [_("contributions")])), st.small))
    return out
