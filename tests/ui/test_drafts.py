"""Unsaved words in the capture box live in the archive: never in the settings file, gone
with their session, and written without ever waiting on a lock held elsewhere."""

from __future__ import annotations

import time
from pathlib import Path

from PySide6.QtCore import Qt

from coprod_desktop.domain.records import Session
from coprod_desktop.storage import connection

from .conftest import WELSH, type_text

MARKER = f"Marker-q8z3 {WELSH}"


def _files_holding(folder: Path, text: str) -> list[Path]:
    wanted = text.encode("utf-8")
    return [p for p in folder.rglob("*") if p.is_file() and wanted in p.read_bytes()]


def test_a_draft_is_kept_in_the_archive_not_the_settings_file(running, qtbot, tmp_path, _private_folders):
    window, run, session, _ = running
    type_text(run.capture.text, MARKER)
    assert window.archive.draft(session.id) == MARKER
    window.settings.sync()
    assert _files_holding(tmp_path / "settings", "q8z3") == []
    assert _files_holding(_private_folders, "q8z3") == []
    qtbot.keyClick(run.capture.text, Qt.Key_Return)  # kept: the draft goes in the same transaction
    assert window.archive.contributions(session.id)[-1].text == MARKER
    assert window.archive.draft(session.id) == ""


def test_a_draft_left_in_the_settings_file_by_an_earlier_version_moves_into_the_archive(running, qtbot):
    from coprod_desktop.ui.main_window import MainWindow

    window, run, session, _ = running
    window.settings.setValue(f"capture_drafts/{session.id}", "Words from before the update")
    window.settings.sync()
    again = MainWindow(window.archive, window.settings, clock=window.context.clock)
    qtbot.addWidget(again)
    assert again.run_view.capture.text.text() == "Words from before the update"
    assert window.archive.draft(session.id) == "Words from before the update"
    window.settings.sync()
    assert window.settings.value(f"capture_drafts/{session.id}") is None


def test_a_draft_goes_with_its_session(running):
    window, run, session, _ = running
    type_text(run.capture.text, "Half a sentence")
    window.archive.delete(Session, session.id)
    assert window.archive.conn.execute("SELECT count(*) FROM capture_drafts").fetchone()[0] == 0


def test_typing_never_waits_for_a_lock_held_elsewhere(running, archive_path):
    window, run, session, _ = running
    other = connection.connect(archive_path)
    other.execute("BEGIN IMMEDIATE")  # another program holds the write lock
    try:
        started = time.monotonic()
        type_text(run.capture.text, "Typed while locked")
        assert time.monotonic() - started < 2  # five characters would be 25 s at the busy timeout
        assert run.capture.text.text() == "Typed while locked"  # every key is still in the box
    finally:
        other.rollback()
        other.close()
    type_text(run.capture.text, "!")  # the next keystroke writes the whole draft
    assert window.archive.draft(session.id) == "Typed while locked!"


def test_a_capture_made_while_another_program_holds_the_lock_waits_and_is_kept_alone(running, qtbot, archive_path):
    window, run, session, _ = running
    before = len(window.archive.contributions(session.id))
    other = connection.connect(archive_path)
    other.execute("BEGIN IMMEDIATE")  # another program holds the write lock
    try:
        for said in ("c0701", "c0702"):
            type_text(run.capture.text, said)
            qtbot.keyClick(run.capture.text, Qt.Key_Return)
        type_text(run.capture.text, "c07")  # the next one, being typed
        assert len(run.capture.pending) == 2
        assert run.capture.pending.isVisibleTo(run.capture)
        assert "Not saved yet (2 contributions)" in run.capture.pending.label.text()
        assert "c0702" in run.capture.pending.label.text()
        assert run.capture.text.text() == "c07"
        run.capture.pending.retry()  # still locked: still waiting, nothing lost
        assert len(run.capture.pending) == 2
    finally:
        other.rollback()
        other.close()
    qtbot.waitUntil(lambda: len(run.capture.pending) == 0, timeout=3000)
    kept = [c.text for c in window.archive.contributions(session.id)]
    assert kept[before:] == ["c0701", "c0702"]  # in order, each on its own, never merged
    assert window.archive.draft(session.id) == "c07"  # the box's words were not forgotten
    assert not run.capture.pending.isVisibleTo(run.capture)
    run.capture.text.setFocus()
    window.undo_stack.undo()
    assert [c.text for c in window.archive.contributions(session.id)][before:] == ["c0701"]


def test_a_capture_that_fails_otherwise_stays_in_the_box(running, qtbot, monkeypatch):
    from coprod_desktop.storage import errors

    window, run, session, _ = running

    def full(*_a, **_k):
        raise errors.ArchiveWriteError("The disk is full, so your last change was not saved.")

    monkeypatch.setattr(type(window.archive), "add", full)
    type_text(run.capture.text, "Said when the disk was full")
    qtbot.keyClick(run.capture.text, Qt.Key_Return)
    assert run.capture.text.text() == "Said when the disk was full"
    assert len(run.capture.pending) == 0


def test_quitting_with_contributions_not_saved_yet_asks_first(running, qtbot, archive_path, monkeypatch):
    from coprod_desktop.ui.dialogs import simple

    window, run, session, _ = running
    asked: list[str] = []
    monkeypatch.setattr(simple.Confirm, "ask", classmethod(lambda cls, parent, title, text, yes: asked.append(text)))
    other = connection.connect(archive_path)
    other.execute("BEGIN IMMEDIATE")
    try:
        type_text(run.capture.text, "Said as we were closing")
        qtbot.keyClick(run.capture.text, Qt.Key_Return)
        assert not window.close()  # stays open: the facilitator did not choose to lose it
        assert asked and "1 contribution could not be saved yet" in asked[0]
    finally:
        other.rollback()
        other.close()
    assert window.close()  # the lock has gone: kept on the way out
    assert window.archive.contributions(session.id)[-1].text == "Said as we were closing"
