"""Domain records. Every record has a UUID so archives from different laptops
can be merged without clashes; times are ISO 8601 strings in UTC."""

from __future__ import annotations

import threading
import uuid
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone

from coprod_desktop.domain.values import (
    ActionStatus,
    CoproductionValue,
    ConsentBasis,
    ContributionKind,
    DecisionMethod,
    LadderRung,
    ReportBackStatus,
    Role,
    RuleOrigin,
    SessionState,
    ShownInPrint,
)


def new_id() -> str:
    return str(uuid.uuid4())


_last_stamp = [""]
_stamp_lock = threading.Lock()


def now_iso() -> str:
    """The time now in UTC, strictly later than any earlier call in this process,
    so records made in the same instant (a burst of captures) keep their order."""
    with _stamp_lock:
        stamp = datetime.now(timezone.utc).isoformat(timespec="microseconds")
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


@dataclass(frozen=True)
class Contribution:
    """Something said in the room. Attributed to a participant, to a role only, or to no one."""

    session_id: str
    text: str
    kind: ContributionKind = ContributionKind.IDEA
    agenda_item_id: str | None = None
    participant_id: str | None = None
    role: Role | None = None
    quote_allowed: bool = False
    card_key: str | None = None  # the prompt card on the table when it was said
    id: str = field(default_factory=new_id)
    created_at: str = field(default_factory=now_iso)


@dataclass(frozen=True)
class Decision:
    """What the group decided, how, and who agreed (people present, or counts only)."""

    session_id: str
    text: str
    method: DecisionMethod = DecisionMethod.CONSENSUS
    votes_for: int | None = None
    votes_against: int | None = None
    votes_abstain: int | None = None
    fist_counts: tuple[int, ...] = ()  # how many showed 0, 1, ... 5 fingers
    agreed_by: tuple[str, ...] = ()  # participant ids
    agreed_count: int | None = None  # when only a number was noted
    cannot_change: str = ""
    contribution_ids: tuple[str, ...] = ()  # what it answers
    id: str = field(default_factory=new_id)
    created_at: str = field(default_factory=now_iso)


@dataclass(frozen=True)
class Action:
    session_id: str
    what: str
    owner: str = ""  # the organisation or anyone else, in words
    owner_participant_id: str | None = None
    owner_role: Role | None = None
    due_date: date | None = None
    status: ActionStatus = ActionStatus.OPEN
    status_reason: str = ""
    decision_id: str | None = None
    id: str = field(default_factory=new_id)
    created_at: str = field(default_factory=now_iso)


@dataclass(frozen=True)
class SessionEvent:
    """Something that happened while running a session: started, moved, paused,
    ended, reopened, a ground rule pointed to. Never names a person."""

    session_id: str
    kind: str
    agenda_item_id: str | None = None
    detail: str = ""
    at: str = field(default_factory=now_iso)
    id: str = field(default_factory=new_id)


@dataclass(frozen=True)
class GroupCard:
    """A prompt card a group wrote for itself."""

    group_id: str
    text: str
    category: str
    value: CoproductionValue
    retired: bool = False
    id: str = field(default_factory=new_id)
    created_at: str = field(default_factory=now_iso)


@dataclass(frozen=True)
class CardDraw:
    """A card drawn in a session; on the table until put down."""

    session_id: str
    card_key: str
    drawn_at: str = field(default_factory=now_iso)
    asked_at: str | None = None
    put_down_at: str | None = None
    id: str = field(default_factory=new_id)


@dataclass(frozen=True)
class ReportBack:
    """At this session, the group was told what became of an earlier action or decision."""

    session_id: str
    status: ReportBackStatus
    note: str = ""  # what happened, or why not
    action_id: str | None = None
    decision_id: str | None = None
    at: str = field(default_factory=now_iso)
    id: str = field(default_factory=new_id)


@dataclass(frozen=True)
class Outcome:
    """What the group says would make a difference in people's lives, in its own words."""

    group_id: str
    text: str
    id: str = field(default_factory=new_id)
    created_at: str = field(default_factory=now_iso)


@dataclass(frozen=True)
class OutcomeEvidence:
    outcome_id: str
    text: str
    session_id: str | None = None
    at: str = field(default_factory=now_iso)
    id: str = field(default_factory=new_id)


@dataclass(frozen=True)
class SelfCheck:
    """Where the session sat on the ladder (hands counted per rung, lowest first) and the checks."""

    session_id: str
    ladder_counts: tuple[int, ...] = (0, 0, 0, 0, 0, 0, 0)
    facilitator_rung: LadderRung | None = None
    answers: tuple[str, ...] = ()  # "check_key=yes" / "check_key=no"
    id: str = field(default_factory=new_id)
    updated_at: str = field(default_factory=now_iso)
