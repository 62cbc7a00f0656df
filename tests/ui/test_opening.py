"""A new archive is made encrypted; a plain one is offered encryption; the recovery key
opens a forgotten one; the passphrase dialogs judge what is typed."""

from __future__ import annotations

import pytest

from coprod_desktop.domain.records import Group
from coprod_desktop.storage import Archive
from coprod_desktop.storage.keys import RecoveryCode
from coprod_desktop.ui import opening
from coprod_desktop.ui.dialogs.passphrase import NewPassphraseDialog, PassphraseDialog
from tests.ui.conftest import type_text

GOOD = "kettle orchard lantern drum"


@pytest.fixture
def sheets(monkeypatch):
    offered = []
    monkeypatch.setattr(opening.RecoverySheet, "offer", classmethod(lambda cls, parent, archive: offered.append(1)))
    return offered


def _chosen(monkeypatch, answer):
    asked = []
    monkeypatch.setattr(
        NewPassphraseDialog, "ask", classmethod(lambda cls, parent, intro: asked.append(intro) or answer)
    )
    return asked


def test_a_new_archive_is_encrypted_and_its_recovery_sheet_offered(qtbot, tmp_path, monkeypatch, sheets):
    path = tmp_path / "new.sqlite"
    _chosen(monkeypatch, GOOD)
    archive = opening.open_archive_interactively(path)
    archive.add(Group("Carers of Gŵyr"))
    archive.close()
    assert not path.read_bytes().startswith(b"SQLite format 3")
    assert b"Carers" not in path.read_bytes()
    assert sheets == [1]
    Archive.open(path, create=False, passphrase=GOOD).close()


def test_cancelling_the_new_passphrase_makes_nothing(qtbot, tmp_path, monkeypatch, sheets):
    path = tmp_path / "new.sqlite"
    _chosen(monkeypatch, None)
    assert opening.open_archive_interactively(path) is None
    assert not path.exists()


@pytest.mark.parametrize("consent", [True, False], ids=["encrypted", "declined"])
def test_a_plain_archive_is_encrypted_only_with_consent(qtbot, tmp_path, monkeypatch, sheets, consent):
    path = tmp_path / "plain.sqlite"
    plain = Archive.open(path)
    plain.add(Group("Carers of Gŵyr"))
    plain.close()
    monkeypatch.setattr(opening.EncryptOffer, "ask", classmethod(lambda cls, parent, p: consent))
    _chosen(monkeypatch, GOOD)
    archive = opening.open_archive_interactively(path)
    try:
        assert archive.encrypted is consent
        assert [g.name for g in archive.groups()] == ["Carers of Gŵyr"]
    finally:
        archive.close()
    assert (b"Carers" in path.read_bytes()) is not consent
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("plain.sqlite")) == ["plain.sqlite"]


def test_the_recovery_key_opens_it_and_a_new_passphrase_is_chosen(qtbot, tmp_path, monkeypatch, sheets):
    path = tmp_path / "locked.sqlite"
    archive = Archive.open(path, passphrase="forgotten passphrase")
    archive.add(Group("Carers of Gŵyr"))
    code = archive.recovery_code()
    archive.close()
    typed = code.replace("-", " ").lower()
    monkeypatch.setattr(
        PassphraseDialog, "ask_remembering", classmethod(lambda cls, p, problem=None: (RecoveryCode(typed), False))
    )
    _chosen(monkeypatch, GOOD)
    opened = opening.open_archive_interactively(path)
    assert [g.name for g in opened.groups()] == ["Carers of Gŵyr"]
    opened.close()
    assert sheets == [1]  # the old sheet no longer opens it: a new one is offered
    Archive.open(path, create=False, passphrase=GOOD).close()
    with pytest.raises(Exception, match="does not open"):
        Archive.open(path, create=False, passphrase=RecoveryCode(code))


def test_a_mistyped_recovery_key_is_told_and_changes_nothing(tmp_path):
    path = tmp_path / "locked.sqlite"
    Archive.open(path, passphrase="forgotten passphrase").close()
    before = path.read_bytes()
    with pytest.raises(Exception, match="64 letters and digits"):
        Archive.open(path, create=False, passphrase=RecoveryCode("ABCD-1234"))
    with pytest.raises(Exception, match="does not open"):
        Archive.open(path, create=False, passphrase=RecoveryCode("0" * 64))
    assert path.read_bytes() == before


def test_the_new_passphrase_dialog_wants_it_long_enough_and_twice(qtbot):
    dialog = NewPassphraseDialog(None, "A new archive.")
    qtbot.addWidget(dialog)
    assert not dialog.ok.isEnabled()
    type_text(dialog.edit, "short")
    assert not dialog.ok.isEnabled() and "at least 8" in dialog.hint.text()
    type_text(dialog.edit, "ish")
    type_text(dialog.again, "shortis")
    assert not dialog.ok.isEnabled() and "Easy to guess" in dialog.hint.text() and "do not match" in dialog.hint.text()
    dialog.edit.clear()
    type_text(dialog.edit, GOOD)
    dialog.again.clear()
    type_text(dialog.again, GOOD)
    assert dialog.ok.isEnabled() and dialog.hint.text() == "Strong."


def test_the_recovery_sheet_prints_the_key(tmp_path, today):
    from pypdf import PdfReader

    from coprod_desktop.app.protection import write_recovery_sheet

    archive = Archive.open(tmp_path / "a.sqlite", passphrase=GOOD)
    out = write_recovery_sheet(archive, tmp_path / "sheet.pdf", today)
    code = archive.recovery_code()
    archive.close()
    text = "".join(page.extract_text() for page in PdfReader(out).pages)
    groups = code.split("-")
    assert all(g in text for g in groups) and "a.sqlite" in text and "forgotten" in text
    assert (out.stat().st_mode & 0o777) == 0o600
