"""Opening archives: first open, reopen, migration, and every way a file can be bad.

After each failure the file's bytes must be exactly as they were.
"""

from __future__ import annotations

import os
import sqlite3
import stat

import pytest
from sqlite_utils import Database

from coprod_desktop.domain.model import Group
from coprod_desktop.storage import Archive, errors
from coprod_desktop.storage.migrations import KNOWN, MIGRATION_SET, migration_set

from ..conftest import damage_data_pages


def _pragma(archive, name):
    return archive.db.execute(f"PRAGMA {name}").fetchone()[0]


def test_first_open_creates_a_private_wal_archive(archive_path):
    archive = Archive.open(archive_path)
    try:
        assert stat.S_IMODE(os.stat(archive_path).st_mode) == 0o600
        assert _pragma(archive, "journal_mode") == "wal"
        assert _pragma(archive, "synchronous") == 2  # FULL
        assert _pragma(archive, "foreign_keys") == 1
        assert [m.name for m in migration_set().applied(archive.db)] == KNOWN
    finally:
        archive.close()


def test_first_open_creates_missing_folders(tmp_path):
    path = tmp_path / "deep" / "er" / "a.sqlite"
    Archive.open(path).close()
    assert path.is_file()


def test_reopen_keeps_everything_and_makes_no_backup(archive_path):
    archive = Archive.open(archive_path)
    group = archive.add(Group("Gwŷr ŵ 😀 שלום"))
    archive.close()
    again = Archive.open(archive_path)
    try:
        assert again.get(Group, group.id) == group
    finally:
        again.close()
    assert sorted(p.name for p in archive_path.parent.iterdir() if "before-" in p.name) == []


def test_sessions_command_does_not_create_an_archive(tmp_path):
    with pytest.raises(errors.NoArchive):
        Archive.open(tmp_path / "missing.sqlite", create=False)
    assert not (tmp_path / "missing.sqlite").exists()


@pytest.mark.parametrize("version", KNOWN[:-1])
def test_migrates_from_every_earlier_version_after_copying_it_aside(archive_path, version):
    db = Database(sqlite3.connect(archive_path))
    migration_set().apply(db, stop_before=KNOWN[KNOWN.index(version) + 1])
    db["groups"].insert({"id": "g1", "name": "Old group", "description": "", "created_at": "t", "updated_at": "t"})
    db.close()
    before = archive_path.read_bytes()

    archive = Archive.open(archive_path)
    try:
        assert archive.get(Group, "g1").name == "Old group"
        assert [m.name for m in migration_set().applied(archive.db)] == KNOWN
    finally:
        archive.close()
    backups = [p for p in archive_path.parent.iterdir() if ".before-" in p.name]
    assert len(backups) == 1
    assert stat.S_IMODE(os.stat(backups[0]).st_mode) == 0o600
    copy = Database(backups[0])
    assert [r["name"] for r in copy["groups"].rows] == ["Old group"]
    assert {m.name for m in migration_set().applied(copy)} == set(KNOWN[: KNOWN.index(version) + 1])
    assert before[:16] == backups[0].read_bytes()[:16]


def _refused(path, error_type, match=None):
    before = path.read_bytes() if path.exists() else None
    with pytest.raises(error_type, match=match) as caught:
        Archive.open(path)
    after = path.read_bytes() if path.exists() else None
    assert after == before, "the file must be left exactly as it was"
    assert "Traceback" not in str(caught.value)
    return caught.value


def test_not_sqlite(tmp_path):
    path = tmp_path / "notes.sqlite"
    path.write_text("Minutes of the meeting\n" * 10)
    _refused(path, errors.NotAnArchive, "not a SQLite database")


def test_another_programs_database(tmp_path):
    path = tmp_path / "other.sqlite"
    Database(path)["things"].insert({"a": 1})
    _refused(path, errors.NotAnArchive, "not a coprod-desktop archive")


def test_truncated_file(filled):
    data = filled.read_bytes()
    filled.write_bytes(data[: len(data) // 3])
    _refused(filled, errors.CorruptArchive)


def test_tiny_truncated_header(tmp_path):
    path = tmp_path / "cut.sqlite"
    path.write_bytes(b"SQLite format 3\x00" + b"\x10\x00")
    _refused(path, errors.CorruptArchive, "cut short")


def test_corrupt_pages_fail_the_integrity_check(filled):
    data = bytearray(filled.read_bytes())
    page = 4096
    for offset in range(page * 3, len(data) - page, page * 5):
        data[offset + 8 : offset + 600] = os.urandom(592)
    filled.write_bytes(bytes(data))
    err = _refused(filled, errors.CorruptArchive, "damaged")
    assert "has not been changed" in str(err)


def test_file_from_a_newer_version(filled):
    db = Database(filled)
    db["_sqlite_migrations"].insert(
        {"migration_set": MIGRATION_SET, "name": "m999_from_the_future", "applied_at": "2030"}
    )
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    _refused(filled, errors.ArchiveTooNew, "newer version")


def test_read_only_file(filled):
    filled.chmod(0o400)
    try:
        _refused(filled, errors.ArchiveReadOnly, "read-only")
    finally:
        filled.chmod(0o600)


def test_read_only_folder_for_a_new_archive(tmp_path):
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        _refused(folder / "new.sqlite", errors.ArchiveReadOnly, "cannot be created")
        assert not (folder / "new.sqlite").exists()
    finally:
        folder.chmod(0o755)


def test_a_folder_is_not_an_archive(tmp_path):
    with pytest.raises(errors.NotAnArchive, match="folder"):
        Archive.open(tmp_path)


def test_disk_full_on_write_is_a_clear_error_and_loses_nothing(archive):
    group = archive.add(Group("Kept"))
    pages = archive.db.execute("PRAGMA page_count").fetchone()[0]
    archive.db.execute(f"PRAGMA max_page_count = {pages}")
    with pytest.raises(errors.ArchiveWriteError, match="disk is full"):
        for i in range(200):
            archive.add(Group("x" * 400))
    archive.db.execute("PRAGMA max_page_count = 1000000")
    assert archive.get(Group, group.id).name == "Kept"
    assert archive.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_a_big_archive_opens_fast_and_is_checked_in_the_background(filled):
    from coprod_desktop.storage.database import integrity_problem

    damage_data_pages(filled)
    with pytest.raises(errors.CorruptArchive):
        Archive.open(filled)  # small enough: checked in full at open
    archive = Archive.open(filled, full_check=False)  # as a big archive would be
    try:
        assert archive.checked_fully is False
    finally:
        archive.close()
    assert "is damaged" in integrity_problem(filled)


def test_integrity_problem_is_none_for_a_sound_archive(filled):
    from coprod_desktop.storage.database import integrity_problem

    assert integrity_problem(filled) is None


def test_m005_stops_copying_owners_names_into_actions(archive_path):
    """Before m005 an action owned by a person also held their name as text, which outlived
    their removal from the roster; the migration keeps only owners in words."""
    db = Database(sqlite3.connect(archive_path))
    migration_set().apply(db, stop_before="m005_owner_words")
    db["groups"].insert({"id": "g1", "name": "G", "description": "", "created_at": "t", "updated_at": "t"})
    db["participants"].insert({"id": "p1", "group_id": "g1", "preferred_name": "Zenobia", "created_at": "t", "updated_at": "t"})
    db["sessions"].insert({"id": "s1", "group_id": "g1", "title": "S", "created_at": "t", "updated_at": "t"})
    db["actions"].insert({"id": "a1", "session_id": "s1", "what": "Ring", "owner": "Zenobia", "owner_participant_id": "p1", "created_at": "t"})
    db["actions"].insert({"id": "a2", "session_id": "s1", "what": "Book", "owner": "Ward 7", "created_at": "t"})
    db.close()
    archive = Archive.open(archive_path)
    try:
        owners = {a.id: (a.owner, a.owner_participant_id) for a in archive.actions("s1")}
        assert owners == {"a1": ("", "p1"), "a2": ("Ward 7", None)}
    finally:
        archive.close()
