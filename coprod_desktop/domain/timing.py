"""The timer of the agenda item being run, computed from what is kept.

An item keeps when it started, when it ended (if it has), how many seconds it
spent paused (time away from an item counts as a pause), when a current pause
began, and the minutes added with "+5". From those and the current time the
clock is exact after any restart: nothing ticks in memory.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from enum import Enum

AMBER_FRACTION = 0.2  # amber once a fifth of the item's time is left


class Band(str, Enum):
    NOT_STARTED = "not_started"
    NORMAL = "normal"
    AMBER = "amber"
    RED = "red"  # past time: the clock counts up


BAND_WORDS = {  # the state, said to someone who cannot see the colour
    Band.NOT_STARTED: "not started",
    Band.NORMAL: "on time",
    Band.AMBER: "nearly out of time",
    Band.RED: "over time",
}


def spoken_time(display: str) -> str:
    """A clock's display said in words: "03:05" -> "3 minutes 5 seconds left",
    "+02:00" -> "2 minutes over", "1:02:00" -> "1 hour 2 minutes left"."""
    over = display.startswith("+")
    parts = [int(p) for p in display.lstrip("+").split(":") if p.isdigit()]
    if not parts or len(parts) != len(display.lstrip("+").split(":")):
        return "no time running"
    hours, minutes, seconds = ([0] * (3 - len(parts)) + parts)[-3:]
    units = [(hours, "hour"), (minutes, "minute"), (seconds, "second")]
    said = " ".join(f"{n} {unit}{'' if n == 1 else 's'}" for n, unit in units if n) or "0 seconds"
    return f"{said} {'over' if over else 'left'}"


def parse_time(value: str | None) -> datetime | None:
    if not value:
        return None
    moment = datetime.fromisoformat(value)
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def seconds_between(start: str | None, end: str | None) -> int:
    a, b = parse_time(start), parse_time(end)
    return max(0, int((b - a).total_seconds())) if a and b else 0


@dataclass(frozen=True)
class ItemClock:
    elapsed: int  # seconds run, pauses excluded
    allowed: int  # planned plus added minutes, in seconds
    paused: bool
    running: bool

    @property
    def remaining(self) -> int:
        return self.allowed - self.elapsed

    @property
    def band(self) -> Band:
        if not self.running and self.elapsed == 0 and not self.paused:
            return Band.NOT_STARTED
        if self.remaining <= 0:
            return Band.RED
        if self.allowed and self.remaining <= self.allowed * AMBER_FRACTION:
            return Band.AMBER
        return Band.NORMAL

    def display(self) -> str:
        """mm:ss left, or +mm:ss over time."""
        seconds = self.remaining
        sign = "+" if seconds < 0 else ""
        seconds = abs(seconds)
        hours, rest = divmod(seconds, 3600)
        minutes, secs = divmod(rest, 60)
        body = f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes:02d}:{secs:02d}"
        return sign + body


def item_clock(item, now: str) -> ItemClock:
    """The clock of an agenda item at ``now`` (an ISO time)."""
    allowed = (item.planned_minutes + item.extra_minutes) * 60
    if not item.actual_start:
        return ItemClock(0, allowed, False, False)
    end = item.actual_end or (item.paused_at or now)
    paused_now = bool(item.paused_at and not item.actual_end)
    elapsed = seconds_between(item.actual_start, end) - item.paused_seconds
    return ItemClock(max(0, elapsed), allowed, paused_now, not item.actual_end and not paused_now)
