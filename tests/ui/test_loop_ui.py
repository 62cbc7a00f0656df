"""Outcomes with evidence, and the group's "You said, we did" view."""

from __future__ import annotations

import pytest

from coprod_desktop.domain.records import Decision, ReportBack
from coprod_desktop.domain.values import ReportBackStatus
from coprod_desktop.ui.dialogs.loop_view import LoopView

from .conftest import WELSH, type_text


@pytest.mark.dated
def test_outcomes_and_evidence_with_undo(qtbot, window, today):
    from PySide6.QtCore import Qt

    window.add_sample_group()
    group = window.archive.groups()[0]
    window.select(group.id)
    page = window.group_page
    page.tabs.setCurrentIndex(1)
    panel = page.outcomes
    type_text(panel.new_outcome, f"Carers know who is bringing someone home {WELSH}")
    qtbot.keyClick(panel.new_outcome, Qt.Key_Return)
    outcome = window.archive.outcomes(group.id)[-1]  # after the sample group's own
    assert outcome.text.endswith(WELSH) and panel.current().id == outcome.id
    panel.session.setCurrentIndex(2)
    session_id = panel.session.currentData()
    panel.new_evidence.setText("Three carers were rung the day before")
    panel.add_evidence()
    (evidence,) = window.archive.evidence(outcome.id)
    assert evidence.session_id == session_id and panel.evidence.count() == 1
    panel.outcomes.setFocus()
    qtbot.keyClick(panel.outcomes, Qt.Key_Delete)
    assert outcome not in window.archive.outcomes(group.id)
    window.undo_action.trigger()
    assert window.archive.evidence(outcome.id) == [evidence]


@pytest.mark.dated
def test_evidence_and_outcomes_can_be_corrected_and_removed(qtbot, window, today, monkeypatch):
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QInputDialog

    from coprod_desktop.domain.records import Group, Outcome, OutcomeEvidence

    archive = window.archive
    g = archive.add(Group("G"))
    o = archive.add(Outcome(g.id, "Carers know who brings someone home"))
    kept = archive.add(OutcomeEvidence(o.id, "Two wards now ring ahead"))
    wrong = archive.add(OutcomeEvidence(o.id, "Rhiannon's husband was rung (names someone)"))
    window.reload_tree()
    window.select(g.id)
    window.group_page.tabs.setCurrentIndex(1)
    panel = window.group_page.outcomes
    panel.evidence.setCurrentRow(1)
    panel.evidence.setFocus()
    monkeypatch.setattr(
        QInputDialog, "getMultiLineText", lambda *a, **k: (f"A carer was rung the day before {WELSH}", True)
    )
    qtbot.keyClick(panel.evidence, Qt.Key_F2)
    assert archive.get(OutcomeEvidence, wrong.id).text.endswith(WELSH)
    qtbot.keyClick(panel.evidence, Qt.Key_Delete)
    assert archive.evidence(o.id) == [kept] and archive.outcomes(g.id)[0].id == o.id
    window.undo_action.trigger()
    window.undo_action.trigger()
    assert archive.get(OutcomeEvidence, wrong.id).text == wrong.text
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Carers know who brings their person home", True))
    panel.outcomes.setFocus()
    qtbot.keyClick(panel.outcomes, Qt.Key_F2)
    assert archive.get(Outcome, o.id).text == "Carers know who brings their person home"


@pytest.mark.dated
def test_you_said_we_did_shows_paths_and_what_was_dropped(qtbot, window, today):
    window.add_sample_group()
    archive = window.archive
    group = archive.groups()[0]
    first = [s for s in archive.sessions(group.id) if s.state.value == "closed"][-1]
    said = archive.contributions(first.id)[2]
    decision = archive.decisions(first.id)[0]
    archive.update(Decision, decision.id, contribution_ids=(said.id,))
    action = archive.actions(first.id)[1]
    later = archive.sessions(group.id)[0]
    archive.add(
        ReportBack(later.id, ReportBackStatus.NOT_POSSIBLE, "Transport is booked county-wide", action_id=action.id)
    )
    view = LoopView(window, archive, group)
    qtbot.addWidget(view)
    said_root, dropped_root = view.tree.topLevelItem(0), view.tree.topLevelItem(1)
    assert view.paths == said_root.childCount() >= 1
    path = next(said_root.child(i) for i in range(said_root.childCount()) if said.text in said_root.child(i).text(0))
    assert said.text in path.text(0) and "Dafydd" not in path.text(0)  # role only: no name
    assert path.child(0).text(0) == f"We agreed: {decision.text}"
    statuses = [path.child(0).child(i).text(1) for i in range(path.child(0).childCount())]
    assert "Not possible: Transport is booked county-wide" in statuses
    assert dropped_root.child(0).text(1) == "Transport is booked county-wide"
