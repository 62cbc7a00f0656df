"""Fixed words from one place: dates, plurals, lists, how a decision was reached."""

from __future__ import annotations

from datetime import date

from coprod_desktop.domain import wording
from coprod_desktop.domain.records import Decision
from coprod_desktop.domain.values import DecisionMethod


def test_dates_in_words_whatever_the_day():
    assert wording.short_date(date(2028, 2, 29)) == "29 Feb 2028"
    assert wording.short_date(date(2026, 11, 2)) == "02 Nov 2026"
    assert wording.long_date(date(2028, 2, 29)) == "Tuesday 29 February 2028"
    assert wording.long_date(date(2027, 12, 31)) == "Friday 31 December 2027"
    assert wording.short_date(None) == "no date" and wording.long_date(None) == "date not set"
    assert wording.short_date(None, "") == ""


def test_counts_plurals_and_lists():
    assert [wording.plural(n, "idea") for n in (0, 1, 2)] == ["0 ideas", "1 idea", "2 ideas"]
    assert [wording.people(n) for n in (1, 6)] == ["1 person", "6 people"]
    assert wording.in_a_list([]) == "" and wording.in_a_list(["a"]) == "a"
    assert wording.in_a_list(["a", "b", "c"]) == "a, b and c"


def test_how_a_decision_was_reached():
    vote = Decision("s", "x", DecisionMethod.VOTE, votes_for=5, votes_against=1, votes_abstain=0)
    assert wording.how_decided(vote) == "by a vote: 5 for, 1 against, 0 not voting"
    assert wording.how_decided_briefly(vote) == "vote 5 for, 1 against, 0 abstaining"
    fist = Decision("s", "x", DecisionMethod.FIST_OF_FIVE, fist_counts=(0, 0, 1, 0, 2, 3))
    assert wording.how_decided(fist).endswith(": 1 showed 2, 2 showed 4, 3 showed 5")
    assert wording.how_decided(Decision("s", "x", DecisionMethod.CONSENT)) == "because no one objected"
