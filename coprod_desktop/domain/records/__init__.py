"""The domain's records: frozen dataclasses with no I/O, each with a UUID.

Planning (``plan``), running a session (``live``) and closing the loop
(``loop``); all are importable from here.
"""

from coprod_desktop.domain.records.base import new_id, now_iso
from coprod_desktop.domain.records.live import Action, CardDraw, Contribution, Decision, GroupCard, SessionEvent
from coprod_desktop.domain.records.loop import Outcome, OutcomeEvidence, ReportBack, SelfCheck
from coprod_desktop.domain.records.phones import PhonePost, PhoneRound, RoundAnswer
from coprod_desktop.domain.records.plan import (
    AgendaItem,
    AgendaTemplate,
    Attendance,
    GroundRule,
    Group,
    Participant,
    Session,
)

__all__ = [
    "Action",
    "AgendaItem",
    "AgendaTemplate",
    "Attendance",
    "CardDraw",
    "Contribution",
    "Decision",
    "GroundRule",
    "Group",
    "GroupCard",
    "Outcome",
    "OutcomeEvidence",
    "Participant",
    "PhonePost",
    "PhoneRound",
    "ReportBack",
    "RoundAnswer",
    "SelfCheck",
    "Session",
    "SessionEvent",
    "new_id",
    "now_iso",
]
