"""The roster and the forms (issue 12): leaving the group is not erasure, and no value
changes under a passing mouse wheel."""

from __future__ import annotations

from coprod_desktop.app.export import Options, build, gather
from coprod_desktop.domain.records import Participant
from coprod_desktop.domain.values import SessionState
from coprod_desktop.ui.dialogs.simple import Confirm

from .screen_checks import wheel
from .test_export import pdf_text


def _record_text(archive, session_id) -> str:
    return pdf_text(build(gather(archive, session_id), Options(document="record")))


def _select(panel, person_id) -> None:
    panel.view.setCurrentIndex(panel.model.index(panel.model.row_of(person_id), 0))


def test_leaving_the_group_keeps_the_history_and_asks_first(window, monkeypatch):
    window.add_sample_group()
    archive = window.archive
    group = archive.groups()[0]
    closed = next(s for s in archive.sessions(group.id) if s.state is SessionState.CLOSED)
    planned = next(s for s in archive.sessions(group.id) if s.state is SessionState.PLANNED)
    owner = next(a.owner_participant_id for a in archive.actions(closed.id) if a.owner_participant_id)
    before = _record_text(archive, closed.id)
    window.select(group.id)
    panel = window.group_page.people
    _select(panel, owner)
    asked = []
    monkeypatch.setattr(Confirm, "ask", classmethod(lambda cls, *a, **k: asked.append(a) or False))
    panel.leave_button.click()
    assert asked and archive.get(Participant, owner).left_on is None  # said no: nothing changed
    monkeypatch.setattr(Confirm, "ask", classmethod(lambda cls, *a, **k: True))
    panel.leave_button.click()
    person = archive.get(Participant, owner)
    assert person.left_on == window.context.clock.today()
    assert "(left the group)" in panel.model.index(panel.model.row_of(owner), 0).data()
    assert _record_text(archive, closed.id) == before  # "6 took part", the owner's name: as printed
    assert owner in archive.attending(closed.id)
    window.select(planned.id)
    window.show_plan()
    plan = window.session_page
    plan.tabs.setCurrentWidget(plan.people)
    assert plan.people.model.row_of(owner) < 0  # offered for no new session
    window.select(group.id)
    window.undo_action.trigger()
    assert archive.get(Participant, owner).left_on is None


def test_someone_added_by_mistake_is_simply_removed(window, monkeypatch):
    window.new_group()
    group = window.archive.groups()[0]
    window.select(group.id)
    panel = window.group_page.people
    panel.add_person()
    person = window.archive.participants(group.id)[0]
    monkeypatch.setattr(Confirm, "ask", classmethod(lambda cls, *a, **k: (_ for _ in ()).throw(AssertionError)))
    _select(panel, person.id)
    panel.leave_button.click()  # never took part: no question, gone, and Ctrl+Z brings them back
    assert window.archive.participants(group.id) == []
    window.undo_action.trigger()
    assert [p.id for p in window.archive.participants(group.id)] == [person.id]


def test_the_wheel_over_an_unfocused_consent_box_changes_nothing(window, qtbot):
    window.add_sample_group()
    group = window.archive.groups()[0]
    window.select(group.id)
    panel = window.group_page.people
    person = window.archive.participants(group.id)[0]
    _select(panel, person.id)
    box = panel.form.shown_in_print
    window.tree.setFocus()
    assert not box.hasFocus()
    for delta in (-120, 120):  # one way or the other is a change, from any value
        wheel(box, delta)
        assert window.archive.get(Participant, person.id).shown_in_print is person.shown_in_print
