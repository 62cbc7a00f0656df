"""The encrypted archive (SQLCipher 4, key from Argon2id): nothing readable without the
passphrase, a wrong one changes nothing, and everything the archive does still works."""

from __future__ import annotations

import pytest

from coprod_desktop.domain.records import Contribution, Group, Participant, Session
from coprod_desktop.domain.values import ContributionKind
from coprod_desktop.storage import Archive, errors
from coprod_desktop.storage.database import backup_copy
from coprod_desktop.storage.open_checks import integrity_problem

PASSPHRASE = "correct horse battery staple ŵ"
MARKER = "Secret-story-x4q9"


def _files(path):
    return [p for p in path.parent.iterdir() if p.name.startswith(path.name.split(".")[0])]


@pytest.fixture
def encrypted(archive_path):
    archive = Archive.open(archive_path, passphrase=PASSPHRASE)
    g = archive.add(Group("Carers"))
    person = archive.add(Participant(g.id, f"Amira {MARKER}", support_notes=f"needs {MARKER}"))
    s = archive.add(Session(g.id, "Session"))
    archive.add(Contribution(s.id, f"What I said: {MARKER}", ContributionKind.EXPERIENCE, None, person.id))
    return archive, g, s, person


def test_nothing_is_readable_in_the_files(encrypted, archive_path):
    archive, *_ = encrypted
    assert archive.encrypted and "x4q9" not in repr(archive.key)
    for path in _files(archive_path):  # the archive, its -wal and -shm, while open
        data = path.read_bytes()
        assert MARKER.encode() not in data, path.name
        assert not data.startswith(b"SQLite format 3"), path.name
    archive.close()
    assert not archive_path.read_bytes().startswith(b"SQLite format 3")
    assert MARKER.encode() not in archive_path.read_bytes()


def test_the_right_passphrase_opens_it_and_everything_works(encrypted, archive_path):
    archive, g, s, person = encrypted
    archive.close()
    again = Archive.open(archive_path, passphrase=PASSPHRASE)
    assert [c.text for c in again.contributions(s.id)] == [f"What I said: {MARKER}"]
    assert [h.kind for h in again.search("x4q9")] == ["Contribution"]  # full-text search (FTS5)
    snapshot = again.delete(Participant, person.id)  # undo works through sqlite-utils too
    again.restore(snapshot)
    assert again.get(Participant, person.id).support_notes == f"needs {MARKER}"
    reader = Archive.read_only(archive_path, again.key)  # as a background export opens it
    assert len(reader.contributions(s.id)) == 1
    reader.close()
    assert integrity_problem(archive_path, again.key) is None
    again.close()


def test_a_wrong_passphrase_is_told_in_words_and_changes_nothing(encrypted, archive_path):
    archive, *_ = encrypted
    archive.close()
    before = {p.name: p.read_bytes() for p in _files(archive_path)}
    for attempt in ("wrong", "Correct horse battery staple ŵ", PASSPHRASE + " "):
        with pytest.raises(errors.WrongPassphrase, match="does not open"):
            Archive.open(archive_path, passphrase=attempt)
    assert {p.name: p.read_bytes() for p in _files(archive_path)} == before


def test_without_its_passphrase_it_says_so(encrypted, archive_path):
    archive, *_ = encrypted
    archive.close()
    before = archive_path.read_bytes()
    with pytest.raises(errors.NeedsPassphrase, match="encrypted archive"):
        Archive.open(archive_path)
    assert archive_path.read_bytes() == before


def test_another_kind_of_file_with_a_passphrase_is_not_written_to(tmp_path):
    path = tmp_path / "letter.pdf"
    path.write_bytes((b"%PDF-1.7 " + bytes(range(256)) * 40)[:8192])  # whole pages, as an archive would be
    before = path.read_bytes()
    with pytest.raises(errors.WrongPassphrase, match="not a coprod-desktop archive"):
        Archive.open(path, passphrase=PASSPHRASE)
    assert path.read_bytes() == before and sorted(p.name for p in tmp_path.iterdir()) == ["letter.pdf"]


def test_a_safety_copy_is_encrypted_with_the_same_key(encrypted, archive_path):
    archive, g, s, _ = encrypted
    copy = backup_copy(archive.conn, archive_path, "before-test", archive.key)
    assert MARKER.encode() not in copy.read_bytes() and not copy.read_bytes().startswith(b"SQLite format 3")
    opened = Archive.open(copy, create=False, passphrase=PASSPHRASE)
    assert [c.text for c in opened.contributions(s.id)] == [f"What I said: {MARKER}"]
    opened.close()
    archive.close()


def test_a_plain_archive_stays_plain_until_it_is_converted(archive_path):
    Archive.open(archive_path).close()
    archive = Archive.open(archive_path, passphrase=PASSPHRASE)
    assert not archive.encrypted
    archive.close()
    assert archive_path.read_bytes().startswith(b"SQLite format 3")


def test_a_file_that_cannot_be_an_encrypted_archive_is_named_as_not_an_archive(tmp_path):
    path = tmp_path / "notes.sqlite"
    path.write_bytes(b"not a database at all")
    with pytest.raises(errors.NotAnArchive, match="not a SQLite database") as caught:
        Archive.open(path, passphrase=PASSPHRASE)
    assert not isinstance(caught.value, errors.NeedsPassphrase)
    assert path.read_bytes() == b"not a database at all"


def test_the_key_started_before_the_command_line_is_parsed_is_the_one_that_opens(encrypted, archive_path, monkeypatch):
    from coprod_desktop.cli.early import derive_key_early
    from coprod_desktop.storage import key_ahead, keys

    archive, *_ = encrypted
    archive.close()
    monkeypatch.setenv("COPROD_PASSPHRASE", PASSPHRASE)
    salt = keys.salt_of(archive_path)
    derive_key_early(["sessions", "--archive", str(archive_path)])  # a subcommand: no window
    assert not key_ahead._ahead
    derive_key_early([f"--archive={archive_path}", "--quit-after-start"])
    assert (PASSPHRASE, salt) in key_ahead._ahead
    assert keys.derive(PASSPHRASE, salt).key == key_ahead.argon2id(PASSPHRASE, salt)  # the same key, taken once
    assert not key_ahead._ahead
    key_ahead.start("a wrong passphrase", archive_path)  # a guess that was wrong changes nothing
    with pytest.raises(errors.WrongPassphrase):
        Archive.open(archive_path, passphrase="another wrong one")
    Archive.open(archive_path, passphrase=PASSPHRASE).close()
    key_ahead._ahead.clear()
