"""The clock passed in: shifted to any day, stopped for timers, never going back."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from coprod_desktop.domain.clock import Clock, StoppedClock
from tests.conftest import OTHER_DAYS


@pytest.mark.parametrize("day", [*OTHER_DAYS, date(2000, 1, 1)])
def test_a_clock_on_a_day_says_that_day_and_keeps_running(day):
    clock = Clock.on(day)
    assert clock.today() == day
    first, second = clock.now(), clock.now()
    assert second >= first and first.tzinfo is not None


def test_stamps_are_strictly_later_each_time():
    clock = Clock.on(date(2028, 2, 29))
    stamps = [clock.now_iso() for _ in range(2000)]
    assert stamps == sorted(set(stamps))
    assert stamps[0].startswith(("2028-02-28", "2028-02-29", "2028-03-01"))  # UTC vs local day


def test_a_stopped_clock_moves_only_when_told():
    clock = StoppedClock(datetime(2027, 12, 31, 23, 30, tzinfo=UTC))
    assert clock.now_iso() == clock.now_iso() == "2027-12-31T23:30:00.000000+00:00"
    clock.advance(minutes=45)
    assert clock.now() == datetime(2028, 1, 1, 0, 15, tzinfo=UTC)


@pytest.mark.dated
def test_dated_tests_run_on_each_day(today, clock):
    """Runs once per day in OTHER_DAYS and once on today (or --today): the clock follows."""
    assert clock.today() == today
    assert abs(
        Clock().now()
        + (datetime.combine(today, datetime.min.time()) - datetime.combine(Clock().today(), datetime.min.time()))
        - clock.now()
    ) < timedelta(seconds=5)
