"""Found in a whole workshop run through the window (issue 12): the Plan button, redo by
keyboard, and an undo history per document (a group, a session)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from coprod_desktop.domain.records import Group, OutcomeEvidence, Session
from coprod_desktop.domain.values import SessionState

from .conftest import type_text


def test_plan_from_the_run_view_by_button_and_by_alt_p(running, qtbot):
    window, run, session, _ = running
    qtbot.mouseClick(run.plan_button, Qt.LeftButton)
    assert window.pages.currentWidget() is window.session_page
    window.show_run_view()
    assert window.pages.currentWidget() is run
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(run.capture.text, Qt.Key_P, Qt.AltModifier)
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.session_page)  # a mnemonic clicks after 100 ms


def test_ctrl_shift_z_and_ctrl_y_both_redo_from_the_window(window, qtbot):
    window.new_group()
    group = window.archive.groups()[0]
    window.tree.setFocus()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.tree)
    keys = [key.toString() for key in window.redo_action.shortcuts()]
    assert len(keys) == len(set(keys)) and {"Ctrl+Shift+Z", "Ctrl+Y"} <= set(keys)
    everyone_else = {
        k.toString()
        for a in window.findChildren(type(window.redo_action))
        if a is not window.redo_action
        for k in a.shortcuts()
    }
    assert not everyone_else & set(keys)  # no other action claims them (that makes both do nothing)

    page = window.group_page
    type_text(page.name, "X")
    qtbot.wait(10)
    named = window.archive.get(Group, group.id).name
    for redo in (Qt.Key_Y, None):
        window.tree.setFocus()
        qtbot.keyClick(window.tree, Qt.Key_Z, Qt.ControlModifier)
        assert window.archive.get(Group, group.id).name != named
        if redo is None:
            qtbot.keyClick(window.tree, Qt.Key_Z, Qt.ControlModifier | Qt.ShiftModifier)
        else:
            qtbot.keyClick(window.tree, redo, Qt.ControlModifier)
        assert window.archive.get(Group, group.id).name == named


def test_ctrl_z_on_one_group_never_changes_another(running, qtbot):
    """Outcome evidence added on the sample group stays when Ctrl+Z is pressed on another
    group's page; each page undoes its own steps, and says what it undid."""
    from coprod_desktop.app.edits import AddRecord

    window, *_ = running
    sample = window.archive.groups()[0]
    outcome = window.archive.outcomes(sample.id)[0]
    window.select(sample.id)
    assert window.undoable.run(AddRecord(OutcomeEvidence(outcome.id, "Ward rang me back"), "Add evidence"))
    window.new_group()
    other = next(g for g in window.archive.groups() if g.id != sample.id)
    window.select(other.id)
    window.undo_action.trigger()
    window.undo_action.trigger()
    assert [e.text for e in window.archive.evidence(outcome.id)][-1] == "Ward rang me back"
    window.select(sample.id)
    window.undo_action.trigger()
    assert "Ward rang me back" not in [e.text for e in window.archive.evidence(outcome.id)]
    assert window.statusBar().currentMessage() == "Undone: Add evidence “Ward rang me back”"


def test_after_ending_a_session_ctrl_z_elsewhere_keeps_its_contributions(running, qtbot):
    window, run, session, _ = running
    for words in ("I rang the ward twice", "Nobody told us the time"):
        run.capture.text.setText(words)
        assert run.capture.capture()
    run.end()
    assert window.archive.get(Session, session.id).state is SessionState.CLOSED
    other = next(s for s in window.archive.sessions(session.group_id) if s.id != session.id)
    window.select(other.id)
    for _ in range(3):
        window.undo_action.trigger()
    assert len(window.archive.contributions(session.id)) == 2
    window.select(session.id)
    window.undo_action.trigger()  # on the session itself: its last step, said in words
    assert window.statusBar().currentMessage().startswith("Undone:")
