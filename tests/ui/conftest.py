from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import QEvent, QSettings, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

from coprod_desktop.domain.clock import StoppedClock
from coprod_desktop.domain.records import Session
from coprod_desktop.domain.values import SessionState
from coprod_desktop.ui.dialogs.simple import Confirm

WELSH = "Gwŷr ŵyn"
EMOJI = "😀🏳️‍🌈"
RTL = "مرحبا שלום"
MIXED = f'{WELSH} {EMOJI} {RTL} <b>&amp; "q"'


@pytest.fixture(autouse=True)
def _private_settings(tmp_path):
    QSettings.setPath(QSettings.IniFormat, QSettings.UserScope, str(tmp_path / "settings"))
    yield


@pytest.fixture
def window(qtbot, archive, clock):
    from coprod_desktop.ui.main_window import MainWindow

    win = MainWindow(archive, clock=clock)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


def type_text(widget, text: str) -> None:
    """Type any Unicode, one key event per character (qtbot.keyClicks aborts on non-ASCII)."""
    widget.setFocus()
    for char in text:
        key = Qt.Key_Return if char == "\n" else Qt.Key_unknown
        for kind in (QEvent.KeyPress, QEvent.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, key, Qt.NoModifier, char))


def select_all_and_type(widget, text: str) -> None:
    widget.selectAll()
    type_text(widget, text)


T0 = datetime(2026, 11, 23, 10, 0, tzinfo=UTC)


class FakeClock(StoppedClock):
    """Stopped at T0 + ``minutes``; calling it gives the time it shows."""

    def __init__(self):
        super().__init__(T0)
        self.minutes = 0.0

    def now(self) -> datetime:
        return T0 + timedelta(minutes=self.minutes)

    def __call__(self) -> str:
        return self.now_iso()


@pytest.fixture
def running(qtbot, window, clock, monkeypatch):
    """The sample group's planned session, with four people marked here, started."""
    monkeypatch.setattr(Confirm, "ask", classmethod(lambda cls, *a, **k: True))
    window.add_sample_group()
    archive = window.archive
    group = archive.groups()[0]
    session = next(s for s in archive.sessions(group.id) if s.state is SessionState.PLANNED)
    people = archive.participants(group.id)
    for p in people[:4]:  # Amira (not at all), Dafydd (role only), Gwenllian (name), Mair (role only)
        archive.set_attending(session.id, p.id, True)
    window.select(session.id)
    window.show_run_view()
    run = window.run_view
    run.start()
    return window, run, archive.get(Session, session.id), people[:4]
