"""The timer of the agenda item being run, computed from what is kept.

An item keeps when it started, when it ended (if it has), how many seconds it
spent paused (time away from an item counts as a pause), when a current pause
began, and the minutes added with "+5". From those and the current time the
clock is exact after any restart: nothing ticks in memory.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import Enum

from coprod_desktop.language import N_, _, ngettext

AMBER_FRACTION = 0.2  # amber once a fifth of the item's time is left


class Band(str, Enum):
    NOT_STARTED = "not_started"
    NORMAL = "normal"
    AMBER = "amber"
    RED = "red"  # past time: the clock counts up


class _Said(Mapping):
    """A table of words marked with N_, each read out in the language being spoken."""

    def __init__(self, words: dict):
        self._words = words

    def __getitem__(self, key) -> str:
        return _(self._words[key])

    def __iter__(self) -> Iterator:
        return iter(self._words)

    def __len__(self) -> int:
        return len(self._words)


BAND_WORDS = _Said(  # the state, said to someone who cannot see the colour
    {
        Band.NOT_STARTED: N_("not started"),
        Band.NORMAL: N_("on time"),
        Band.AMBER: N_("nearly out of time"),
        Band.RED: N_("over time"),
    }
)


def _hours(n: int) -> str:
    return ngettext("{n} hour", "{n} hours", n).format(n=n)


def _minutes(n: int) -> str:
    return ngettext("{n} minute", "{n} minutes", n).format(n=n)


def _seconds(n: int) -> str:
    return ngettext("{n} second", "{n} seconds", n).format(n=n)


def spoken_time(display: str) -> str:
    """A clock's display said in words: "03:05" -> "3 minutes 5 seconds left",
    "+02:00" -> "2 minutes over", "1:02:00" -> "1 hour 2 minutes left"."""
    over = display.startswith("+")
    parts = [int(p) for p in display.lstrip("+").split(":") if p.isdigit()]
    if not parts or len(parts) != len(display.lstrip("+").split(":")):
        return _("no time running")
    hours, minutes, seconds = ([0] * (3 - len(parts)) + parts)[-3:]
    units = [(hours, _hours), (minutes, _minutes), (seconds, _seconds)]
    said = " ".join(words(n) for n, words in units if n) or _seconds(0)
    return (_("{time} over") if over else _("{time} left")).format(time=said)


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
