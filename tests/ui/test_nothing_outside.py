"""Proof: words typed into the capture box, unsaved and then saved, are in no file outside
the (encrypted) archive: not the settings, the log, the data or state folders, nor temp."""

from __future__ import annotations

import logging
import tempfile
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from coprod_desktop.domain.records import Session
from coprod_desktop.domain.values import SessionState
from coprod_desktop.storage import Archive
from coprod_desktop.ui import app as app_module
from coprod_desktop.ui.dialogs.simple import Confirm
from coprod_desktop.ui.main_window import MainWindow

from .conftest import type_text

MARKER = "Zq7marker-Gwŷr"
PASSPHRASE = "kettle orchard lantern drum"


def _holding(folders: list[Path], text: str) -> list[Path]:
    wanted = [text.encode("utf-8"), text.encode("utf-16-le")]
    found = []
    for folder in folders:
        for p in folder.rglob("*"):
            if p.is_file() and any(w in p.read_bytes() for w in wanted):
                found.append(p)
    return found


@pytest.fixture
def private_temp(tmp_path, monkeypatch):
    temp = tmp_path / "temp"
    temp.mkdir()
    monkeypatch.setenv("TMPDIR", str(temp))
    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    return temp


def test_typed_words_are_nowhere_but_in_the_encrypted_archive(
    qtbot, tmp_path, _private_folders, private_temp, monkeypatch
):
    monkeypatch.setattr(Confirm, "ask", classmethod(lambda cls, *a, **k: True))
    log = logging.getLogger("coprod_desktop")
    handlers = list(log.handlers)
    app_module._setup_logging()  # the real log, in the state folder
    path = tmp_path / "archive" / "carers.sqlite"
    archive = Archive.open(path, passphrase=PASSPHRASE)
    window = MainWindow(archive)
    qtbot.addWidget(window)
    window.show()
    window.add_sample_group()
    group = archive.groups()[0]
    session = next(s for s in archive.sessions(group.id) if s.state is SessionState.PLANNED)
    for p in archive.participants(group.id)[:3]:
        archive.set_attending(session.id, p.id, True)
    window.select(session.id)
    window.show_run_view()
    run = window.run_view
    run.start()
    folders = [_private_folders, private_temp, path.parent, tmp_path / "settings"]

    type_text(run.capture.text, f"{MARKER} unsaved")
    assert archive.draft(session.id) == f"{MARKER} unsaved"  # kept, in the archive
    window.settings.sync()
    assert _holding(folders, MARKER) == []
    qtbot.keyClick(run.capture.text, Qt.Key_Return)
    assert archive.contributions(session.id)[-1].text == f"{MARKER} unsaved"
    type_text(run.capture.text, f"{MARKER} typed again")  # left in the box at quit
    log.error("a test error, as the hook logs it")  # the log exists and is written
    window.close()
    archive.close()
    for handler in log.handlers[len(handlers) :]:
        handler.close()
        log.removeHandler(handler)
    assert any(p.name.startswith("coprod-desktop.log") for p in _private_folders.rglob("*"))
    assert path.exists() and not path.read_bytes().startswith(b"SQLite format 3")
    assert _holding(folders, MARKER) == []
    reopened = Archive.open(path, passphrase=PASSPHRASE)  # and yet nothing was lost
    assert reopened.draft(session.id) == f"{MARKER} typed again"
    assert reopened.get(Session, session.id) is not None
    reopened.close()
