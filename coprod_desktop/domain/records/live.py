"""What a live session records: contributions, decisions, actions, events, cards."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from coprod_desktop.domain.records.base import new_id, now_iso
from coprod_desktop.domain.values import ActionStatus, ContributionKind, CoproductionValue, DecisionMethod, Role


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
    # The phones' share of the counts above (which hold everyone's): for a vote (for,
    # against, abstain), a fist of five (0 to 5), consent (can live with it, object).
    phone_counts: tuple[int, ...] = ()
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
