"""'Remember on this laptop': the archive's key (never the passphrase) in the OS keyring,
opening without asking; where there is no keyring, the passphrase is asked as before."""

from __future__ import annotations

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.backends import fail

from coprod_desktop.app import remembered
from coprod_desktop.domain.records import Group
from coprod_desktop.storage import Archive
from coprod_desktop.ui import opening
from coprod_desktop.ui.dialogs.passphrase import PassphraseDialog
from coprod_desktop.ui.settings import AppSettings

GOOD = "kettle orchard lantern drum"


class MemoryKeyring(KeyringBackend):
    priority = 10

    def __init__(self):
        super().__init__()
        self.kept: dict[tuple[str, str], str] = {}

    def get_password(self, service, username):
        return self.kept.get((service, username))

    def set_password(self, service, username, password):
        self.kept[(service, username)] = password

    def delete_password(self, service, username):
        self.kept.pop((service, username), None)


@pytest.fixture
def ring():
    before = keyring.get_keyring()
    memory = MemoryKeyring()
    keyring.set_keyring(memory)
    yield memory
    keyring.set_keyring(before)


@pytest.fixture
def encrypted(tmp_path):
    path = tmp_path / "carers.sqlite"
    archive = Archive.open(path, passphrase=GOOD)
    archive.add(Group("Carers of Gŵyr"))
    archive.close()
    return path


def _answers(monkeypatch, *answers):
    asked = []
    queue = list(answers)

    def ask(cls, path, problem=None):
        asked.append(problem)
        return queue.pop(0)

    monkeypatch.setattr(PassphraseDialog, "ask_remembering", classmethod(ask))
    return asked


def test_remembered_opens_without_asking_and_keeps_only_the_key(qtbot, ring, encrypted, monkeypatch):
    asked = _answers(monkeypatch, (GOOD, True))
    first = opening.open_archive_interactively(encrypted, settings=AppSettings())
    first.close()
    assert len(asked) == 1
    (kept,) = ring.kept.values()
    assert GOOD not in kept and str(encrypted) not in str(ring.kept)  # the key, under a name that hides the path
    again = opening.open_archive_interactively(encrypted, settings=AppSettings())
    assert [g.name for g in again.groups()] == ["Carers of Gŵyr"]
    again.close()
    assert len(asked) == 1  # not asked the second time


def test_a_key_kept_from_before_a_passphrase_change_falls_back_to_asking(qtbot, ring, encrypted, monkeypatch):
    _answers(monkeypatch, (GOOD, True))
    opening.open_archive_interactively(encrypted, settings=AppSettings()).close()
    archive = Archive.open(encrypted, passphrase=GOOD)
    archive.change_passphrase("a different long passphrase")  # changed elsewhere
    archive.close()
    asked = _answers(monkeypatch, ("a different long passphrase", False))
    reopened = opening.open_archive_interactively(encrypted, settings=AppSettings())
    reopened.close()
    assert asked == [None]  # asked calmly, not told "wrong passphrase" for the keyring's old key
    assert not AppSettings().remembers_key(remembered.account(encrypted))


def test_no_keyring_means_the_passphrase_is_asked_as_before(qtbot, encrypted, monkeypatch):
    before = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    told = []
    monkeypatch.setattr(opening.QMessageBox, "information", lambda *a: told.append(a[2]))
    try:
        _answers(monkeypatch, (GOOD, True))
        opening.open_archive_interactively(encrypted, settings=AppSettings()).close()
    finally:
        keyring.set_keyring(before)
    assert told and "no keyring" in told[0]
    assert not AppSettings().remembers_key(remembered.account(encrypted))


def test_the_file_menu_tick_remembers_and_forgets(qtbot, ring, encrypted):
    from coprod_desktop.ui.main_window import MainWindow

    archive = Archive.open(encrypted, passphrase=GOOD)
    window = MainWindow(archive)
    qtbot.addWidget(window)
    assert not window.remember_action.isChecked()
    window.remember_action.trigger()
    assert window.remember_action.isChecked() and len(ring.kept) == 1
    window.remember_action.trigger()
    assert not window.remember_action.isChecked() and ring.kept == {}
    archive.close()
