"""The timer for a screen reader (issue 12): the time and its state in words, and the turn
to amber and to red announced."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent

from coprod_desktop.domain.timing import Band, spoken_time
from coprod_desktop.ui.live import timer_label

from .conftest import FakeClock


@pytest.fixture
def clock():
    """A clock that moves only when the test says so."""
    return FakeClock()


def _name(widget) -> str:
    return QAccessible.queryAccessibleInterface(widget).text(QAccessible.Name)


def _description(widget) -> str:
    return QAccessible.queryAccessibleInterface(widget).text(QAccessible.Description)


def test_spoken_time():
    assert spoken_time("03:05") == "3 minutes 5 seconds left"
    assert spoken_time("+02:00") == "2 minutes over"
    assert spoken_time("1:01:00") == "1 hour 1 minute left"
    assert spoken_time("--:--") == "no time running"


def test_the_timer_says_its_time_and_state_and_announces_amber_and_red(running, monkeypatch):
    window, run, session, _ = running
    heard = []
    real = QAccessible.updateAccessibility

    def spy(event):
        if isinstance(event, QAccessibleAnnouncementEvent):
            heard.append(event.message())
        real(event)

    monkeypatch.setattr(timer_label.QAccessible, "updateAccessibility", spy)
    clock = window.context.clock
    timer = run.timer_label
    run.tick()
    assert _name(timer) == "Time left on this item: 10 minutes left" and _description(timer) == "on time"
    clock.minutes = 8.5
    run.tick()
    assert run.timer_band is Band.AMBER and _description(timer) == "nearly out of time"
    assert _name(timer) == "Time left on this item: 1 minute 30 seconds left"
    clock.minutes = 9
    run.tick()  # still amber: said once
    clock.minutes = 12
    run.tick()
    assert _name(timer) == "Time left on this item: 2 minutes over" and _description(timer) == "over time"
    assert heard == ["Nearly out of time: 1 minute 30 seconds left.", "Over time: 2 minutes over."]
    run.toggle_pause()
    run.tick()
    assert _description(timer) == "over time, paused"
    assert "not_started" not in _description(timer) and "red" not in _description(timer)
