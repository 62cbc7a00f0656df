"""Keys found wanting in a whole workshop (issue 12): Ctrl+R from the tree, arrowing onto
a live session, a draft kept from before a crash."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from coprod_desktop.domain.values import SessionState

from .conftest import WELSH, type_text


def _active(window, qtbot, widget) -> None:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    widget.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is widget)


def test_ctrl_r_runs_the_session_with_the_focus_in_the_tree(window, qtbot):
    window.add_sample_group()
    session = next(s for s in window.archive.sessions() if s.state is SessionState.PLANNED)
    window.select(session.id)
    _active(window, qtbot, window.tree)
    qtbot.keyClick(window.tree, Qt.Key_R, Qt.ControlModifier)
    assert window.pages.currentWidget() is window.run_view


def test_arrowing_the_tree_onto_the_live_session_leaves_the_focus_in_the_tree(running, qtbot):
    window, run, session, _ = running
    window.select(session.group_id)
    _active(window, qtbot, window.tree)
    for _ in range(6):
        qtbot.keyClick(window.tree, Qt.Key_Down)
        if window.selected() == ("session", session.id):
            break
    assert window.selected() == ("session", session.id) and window.pages.currentWidget() is run
    assert QApplication.focusWidget() is window.tree


def test_a_draft_restored_after_a_crash_is_not_selected(running, qtbot):
    from coprod_desktop.ui.main_window import MainWindow

    window, run, session, _ = running
    type_text(run.capture.text, f"Half a sentence {WELSH}")
    again = MainWindow(window.archive)  # as after the laptop died mid-sentence
    qtbot.addWidget(again)
    again.show()
    box = again.run_view.capture.text
    _active(again, qtbot, box)
    assert not box.hasSelectedText()
    type_text(box, " and the rest")
    assert box.text() == f"Half a sentence {WELSH} and the rest"


def test_tab_follows_the_layout_of_the_run_view(running, qtbot):
    window, run, session, _ = running
    _active(window, qtbot, window.tree)
    seen = []
    for _ in range(60):
        window.focusNextPrevChild(True)
        widget = QApplication.focusWidget()
        seen.append(widget)
        if widget is window.tree:
            break
    wanted = [run.room_button, run.plan_button, run.end_button, run.agenda, run.capture.text, run.capture.who,
              run.capture.list]  # fmt: skip
    where = [seen.index(w) for w in wanted]
    assert where == sorted(where), [type(w).__name__ for w in seen]
    tools_at = next(i for i, w in enumerate(seen) if w is run.tools or run.tools.isAncestorOf(w))
    assert tools_at > where[-1]
