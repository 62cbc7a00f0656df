"""Closing the loop across sessions: what is still owed to the group at a session,
reporting back on it, and the group's "you said, we did"."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from coprod_desktop.app.edits import AddRecord, Edit, EditRecord, Together
from coprod_desktop.domain import privacy
from coprod_desktop.domain.loop import closing_change, held_from, held_order, not_taken_forward, open_items, trails
from coprod_desktop.domain.records import Action, ReportBack, Session
from coprod_desktop.domain.values import ReportBackStatus
from coprod_desktop.domain.wording import short_date
from coprod_desktop.language import _
from coprod_desktop.storage import Archive


@dataclass(frozen=True)
class Owed:
    """One thing an earlier session still owes the group, in words for the facilitator."""

    record: Any  # the Action or Decision
    kind: str  # "Action" or "Decision", in the language spoken
    text: str
    origin: str  # where it came from: "“title” 02 Nov 2026"
    owner: str  # for an action: who owns it (facilitator's words); "" for a decision


@dataclass(frozen=True)
class SinceLastTime:
    owed: tuple[Owed, ...]
    given: tuple[str, ...]  # what was reported back at this session, as lines


def since_last_time(archive: Archive, session: Session) -> SinceLastTime:
    group_id = session.group_id
    sessions = {s.id: s for s in archive.sessions(group_id)}
    reports = archive.report_backs(group_id=group_id)
    actions, decisions = archive.group_actions(group_id), archive.group_decisions(group_id)
    people = {p.id: p for p in archive.participants(group_id)}
    items = open_items(actions, decisions, reports, not_due_at=held_from(list(sessions.values()), session))
    owed = []
    for record in (*items.actions, *items.decisions):
        is_action = isinstance(record, Action)
        owed.append(
            Owed(
                record,
                _("Action") if is_action else _("Decision"),
                record.what if is_action else record.text,
                _origin(sessions.get(record.session_id)),
                privacy.owner(record, people, privacy.Audience.FACILITATOR) if is_action else "",
            )
        )
    texts = {a.id: a.what for a in actions} | {d.id: d.text for d in decisions}
    given = tuple(
        _given(rb, texts.get(rb.action_id or rb.decision_id or "")) for rb in reports if rb.session_id == session.id
    )
    return SinceLastTime(tuple(owed), given)


def _origin(origin: Session | None) -> str:
    """Where something owed came from: "“title” 02 Nov 2026"."""
    title = origin.title if origin else "?"
    when = short_date(origin.date if origin else None, "")
    return _("“{title}” {date}").format(title=title, date=when) if when else _("“{title}”").format(title=title)


def _given(rb: ReportBack, text: str | None) -> str:
    """One line of what was reported back: "Done: the checklist — handed out"."""
    what = text if text is not None else _("(deleted)")
    if rb.note:
        return _("{status}: {what} — {note}").format(status=rb.status.label, what=what, note=rb.note)
    return _("{status}: {what}").format(status=rb.status.label, what=what)


def already_reported(archive: Archive, session: Session, record: Any, status: ReportBackStatus) -> bool:
    """True if ``record`` was last reported back at ``session`` with this same status: a
    second press of the same button records nothing more."""
    key = "action_id" if isinstance(record, Action) else "decision_id"
    said = [rb for rb in archive.report_backs(session_id=session.id) if getattr(rb, key) == record.id]
    return bool(said) and said[-1].status is status


def report_back(session: Session, record: Any, status: ReportBackStatus, note: str = "") -> Edit:
    """Say at ``session`` what happened to an earlier action or decision. A final word on an
    action also closes it (done, or dropped with the reason), in the same step."""
    is_action = isinstance(record, Action)
    rb = ReportBack(
        session.id,
        status,
        note,
        action_id=record.id if is_action else None,
        decision_id=None if is_action else record.id,
    )
    steps: list[Edit] = [AddRecord(rb, _("Report back"))]
    change = closing_change(status, note) if is_action else None
    if change:
        old = {k: getattr(record, k) for k in change}
        steps.append(EditRecord(Action, record.id, old, change, _("Close the action")))
    return Together(_("Report back: {status}").format(status=status.label.lower()), steps)


@dataclass(frozen=True)
class Path:
    """A contribution that led somewhere, with each decision and its actions."""

    said: str  # "“words” — who, when"
    kind: str
    decisions: tuple[tuple[str, str, tuple[tuple[str, str], ...]], ...]  # (decision, its report, ((action, status)…))


def _status(action: Action, report: Any) -> str:
    if report is not None:
        status, why = report.status.label, report.note
    else:
        status, why = action.status.label, action.status_reason
    return _("{status}: {what}").format(status=status, what=why) if why else status


def you_said_we_did(archive: Archive, group_id: str) -> tuple[tuple[Path, ...], tuple[tuple[str, str], ...]]:
    """Every contribution that led to a decision (its speaker as privacy allows in print), and
    what was not taken forward with the reason the group was given."""
    people = {p.id: p for p in archive.participants(group_id)}
    decisions, actions = archive.group_decisions(group_id), archive.group_actions(group_id)
    reports = archive.report_backs(group_id=group_id)
    paths = []
    for session in sorted(archive.sessions(group_id), key=held_order):
        for c in archive.contributions(session.id):
            found = trails(c.id, decisions, actions, reports)
            if not found:
                continue
            who = privacy.speaker_in(c, people, privacy.Audience.PRINT)
            when = short_date(session.date, session.title)
            said = _("“{words}” — {who}, {when}").format(words=c.text, who=who, when=when)
            paths.append(
                Path(
                    said,
                    c.kind.label,
                    tuple(
                        (
                            t.decision.text,
                            t.report.status.label if t.report else "",
                            tuple((at.action.what, _status(at.action, at.report)) for at in t.actions),
                        )
                        for t in found
                    ),
                )
            )
    dropped = tuple(
        (action.what, reason or _("No reason recorded")) for action, reason in not_taken_forward(actions, reports)
    )
    return tuple(paths), dropped
