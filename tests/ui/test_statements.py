"""One user action: one change notice, and few SQL statements (counted with sqlite3's
trace callback). The figures the run view must stay under: Next item 20, a capture 10.

What is counted is the statements the app runs. SQLite's trace also reports, marked
"--", the statements run inside another (a trigger's, and FTS5's own writes to its
index), and reports a statement again as each of its trigger programs starts; those
are SQLite's work for the one statement, not more statements."""

from __future__ import annotations

from contextlib import contextmanager

import pytest
from PySide6.QtCore import Qt

from .conftest import FakeClock, type_text

NEXT_ITEM_MOST = 20
CAPTURE_MOST = 10


@pytest.fixture
def clock():
    return FakeClock()


@contextmanager
def counted(window):
    statements: list[str] = []
    notices: list = []
    window.archive.conn.set_trace_callback(statements.append)
    window.hub.changed.connect(lambda *args: notices.append(args))
    try:
        yield statements, notices
    finally:
        window.archive.conn.set_trace_callback(None)


def executed(trace: list[str]) -> list[str]:
    ran: list[str] = []
    for sql in trace:
        if sql.startswith("--"):
            continue
        if ran and sql == ran[-1] and sql.lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE")):
            continue  # the same write, reported again as its trigger program starts
        ran.append(sql)
    return ran


def test_the_count_can_tell_statements_apart():
    trace = ["BEGIN", "INSERT INTO t VALUES (1)", "-- PRAGMA x", "INSERT INTO t VALUES (1)", "SELECT 1", "SELECT 1"]
    assert executed(trace) == ["BEGIN", "INSERT INTO t VALUES (1)", "SELECT 1", "SELECT 1"]


@pytest.fixture
def live(running):
    window, run, session, present = running
    run.tools.setCurrentWidget(run.deck)  # the tools a facilitator has open
    run.tools.setCurrentWidget(run.decide)
    run.tools.setCurrentWidget(run.balance)
    window.archive.warm_up()
    return window, run, session


def test_next_item_is_one_notice_and_few_statements(live, clock):
    window, run, session = live
    clock.minutes = 3
    with counted(window) as (statements, notices):
        run.step(+1)
    assert window.archive.get(type(session), session.id).current_item_id != session.current_item_id
    assert len(notices) == 1, notices
    assert len(executed(statements)) <= NEXT_ITEM_MOST, "\n".join(statements)


def test_a_capture_is_one_notice_and_few_statements(live, qtbot):
    window, run, session = live
    capture = run.capture
    type_text(capture.text, "We need a phone number for the day")
    type_text(capture.who, "3")
    with counted(window) as (statements, notices):
        qtbot.keyClick(capture.text, Qt.Key_Return)
    assert [c.text for c in window.archive.contributions(session.id)] == ["We need a phone number for the day"]
    assert len(notices) == 1, notices
    assert len(executed(statements)) <= CAPTURE_MOST, "\n".join(statements)


def test_a_room_view_open_keeps_next_item_light(live, clock):
    window, run, session = live
    window.open_room_view()
    clock.minutes = 3
    with counted(window) as (statements, notices):
        run.step(+1)
    assert window.room_view.item.text() == window.archive.agenda(session.id)[1].title
    assert len(notices) == 1 and len(executed(statements)) <= NEXT_ITEM_MOST, "\n".join(statements)
