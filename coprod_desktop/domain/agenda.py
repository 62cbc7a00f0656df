"""Agenda timing as planned: when each item starts and how the plan fits the session."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from coprod_desktop.domain.records import AgendaItem
from coprod_desktop.language import _


@dataclass(frozen=True)
class AgendaTiming:
    starts: tuple[str, ...]  # HH:MM for each item, in order
    total_minutes: int
    length_minutes: int

    @property
    def spare_minutes(self) -> int:
        """Minutes left over; negative when the agenda overruns the session."""
        return self.length_minutes - self.total_minutes

    def summary(self) -> str:
        numbers = {"total": self.total_minutes, "length": self.length_minutes}
        if self.spare_minutes > 0:
            return _("Planned {total} of {length} minutes · {spare} to spare").format(
                spare=self.spare_minutes, **numbers
            )
        if self.spare_minutes < 0:
            return _("Planned {total} of {length} minutes · {over} over").format(over=-self.spare_minutes, **numbers)
        return _("Planned {total} of {length} minutes · exactly full").format(**numbers)


def plan_timing(items: Sequence[AgendaItem], start_time: str, length_minutes: int) -> AgendaTiming:
    """Start time of each item from the session start and the running total."""
    hours, minutes = _parse_hhmm(start_time)
    clock = hours * 60 + minutes
    starts = []
    total = 0
    for item in items:
        at = (clock + total) % (24 * 60)
        starts.append(f"{at // 60:02d}:{at % 60:02d}")
        total += max(0, item.planned_minutes)
    return AgendaTiming(tuple(starts), total, length_minutes)


def _parse_hhmm(value: str) -> tuple[int, int]:
    try:
        hours, minutes = (int(part) for part in value.split(":", 1))
    except (ValueError, AttributeError):
        return 0, 0
    if not (0 <= hours < 24 and 0 <= minutes < 60):
        return 0, 0
    return hours, minutes
