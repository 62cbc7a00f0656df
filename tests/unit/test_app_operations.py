"""The application layer without Qt: a session run from start to end by plain calls, as
the command line or a local web server would, each step saying what it changed."""

from __future__ import annotations

import random
from datetime import UTC, date, datetime

import pytest

from coprod_desktop.app import capture, deck, loop, plan, room
from coprod_desktop.app.changes import Change
from coprod_desktop.app.context import Context
from coprod_desktop.app.live import LiveRunner
from coprod_desktop.app.sample import add_sample_group
from coprod_desktop.domain.clock import StoppedClock
from coprod_desktop.domain.records import AgendaItem, CardDraw, Contribution, Session, SessionEvent
from coprod_desktop.domain.values import ContributionKind, ReportBackStatus, SessionState

START = datetime(2027, 3, 4, 10, 0, tzinfo=UTC)


@pytest.fixture
def context(archive):
    return Context(archive, StoppedClock(START), random.Random(3))


def test_a_session_run_by_plain_calls(context):
    archive = context.archive
    group = add_sample_group(archive, date(2027, 3, 4))
    session = next(s for s in archive.sessions(group.id) if s.state is SessionState.PLANNED)
    people = archive.participants(group.id)
    for p in people[:3]:
        archive.set_attending(session.id, p.id, True)
    present = archive.present(session)
    runner = LiveRunner(context)

    started = runner.start(session.id)
    assert started.touches(Session, AgendaItem, SessionEvent) and started.concerns(Session, session.id)
    items = archive.agenda(session.id)
    assert archive.get(Session, session.id).current_item_id == items[0].id and items[0].actual_start == START.isoformat(
        timespec="microseconds"
    )

    drawn = deck.draw_card(context, archive.get(Session, session.id))
    drawn.apply(archive)
    assert drawn.change().touches(CardDraw) and archive.card_on_table(session.id) is not None

    said = capture.capture(
        archive.get(Session, session.id),
        "A single phone number for the day",
        "carer",
        ContributionKind.IDEA,
        quote_allowed=False,
        item_id=items[0].id,
        card_key=archive.card_on_table(session.id).card_key,
        present=present,
    )
    said.apply(archive)
    assert said.change() == Change.of(Contribution, said.record.id)
    kept = archive.get(Contribution, said.record.id)
    assert kept.participant_id is None and kept.role.value == "carer" and kept.card_key

    with pytest.raises(capture.WhoUnclear):
        capture.capture(session, "x", "nobody-called-this", ContributionKind.IDEA, quote_allowed=False,
                        item_id=None, card_key=None, present=present)  # fmt: skip
    assert capture.capture(session, "   ", "", ContributionKind.IDEA, quote_allowed=False, item_id=None,
                           card_key=None, present=present) is None  # fmt: skip

    owed = loop.since_last_time(archive, archive.get(Session, session.id)).owed
    assert owed, "the sample's earlier sessions still owe the group something"
    answer = loop.report_back(archive.get(Session, session.id), owed[0].record, ReportBackStatus.IN_PROGRESS)
    answer.apply(archive)
    assert len(loop.since_last_time(archive, archive.get(Session, session.id)).given) == 1
    answer.revert(archive)  # undo, exactly
    assert loop.since_last_time(archive, archive.get(Session, session.id)).given == ()

    rule = archive.ground_rules(session.id)[0]
    room.point_to_rule(archive, session.id, rule).apply(archive)
    assert [e.detail for e in archive.events(session.id, room.REMINDER)] == [rule.text]

    context.clock.advance(minutes=12)
    moved = runner.step(session.id, +1)
    assert moved.concerns(AgendaItem, items[0].id) and moved.concerns(AgendaItem, items[1].id)
    assert runner.step(session.id, -5) is None  # nothing before the first item: nothing done
    runner.end(session.id)
    assert archive.get(Session, session.id).state is SessionState.CLOSED

    room.self_check(archive, session.id, ladder_counts=(0, 0, 0, 1, 2, 0, 0)).apply(archive)
    assert room.self_check(archive, session.id, ladder_counts=(0, 0, 0, 1, 2, 0, 0)) is None  # nothing changed


def test_a_new_session_is_planned_a_week_from_the_clocks_today(context):
    group = plan.new_group()
    group.apply(context.archive)
    made = plan.new_session(context, group.record.id)
    made.apply(context.archive)
    assert context.archive.get(Session, made.record.id).date == date(2027, 3, 11)
