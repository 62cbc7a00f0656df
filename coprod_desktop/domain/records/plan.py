"""The records of planning: groups, sessions, their agenda and ground rules, the roster."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from coprod_desktop.domain.records.base import new_id, now_iso
from coprod_desktop.domain.values import ConsentBasis, PaperLanguage, Role, RuleOrigin, SessionState, ShownInPrint
from coprod_desktop.language import _


@dataclass(frozen=True)
class Group:
    name: str
    description: str = ""
    retention_years: int = 2  # kept this long after the group's last session, then erased
    data_contact: str = ""  # who people ask to see, correct or remove what is held about them
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
    withdrawn_on: date | None = None  # consent withdrawn: from then on shown "not at all"
    left_on: date | None = None  # left the group: kept in the sessions they came to, offered for no new one
    known_as: str = ""  # another spelling to type them by (a Latin spelling of an Arabic name); never printed
    language: PaperLanguage = PaperLanguage.NOT_SAID  # their papers in: Welsh, English or both
    id: str = field(default_factory=new_id)
    created_at: str = field(default_factory=now_iso)
    updated_at: str = field(default_factory=now_iso)

    @property
    def roles_label(self) -> str:
        return ", ".join(r.label for r in self.roles) or _("No role given")


@dataclass(frozen=True)
class AgendaTemplate:
    """An agenda saved to start others from: its items' titles and minutes (no notes)."""

    name: str
    titles: tuple[str, ...] = ()
    minutes: tuple[int, ...] = ()
    id: str = field(default_factory=new_id)
    created_at: str = field(default_factory=now_iso)


@dataclass(frozen=True)
class Attendance:
    """That a person of the roster was there: kept as a pair, with no other fields."""

    session_id: str
    participant_id: str
