"""Fixed words that reach a person, from one place: dates, counts and plurals, lists,
how a decision was reached.

Ready for a second language: every phrase is built here, not in the screens
or the documents that show it.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from coprod_desktop.domain.timing import parse_time
from coprod_desktop.domain.values import DecisionMethod

MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def short_date(day: date | None, missing: str = "no date") -> str:
    """02 Nov 2026: lists, headings, table cells."""
    return f"{day.day:02d} {MONTHS[day.month - 1][:3]} {day.year}" if day else missing


def long_date(day: date | None, missing: str = "date not set") -> str:
    """Monday 2 November 2026: what a reader is told."""
    return f"{DAYS[day.weekday()]} {day.day} {MONTHS[day.month - 1]} {day.year}" if day else missing


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
        return f"{long_date(ran)} (planned for {long_date(session.date)})"
    return long_date(ran)


def time_of_day(moment) -> str:
    """14:05, in the laptop's time zone; a dash for a time not recorded."""
    return f"{moment.astimezone():%H:%M}" if moment else "—"


def plural(n: int, word: str, many: str | None = None) -> str:
    """ "1 idea", "2 ideas"; ``many`` for words that do not just take an s ("people")."""
    return f"{n} {word if n == 1 else (many or word + 's')}"


def in_a_list(parts: Sequence[str]) -> str:
    """ "a", "a and b", "a, b and c"."""
    parts = list(parts)
    if len(parts) <= 1:
        return "".join(parts)
    return ", ".join(parts[:-1]) + " and " + parts[-1]


def people(n: int) -> str:
    """ "1 person", "6 people"."""
    return plural(n, "person", "people")


def how_decided(decision: Any) -> str:
    """How a decision was reached, as the summary tells it: "by a vote: 5 for, …"."""
    m = decision.method
    if m is DecisionMethod.VOTE:
        return (
            f"by a vote: {decision.votes_for or 0} for, {decision.votes_against or 0} against, "
            f"{decision.votes_abstain or 0} not voting"
        )
    if m is DecisionMethod.FIST_OF_FIVE:
        shown = ", ".join(f"{n} showed {i}" for i, n in enumerate(decision.fist_counts) if n)
        return f"by a show of fingers (0 = against, 5 = fully for){': ' + shown if shown else ''}"
    return {
        DecisionMethod.CONSENSUS: "by everyone agreeing",
        DecisionMethod.CONSENT: "because no one objected",
        DecisionMethod.PROPOSAL_ACCEPTED: "by accepting a proposal",
    }[m]


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
    return f"{total} counted, with {present} marked here."


def how_decided_briefly(decision: Any) -> str:
    """The same, short, for the facilitator's list: "vote 5 for, 0 against, 0 abstaining"."""
    if decision.method is DecisionMethod.VOTE:
        return (
            f"vote {decision.votes_for or 0} for, {decision.votes_against or 0} against, "
            f"{decision.votes_abstain or 0} abstaining"
        )
    if decision.method is DecisionMethod.FIST_OF_FIVE and decision.fist_counts:
        return "fist of five " + " ".join(f"{n}×{i}" for i, n in enumerate(decision.fist_counts) if n)
    return decision.method.label.lower()
