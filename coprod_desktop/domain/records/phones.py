"""What arrives from participants' own phones: things said, waiting for the facilitator,
and the rounds the room answers (fist of five, consent, a vote, the ladder)."""

from __future__ import annotations

from dataclasses import dataclass, field

from coprod_desktop.domain.records.base import new_id, now_iso
from coprod_desktop.domain.values import ContributionKind, PostState, RoundKind


@dataclass(frozen=True)
class PhonePost:
    """Something said from a phone. ``participant_id`` is set only when the sender chose to
    be themselves, by the personal code the facilitator gave them; otherwise no one.
    ``device`` is a number for the phone in this opening of the room, never its cookie."""

    session_id: str
    text: str
    kind: ContributionKind = ContributionKind.IDEA
    participant_id: str | None = None
    quote_allowed: bool = False
    agenda_item_id: str | None = None
    card_key: str | None = None
    device: str = ""
    state: PostState = PostState.WAITING
    contribution_id: str | None = None  # once accepted into the record
    id: str = field(default_factory=new_id)
    created_at: str = field(default_factory=now_iso)


@dataclass(frozen=True)
class PhoneRound:
    """A question the facilitator opens to the phones. Its answers stay hidden (on the
    room view and the phones) until ``revealed_at``."""

    session_id: str
    kind: RoundKind
    question: str = ""
    agenda_item_id: str | None = None
    opened_at: str = field(default_factory=now_iso)
    closed_at: str | None = None
    revealed_at: str | None = None
    id: str = field(default_factory=new_id)


@dataclass(frozen=True)
class RoundAnswer:
    """One phone's answer to a round (a later answer from the same phone replaces it).
    Never linked to a person: answers are counted, not named."""

    round_id: str
    session_id: str
    answer: str
    reason: str = ""  # why, for an objection
    device: str = ""
    id: str = field(default_factory=new_id)
    created_at: str = field(default_factory=now_iso)
