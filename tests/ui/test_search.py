"""Ctrl+F finds what was said, decided, planned and agreed, and opens it where it lives."""

from __future__ import annotations

from PySide6.QtCore import Qt

from coprod_desktop.domain.records import Contribution
from coprod_desktop.ui.dialogs.search import HitRole, SearchDialog

from .conftest import type_text


def test_search_as_you_type_and_open_where_it_lives(qtbot, window):
    window.add_sample_group()
    dialog = SearchDialog(window, window.archive)
    qtbot.addWidget(dialog)
    opened = []
    dialog.opened.connect(opened.append)
    type_text(dialog.box, "bwysig")
    qtbot.waitUntil(lambda: dialog.results.count() == 1, timeout=2000)
    hit = dialog.results.item(0).data(HitRole)
    assert hit.kind == "Contribution" and "[bwysig]" in dialog.results.item(0).text()
    qtbot.keyClick(dialog.box, Qt.Key_Return)
    assert opened == [hit]
    window.open_hit(hit)
    assert window.pages.currentWidget() is window.run_view
    shown = window.run_view.capture.list.currentIndex().data()
    assert "mae hynny'n bwysig" in shown


def test_search_follows_edits_and_deletes(qtbot, window):
    window.add_sample_group()
    archive = window.archive
    said = next(c for c in archive.contributions(archive.sessions()[1].id) if "key safe" in c.text)
    dialog = SearchDialog(window, archive)
    qtbot.addWidget(dialog)
    dialog.box.setText("key safe")
    dialog.run_search()
    assert dialog.results.count() == 1
    window.undoable.archive.update(Contribution, said.id, text="Who holds the spare key")
    dialog.run_search()
    assert dialog.results.count() == 0 and dialog.count.text() == "Nothing found."
    dialog.box.setText("spare")
    dialog.run_search()
    assert dialog.results.count() == 1
    archive.delete(Contribution, said.id)
    dialog.run_search()
    assert dialog.results.count() == 0


def test_ctrl_f_opens_search_and_agenda_hits_open_in_the_planner(qtbot, window, monkeypatch):
    window.add_sample_group()
    shown = []
    monkeypatch.setattr(SearchDialog, "exec", lambda self: shown.append(self) or 0)
    qtbot.keyClick(window, Qt.Key_F, Qt.ControlModifier)
    assert shown and isinstance(shown[0], SearchDialog)
    hit = next(h for h in window.archive.search("ward pilot") if h.kind == "AgendaItem")
    window.open_hit(hit)
    agenda = window.session_page.agenda
    assert window.pages.currentWidget() is window.session_page
    assert agenda.current_record().id == hit.record_id


def test_outcome_hits_open_the_outcomes_tab(qtbot, window):
    from coprod_desktop.domain.records import Outcome, OutcomeEvidence

    window.add_sample_group()
    group = window.archive.groups()[0]
    outcome = window.archive.add(Outcome(group.id, "Nobody waits past teatime for transport"))
    window.archive.add(OutcomeEvidence(outcome.id, "Teatime waits halved", window.archive.sessions(group.id)[1].id))
    hit = next(h for h in window.archive.search("teatime waits") if h.kind == "OutcomeEvidence")
    window.open_hit(hit)
    assert window.pages.currentWidget() is window.group_page
    assert window.group_page.tabs.currentIndex() == 1
    assert window.group_page.outcomes.current().id == outcome.id


def test_a_capped_list_says_there_may_be_more(qtbot, window):
    from coprod_desktop.domain.records import Group, Session
    from coprod_desktop.domain.values import ContributionKind
    from coprod_desktop.ui.dialogs.search import SHOWN

    archive = window.archive
    s = archive.add(Session(archive.add(Group("G")).id, "S"))
    for i in range(SHOWN + 5):
        archive.add(Contribution(s.id, f"Transport story {i}", ContributionKind.EXPERIENCE))
    dialog = SearchDialog(window, archive)
    qtbot.addWidget(dialog)
    dialog.box.setText("transport")
    dialog.run_search()
    assert dialog.results.count() == SHOWN and "best 20" in dialog.count.text()
    dialog.box.setText("story 7")
    dialog.run_search()
    assert dialog.count.text().endswith("best first")
