"""Subject access and erasure from the roster, and the offer at start of groups kept past
their period: through the window, as a facilitator would."""

from __future__ import annotations

import json
from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from coprod_desktop.domain.records import Contribution, Group, Participant, Session
from coprod_desktop.domain.values import SessionState
from coprod_desktop.ui.dialogs.people_data import EraseChoice, EraseDialog, FolderChoice, KeptTooLong
from tests.ui.conftest import MIXED, type_text


def _roster(window, person_name: str):
    window.add_sample_group()
    group = window.archive.groups()[0]
    window.select(group.id)
    panel = window.group_page.people
    person = next(p for p in window.archive.participants(group.id) if p.preferred_name == person_name)
    panel.view.setCurrentIndex(panel.model.index(panel.model.row_of(person.id), 0))
    return panel, person


def _said_by(archive, person_id: str) -> list[Contribution]:
    rows = archive.conn.execute("SELECT id FROM contributions WHERE participant_id = ?", [person_id]).fetchall()
    return [archive.get(Contribution, r[0]) for r in rows]


def test_erasing_from_the_roster_takes_them_and_their_undo_history(qtbot, window, monkeypatch):
    panel, person = _roster(window, "Gwenllian")
    assert _said_by(window.archive, person.id), "the sample should have Gwenllian saying something"
    panel.form.pronouns.setFocus()
    type_text(panel.form.pronouns, "hi")  # an edit on the undo stack that holds her record
    assert window.undo_stack.count() > 0
    monkeypatch.setattr(EraseDialog, "ask_person", classmethod(lambda cls, parent, p: EraseChoice("gwenllian ", True)))
    notices = []
    window.hub.notice.connect(notices.append)

    panel.erase_current()

    assert window.archive.find(Participant, person.id) is None
    assert _said_by(window.archive, person.id) == []
    assert window.undo_stack.count() == 0
    assert person.id not in [p.id for p in panel.model.records]
    assert notices and notices[-1].startswith("Erased Gwenllian:") and "deleted" in notices[-1]


def test_a_wrong_name_erases_nothing(qtbot, window, monkeypatch):
    panel, person = _roster(window, "Gwenllian")
    monkeypatch.setattr(EraseDialog, "ask_person", classmethod(lambda cls, parent, p: EraseChoice("Gwen", True)))
    problems = []
    window.hub.failed.connect(lambda title, text: problems.append(text))
    panel.erase_current()
    assert window.archive.find(Participant, person.id) is not None
    assert problems and "nothing was erased" in problems[0]


def test_the_erase_button_waits_for_the_name_and_says_it_cannot_be_undone(qtbot):
    person = Participant("g", MIXED)
    dialog = EraseDialog(None, person.preferred_name, "Explained.", ask_about_words=True)
    qtbot.addWidget(dialog)
    assert "cannot be undone" in " ".join(label.text() for label in dialog.findChildren(QLabel))
    assert not dialog.erase.isEnabled()
    type_text(dialog.typed, MIXED[:-1])
    assert not dialog.erase.isEnabled()
    type_text(dialog.typed, MIXED[-1])
    assert dialog.erase.isEnabled()
    dialog.anonymise.setChecked(True)
    assert dialog.choice() == EraseChoice(MIXED, False)


def test_everything_we_hold_is_saved_where_chosen(qtbot, window, monkeypatch, tmp_path):
    panel, person = _roster(window, "Gwenllian")
    monkeypatch.setattr(FolderChoice, "ask", classmethod(lambda cls, parent, title: tmp_path))
    notices = []
    window.hub.notice.connect(notices.append)
    panel.export_current()  # built off the GUI thread: the window goes on meanwhile
    qtbot.waitUntil(lambda: any(n.startswith("Saved everything") for n in notices), timeout=10_000)
    (data,) = tmp_path.glob("*.json")
    (pdf,) = tmp_path.glob("*.pdf")
    held = json.loads(data.read_text(encoding="utf-8"))["held"]
    assert held["participant"][0]["preferred_name"] == "Gwenllian"
    assert len(held["contributions"]) == len(_said_by(window.archive, person.id)) > 0
    assert pdf.read_bytes().startswith(b"%PDF")


def _long_ago_group(archive) -> Group:
    group = archive.add(Group("Finished project", retention_years=1))
    archive.add(Session(group.id, "Last meeting", date=date(2020, 3, 1), state=SessionState.CLOSED))
    return group


@pytest.mark.parametrize("erase", [True, False], ids=["erased", "declined"])
def test_groups_past_their_period_are_offered_and_erased_only_when_confirmed(qtbot, window, monkeypatch, erase):
    from coprod_desktop.ui.app import offer_erasure_if_overdue

    group = _long_ago_group(window.archive)
    window.add_sample_group()  # met recently: not offered
    offered = []

    def ask(cls, parent, overdue):
        offered.append([k.group.name for k in overdue])
        return overdue[0].group.id if not offered[1:] else None

    monkeypatch.setattr(KeptTooLong, "ask", classmethod(ask))
    monkeypatch.setattr(EraseDialog, "ask_group", classmethod(lambda cls, p, name: name if erase else None))
    offer_erasure_if_overdue(window)
    assert offered[0] == ["Finished project"]
    assert (window.archive.find(Group, group.id) is None) is erase
    assert len(window.archive.groups()) == (1 if erase else 2)


def test_the_overdue_list_names_the_dates(qtbot, archive):
    from coprod_desktop.app.people_data import overdue

    _long_ago_group(archive)
    dialog = KeptTooLong(None, overdue(archive, date(2026, 12, 2)))
    qtbot.addWidget(dialog)
    text = dialog.list.item(0).text()
    assert "Finished project" in text and "1 March 2020" in text and "1 March 2021" in text
    assert dialog.list.item(0).data(Qt.UserRole)
