"""Walks every screen (planner tabs, the run view with each tool tab in each state, the room
view, the lock screen, every dialog) and fails on a control without a meaningful name, an
Alt letter used twice in one window, an input the wheel changes without focus, or a least
size over 1024×600."""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication, QWidget

from coprod_desktop.domain.records import Action, Decision, Session
from coprod_desktop.domain.values import SessionState

from .screen_checks import problems

SAID = [
    "We waited four hours for the transport home, and nobody told us why.",
    "Ffoniais y ward ddwywaith — neb yn ateb 📞",
    "الممرضة كانت لطيفة جداً لكن لم يشرح أحد الأدوية",
    "A checklist on the fridge would help, if it is in large print and in Welsh too. " * 3,
    "<b>&amp; 'quotes' \"too\"</b>",
    "Short.",
]


def _settle(window) -> None:
    for _ in range(3):
        QApplication.processEvents()


def _tabs(tabs) -> Iterator[int]:
    for index in range(tabs.count()):
        tabs.setCurrentIndex(index)
        yield index


def main_window_screens(window, monkeypatch) -> Iterator[tuple[str, QWidget]]:
    from coprod_desktop.ui.dialogs.simple import Confirm

    monkeypatch.setattr(Confirm, "ask", classmethod(lambda cls, *a, **k: True))
    yield "empty archive", window
    window.add_sample_group()
    archive = window.archive
    group = archive.groups()[0]
    window.select(group.id)
    page = window.group_page
    for index in _tabs(page.tabs):
        yield f"group page, tab {page.tabs.tabText(index)}", window
    sessions = archive.sessions(group.id)
    planned = next(s for s in sessions if s.state is SessionState.PLANNED)
    closed = next(s for s in sessions if s.state is SessionState.CLOSED)
    window.select(planned.id)
    window.show_plan()
    plan = window.session_page
    for index in _tabs(plan.tabs):
        yield f"session page, tab {plan.tabs.tabText(index)}", window
    for state, session in (("planned", planned), ("closed", closed)):
        window.select(session.id)
        window.show_run_view()
        run = window.run_view
        for index in _tabs(run.tools):
            yield f"run view ({state}), tool {run.tools.tabText(index)}", window
    for p in archive.participants(group.id)[:4]:
        archive.set_attending(planned.id, p.id, True)
    window.select(planned.id)
    window.show_run_view()
    run = window.run_view
    run.start()
    run.deck.draw()
    for n, words in enumerate(SAID):
        run.capture.text.setText(words)
        run.capture.who.setText(str(n % 4 + 1))
        run.capture.capture()
    from coprod_desktop.app.room import point_to_rule

    rule = archive.ground_rules(planned.id)[1]
    window.undoable.run(point_to_rule(archive, planned.id, rule))
    for index in _tabs(run.tools):
        yield f"run view (live), tool {run.tools.tabText(index)}", window
    run.toggle_pause()
    yield "run view (live, paused)", window
    yield from _open_to_phones(window, run)  # paused: the room view's timer stands still to be compared


def _open_to_phones(window, run) -> Iterator[tuple[str, QWidget]]:
    """The phones tab open to phones, with what two phones sent waiting, a round revealed,
    and the room view showing the QR code; closed again after."""
    from coprod_desktop.domain.values import RoundKind
    from tests.phone_client import Phone

    run.tools.setCurrentWidget(run.tools.widget(6))
    panel = run.phones
    panel.address.setCurrentIndex(panel.address.findData("127.0.0.1"))
    panel.toggle_open()
    deadline = time.monotonic() + 20  # the server's process starts
    while not panel.url.text() and time.monotonic() < deadline:
        QApplication.processEvents()
    phone = Phone(panel.door.join_url)
    for words in SAID[:2]:
        phone.say(words, kind="concern")
    panel.rounds.kind.setCurrentIndex(panel.rounds.kind.findData(RoundKind.FIST_OF_FIVE.value))
    panel.rounds.question.setText(SAID[0][:60])
    panel.rounds.open_round()
    phone.answer(panel.rounds.current.id, "4")
    panel.rounds.close_round()
    panel.rounds.reveal()
    deadline = time.monotonic() + 5
    while panel.queue.count() < 2 and time.monotonic() < deadline:
        QApplication.processEvents()
    yield "run view (live), open to phones", window
    window.open_room_view()
    yield "room view, open to phones", window.room_view
    window.room_view.close()
    panel.toggle_open()


def dialog_screens(window) -> Iterator[tuple[str, QWidget]]:
    from coprod_desktop.ui.dialogs.cards import CardsDialog
    from coprod_desktop.ui.dialogs.contribution import ContributionDialog
    from coprod_desktop.ui.dialogs.decision import ActionDialog, DecisionDialog
    from coprod_desktop.ui.dialogs.export import ExportDialog
    from coprod_desktop.ui.dialogs.loop_view import LoopView
    from coprod_desktop.ui.dialogs.passphrase import NewPassphraseDialog, PassphraseDialog
    from coprod_desktop.ui.dialogs.people_data import EraseDialog
    from coprod_desktop.ui.dialogs.search import SearchDialog
    from coprod_desktop.ui.lock_screen import LockScreen

    window.add_sample_group()
    archive = window.archive
    group = archive.groups()[0]
    sessions = archive.sessions(group.id)
    closed = next(s for s in sessions if s.state is SessionState.CLOSED)
    people = archive.participants(group.id)
    contributions = archive.contributions(closed.id)
    decision = Decision(closed.id, "")
    yield "decision", DecisionDialog(window, decision, people, contributions)
    yield "action", ActionDialog(window, Action(closed.id, ""), people, archive.decisions(closed.id))
    yield "cards", CardsDialog(window, window.undoable, group.id)
    yield "contribution", ContributionDialog(window, contributions[0], people)
    yield "search", SearchDialog(window, archive)
    yield "export (session)", ExportDialog(window, archive.path, archive.get(Session, closed.id), archive.path.parent)
    yield "export (group)", ExportDialog(window, archive.path, group, archive.path.parent, group=True)
    yield "you said, we did", LoopView(window, archive, group)
    yield "passphrase", PassphraseDialog(window, archive.path, None)
    yield "new passphrase", NewPassphraseDialog(window, "Choose a passphrase for the archive.")
    yield "lock screen", LockScreen("archive.coprod.sqlite")
    yield "keyboard shortcuts", window.shortcuts_dialog()
    yield "erase", EraseDialog(window, people[0].preferred_name, "Everything about them goes.", ask_about_words=True)


def _report(name: str, top: QWidget, *, size: bool = True) -> dict:
    top.show()
    top.activateWindow()
    _settle(top)
    return {f"{name}: {what}": items for what, items in problems(top, size=size).items()}


def _said(found: dict) -> str:
    return "\n".join(f"{where}: {items}" for where, items in found.items())


def test_every_screen_of_the_main_window(window, monkeypatch):
    window.resize(1024, 600)
    found: dict = {}
    for name, top in main_window_screens(window, monkeypatch):
        found.update(_report(name, top, size=True))
    window.open_room_view()
    found.update(_report("room view", window.room_view, size=True))
    assert not found, _said(found)


def test_every_dialog(window, qtbot):
    found: dict = {}
    for name, dialog in dialog_screens(window):
        qtbot.addWidget(dialog)
        found.update(_report(name, dialog))
        dialog.close()
    assert not found, _said(found)


def dark_palette():
    from PySide6.QtGui import QColor, QPalette

    palette = QPalette()
    for role, colour in (
        (QPalette.Window, "#202124"), (QPalette.WindowText, "#e8eaed"), (QPalette.Base, "#2b2c2f"),
        (QPalette.AlternateBase, "#323336"), (QPalette.Text, "#e8eaed"), (QPalette.Button, "#303134"),
        (QPalette.ButtonText, "#e8eaed"), (QPalette.Highlight, "#8ab4f8"), (QPalette.HighlightedText, "#202124"),
        (QPalette.PlaceholderText, "#9aa0a6"), (QPalette.ToolTipBase, "#303134"), (QPalette.ToolTipText, "#e8eaed"),
        (QPalette.Mid, "#5f6368"), (QPalette.Light, "#3c4043"), (QPalette.Dark, "#17181a"),
    ):  # fmt: skip
        palette.setColor(role, QColor(colour))
    return palette


def test_every_screen_is_readable_on_a_dark_palette(qtbot, archive, clock, monkeypatch):
    """Colours set in code (a not-started timer, an error, a hint) are readable on dark too."""
    from coprod_desktop.ui.main_window import MainWindow

    from .screen_checks import faint_text

    app = QApplication.instance()
    light = app.palette()
    app.setPalette(dark_palette())
    try:
        window = MainWindow(archive, clock=clock)
        qtbot.addWidget(window)
        window.resize(1366, 768)
        window.show()
        found = {}
        for name, top in main_window_screens(window, monkeypatch):
            _settle(top)
            if faint := faint_text(top):
                found[name] = faint
        window.run_view.capture.problem.setText("Who is “zz”? Type their number, more of the name, or a role.")
        _settle(window)
        if faint := faint_text(window):
            found["an error under the capture box"] = faint
        assert not found, _said(found)
    finally:
        app.setPalette(light)


def test_the_cut_off_check_can_fail(qtbot):
    from PySide6.QtWidgets import QDialog, QLabel, QVBoxLayout

    from .screen_checks import cut_off

    dialog = QDialog()
    qtbot.addWidget(dialog)
    label = QLabel("A paragraph that wraps onto many lines when its window is narrow. " * 6)
    label.setWordWrap(True)
    QVBoxLayout(dialog).addWidget(label)
    dialog.show()
    dialog.resize(200, 40)
    QApplication.processEvents()
    assert cut_off(dialog)


@pytest.mark.parametrize("check", ["mnemonic", "wheel", "name", "size", "faint"])
def test_the_checks_can_fail(qtbot, check):
    """Each check finds what it looks for on a screen made to fail it."""
    from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QPushButton, QVBoxLayout

    top = QWidget()
    qtbot.addWidget(top)
    layout = QVBoxLayout(top)
    if check == "mnemonic":
        layout.addWidget(QPushButton("&Start"))
        layout.addWidget(QPushButton("&Stop"))
    elif check == "wheel":
        layout.addWidget(QPushButton("Holds the focus"))  # else the box, alone, would have it
        box = QComboBox()
        box.addItems(["one", "two", "three"])
        box.setCurrentIndex(1)
        layout.addWidget(box)
    elif check == "name":
        layout.addWidget(QLabel("Not a buddy"))
        layout.addWidget(QLineEdit())
        layout.addWidget(QPushButton("Add"))
    elif check == "faint":
        faint = QLabel("Grey on grey")
        faint.setStyleSheet("color: #c8c8c8;")
        layout.addWidget(faint)
    else:
        wide = QLabel("x" * 400)
        layout.addWidget(wide)
    found = _report("made to fail", top)
    assert len(found) == 1, found
