"""An optional date (issue 12): it opens on today, not January 2000, typing edits a real
date, looking without choosing leaves it unset, and Delete unsets it."""

from __future__ import annotations

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication

from coprod_desktop.app.changes import Change
from coprod_desktop.domain.records import Participant


def test_the_consent_date_opens_on_today_and_typed_dates_parse(window, qtbot):
    window.add_sample_group()
    group = window.archive.groups()[0]
    person = window.archive.participants(group.id)[0]
    window.archive.update(Participant, person.id, consent_date=None)
    window.hub.announce(Change.of(Participant, person.id))
    window.select(group.id)
    panel = window.group_page.people
    panel.view.setCurrentIndex(panel.model.index(panel.model.row_of(person.id), 0))
    edit = panel.form.consent_date
    assert edit.text() == "Not set"
    today = window.context.clock.today()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    edit.setFocus()
    qtbot.waitUntil(edit.hasFocus)
    assert edit.date() == QDate(today.year, today.month, today.day)  # not 1 January 2000
    assert "Not set" not in edit.text()
    window.tree.setFocus()  # looked, chose nothing
    qtbot.waitUntil(lambda: not edit.hasFocus())
    assert edit.text() == "Not set" and window.archive.get(Participant, person.id).consent_date is None
    edit.setFocus()
    qtbot.waitUntil(edit.hasFocus)
    edit.setSelectedSection(edit.Section.YearSection)
    qtbot.keyClick(edit, Qt.Key_Up)  # a year on: a real date, kept
    kept = window.archive.get(Participant, person.id).consent_date
    assert kept is not None and kept.year == today.year + 1 and (kept.month, kept.day) == (today.month, today.day)
    assert "Not set" not in edit.text()
    edit.lineEdit().selectAll()
    qtbot.keyClick(edit, Qt.Key_Delete)
    assert window.archive.get(Participant, person.id).consent_date is None and edit.text() == "Not set"
    assert QApplication.focusWidget() is edit
