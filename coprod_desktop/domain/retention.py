"""How long a group's notes are kept: its retention period, counted from its last meeting."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date


def years_after(day: date, years: int) -> date:
    """The same day ``years`` later; 29 February becomes 28 February in a common year."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


@dataclass(frozen=True)
class Kept:
    """When a group's notes fall due for erasure."""

    group: object
    last_meeting: date | None  # None: the group has never met
    until: date

    def overdue(self, today: date) -> bool:
        return today > self.until


def kept_until(group, meeting_days: Iterable[date | None]) -> Kept:
    """From the latest meeting day (or, if the group never met, the day it was made)."""
    days = [d for d in meeting_days if d is not None]
    last = max(days) if days else None
    start = last or date.fromisoformat(group.created_at[:10])
    return Kept(group, last, years_after(start, max(1, int(group.retention_years))))
