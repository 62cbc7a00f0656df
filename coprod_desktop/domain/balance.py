"""Participation balance, for the facilitator's eyes only."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from coprod_desktop.domain.values import Role


@dataclass(frozen=True)
class Balance:
    by_role: dict[Role | None, int]  # None: said anonymously
    by_person: dict[str, int]  # participant id -> count, people present only
    unheard: tuple[str, ...]  # ids of people present with no contribution yet
    total: int


def balance(counts: Iterable[tuple[str | None, Role | None, int]], present: Sequence) -> Balance:
    """From (participant id, role, how many) rows, as the archive counts them."""
    by_role: Counter = Counter()
    by_person: Counter = Counter()
    total = 0
    for participant_id, role, n in counts:
        by_role[role] += n
        total += n
        if participant_id:
            by_person[participant_id] += n
    present_ids = [p.id for p in present]
    return Balance(
        dict(by_role),
        {pid: by_person.get(pid, 0) for pid in present_ids},
        tuple(pid for pid in present_ids if not by_person.get(pid)),
        total,
    )
