from __future__ import annotations

from coprod_desktop.domain.loop import held_from, latest_reports, open_items
from coprod_desktop.domain.records import (
    Action,
    Decision,
    Group,
    Outcome,
    OutcomeEvidence,
    ReportBack,
    SelfCheck,
    Session,
)
from coprod_desktop.domain.search import fts_query
from coprod_desktop.domain.values import ActionStatus, LadderRung, ReportBackStatus


def test_open_items_until_a_final_report_back():
    a1, a2, a3 = Action("s1", "one"), Action("s1", "two", status=ActionStatus.DONE), Action("s2", "made today")
    d1 = Decision("s1", "decided")
    reports = [ReportBack("s2", ReportBackStatus.IN_PROGRESS, action_id=a1.id, at="2026-01-01")]
    items = open_items([a1, a2, a3], [d1], reports, not_due_at={"s2"})
    assert items.actions == (a1,) and items.decisions == (d1,)  # in progress is still owed
    reports.append(ReportBack("s3", ReportBackStatus.DONE, action_id=a1.id, at="2026-02-01"))
    reports.append(ReportBack("s3", ReportBackStatus.NOT_POSSIBLE, "No budget", decision_id=d1.id, at="2026-02-01"))
    items = open_items([a1, a2, a3], [d1], reports, not_due_at={"s3"})
    assert items.actions == (a3,) and items.decisions == ()
    assert latest_reports(reports)[a1.id].status is ReportBackStatus.DONE


def test_reopening_an_older_session_owes_nothing_from_later_ones():
    from datetime import date

    october, november, planned = (
        Session("g", "Oct", date=date(2026, 10, 12)),
        Session("g", "Nov", date=date(2026, 11, 2)),
        Session("g", "Next"),
    )
    sessions = [october, november, planned]
    assert held_from(sessions, november) == {november.id, planned.id}
    assert held_from(sessions, october) == {october.id, november.id, planned.id}
    made_in_october, made_in_november = Action(october.id, "Ring the ward"), Action(november.id, "Translate it")
    owed_in_november = open_items([made_in_october, made_in_november], [], [], not_due_at=held_from(sessions, november))
    assert owed_in_november.actions == (made_in_october,)
    assert (
        open_items([made_in_october, made_in_november], [], [], not_due_at=held_from(sessions, october)).actions == ()
    )


def test_a_session_run_without_a_date_is_held_on_the_day_it_ran():
    from datetime import date

    from coprod_desktop.domain.values import SessionState

    kick_off = Session(
        "g", "Kick-off, no date set", state=SessionState.CLOSED, actual_start="2026-01-05T10:00:00+00:00"
    )
    second = Session("g", "Second", date=date(2026, 2, 2))
    not_yet = Session("g", "Some day")
    made_at_kick_off = Action(kick_off.id, "Write to the ward manager")
    owed = open_items([made_at_kick_off], [], [], not_due_at=held_from([kick_off, second, not_yet], second))
    assert owed.actions == (made_at_kick_off,)  # carried forward, not lost
    assert held_from([kick_off, second, not_yet], second) == {second.id, not_yet.id}


def test_two_sessions_on_one_day_are_held_by_start_time():
    from datetime import date

    afternoon = Session("g", "Afternoon", date=date(2026, 3, 3), start_time="14:00")  # planned first
    morning = Session("g", "Morning", date=date(2026, 3, 3), start_time="09:30")
    assert held_from([afternoon, morning], afternoon) == {afternoon.id}
    assert held_from([afternoon, morning], morning) == {morning.id, afternoon.id}


def test_fts_query_is_safe_whatever_is_typed():
    assert fts_query('ward "7 AND (') == '"ward"* "7"* "AND"*'
    assert fts_query("  ") is None and fts_query("<>&") is None
    assert fts_query("Gwŷr ŵyn") == '"Gwŷr"* "ŵyn"*'


def test_loop_records_round_trip_and_search_follows_edits(archive):
    g = archive.add(Group("g"))
    s1 = archive.add(Session(g.id, "first"))
    s2 = archive.add(Session(g.id, "second"))
    action = archive.add(Action(s1.id, "Fix the transport booking"))
    rb = archive.add(ReportBack(s2.id, ReportBackStatus.DROPPED, "The contract ended", action_id=action.id))
    assert archive.report_backs(group_id=g.id) == [rb] == archive.report_backs(session_id=s2.id)
    outcome = archive.add(Outcome(g.id, "Carers know who is bringing someone home"))
    evidence = archive.add(OutcomeEvidence(outcome.id, "Three carers were rung the day before", s2.id))
    assert archive.evidence(outcome.id) == [evidence]
    check = archive.add(SelfCheck(s2.id, (0, 0, 1, 2, 5, 3, 1), LadderRung.CO_DESIGN, ("constraints_explained=yes",)))
    assert archive.self_check(s2.id) == check
    kinds = {h.kind for h in archive.search("transport")}
    assert kinds == {"Action"}
    assert {h.kind for h in archive.search("rung")} == {"OutcomeEvidence"}
    archive.delete(Action, action.id)
    assert archive.search("transport") == [] and archive.report_backs(group_id=g.id) == []


def test_trail_both_ways_and_what_was_not_taken_forward():
    from coprod_desktop.domain.loop import not_taken_forward, origin, trails
    from coprod_desktop.domain.records import Contribution

    said = Contribution("s1", "Text me when transport is on its way")
    other = Contribution("s1", "Unrelated")
    d = Decision("s1", "Ask transport for texts", contribution_ids=(said.id,))
    a1 = Action("s1", "Write to transport", decision_id=d.id)
    a2 = Action("s1", "Pay for texts", decision_id=d.id, status=ActionStatus.DROPPED, status_reason="No budget")
    rb = ReportBack("s2", ReportBackStatus.DONE, "They agreed", action_id=a1.id, at="2026-02-01")
    (trail,) = trails(said.id, [d], [a1, a2], [rb])
    assert trail.decision == d and [t.action for t in trail.actions] == [a1, a2]
    assert trail.actions[0].report == rb and trail.actions[1].report is None
    assert trails(other.id, [d], [a1, a2], [rb]) == ()
    assert origin(a1, [d], [said, other]) == (d, (said,))
    assert not_taken_forward([a1, a2], [rb]) == ((a2, "No budget"),)


def test_a_final_report_back_closes_the_action():
    from coprod_desktop.domain.loop import closing_change

    assert closing_change(ReportBackStatus.IN_PROGRESS, "") is None
    assert closing_change(ReportBackStatus.DONE, "x") == {"status": ActionStatus.DONE, "status_reason": ""}
    assert closing_change(ReportBackStatus.DROPPED, "No budget")["status_reason"] == "No budget"
    assert closing_change(ReportBackStatus.NOT_POSSIBLE, "Law")["status_reason"] == "Not possible: Law"
