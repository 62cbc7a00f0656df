"""Opening archives: first open, reopen, migration, and every way a file can be bad.

After each failure the file's bytes must be exactly as they were.
"""

from __future__ import annotations

import os
import sqlite3
import stat

import pytest
from sqlite_utils import Database

from coprod_desktop.domain.records import Group
from coprod_desktop.storage import Archive, errors
from coprod_desktop.storage.migrations import MIGRATION_SET, known, migration_set

from ..conftest import damage_data_pages

KNOWN = list(known())


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


def _folder(path):
    """Every file beside the archive (its -wal and -shm included), by name, with its bytes."""
    folder = path.parent
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()} if folder.is_dir() else {}


def _refused(path, error_type, match=None):
    before = _folder(path)
    with pytest.raises(error_type, match=match) as caught:
        Archive.open(path)
    assert _folder(path) == before, "the file, its -wal and its folder must be left exactly as they were"
    assert "Traceback" not in str(caught.value)
    return caught.value


def _with_pending_wal(archive_path, sql):
    """An archive whose last commit is still only in its -wal, as after a crash (no -shm)."""
    import subprocess
    import sys

    source = archive_path.with_name("source.sqlite")
    Archive.open(source).close()
    code = (
        "import os, shutil, sqlite3, sys\n"
        "c = sqlite3.connect(sys.argv[1]); c.execute('PRAGMA wal_autocheckpoint = 0')\n"
        "c.execute(sys.argv[3]); c.commit()\n"
        "for end in ('', '-wal'): shutil.copy(sys.argv[1] + end, sys.argv[2] + end)\n"
        "os._exit(0)\n"  # no close: no checkpoint
    )
    subprocess.run([sys.executable, "-c", code, str(source), str(archive_path), sql], check=True)
    for end in ("", "-wal", "-shm"):
        source.with_name(source.name + end).unlink(missing_ok=True)
    assert archive_path.with_name(archive_path.name + "-wal").stat().st_size > 0
    os.chmod(archive_path, 0o600)


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
        for _ in range(200):
            archive.add(Group("x" * 400))
    archive.db.execute("PRAGMA max_page_count = 1000000")
    assert archive.get(Group, group.id).name == "Kept"
    assert archive.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_a_big_archive_opens_fast_and_is_checked_in_the_background(filled):
    from coprod_desktop.storage.open_checks import integrity_problem

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
    from coprod_desktop.storage.open_checks import integrity_problem

    assert integrity_problem(filled) is None


def test_m005_stops_copying_owners_names_into_actions(archive_path):
    """Before m005 an action owned by a person also held their name as text, which outlived
    their removal from the roster; the migration keeps only owners in words."""
    db = Database(sqlite3.connect(archive_path))
    migration_set().apply(db, stop_before="m005_owner_words")
    db["groups"].insert({"id": "g1", "name": "G", "description": "", "created_at": "t", "updated_at": "t"})
    db["participants"].insert(
        {"id": "p1", "group_id": "g1", "preferred_name": "Zenobia", "created_at": "t", "updated_at": "t"}
    )
    db["sessions"].insert({"id": "s1", "group_id": "g1", "title": "S", "created_at": "t", "updated_at": "t"})
    db["actions"].insert(
        {
            "id": "a1",
            "session_id": "s1",
            "what": "Ring",
            "owner": "Zenobia",
            "owner_participant_id": "p1",
            "created_at": "t",
        }
    )
    db["actions"].insert({"id": "a2", "session_id": "s1", "what": "Book", "owner": "Ward 7", "created_at": "t"})
    db.close()
    archive = Archive.open(archive_path)
    try:
        owners = {a.id: (a.owner, a.owner_participant_id) for a in archive.actions("s1")}
        assert owners == {"a1": ("", "p1"), "a2": ("Ward 7", None)}
    finally:
        archive.close()


def test_refusing_a_file_leaves_its_pending_wal_alone(archive_path):
    # A read-write connection would fold the -wal into the file when closed after refusing it.
    _with_pending_wal(
        archive_path,
        f"INSERT INTO _sqlite_migrations (migration_set, name, applied_at) VALUES ('{MIGRATION_SET}', 'm999_future', '2030')",
    )
    _refused(archive_path, errors.ArchiveTooNew, "has not been changed")


def test_a_pending_wal_is_kept_when_the_archive_opens(archive_path):
    _with_pending_wal(
        archive_path,
        "INSERT INTO groups (id, name, description, created_at, updated_at) VALUES ('g1', 'Only in the wal', '', 'x', 'x')",
    )
    archive = Archive.open(archive_path)
    assert [g.name for g in archive.groups()] == ["Only in the wal"]
    archive.close()


def test_a_lock_held_elsewhere_is_not_called_damage(filled):
    holder = sqlite3.connect(filled, isolation_level=None)
    holder.execute("PRAGMA locking_mode = EXCLUSIVE")
    holder.execute("BEGIN IMMEDIATE")
    holder.execute("UPDATE groups SET name = name")
    holder.execute("COMMIT")  # exclusive mode keeps the lock
    try:
        error = _refused(filled, errors.ArchiveBusy, "in use by another program")
        assert "damaged" not in str(error)
    finally:
        holder.close()


def test_a_read_only_wal_or_shm_is_refused_at_open(archive_path):
    _with_pending_wal(
        archive_path,
        "INSERT INTO groups (id, name, description, created_at, updated_at) VALUES ('g1', 'G', '', 'x', 'x')",
    )
    wal = archive_path.with_name(archive_path.name + "-wal")
    wal.chmod(0o444)
    try:
        _refused(archive_path, errors.ArchiveReadOnly, "-wal/-shm")
    finally:
        wal.chmod(0o600)


def test_an_empty_file(tmp_path):
    path = tmp_path / "empty.sqlite"
    path.write_bytes(b"")
    path.chmod(0o644)
    with pytest.raises(errors.NoArchive, match="empty file"):
        Archive.open(path, create=False)  # a read-only command writes nothing into it
    assert path.read_bytes() == b""
    Archive.open(path).close()  # the app itself makes it the archive, private like a new one
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_a_folder_that_cannot_be_entered(tmp_path, monkeypatch):
    from pathlib import Path

    def refuse(self, *args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "exists", refuse)  # root may enter any folder; a user may not
    with pytest.raises(errors.ArchiveReadOnly, match="cannot be reached"):
        Archive.open(tmp_path / "locked" / "a.sqlite")


def _disk_full_at(monkeypatch, index):
    """Make migration step ``index`` fail as a full disk would."""
    from coprod_desktop.storage import migrations

    def full(db):
        raise sqlite3.OperationalError("database or disk is full")

    full.__name__ = KNOWN[index]
    steps = list(migrations.STEPS)
    steps[index] = full
    monkeypatch.setattr(migrations, "STEPS", tuple(steps))


def test_a_new_archive_that_cannot_be_finished_is_removed(tmp_path, monkeypatch):
    _disk_full_at(monkeypatch, 1)
    with pytest.raises(errors.ArchiveWriteError, match="Nothing was kept"):
        Archive.open(tmp_path / "new.sqlite")
    assert list(tmp_path.iterdir()) == []


def test_a_failed_update_points_to_the_copy_made_before_it(archive_path, monkeypatch):
    db = Database(sqlite3.connect(archive_path))
    migration_set().apply(db, stop_before=KNOWN[2])
    db.close()
    _disk_full_at(monkeypatch, len(KNOWN) - 1)
    with pytest.raises(errors.ArchiveWriteError, match="partly updated") as caught:
        Archive.open(archive_path)
    copies = list(archive_path.parent.glob(f"*.before-{KNOWN[2]}.*"))
    assert len(copies) == 1 and copies[0].name in str(caught.value)


def test_a_safety_copy_never_replaces_an_earlier_one(archive_path, monkeypatch):
    import datetime as dt

    from coprod_desktop.storage import safety_copies

    db = Database(sqlite3.connect(archive_path))
    migration_set().apply(db, stop_before=KNOWN[-1])
    db.close()

    class Frozen:
        @staticmethod
        def now():
            return dt.datetime(2026, 1, 1, 10, 0, 0)

    monkeypatch.setattr(safety_copies, "datetime", Frozen)
    earlier = archive_path.with_name(f"{archive_path.stem}.before-{KNOWN[-1]}.20260101-100000.sqlite")
    earlier.write_bytes(b"an earlier copy")  # same name: another instance, the same second
    Archive.open(archive_path).close()
    assert earlier.read_bytes() == b"an earlier copy"
    assert len(list(archive_path.parent.glob(f"*.before-{KNOWN[-1]}.*"))) == 2


def test_a_second_program_holding_the_write_lock_is_waited_for(archive_path):
    import threading
    import time

    from coprod_desktop.domain.records import AgendaItem, Session

    archive = Archive.open(archive_path)
    session = archive.add(Session(archive.add(Group("G")).id, "S"))
    other = sqlite3.connect(archive_path, isolation_level=None, check_same_thread=False)
    other.execute("BEGIN IMMEDIATE")
    threading.Timer(0.3, lambda: other.execute("COMMIT")).start()
    try:
        # Adding an item reads its siblings first: a plain BEGIN could not wait for the lock.
        archive.add(AgendaItem(session.id, "Welcome"))
    finally:
        time.sleep(0.4)
        other.close()
    assert [i.title for i in archive.agenda(session.id)] == ["Welcome"]
    archive.close()


def test_only_the_last_two_safety_copies_are_kept(archive_path, monkeypatch):
    """Copies made before updates hold what has since been erased: not kept for ever."""
    import os

    from coprod_desktop.storage import database

    archive = Archive.open(archive_path)
    made = []
    for n in range(4):
        copy = database.backup_copy(archive.conn, archive_path, f"before-m00{n}")
        os.utime(copy, ns=(n * 10**9, n * 10**9))  # oldest first, whatever the clock's resolution
        made.append(copy)
    archive.close()
    left = sorted(archive_path.parent.glob("*.before-*"))
    assert left == sorted(made[-2:])
    assert all(stat.S_IMODE(p.stat().st_mode) == 0o600 for p in left)


def test_deleted_words_are_overwritten_not_left_in_free_pages(archive_path):
    from coprod_desktop.domain.records import Contribution, Session

    archive = Archive.open(archive_path)
    assert _pragma(archive, "secure_delete") == 1
    g = archive.add(Group("g"))
    s = archive.add(Session(g.id, "s"))
    said = archive.add(Contribution(s.id, "Unmistakable-words-k7 " * 50))
    archive.delete(Contribution, said.id)
    archive.conn.execute("INSERT INTO contributions_fts(contributions_fts) VALUES ('optimize')")
    archive.conn.commit()
    archive.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    archive.close()
    assert b"Unmistakable-words-k7" not in archive_path.read_bytes()
