"""The participant summary: printed and handed to everyone who took part.

Plain words. People appear by name only if they chose to; "role only" shows
the role; quotes only where the contribution may be quoted. Everything else
that was said is counted, never printed word for word.
"""

from __future__ import annotations

from collections import Counter

from coprod_desktop.domain import privacy, wording
from coprod_desktop.domain.values import (
    LADDER_CREDIT,
    ActionStatus,
    ContributionKind,
    LadderRung,
    Role,
)
from coprod_desktop.language import _, ngettext
from coprod_desktop.reports import blocks as b
from coprod_desktop.reports import blocks_pdf
from coprod_desktop.reports.blocks import Block
from coprod_desktop.reports.charts import in_words
from coprod_desktop.reports.common import data_note, long_date, named, owner_label, role_counts, said_by
from coprod_desktop.reports.data import Options, SessionReport
from coprod_desktop.reports.layout import make_styles, render

method_words = wording.how_decided
who_agreed = privacy.who_agreed


def participant_summary(report: SessionReport, options: Options) -> bytes:
    st = make_styles(options.large_print)
    width = options.paper.size[0] - 36 * 2.8346
    return render(
        blocks_pdf.story(summary_blocks(report), st, width),
        paper_size=options.paper.size,
        title=report.session.title or _("Our meeting"),
        subject=_("Participant summary"),
        large_print=options.large_print,
    )


def summary_blocks(report: SessionReport) -> list[Block]:
    """The participant summary's content, in the language being spoken: the PDF and the
    accessible web page (reports/html_page.py) are both made from it."""
    s, people = report.session, report.people_by_id
    present = report.present
    out: list[Block] = [b.title(s.title or _("Our meeting"))]
    out.append(b.p(f"{report.group.name} · {wording.when_held(s)}" + (f" · {s.place}" if s.place else "")))
    if s.purpose.strip():
        out += [b.h1(_("Why we met")), b.p(s.purpose)]

    out.append(b.h1(_("Who took part")))
    if present:
        n = len(present)
        took_part = ngettext("{n} person took part: {roles}.", "{n} people took part: {roles}.", n).format(
            n=n, roles=role_counts(present)
        )
    else:
        took_part = _("No one was recorded as taking part.")
    out.append(b.p(took_part))
    if chosen := named(present):
        out.append(b.p(_("Taking part by name (they asked to be named): {names}.").format(names=", ".join(chosen))))

    if report.rules:
        out.append(b.h1(_("Our ground rules")))
        out += [b.item(r.text, own_words=True) for r in report.rules]

    if report.since_last_time:
        out.append(b.h1(_("Since last time: you said, we did")))
        for text, rb in report.since_last_time:
            note = f" {wording.sentence(rb.note)}" if rb.note else ""
            out.append(b.item(f"{text} — {rb.status.label}.{note}"))

    out.append(b.h1(_("We asked, you said")))
    out += _we_asked_you_said(report)

    out.append(b.h1(_("What we agreed, and how")))
    if report.decisions:
        for d in report.decisions:
            parts = (_("Decided {how}.").format(how=method_words(d)), wording.count_note(d, len(present)))
            how = " ".join(part for part in (*parts, who_agreed(d, people)) if part)
            out.append(b.keep(b.p(d.text, own_words=True), b.small(how)))
    else:
        out.append(b.p(_("We did not make decisions at this meeting.")))

    limits = [d for d in report.decisions if d.cannot_change.strip()]
    out.append(b.h1(_("What cannot change, and why")))
    out += [b.p(d.cannot_change, own_words=True) for d in limits] or [b.p(_("Nothing we discussed was ruled out."))]

    out.append(b.h1(_("What happens next")))
    open_actions = [a for a in report.actions if a.status is not ActionStatus.DROPPED]
    out += [b.item(_next_step(a, people)) for a in open_actions] or [b.p(_("No actions were agreed at this meeting."))]
    for a in (a for a in report.actions if a.status is ActionStatus.DROPPED):
        why = wording.sentence(a.status_reason or _("not recorded"))
        out.append(
            b.item(_("Not taken forward: {action} Why: {reason}").format(action=wording.sentence(a.what), reason=why))
        )

    out += _how_we_worked(report.self_check)
    out.append(b.h1(_("When you will hear back")))
    out.append(b.p(_hearing_back(report.next_session, bool(open_actions))))
    out += [b.h1(_("About your information")), b.small(data_note(report.group))]
    return out


def _how_we_worked(check) -> list[Block]:
    if check is None or not (sum(check.ladder_counts) or check.facilitator_rung):
        return []
    out = [b.h1(_("How we worked together"))]
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
        out.append(b.p(placed))
    if check.facilitator_rung:
        out.append(b.p(_("The facilitator's own rating: “{rung}”.").format(rung=check.facilitator_rung.label)))
    out.append(b.small(_(LADDER_CREDIT)))
    return out


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


def _we_asked_you_said(report: SessionReport) -> list[Block]:
    out: list[Block] = []
    people = report.people_by_id
    by_item: dict = {}
    for c in report.contributions:
        by_item.setdefault(c.agenda_item_id, []).append(c)
    titles = [(i.id, i.title) for i in report.items] + [(None, _("Other things people said"))]
    for item_id, title in titles:
        said = by_item.get(item_id, [])
        if not said:
            continue
        out.append(b.h2(title, own_words=item_id is not None))
        kinds = Counter(c.kind for c in said)
        counted = ", ".join(wording.kind_count(k, kinds[k]) for k in ContributionKind if kinds[k])
        out.append(b.p(_("You shared {counts}.").format(counts=counted)))
        out += [b.quote(c.text, said_by(c, people)) for c in said if privacy.may_quote_in(c, people)]
    if not report.contributions:
        out.append(b.p(_("Nothing was noted at this meeting.")))
        return out
    roles = privacy.contributions_by_role(report.contributions, people)
    labels = [r.label for r in Role if roles.get(r)] + ([_(privacy.ANONYMOUS)] if roles.get(None) else [])
    values = [roles[r] for r in Role if roles.get(r)] + ([roles[None]] if roles.get(None) else [])
    words = in_words(labels, [values], [_("contributions")])
    out.append(
        b.chart(b.Chart(_("Who spoke: contributions by role"), tuple(labels), tuple(values), _("Contributions"), words))
    )
    return out
