"""Where the app reads the time. One clock is made at start and passed in; tests
pass one shifted to another day, or one that only moves when told to.

Record stamps (``created_at``) stay on the system's clock (``model.now_iso``):
they order what was typed. What a person reads as a date — today's date, the
start of an item, a report-back — comes from the clock passed in.
"""

from __future__ import annotations

import threading
from datetime import UTC, date, datetime, timedelta


class Clock:
    """The system's time, moved by ``offset`` (none unless a test asks for it)."""

    def __init__(self, offset: timedelta = timedelta(0)):
        self.offset = offset
        self._last = ""
        self._lock = threading.Lock()

    @classmethod
    def on(cls, day: date) -> Clock:
        """A clock whose today is ``day``; the time of day still runs."""
        here = datetime.now().astimezone()
        return cls(datetime.combine(day, here.timetz()) - here)

    def now(self) -> datetime:
        """Now, in UTC."""
        return datetime.now(UTC) + self.offset

    def today(self) -> date:
        """Today's date where the laptop is."""
        return self.now().astimezone().date()

    def now_iso(self) -> str:
        """Now as ISO 8601 in UTC, strictly later than this clock's last answer, so that
        steps made in the same instant keep their order."""
        with self._lock:
            stamp = self.now().isoformat(timespec="microseconds")
            if stamp <= self._last:
                stamp = (datetime.fromisoformat(self._last) + timedelta(microseconds=1)).isoformat(
                    timespec="microseconds"
                )
            self._last = stamp
            return stamp


class StoppedClock(Clock):
    """A clock that moves only when told to (tests of timers)."""

    def __init__(self, at: datetime):
        super().__init__()
        self.at = at if at.tzinfo else at.replace(tzinfo=UTC)

    def now(self) -> datetime:
        return self.at.astimezone(UTC)

    def now_iso(self) -> str:
        return self.now().isoformat(timespec="microseconds")

    def advance(self, **delta: float) -> None:
        self.at += timedelta(**delta)
