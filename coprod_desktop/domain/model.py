"""Domain records. Every record has a UUID so archives from different laptops
can be merged without clashes; times are ISO 8601 strings in UTC."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta

from coprod_desktop.domain.values import ConsentBasis, Role, RuleOrigin, SessionState, ShownInPrint


def new_id() -> str:
    import uuid  # on first use: on Python 3.11 it imports `platform`, ~1 ms the planner need not pay at start

    return str(uuid.uuid4())


_last_stamp = [""]
_stamp_lock = threading.Lock()


def now_iso() -> str:
    """The time now in UTC, strictly later than any earlier call in this process,
    so records made in the same instant (a burst of captures) keep their order."""
    with _stamp_lock:
        stamp = datetime.now(UTC).isoformat(timespec="microseconds")
        if stamp <= _last_stamp[0]:
            later = datetime.fromisoformat(_last_stamp[0]) + timedelta(microseconds=1)
            stamp = later.isoformat(timespec="microseconds")
        _last_stamp[0] = stamp
        return stamp


@dataclass(frozen=True)
class Group:
    name: str
    description: str = ""
    id: str = field(default_factory=new_id)
    created_at: str = field(default_factory=now_iso)
    updated_at: str = field(default_factory=now_iso)


@dataclass(frozen=True)
class Session:
    group_id: str
    title: str
    purpose: str = ""
    date: date | None = None
    start_time: str = "10:00"  # HH:MM, local to the room
    length_minutes: int = 120
    place: str = ""
    facilitators: str = ""
    state: SessionState = SessionState.PLANNED
    actual_start: str | None = None
    actual_end: str | None = None
    current_item_id: str | None = None  # the agenda item being run
    id: str = field(default_factory=new_id)
    created_at: str = field(default_factory=now_iso)
    updated_at: str = field(default_factory=now_iso)


@dataclass(frozen=True)
class AgendaItem:
    session_id: str
    title: str
    planned_minutes: int = 15
    notes: str = ""
    position: int = 0
    actual_start: str | None = None
    actual_end: str | None = None
    extra_minutes: int = 0  # added live with "+5 minutes"
    paused_seconds: int = 0
    paused_at: str | None = None
    id: str = field(default_factory=new_id)


@dataclass(frozen=True)
class GroundRule:
    session_id: str
    text: str
    origin: RuleOrigin = RuleOrigin.GROUP
    library_key: str | None = None
    position: int = 0
    id: str = field(default_factory=new_id)


@dataclass(frozen=True)
class Participant:
    """A member of a group's roster. Support needs are needs, never diagnoses."""

    group_id: str
    preferred_name: str
    pronouns: str = ""
    roles: tuple[Role, ...] = ()
    organisation: str = ""
    strengths: str = ""
    networks: str = ""
    support_needs: tuple[str, ...] = ()  # keys of the support-needs checklist
    support_notes: str = ""
    shown_in_print: ShownInPrint = ShownInPrint.ROLE_ONLY
    consent_basis: ConsentBasis = ConsentBasis.NOT_RECORDED
    consent_date: date | None = None
    consent_notes: str = ""  # what the person was told
    id: str = field(default_factory=new_id)
    created_at: str = field(default_factory=now_iso)
    updated_at: str = field(default_factory=now_iso)

    @property
    def roles_label(self) -> str:
        return ", ".join(r.label for r in self.roles) or "No role given"


# The records of running a session and of closing the loop live in their own
# modules and are built on first use (PEP 562): each frozen dataclass costs about
# half a millisecond to create, and the planner opens without them. The imports
# are spelled out so that PyInstaller's analysis finds both modules.
_LIVE = frozenset(("Contribution", "Decision", "Action", "SessionEvent", "GroupCard", "CardDraw"))
_LOOP = frozenset(("ReportBack", "Outcome", "OutcomeEvidence", "SelfCheck"))


def __getattr__(name: str):
    if name in _LIVE:
        from coprod_desktop.domain import live_records as module
    elif name in _LOOP:
        from coprod_desktop.domain import loop_records as module
    else:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(module, name)
    globals()[name] = value
    return value
