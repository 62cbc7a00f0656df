"""The same people as tests/unit/test_privacy_matrix.py, through the screens: the room
view (names off, then on) and the facilitator's balance panel."""

from __future__ import annotations

from datetime import date

from coprod_desktop.domain import privacy
from coprod_desktop.domain.records import Contribution, Group, Participant, Session
from coprod_desktop.domain.values import ContributionKind, ShownInPrint
from tests.unit.test_privacy_matrix import CASES, ROLES


def _room_label(case, names_on: bool) -> str:
    if case.choice is ShownInPrint.NOT_AT_ALL and not case.other_group:
        return privacy.ANONYMOUS
    if case.named() and names_on:
        return case.name
    return ROLES[case.choice].label


def test_the_room_view_shows_each_person_as_they_chose(qtbot, window):
    archive = window.archive
    g = archive.add(Group("Gee"))
    h = archive.add(Group("Aitch"))
    session = archive.add(Session(g.id, "Room", date=date(2027, 3, 4)))
    window.reload_tree()
    window.select(session.id)
    window.open_room_view()
    room = window.room_view
    qtbot.addWidget(room)
    for case in CASES:
        person = archive.add(
            Participant(
                h.id if case.other_group else g.id, case.name, roles=(ROLES[case.choice],), shown_in_print=case.choice
            )
        )
        archive.add(
            Contribution(
                session.id, case.words, ContributionKind.IDEA, None, person.id, ROLES[case.choice], case.quotable
            )
        )
        if case.removed:
            archive.delete(Participant, person.id)
        for names_on in (False, True):
            room.names_on = names_on
            room.refresh()
            newest = room.recent.text().split("\n\n")[1]
            assert newest == f"{_room_label(case, names_on)}: {case.words}", (case, names_on)
            assert (case.name in room.recent.text()) == (names_on and case.named()), (case, names_on)


def test_the_balance_panel_counts_everyone_and_names_only_the_roster_here(qtbot, window, monkeypatch):
    from coprod_desktop.ui.dialogs.simple import Confirm

    monkeypatch.setattr(Confirm, "ask", classmethod(lambda cls, *a, **k: True))
    archive = window.archive
    g = archive.add(Group("Gee"))
    h = archive.add(Group("Aitch"))
    session = archive.add(Session(g.id, "Balance", date=date(2027, 3, 4)))
    for case in CASES:
        person = archive.add(
            Participant(
                h.id if case.other_group else g.id, case.name, roles=(ROLES[case.choice],), shown_in_print=case.choice
            )
        )
        if not case.other_group:
            archive.set_attending(session.id, person.id, True)
        archive.add(Contribution(session.id, case.words, ContributionKind.IDEA, None, person.id, ROLES[case.choice]))
        if case.removed:
            archive.delete(Participant, person.id)
    window.reload_tree()
    window.select(session.id)
    window.show_run_view()
    run = window.run_view
    run.tools.setCurrentWidget(run.balance)
    text = run.balance.summary.text()
    assert f"{len(CASES)} contributions so far" in text
    for case in CASES:
        here = not case.removed and not case.other_group
        assert (case.name in text) == here, case  # the facilitator's own view of who is here
    assert "For your eyes only" in run.balance.findChildren(type(run.balance.summary))[0].text()
