"""Screens that fit (issue 12): the window never outgrows a small screen, whatever is
opened, and the room view fits the screen it is on without clipping a line."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication, QLabel

from coprod_desktop.domain.values import SessionState
from coprod_desktop.ui.dialogs.simple import Confirm
from coprod_desktop.ui.live.room_text import _height

from .test_every_screen import SAID


def _settle() -> None:
    for _ in range(4):
        QApplication.processEvents()


def test_a_search_result_from_a_closed_session_and_pausing_keep_the_window_on_a_small_screen(window, monkeypatch):
    monkeypatch.setattr(Confirm, "ask", classmethod(lambda cls, *a, **k: True))
    window.add_sample_group()
    window.resize(1024, 600)
    _settle()
    closed = next(s for s in window.archive.sessions() if s.state is SessionState.CLOSED)
    said = window.archive.contributions(closed.id)[0]
    hits = window.archive.search(said.text.split()[0], limit=200)
    hit = next(h for h in hits if h.session_id == closed.id and h.kind == "Contribution")
    window.open_hit(hit)
    _settle()
    assert window.pages.currentWidget() is window.run_view
    assert window.width() <= 1024 and window.height() <= 600
    planned = next(s for s in window.archive.sessions() if s.state is SessionState.PLANNED)
    window.select(planned.id)
    window.show_run_view()
    window.run_view.start()
    window.run_view.toggle_pause()
    _settle()
    assert window.width() <= 1024 and window.height() <= 600
    assert window.minimumSizeHint().width() <= 1024 and window.minimumSizeHint().height() <= 600


@pytest.mark.parametrize("size", [(1366, 768), (1024, 600), (683, 384)])
def test_the_room_view_fits_and_clips_no_line(running, size):
    window, run, session, _ = running
    for n, words in enumerate(SAID * 2):
        run.capture.text.setText(words)
        run.capture.who.setText(str(n % 4 + 1))
        run.capture.capture()
    window.open_room_view()
    room = window.room_view
    room.showNormal()
    room.resize(*size)
    _settle()
    assert (room.width(), room.height()) == size
    for label in room.findChildren(QLabel):
        if label.isVisible() and label.text():
            needed = _height(label, label.font().pixelSize(), label.text())
            assert needed <= label.contentsRect().height(), (label.accessibleName() or label.text()[:30], size)
    assert "What we have heard" in room.recent.text()


def test_the_room_view_shows_the_rule_just_pointed_to_and_f5_closes_it(running, qtbot):
    from PySide6.QtCore import Qt

    window, run, session, _ = running
    window.open_room_view()
    room = window.room_view
    room.showNormal()
    room.resize(1024, 600)
    assert not room.pointed.isVisibleTo(room)
    run.tools.setCurrentWidget(run.rules)
    run.rules.list.setCurrentRow(1)
    run.rules.point()
    rule = window.archive.ground_rules(session.id)[1]
    assert room.pointed.isVisibleTo(room) and rule.text in room.pointed.text()
    run.step(+1)  # another item: the reminder was for the last one
    assert not room.pointed.isVisibleTo(room)
    room.activateWindow()
    qtbot.waitUntil(room.isActiveWindow)
    qtbot.keyClick(room, Qt.Key_F5)
    assert not room.isVisible()


def test_on_one_screen_the_room_view_is_never_larger_than_it(running):
    window, run, session, _ = running
    window.open_room_view()
    _settle()
    room, screen = window.room_view, window.screen().availableGeometry()
    assert room.width() <= screen.width() and room.height() <= screen.height()
