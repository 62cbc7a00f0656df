"""In the room: pointing to a ground rule (logged with the time and the item, never a
person) and the self-check at the end, by show of hands."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from coprod_desktop.app.deck import live_only
from coprod_desktop.app.edits import AddRecord, Edit, EditRecord
from coprod_desktop.domain import privacy
from coprod_desktop.domain.records import Contribution, GroundRule, SelfCheck, Session, SessionEvent
from coprod_desktop.language import _
from coprod_desktop.storage import Archive

REMINDER = "rule_reminder"


def point_to_rule(archive: Archive, session_id: str, rule: GroundRule) -> AddRecord:
    """Log that the group was reminded of ``rule``, at the item being run."""
    session = archive.get(Session, session_id)
    live_only(
        session, _("Pointing to a ground rule is for a session while it runs. Reopen the session first (it asks).")
    )
    event = SessionEvent(session_id, REMINDER, session.current_item_id, rule.text)
    return AddRecord(event, _("Point to a ground rule"))


def heard(archive: Archive, session_id: str, limit: int) -> list[Contribution]:
    """The newest contributions whose words the room view may show, newest first: those
    typed on a phone only if their sender let them be quoted (privacy.may_project)."""
    recent = archive.recent_unless_phone_unquotable(session_id, limit)  # past any run kept off
    from_phones = archive.sent_by_phone([c.id for c in recent])
    return [c for c in recent if privacy.may_project(c, c.id in from_phones)]


def answers(check: SelfCheck | None) -> dict[str, str]:
    """The tokenism checks answered so far: check -> "yes" / "no"."""
    return dict(a.split("=", 1) for a in (check.answers if check else ()) if "=" in a)


def with_answer(check: SelfCheck | None, question: str, answer: str) -> tuple[str, ...]:
    given = answers(check)
    given[question] = answer
    return tuple(f"{k}={v}" for k, v in sorted(given.items()))


def self_check(archive: Archive, session_id: str, **fields: Any) -> Edit | None:
    """Keep part of a session's self-check (hands per rung, the facilitator's rating, an
    answer): the first part makes it, later ones change it; None if nothing changed."""
    check = archive.self_check(session_id)
    if check is None:
        return AddRecord(replace(SelfCheck(session_id), **fields), _("Self-check"))
    old = {k: getattr(check, k) for k in fields}
    if old == fields:
        return None
    return EditRecord(SelfCheck, check.id, old, fields, _("Self-check"))
