"""Starting the app: first-start offer, bad archives, remembered layout."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QSize

from coprod_desktop.app.edits import AddRecord
from coprod_desktop.app.sample import GROUP_NAME
from coprod_desktop.storage import Archive
from coprod_desktop.ui import app as app_module
from coprod_desktop.ui import opening
from coprod_desktop.ui.dialogs.passphrase import NewPassphraseDialog
from coprod_desktop.ui.dialogs.simple import ArchiveProblem, SampleOffer
from coprod_desktop.ui.main_window import MainWindow
from coprod_desktop.ui.opening import RecoverySheet


def test_first_start_offers_the_sample_once(qtbot, archive, monkeypatch):
    asked = []
    monkeypatch.setattr(SampleOffer, "ask", classmethod(lambda cls, parent: asked.append(1) or True))
    window = MainWindow(archive)
    qtbot.addWidget(window)
    app_module.offer_sample_if_empty(window)
    assert [g.name for g in archive.groups()] == [GROUP_NAME]
    assert window.selected()[0] == "group"
    # Emptied again, the same archive is not offered the sample a second time.
    archive.delete(type(archive.groups()[0]), archive.groups()[0].id)
    app_module.offer_sample_if_empty(window)
    assert asked == [1]


def test_declining_the_sample_leaves_the_archive_empty(qtbot, archive, monkeypatch):
    monkeypatch.setattr(SampleOffer, "ask", classmethod(lambda cls, parent: False))
    window = MainWindow(archive)
    qtbot.addWidget(window)
    app_module.offer_sample_if_empty(window)
    assert archive.groups() == []
    assert window.pages.currentWidget() is window.empty_page


def test_a_bad_archive_is_explained_and_another_can_be_chosen(qtbot, tmp_path, monkeypatch):
    bad = tmp_path / "bad.sqlite"
    bad.write_bytes(b"not a database at all")
    shown = []
    monkeypatch.setattr(
        ArchiveProblem, "ask", classmethod(lambda cls, title, msg: shown.append((title, msg)) or cls.CHOOSE)
    )
    monkeypatch.setattr(ArchiveProblem, "choose_file", classmethod(lambda cls, start: tmp_path / "fresh.sqlite"))
    monkeypatch.setattr(NewPassphraseDialog, "ask", classmethod(lambda cls, parent, intro: "four unrelated words"))
    monkeypatch.setattr(RecoverySheet, "offer", classmethod(lambda cls, parent, archive: None))
    archive = opening.open_archive_interactively(bad)
    try:
        assert archive is not None and archive.path == tmp_path / "fresh.sqlite" and archive.encrypted
    finally:
        archive.close()
    assert shown[0][0] == "This file is not a coprod-desktop archive"
    assert bad.read_bytes() == b"not a database at all"


def test_quitting_from_the_archive_problem(qtbot, tmp_path, monkeypatch):
    bad = tmp_path / "bad.sqlite"
    bad.write_bytes(b"SQLite format 3\x00" + b"\x01" * 50)
    monkeypatch.setattr(ArchiveProblem, "ask", classmethod(lambda cls, title, msg: cls.QUIT))
    assert opening.open_archive_interactively(bad) is None


def test_window_size_and_splitter_are_remembered(qtbot, archive_path):
    archive = Archive.open(archive_path)
    first = MainWindow(archive)
    qtbot.addWidget(first)
    first.show()
    first.resize(760, 520)
    first.splitter.setSizes([200, 540])
    sizes = first.splitter.sizes()
    first.close()
    second = MainWindow(archive)
    qtbot.addWidget(second)
    second.show()
    assert second.size() == QSize(760, 520)
    assert second.splitter.sizes() == sizes
    archive.close()


def test_last_selection_is_restored(qtbot, archive, today):
    from coprod_desktop.app.sample import add_sample_group

    group = add_sample_group(archive, today)
    session = archive.sessions(group.id)[2]
    first = MainWindow(archive)
    qtbot.addWidget(first)
    first.select(session.id)
    first.close()
    second = MainWindow(archive)
    qtbot.addWidget(second)
    assert second.selected() == ("session", session.id)


def test_inner_splitters_are_remembered(qtbot, archive):
    from PySide6.QtWidgets import QLabel

    from coprod_desktop.ui.settings import AppSettings, remembered_splitter

    first = remembered_splitter(AppSettings(), "probe", QLabel("a"), QLabel("b"))
    qtbot.addWidget(first)
    first.resize(400, 100)
    first.show()
    first.setSizes([100, 300])
    first.splitterMoved.emit(100, 1)
    again = remembered_splitter(AppSettings(), "probe", QLabel("a"), QLabel("b"))
    qtbot.addWidget(again)
    again.resize(400, 100)
    again.show()
    assert again.sizes() == first.sizes()


def test_background_check_of_a_big_archive_warns_in_the_banner(qtbot, filled):
    from ..conftest import damage_data_pages

    damage_data_pages(filled)
    big = Archive.open(filled, full_check=False)  # as an archive over the size limit opens
    window = MainWindow(big)
    qtbot.addWidget(window)
    window.show()
    window.check_integrity_in_background()
    qtbot.waitUntil(lambda: "may be damaged" in window.message_bar.text(), timeout=10_000)
    big.close()


def test_the_log_is_private_and_never_holds_what_was_typed(qtbot, _private_folders, monkeypatch):
    import logging
    import stat
    import sys

    from coprod_desktop.ui import app as app_module
    from coprod_desktop.ui.dialogs.simple import ErrorReport

    monkeypatch.setattr(ErrorReport, "show", classmethod(lambda cls, *a: None))
    path = app_module._setup_logging()
    previous = sys.excepthook
    try:
        app_module.install_excepthook(path)
        said = " ".join(("Private", "story", "about", "my", "father"))  # what was typed, not code
        try:
            raise ValueError(said)
        except ValueError:
            sys.excepthook(*sys.exc_info())
    finally:
        sys.excepthook = previous
        for handler in list(app_module.log.handlers):
            handler.flush()
            handler.close()
            app_module.log.removeHandler(handler)
        app_module.log.setLevel(logging.NOTSET)
    text = path.read_text(encoding="utf-8")
    assert "ValueError" in text and "test_app.py" in text  # where it happened
    assert "Private story" not in text  # never what it said
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_an_encrypted_archive_asks_for_its_passphrase_until_it_is_right(qtbot, tmp_path, monkeypatch):
    from coprod_desktop.ui.dialogs.passphrase import PassphraseDialog
    from coprod_desktop.ui.opening import open_archive_interactively

    path = tmp_path / "locked.sqlite"
    Archive.open(path, passphrase="the right one").close()
    asked = []
    answers = ["a wrong one", "the right one"]
    monkeypatch.setattr(
        PassphraseDialog,
        "ask_remembering",
        classmethod(lambda cls, p, problem=None: (asked.append(problem) or answers.pop(0), False)),
    )
    archive = open_archive_interactively(path)
    assert archive is not None and archive.encrypted
    assert asked[0] is None and "does not open" in asked[1]  # the second time, it says why
    archive.close()


def test_an_export_reads_an_encrypted_archive_through_its_own_connection(qtbot, tmp_path):
    from datetime import date

    from coprod_desktop.app.sample import add_sample_group
    from coprod_desktop.reports.data import Options
    from coprod_desktop.ui.background import ExportJob

    path = tmp_path / "locked.sqlite"
    archive = Archive.open(path, passphrase="the right one")
    group = add_sample_group(archive, date(2027, 5, 1))
    session = archive.sessions(group.id)[-1]
    done, failed = [], []
    job = ExportJob(path, session.id, Options(), None, archive.key)
    job.signals.done.connect(lambda pdf, _where: done.append(pdf))
    job.signals.failed.connect(failed.append)
    job.run()
    archive.close()
    qtbot.waitUntil(lambda: bool(done or failed), timeout=5_000)  # said on the GUI thread, later
    assert failed == [] and done and done[0].startswith(b"%PDF")


def test_the_passphrase_dialog_hides_it_and_warns_of_caps_lock(qtbot, tmp_path):
    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication, QCheckBox, QLineEdit

    from coprod_desktop.ui.dialogs.passphrase import PassphraseDialog

    dialog = PassphraseDialog(None, tmp_path / "a.sqlite", "That passphrase does not open a.sqlite.")
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.edit.echoMode() == QLineEdit.Password and dialog.problem.isVisibleTo(dialog)
    QApplication.sendEvent(dialog.edit, QKeyEvent(QEvent.KeyPress, Qt.Key_A, Qt.NoModifier, "A"))
    assert dialog.caps.isVisibleTo(dialog)  # a capital with no Shift: Caps Lock
    QApplication.sendEvent(dialog.edit, QKeyEvent(QEvent.KeyPress, Qt.Key_A, Qt.NoModifier, "a"))
    assert not dialog.caps.isVisibleTo(dialog)
    dialog.findChild(QCheckBox).setChecked(True)
    assert dialog.edit.echoMode() == QLineEdit.Normal


@pytest.mark.qt_no_exception_capture
def test_a_damaged_value_is_said_in_the_banner_and_stays(qtbot, archive_path, monkeypatch):
    import sys

    from coprod_desktop.app.sample import add_sample_group
    from coprod_desktop.domain.records import Group
    from coprod_desktop.storage import connection
    from coprod_desktop.ui.dialogs.simple import ErrorReport

    archive = Archive.open(archive_path)
    add_sample_group(archive, date(2026, 11, 2))
    archive.close()
    conn = connection.connect(archive_path)
    conn.execute("UPDATE participants SET roles = '[\"astronaut\"]'")  # a role the app never writes
    conn.commit()
    conn.close()
    reports: list[str] = []
    monkeypatch.setattr(ErrorReport, "show", classmethod(lambda cls, parent, summary, log: reports.append(summary)))
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # put back after the test
    app_module.install_excepthook(None)  # as the app runs: damage met in a slot goes to the banner
    archive = Archive.open(archive_path)
    window = MainWindow(archive)
    qtbot.addWidget(window)
    window.show()
    window.check_integrity_in_background()
    qtbot.waitUntil(lambda: "may be damaged" in window.message_bar.text(), timeout=10_000)
    assert "participant record holds a value this app never writes" in window.message_bar.text()
    window.select(window.archive.groups()[0].id)  # reading the roster meets the damage: said, not a bug
    qtbot.wait(50)
    assert reports == []
    assert window.undoable.run(AddRecord(Group("A new group"), "Add group")) is False  # nothing is written
    window.undo_stack.indexChanged.emit(0)  # a later change does not hide it
    assert "may be damaged" in window.message_bar.text()
    assert archive.conn.execute("SELECT count(*) FROM groups WHERE name = 'A new group'").fetchone()[0] == 0
    archive.close()
