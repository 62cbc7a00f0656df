"""Fixed words that reach a person, from one place: dates, counts and plurals, lists,
how a decision was reached.

Every phrase is a whole template in the catalogue (``coprod_desktop.language``), in the
language being spoken; counts go through ``ngettext`` (Welsh has six plural forms) and
dates through ``coprod_desktop.language.dates``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date
from typing import Any

from coprod_desktop.domain import rounds
from coprod_desktop.domain.text import fold
from coprod_desktop.domain.timing import parse_time
from coprod_desktop.domain.values import ContributionKind, DecisionMethod, Role
from coprod_desktop.language import N_, _, dates, ngettext, pgettext


def short_date(day: date | None, missing: str | None = None) -> str:
    """02 Nov 2026: lists, headings, table cells; ``missing`` (else "no date") for none."""
    if not day:
        return _("no date") if missing is None else missing
    return dates.short_date(day)


def long_date(day: date | None, missing: str | None = None) -> str:
    """Monday 2 November 2026: what a reader is told; ``missing`` (else "date not set") for none."""
    if not day:
        return _("date not set") if missing is None else missing
    return dates.long_date(day)


def sentence(text: str) -> str:
    """``text`` as a sentence: a full stop added only if it does not already end in one
    (or in ! ? …), so "…in March." never prints as "…in March.."."""
    text = text.strip()
    return text if not text or text[-1] in ".!?…" or text.endswith((".”", ".'", '."')) else text + "."


def when_held(session: Any) -> str:
    """The day a session ran ("Tuesday 1 December 2026"), and the day it was planned for
    when that was another; the planned day if it has not run."""
    started = parse_time(session.actual_start)
    ran = started.astimezone().date() if started else None
    if ran is None:
        return long_date(session.date)
    if session.date and session.date != ran:
        return _("{held} (planned for {planned})").format(held=long_date(ran), planned=long_date(session.date))
    return long_date(ran)


def time_of_day(moment) -> str:
    """14:05, in the laptop's time zone; a dash for a time not recorded."""
    return f"{moment.astimezone():%H:%M}" if moment else "—"


def plural(n: int, word: str, many: str | None = None) -> str:
    """ "1 idea", "2 ideas"; ``many`` for words that do not just take an s ("people").
    English only: kept for callers not yet moved to ``ngettext`` templates; nothing in
    the domain or the documents uses it."""
    return f"{n} {word if n == 1 else (many or word + 's')}"


# Welsh says "ac" rather than "a" before a vowel sound and a few words.
_AC_WORDS = frozenset({"mae", "mai", "mewn", "meddai", "fel", "felly", "megis", "nid", "na"})


def _before_vowel(text: str) -> bool:
    """Whether ``text`` starts with a vowel sound as Welsh reads it: a vowel (y included;
    w before a consonant, as in "wrth", or in "wyth", not in "Wyn"), one of the words that
    take "ac", or a number said un…/wyth… (1, 8, 10–19, 80…)."""
    folded = fold(text.strip())
    number = re.match(r"\d+", folded)
    if number:
        digits = number.group()
        return digits == "1" or digits[0] == "8" or (len(digits) == 2 and digits[0] == "1")
    word = re.match(r"\w+", folded)
    if not folded:
        return False
    if folded[0] == "w":
        return folded.startswith("wyth") or folded[1:2] not in tuple("aeiouy")
    return folded[0] in "aeiouy" or bool(word and word.group() in _AC_WORDS)


def in_a_list(parts: Sequence[str]) -> str:
    """ "a", "a and b", "a, b and c" (Welsh: "a, b a c", "a, b ac e")."""
    parts = list(parts)
    if len(parts) <= 1:
        return "".join(parts)
    if _before_vowel(parts[-1]):
        template = pgettext("a list, its last item starting with a vowel sound", "{first} and {last}")
    else:
        template = _("{first} and {last}")
    return template.format(first=", ".join(parts[:-1]), last=parts[-1])


def people(n: int) -> str:
    """ "1 person", "6 people"."""
    return ngettext("{n} person", "{n} people", n).format(n=n)


def others(n: int) -> str:
    """ "1 other person", "2 other people"."""
    return ngettext("{n} other person", "{n} other people", n).format(n=n)


_ROLE_COUNTS = {
    Role.SERVICE_USER: lambda n: ngettext("{n} service user", "{n} service users", n),
    Role.PATIENT: lambda n: ngettext("{n} patient", "{n} patients", n),
    Role.CARER: lambda n: ngettext("{n} carer", "{n} carers", n),
    Role.PROFESSIONAL: lambda n: ngettext("{n} professional", "{n} professionals", n),
    Role.OTHER: lambda n: ngettext("{n} other person", "{n} other people", n),
}
_KIND_COUNTS = {
    ContributionKind.IDEA: lambda n: ngettext("{n} idea", "{n} ideas", n),
    ContributionKind.EXPERIENCE: lambda n: ngettext("{n} experience", "{n} experiences", n),
    ContributionKind.CONCERN: lambda n: ngettext("{n} concern", "{n} concerns", n),
    ContributionKind.QUESTION: lambda n: ngettext("{n} question", "{n} questions", n),
    ContributionKind.STRENGTH: lambda n: ngettext("{n} strength", "{n} strengths", n),
}


def role_count(role: Role, n: int) -> str:
    """ "3 carers", "1 professional"; the role "other" as "2 other people"."""
    return _ROLE_COUNTS[role](n).format(n=n)


def kind_count(kind: ContributionKind, n: int) -> str:
    """ "2 ideas", "1 question"."""
    return _KIND_COUNTS[kind](n).format(n=n)


_HOW = {
    DecisionMethod.CONSENSUS: N_("by everyone agreeing"),
    DecisionMethod.CONSENT: N_("because no one objected"),
    DecisionMethod.PROPOSAL_ACCEPTED: N_("by accepting a proposal"),
}


def how_decided(decision: Any) -> str:
    """How a decision was reached, as the summary tells it: "by a vote: 5 for, … (12 by
    phone, 5 by hands)"."""
    told = _how_decided(decision)
    source = _source(decision)
    return _("{how} ({source})").format(how=told, source=source) if source else told


def _source(decision: Any) -> str:
    return rounds.by_source(counted(decision) or 0, rounds.phone_share(decision))


def _how_decided(decision: Any) -> str:
    m = decision.method
    if m is DecisionMethod.VOTE:
        return _("by a vote: {votes_for} for, {votes_against} against, {abstaining} not voting").format(
            votes_for=decision.votes_for or 0,
            votes_against=decision.votes_against or 0,
            abstaining=decision.votes_abstain or 0,
        )
    if m is DecisionMethod.FIST_OF_FIVE:
        shown = ", ".join(
            _("{n} showed {fingers}").format(n=n, fingers=i) for i, n in enumerate(decision.fist_counts) if n
        )
        if shown:
            return _("by a show of fingers (0 = against, 5 = fully for): {shown}").format(shown=shown)
        return _("by a show of fingers (0 = against, 5 = fully for)")
    return _(_HOW[m])


def counted(decision: Any) -> int | None:
    """How many the decision's counts add up to (votes, fingers shown, agreed), or None."""
    if decision.method is DecisionMethod.VOTE:
        return (decision.votes_for or 0) + (decision.votes_against or 0) + (decision.votes_abstain or 0)
    if decision.method is DecisionMethod.FIST_OF_FIVE and decision.fist_counts:
        return sum(decision.fist_counts)
    return decision.agreed_count


def count_note(decision: Any, present: int) -> str:
    """A note when the counts add up to more than were marked here (kept as counted):
    "7 counted, with 6 marked here." Empty when they fit."""
    total = counted(decision)
    if total is None or total <= present:
        return ""
    return _("{total} counted, with {present} marked here.").format(total=total, present=present)


def how_decided_briefly(decision: Any) -> str:
    """The same, short, for the facilitator's list: "vote 5 for, 0 against, 0 abstaining"."""
    told = _briefly(decision)
    source = _source(decision)
    return _("{how} ({source})").format(how=told, source=source) if source else told


def _briefly(decision: Any) -> str:
    if decision.method is DecisionMethod.VOTE:
        return _("vote {votes_for} for, {votes_against} against, {abstaining} abstaining").format(
            votes_for=decision.votes_for or 0,
            votes_against=decision.votes_against or 0,
            abstaining=decision.votes_abstain or 0,
        )
    if decision.method is DecisionMethod.FIST_OF_FIVE and decision.fist_counts:
        counts = " ".join(f"{n}×{i}" for i, n in enumerate(decision.fist_counts) if n)
        return _("fist of five {counts}").format(counts=counts)
    return decision.method.label.lower()
