"""Closing the loop: report-backs, the group's outcomes and their evidence, self-checks."""

from __future__ import annotations

from dataclasses import dataclass, field

from coprod_desktop.domain.records.base import new_id, now_iso
from coprod_desktop.domain.values import LadderRung, ReportBackStatus


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
    phone_ladder_counts: tuple[int, ...] = ()  # the phones' share of ladder_counts
    id: str = field(default_factory=new_id)
    updated_at: str = field(default_factory=now_iso)
