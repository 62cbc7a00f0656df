"""Locking: Ctrl+L and the idle time hide everything but the way back in; the room view
keeps only the session's title; the passphrase lifts it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QLineEdit, QWidget

from coprod_desktop.domain.records import Session
from coprod_desktop.domain.values import SessionState
from coprod_desktop.storage import Archive
from coprod_desktop.ui.lock_screen import LockScreen
from tests.ui.conftest import type_text

PASSPHRASE = "kettle orchard lantern drum"


@pytest.fixture
def locked_window(qtbot, tmp_path, clock):
    from coprod_desktop.ui.main_window import MainWindow

    archive = Archive.open(tmp_path / "secret.sqlite", passphrase=PASSPHRASE)
    window = MainWindow(archive, clock=clock)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.add_sample_group()
    yield window
    window.close()
    archive.close()


def _visible_text(window) -> str:
    shown = []
    for widget in window.findChildren(QWidget):
        if not widget.isVisibleTo(window):
            continue
        if isinstance(widget, QLabel | QAbstractButton | QLineEdit):
            shown.append(widget.text())
    return "\n".join(shown)


def test_ctrl_l_hides_everything_until_the_passphrase(qtbot, locked_window):
    window = locked_window
    group = window.archive.groups()[0]
    assert group.name in window.tree_model.index(0, 0).data()
    window.tree.setFocus()
    qtbot.keyClick(window.tree, Qt.Key_L, Qt.ControlModifier)
    assert isinstance(window.centralWidget(), LockScreen)
    assert not window.tree.isVisibleTo(window) and not window.menuBar().isVisible()
    assert group.name not in _visible_text(window)
    assert not window.undo_action.isEnabled() and not window.new_group_action.isEnabled()
    assert QApplication.focusWidget() is window.lock_screen.edit

    type_text(window.lock_screen.edit, "kettle orchard")
    qtbot.keyClick(window.lock_screen.edit, Qt.Key_Return)
    assert window.locked and "not the passphrase" in window.lock_screen.problem.text()

    window.lock_screen.edit.clear()
    type_text(window.lock_screen.edit, PASSPHRASE)
    qtbot.keyClick(window.lock_screen.edit, Qt.Key_Return)
    assert not window.locked and QApplication.focusWidget() is window.tree  # back where it was
    assert window.tree.isVisibleTo(window) and window.menuBar().isVisible()
    assert window.undo_action.isEnabled() is window.undo_stack.canUndo()
    assert window.new_group_action.isEnabled()


def test_it_locks_after_the_idle_time_set(qtbot, locked_window):
    window = locked_window
    window.settings.lock_after_minutes = 5
    window.idle.last_input -= 4 * 60
    window.lock_if_idle()
    assert not window.locked
    window.idle.last_input -= 61
    window.lock_if_idle()
    assert window.locked
    window.settings.lock_after_minutes = 0  # never
    window.unlock(PASSPHRASE)
    window.idle.last_input -= 10_000
    window.lock_if_idle()
    assert not window.locked


def test_the_room_view_shows_only_the_title_while_locked(qtbot, locked_window):
    window = locked_window
    archive = window.archive
    session = next(s for s in archive.sessions(archive.groups()[0].id) if s.state is SessionState.CLOSED)
    window.select(session.id)
    window.open_room_view()
    room = window.room_view
    qtbot.addWidget(room)
    qtbot.wait(50)  # laid out, and each text fitted to its share
    rules = room.rules.text()
    assert rules and room.rules.isVisible()
    window.lock()
    visible = [label.text() for label in room.findChildren(QLabel) if label.isVisibleTo(room) and label.text()]
    assert visible == [archive.get(Session, session.id).title]
    window.unlock(PASSPHRASE)
    qtbot.wait(50)
    assert room.rules.isVisible() and room.rules.text() == rules


def test_a_plain_archive_cannot_be_locked_and_says_so(qtbot, window):
    notices = []
    window.hub.notice.connect(notices.append)
    window.lock()
    assert not window.locked and "not encrypted" in notices[0]
