"""Reporting back (issue 12): "Done" takes a note of what was done, a status pressed twice
is recorded once, and a second press never reports on the next item."""

from __future__ import annotations

from coprod_desktop.domain.values import ReportBackStatus
from coprod_desktop.ui.live.report_back_panel import ReasonDialog


def test_done_takes_a_note_and_a_second_press_records_nothing_more(running, monkeypatch):
    window, run, session, _ = running
    since = run.since
    owed = since.owed_count()
    monkeypatch.setattr(ReasonDialog, "ask", classmethod(lambda cls, *a, **k: "We rang the ward on Monday"))
    since.owed.setCurrentRow(0)
    assert since.report(ReportBackStatus.DONE)
    given = window.archive.report_backs(session_id=session.id)
    assert [(rb.status, rb.note) for rb in given] == [(ReportBackStatus.DONE, "We rang the ward on Monday")]
    assert not since.report(ReportBackStatus.DONE)  # pressed again: nothing selected, nothing more
    assert since.owed_count() == owed - 1 and len(window.archive.report_backs(session_id=session.id)) == 1
    since.owed.setCurrentRow(0)
    assert since.report(ReportBackStatus.IN_PROGRESS)
    assert not since.report(ReportBackStatus.IN_PROGRESS)  # still owed, still selected: once is enough
    assert len(window.archive.report_backs(session_id=session.id)) == 2


def test_the_why_box_wraps(qtbot):
    from PySide6.QtWidgets import QPlainTextEdit

    dialog = ReasonDialog(None, "Dropped", "Why? This is what the group will be told.")
    qtbot.addWidget(dialog)
    assert dialog.box.lineWrapMode() is QPlainTextEdit.WidgetWidth
    assert dialog.findChildren(type(dialog.box)) and dialog.box.accessibleName().startswith("Why?")
