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
