"""Everything a session's documents need, as domain records (no archive access here)."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum

from reportlab.lib.pagesizes import A4, LETTER


class Document(str, Enum):
    PARTICIPANT = "participant"
    RECORD = "record"
    GROUP_REPORT = "group-report"
    EASY_READ = "easy-read"  # the participant summary in easy read


class Paper(str, Enum):
    A4 = "a4"
    LETTER = "letter"

    @property
    def size(self) -> tuple[float, float]:
        return A4 if self is Paper.A4 else LETTER


@dataclass(frozen=True)
class Options:
    document: Document = Document.PARTICIPANT
    paper: Paper = Paper.A4
    large_print: bool = False
    support_needs: bool = False  # full record only, and only when asked for
    password: str = field(default="", repr=False)  # a full record's: the PDF opens only with it
    language: str = ""  # "cy", "en" or "both" (Welsh first); none: the language being spoken


@dataclass
class SessionReport:
    group: object
    session: object
    items: list
    rules: list
    people: list  # the group's roster
    attending: frozenset
    contributions: list
    decisions: list
    actions: list
    draws: list = field(default_factory=list)
    cards: dict = field(default_factory=dict)  # card key -> Card
    reminders: list = field(default_factory=list)  # SessionEvents of ground rules pointed to
    next_session: object | None = None
    support_labels: dict = field(default_factory=dict)  # need key -> label
    since_last_time: list = field(default_factory=list)  # (what was owed, its ReportBack) given at this session
    self_check: object | None = None
    now: str = ""  # when the report was gathered (ISO, UTC): an item still running counts up to it

    @property
    def people_by_id(self) -> dict:
        return {p.id: p for p in self.people}

    @property
    def present(self) -> list:
        return [p for p in self.people if p.id in self.attending]


@dataclass
class GroupReport:
    """A group's whole story across its sessions."""

    group: object
    sessions: list  # oldest first
    people: list
    attendance: dict  # session id -> frozenset of participant ids
    contributions: dict  # session id -> list
    decisions: list
    actions: list
    report_backs: list
    outcomes: list
    evidence: dict  # outcome id -> list
    self_checks: dict  # session id -> SelfCheck

    @property
    def people_by_id(self) -> dict:
        return {p.id: p for p in self.people}
