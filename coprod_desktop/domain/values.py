"""The fixed vocabularies of co-production: values, roles, kinds, rungs, states.

Each enum's value is the stable key stored in the archive; ``label`` is the
plain-English wording shown to people.
"""

from __future__ import annotations

from enum import Enum


class _Labelled(str, Enum):
    """A str enum whose members carry a human label as their second field."""

    label: str

    def __new__(cls, key: str, label: str = ""):
        member = str.__new__(cls, key)
        member._value_ = key
        member.label = label
        return member

    def __str__(self) -> str:  # pragma: no cover - convenience only
        return self.value

    @classmethod
    def parse(cls, key: str):
        """The member for ``key``; ValueError naming the choices otherwise."""
        try:
            return cls(key)
        except ValueError:
            choices = ", ".join(m.value for m in cls)
            raise ValueError(f"{key!r} is not one of: {choices}") from None


class CoproductionValue(_Labelled):
    """The five values every feature should serve (domain.md)."""

    STRENGTHS = ("strengths", "Value all participants and build on their strengths")
    NETWORKS = ("networks", "Develop networks across silos")
    WHAT_MATTERS = ("what_matters", "Do what matters to the people involved")
    TRUST_POWER = ("trust_power", "Build trust and share power")
    ENABLE_CHANGE = ("enable_change", "Enable people to make change happen")


class Role(_Labelled):
    SERVICE_USER = ("service_user", "Service user")
    PATIENT = ("patient", "Patient")
    CARER = ("carer", "Carer")
    PROFESSIONAL = ("professional", "Professional")
    OTHER = ("other", "Other")


class ContributionKind(_Labelled):
    IDEA = ("idea", "Idea")
    EXPERIENCE = ("experience", "Experience")
    CONCERN = ("concern", "Concern")
    QUESTION = ("question", "Question")
    STRENGTH = ("strength", "Strength")


class LadderRung(_Labelled):
    """Ladder of co-production (Think Local Act Personal), lowest rung first."""

    COERCION = ("coercion", "Coercion")
    EDUCATING = ("educating", "Educating")
    INFORMING = ("informing", "Informing")
    CONSULTATION = ("consultation", "Consultation")
    ENGAGEMENT = ("engagement", "Engagement")
    CO_DESIGN = ("co_design", "Co-design")
    CO_PRODUCTION = ("co_production", "Co-production")


LADDER_CREDIT = "Ladder of co-production © Think Local Act Personal"


class SessionState(_Labelled):
    PLANNED = ("planned", "Planned")
    LIVE = ("live", "Live")
    CLOSED = ("closed", "Closed")


class ShownInPrint(_Labelled):
    """How a participant may appear in printed outputs; role only is the safe default."""

    BY_NAME = ("name", "By name")
    ROLE_ONLY = ("role", "By role only")
    NOT_AT_ALL = ("none", "Not at all")


class ConsentBasis(_Labelled):
    """The lawful basis recorded for keeping a participant's details (UK GDPR)."""

    CONSENT = ("consent", "Consent")
    PUBLIC_TASK = ("public_task", "Public task")
    LEGITIMATE_INTERESTS = ("legitimate_interests", "Legitimate interests")
    NOT_RECORDED = ("not_recorded", "Not yet recorded")


class RuleOrigin(_Labelled):
    LIBRARY = ("library", "From the default library")
    GROUP = ("group", "The group's own")


class DecisionMethod(_Labelled):
    CONSENSUS = ("consensus", "Consensus")
    CONSENT = ("consent", "Consent (no objection)")
    VOTE = ("vote", "Vote")
    FIST_OF_FIVE = ("fist_of_five", "Fist of five")
    PROPOSAL_ACCEPTED = ("proposal_accepted", "Proposal accepted")


class ActionStatus(_Labelled):
    OPEN = ("open", "Open")
    DONE = ("done", "Done")
    DROPPED = ("dropped", "Dropped")


class ReportBackStatus(_Labelled):
    """What the group is told about an earlier action or decision ("you said, we did")."""

    DONE = ("done", "Done")
    IN_PROGRESS = ("in_progress", "In progress")
    DROPPED = ("dropped", "Dropped")
    NOT_POSSIBLE = ("not_possible", "Not possible")

    @property
    def final(self) -> bool:
        """Nothing more to report once an item is done, dropped or found not possible."""
        return self is not ReportBackStatus.IN_PROGRESS


class TokenismCheck(_Labelled):
    """Short yes/no checks against tokenism, asked at the end of a session."""

    LIVED_EXPERIENCE_AGENDA = ("lived_experience_agenda", "Did lived experience shape the agenda?")
    CONSTRAINTS_EXPLAINED = ("constraints_explained", "Were constraints explained?")
    SOMETHING_CHANGED = ("something_changed", "Did anything change because of what was said?")
    SUPPORT_NEEDS_MET = ("support_needs_met", "Were support needs met?")
    PRESSED_TO_SHARE = ("pressed_to_share", "Was anyone pressed to share a story?")
    REPORT_BACK_DATE = ("report_back_date", "Is there a date for reporting back?")
    DECISIONS_SHARED = ("decisions_shared", "Were decisions shared rather than announced?")
