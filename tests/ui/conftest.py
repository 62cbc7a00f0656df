from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QSettings, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

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
