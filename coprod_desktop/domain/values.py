"""The fixed vocabularies of co-production: values, roles, kinds, rungs, states.

Each enum's value is the stable key stored in the archive; ``label`` is the
plain wording shown to people, in the language being spoken (the English is
written here, marked for the catalogue; ``english`` gives it untranslated).
"""

from __future__ import annotations

from enum import Enum

from coprod_desktop.language import N_, _


class _Labelled(str, Enum):
    """A str enum whose members carry a human label as their second field."""

    _english: str

    def __new__(cls, key: str, label: str = ""):
        member = str.__new__(cls, key)
        member._value_ = key
        member._english = label
        return member

    @property
    def label(self) -> str:
        """The label in the language being spoken."""
        return _(self._english) if self._english else ""

    @property
    def english(self) -> str:
        return self._english

    def __str__(self) -> str:  # pragma: no cover - convenience only
        return self.value

    @classmethod
    def parse(cls, key: str):
        """The member for ``key``; ValueError naming the choices otherwise."""
        try:
            return cls(key)
        except ValueError:
            choices = ", ".join(m.value for m in cls)
            raise ValueError(_("{key} is not one of: {choices}").format(key=repr(key), choices=choices)) from None


class CoproductionValue(_Labelled):
    """The five values every feature should serve (domain.md)."""

    STRENGTHS = ("strengths", N_("Value all participants and build on their strengths"))
    NETWORKS = ("networks", N_("Develop networks across silos"))
    WHAT_MATTERS = ("what_matters", N_("Do what matters to the people involved"))
    TRUST_POWER = ("trust_power", N_("Build trust and share power"))
    ENABLE_CHANGE = ("enable_change", N_("Enable people to make change happen"))


class Role(_Labelled):
    SERVICE_USER = ("service_user", N_("Service user"))
    PATIENT = ("patient", N_("Patient"))
    CARER = ("carer", N_("Carer"))
    PROFESSIONAL = ("professional", N_("Professional"))
    OTHER = ("other", N_("Other"))


class ContributionKind(_Labelled):
    IDEA = ("idea", N_("Idea"))
    EXPERIENCE = ("experience", N_("Experience"))
    CONCERN = ("concern", N_("Concern"))
    QUESTION = ("question", N_("Question"))
    STRENGTH = ("strength", N_("Strength"))


class LadderRung(_Labelled):
    """Ladder of co-production (Think Local Act Personal), lowest rung first."""

    COERCION = ("coercion", N_("Coercion"))
    EDUCATING = ("educating", N_("Educating"))
    INFORMING = ("informing", N_("Informing"))
    CONSULTATION = ("consultation", N_("Consultation"))
    ENGAGEMENT = ("engagement", N_("Engagement"))
    CO_DESIGN = ("co_design", N_("Co-design"))
    CO_PRODUCTION = ("co_production", N_("Co-production"))


LADDER_CREDIT = N_("Ladder of co-production © Think Local Act Personal")  # shown with _()


class SessionState(_Labelled):
    PLANNED = ("planned", N_("Planned"))
    LIVE = ("live", N_("Live"))
    CLOSED = ("closed", N_("Closed"))


class ShownInPrint(_Labelled):
    """How a participant may appear in printed outputs; role only is the safe default."""

    BY_NAME = ("name", N_("By name"))
    ROLE_ONLY = ("role", N_("By role only"))
    NOT_AT_ALL = ("none", N_("Not at all"))


class PaperLanguage(_Labelled):
    """The language a person wants their papers in (each language named in itself)."""

    NOT_SAID = ("", N_("Not said (the language the app is in)"))
    WELSH = ("cy", N_("Cymraeg"))
    ENGLISH = ("en", N_("English"))
    BOTH = ("both", N_("Cymraeg and English (Welsh first)"))


class ConsentBasis(_Labelled):
    """The lawful basis recorded for keeping a participant's details (UK GDPR)."""

    CONSENT = ("consent", N_("Consent"))
    PUBLIC_TASK = ("public_task", N_("Public task"))
    LEGITIMATE_INTERESTS = ("legitimate_interests", N_("Legitimate interests"))
    NOT_RECORDED = ("not_recorded", N_("Not yet recorded"))


class RuleOrigin(_Labelled):
    LIBRARY = ("library", N_("From the default library"))
    GROUP = ("group", N_("The group's own"))


class DecisionMethod(_Labelled):
    CONSENSUS = ("consensus", N_("Consensus"))
    CONSENT = ("consent", N_("Consent (no objection)"))
    VOTE = ("vote", N_("Vote"))
    FIST_OF_FIVE = ("fist_of_five", N_("Fist of five"))
    PROPOSAL_ACCEPTED = ("proposal_accepted", N_("Proposal accepted"))


class RoundKind(_Labelled):
    """What a round asks the phones (see domain/rounds.py for the answers each takes)."""

    FIST_OF_FIVE = ("fist_of_five", N_("Fist of five"))
    CONSENT = ("consent", N_("Consent"))
    VOTE = ("vote", N_("Vote"))
    LADDER = ("ladder", N_("Ladder self-check"))


class PostState(_Labelled):
    """Where something said from a phone stands."""

    WAITING = ("waiting", N_("Waiting"))
    ACCEPTED = ("accepted", N_("Accepted"))
    SET_ASIDE = ("set_aside", N_("Set aside"))


class ActionStatus(_Labelled):
    OPEN = ("open", N_("Open"))
    DONE = ("done", N_("Done"))
    DROPPED = ("dropped", N_("Dropped"))


class ReportBackStatus(_Labelled):
    """What the group is told about an earlier action or decision ("you said, we did")."""

    DONE = ("done", N_("Done"))
    IN_PROGRESS = ("in_progress", N_("In progress"))
    DROPPED = ("dropped", N_("Dropped"))
    NOT_POSSIBLE = ("not_possible", N_("Not possible"))

    @property
    def final(self) -> bool:
        """Nothing more to report once an item is done, dropped or found not possible."""
        return self is not ReportBackStatus.IN_PROGRESS


class TokenismCheck(_Labelled):
    """Short yes/no checks against tokenism, asked at the end of a session."""

    LIVED_EXPERIENCE_AGENDA = ("lived_experience_agenda", N_("Did lived experience shape the agenda?"))
    CONSTRAINTS_EXPLAINED = ("constraints_explained", N_("Were constraints explained?"))
    SOMETHING_CHANGED = ("something_changed", N_("Did anything change because of what was said?"))
    SUPPORT_NEEDS_MET = ("support_needs_met", N_("Were support needs met?"))
    PRESSED_TO_SHARE = ("pressed_to_share", N_("Was anyone pressed to share a story?"))
    REPORT_BACK_DATE = ("report_back_date", N_("Is there a date for reporting back?"))
    DECISIONS_SHARED = ("decisions_shared", N_("Were decisions shared rather than announced?"))
