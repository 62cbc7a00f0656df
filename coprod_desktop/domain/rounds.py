"""Rounds answered from phones: the answers each kind takes, how they are counted, and
how the counts join a decision's or the self-check's ("12 by phone, 5 by hands")."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from coprod_desktop.domain.values import DecisionMethod, LadderRung, RoundKind
from coprod_desktop.language import N_, _, ngettext

LIVE_WITH, OBJECT = "live_with", "object"
FOR, AGAINST, ABSTAIN = "for", "against", "abstain"

# Each kind's answers, in the order they are counted, with the words a phone shows.
ANSWERS: dict[RoundKind, tuple[tuple[str, str], ...]] = {
    RoundKind.FIST_OF_FIVE: (
        ("0", N_("0 — I cannot support this")),
        ("1", N_("1 — I have serious doubts")),
        ("2", N_("2 — I have some doubts")),
        ("3", N_("3 — I can go along with it")),
        ("4", N_("4 — I support it")),
        ("5", N_("5 — I fully support it")),
    ),
    RoundKind.CONSENT: ((LIVE_WITH, N_("I can live with it")), (OBJECT, N_("I object"))),
    RoundKind.VOTE: ((FOR, N_("For")), (AGAINST, N_("Against")), (ABSTAIN, N_("Abstain"))),
    RoundKind.LADDER: tuple((rung.value, rung.english) for rung in LadderRung),
}

METHOD = {
    RoundKind.FIST_OF_FIVE: DecisionMethod.FIST_OF_FIVE,
    RoundKind.CONSENT: DecisionMethod.CONSENT,
    RoundKind.VOTE: DecisionMethod.VOTE,
}

REASON_LIMIT = 500


def choices(kind: RoundKind) -> list[tuple[str, str]]:
    """(answer, words) for a phone's form, in the language being spoken."""
    return [(key, _(words)) for key, words in ANSWERS[kind]]


def valid(kind: RoundKind, answer: str) -> bool:
    return any(answer == key for key, _words in ANSWERS[kind])


def tally(kind: RoundKind, answers: Iterable[Any]) -> tuple[int, ...]:
    """How many gave each answer, in ANSWERS' order (an answer the kind does not take is not counted)."""
    keys = [key for key, _words in ANSWERS[kind]]
    counts = [0] * len(keys)
    for a in answers:
        if a.answer in keys:
            counts[keys.index(a.answer)] += 1
    return tuple(counts)


def results_in_words(kind: RoundKind, counts: Sequence[int]) -> list[str]:
    """One line an answer: "For: 12"."""
    return [
        _("{answer}: {n}").format(answer=words, n=n) for (_key, words), n in zip(choices(kind), counts, strict=True)
    ]


def decision_fields(kind: RoundKind, phones: Sequence[int], hands: Sequence[int] = ()) -> dict[str, Any]:
    """A decision's counts from a round: everyone's (phones and hands) in the usual fields,
    the phones' share in ``phone_counts``. ``hands`` has the same shape as ``phones``."""
    hands = tuple(hands) or (0,) * len(phones)
    total = tuple(p + h for p, h in zip(phones, hands, strict=True))
    fields: dict[str, Any] = {"method": METHOD[kind], "phone_counts": tuple(phones)}
    if kind is RoundKind.VOTE:
        fields.update(votes_for=total[0], votes_against=total[1], votes_abstain=total[2])
    elif kind is RoundKind.FIST_OF_FIVE:
        fields["fist_counts"] = total
    elif kind is RoundKind.CONSENT:
        fields["agreed_count"] = total[0]
    return fields


def phone_share(decision: Any) -> int:
    """How many of the decision's counted came from phones: for consent, those who can
    live with it (the count kept is of those who agreed; objections are said in words)."""
    counts = tuple(getattr(decision, "phone_counts", ()) or ())
    if decision.method is DecisionMethod.CONSENT:
        return counts[0] if counts else 0
    return sum(counts)


def by_source(total: int, by_phone: int) -> str:
    """ "12 by phone, 5 by hands" (empty when nothing came from phones)."""
    if not by_phone:
        return ""
    hands = max(0, total - by_phone)
    phones = ngettext("{n} by phone", "{n} by phone", by_phone).format(n=by_phone)
    shown = ngettext("{n} by hands", "{n} by hands", hands).format(n=hands)
    return _("{phones}, {hands}").format(phones=phones, hands=shown)


def ladder_with_phones(totals: Sequence[int], phones_before: Sequence[int], phones: Sequence[int]) -> tuple[int, ...]:
    """The self-check's counts, rung by rung, with a ladder round's ``phones`` in place of
    the phones' share added before (``phones_before``): adding a round again replaces it."""
    rungs = len(LadderRung)
    totals, before = tuple(totals) or (0,) * rungs, tuple(phones_before) or (0,) * rungs
    hands = (max(0, t - b) for t, b in zip(totals, before, strict=True))
    return tuple(h + p for h, p in zip(hands, phones, strict=True))
