"""The loop across sessions: we asked -> you said -> we agreed -> we did (or did not, and why)."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from coprod_desktop.domain.values import ActionStatus
from coprod_desktop.language import _


@dataclass(frozen=True)
class OpenItems:
    actions: tuple  # actions not done, with no final report-back yet
    decisions: tuple  # decisions with no final report-back yet


def latest_reports(report_backs: Sequence) -> dict[str, Any]:
    """The most recent report-back for each action or decision id."""
    latest: dict[str, Any] = {}
    for rb in sorted(report_backs, key=lambda r: r.at):
        for key in (rb.action_id, rb.decision_id):
            if key:
                latest[key] = rb
    return latest


def held_from(sessions: Sequence, session) -> frozenset[str]:
    """Ids of ``session`` and of the sessions held after it: what was made there is not
    yet owed at ``session``. See ``held_order``."""
    at = held_order(session)
    return frozenset(s.id for s in sessions if held_order(s) >= at) | {session.id}


def held_order(session) -> tuple:
    """When a session is held: its date, or the day it was run if it had none; then its
    start time (a morning and an afternoon session on one day), when it was run, and
    when it was planned. A session with no date that has not been run comes last."""
    day = session.date
    if day is None and session.actual_start:
        day = date.fromisoformat(session.actual_start[:10])
    return (day is None, day or date.min, session.start_time or "", session.actual_start or "", session.created_at)


def open_items(
    actions: Sequence, decisions: Sequence, report_backs: Sequence, *, not_due_at: Collection[str] = ()
) -> OpenItems:
    """What is still owed to the group. Items made in the sessions of ``not_due_at`` (the one
    being run and any held after it, see ``held_from``) are not owed there."""
    latest = latest_reports(report_backs)
    not_due = frozenset(not_due_at)

    def still_open(record_id: str) -> bool:
        rb = latest.get(record_id)
        return rb is None or not rb.status.final

    return OpenItems(
        tuple(a for a in actions if a.session_id not in not_due and a.status is ActionStatus.OPEN and still_open(a.id)),
        tuple(d for d in decisions if d.session_id not in not_due and still_open(d.id)),
    )


@dataclass(frozen=True)
class ActionTrail:
    action: object
    report: object | None  # the latest report-back, if any


@dataclass(frozen=True)
class DecisionTrail:
    decision: object
    actions: tuple  # ActionTrail
    report: object | None


def trails(contribution_id: str, decisions: Sequence, actions: Sequence, report_backs: Sequence) -> tuple:
    """From something said: the decisions that answered it, their actions, what was reported back."""
    latest = latest_reports(report_backs)
    found = []
    for d in decisions:
        if contribution_id in d.contribution_ids:
            acts = tuple(ActionTrail(a, latest.get(a.id)) for a in actions if a.decision_id == d.id)
            found.append(DecisionTrail(d, acts, latest.get(d.id)))
    return tuple(found)


def origin(action, decisions: Sequence, contributions: Sequence) -> tuple:
    """Where an action came from: its decision (if any) and the contributions that decision answered."""
    decision = next((d for d in decisions if d.id == action.decision_id), None)
    said = tuple(c for c in contributions if decision and c.id in decision.contribution_ids)
    return decision, said


def not_taken_forward(actions: Sequence, report_backs: Sequence) -> tuple:
    """Actions dropped or found not possible, each with the reason the group was given."""
    latest = latest_reports(report_backs)
    out = []
    for a in actions:
        rb = latest.get(a.id)
        if rb is not None and rb.status.value in ("dropped", "not_possible"):
            out.append((a, rb.note or a.status_reason))
        elif rb is None and a.status is ActionStatus.DROPPED:
            out.append((a, a.status_reason))
    return tuple(out)


def closing_change(status, note: str) -> dict | None:
    """How a report-back changes the action it is about: a final one closes it
    (done, or dropped with the reason); "in progress" leaves it open."""
    from coprod_desktop.domain.values import ReportBackStatus

    if not status.final:
        return None
    if status is ReportBackStatus.DONE:
        return {"status": ActionStatus.DONE, "status_reason": ""}
    # Kept as the action's reason, in the words of the language it was reported in.
    reason = (
        note
        if status is ReportBackStatus.DROPPED
        else (_("Not possible: {note}").format(note=note) if note else _("Not possible"))
    )
    return {"status": ActionStatus.DROPPED, "status_reason": reason}
