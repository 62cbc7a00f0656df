"""A -wal left beside an archive is never applied or removed unseen: read commands leave
every byte alone; opening to write keeps the files aside and says so when the log is cut
short, unreadable, or another archive's; a big archive is checked before its first write."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from coprod_desktop.domain.records import Group
from coprod_desktop.storage import Archive, errors
from coprod_desktop.storage.wal_check import read_wal

SECRET = "kettle orchard lantern drum"


def _crashed(path: Path, names: list[str], passphrase=None) -> Path:
    """An archive at ``path`` holding ``names``, the last of them only in its -wal (as a
    crash leaves it): the files are copied while the archive is still open."""
    source = path.with_name("source-" + path.name)
    archive = Archive.open(source, passphrase=passphrase)
    for name in names[:-1]:
        archive.add(Group(name))
    archive.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    archive.add(Group(names[-1]))
    for suffix in ("", "-wal"):
        shutil.copy(f"{source}{suffix}", f"{path}{suffix}")
    archive.close()
    return path


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.mark.parametrize("passphrase", [None, SECRET], ids=["plain", "encrypted"])
def test_reading_never_changes_a_byte_and_sees_the_log(tmp_path, passphrase):
    path = _crashed(tmp_path / "a.sqlite", ["Carers", "Ward 7"], passphrase)
    before = _files(tmp_path)
    archive = Archive.open_for_reading(path, passphrase=passphrase)
    assert sorted(g.name for g in archive.groups()) == ["Carers", "Ward 7"]
    archive.close()
    assert _files(tmp_path) == before


def test_the_log_is_read_as_sqlite_would(tmp_path):
    path = _crashed(tmp_path / "a.sqlite", ["Carers", "Ward 7"])
    state = read_wal(Path(f"{path}-wal"))
    assert state.readable and state.committed_frames > 0 and not state.damaged
    wal = Path(f"{path}-wal")
    wal.write_bytes(wal.read_bytes()[:-100])
    assert read_wal(wal).damaged


@pytest.mark.parametrize("passphrase", [None, SECRET], ids=["plain", "encrypted"])
def test_another_archives_log_is_not_applied_but_kept_and_told(tmp_path, passphrase):
    mine = tmp_path / "mine.sqlite"
    archive = Archive.open(mine, passphrase=passphrase)
    archive.add(Group("Carers of Gŵyr"))
    archive.close()
    other = _crashed(tmp_path / "other.sqlite", ["Other group", "Other group 2"], passphrase)
    shutil.copy(f"{other}-wal", f"{mine}-wal")
    stray = Path(f"{mine}-wal").read_bytes()

    archive = Archive.open(mine, passphrase=passphrase)
    try:
        assert [g.name for g in archive.groups()] == ["Carers of Gŵyr"]
        assert archive.opening_notes and "not applied" in archive.opening_notes[0]
    finally:
        archive.close()
    (kept,) = tmp_path.glob("mine.sqlite.kept-*")
    assert (kept / "mine.sqlite-wal").read_bytes() == stray
    assert (kept.stat().st_mode & 0o777) == 0o700


def test_reading_leaves_another_archives_log_where_it_is(tmp_path):
    mine = tmp_path / "mine.sqlite"
    archive = Archive.open(mine)
    archive.add(Group("Carers of Gŵyr"))
    archive.close()
    other = _crashed(tmp_path / "other.sqlite", ["Other group", "Other group 2"])
    shutil.copy(f"{other}-wal", f"{mine}-wal")
    before = _files(tmp_path)
    reading = Archive.open_for_reading(mine)
    assert [g.name for g in reading.groups()] == ["Carers of Gŵyr"]
    assert "belongs to another database" in reading.opening_notes[0]
    reading.close()
    assert _files(tmp_path) == before


def test_a_log_cut_short_is_kept_aside_before_what_can_be_read_is_applied(tmp_path):
    path = _crashed(tmp_path / "a.sqlite", ["Carers", "Ward 7"])
    wal = Path(f"{path}-wal")
    wal.write_bytes(wal.read_bytes()[:-100])
    cut = wal.read_bytes()
    original = path.read_bytes()
    archive = Archive.open(path)
    try:
        assert "cut short" in archive.opening_notes[0]
    finally:
        archive.close()
    (kept,) = tmp_path.glob("a.sqlite.kept-*")
    assert (kept / "a.sqlite").read_bytes() == original and (kept / "a.sqlite-wal").read_bytes() == cut


def test_an_unreadable_log_is_moved_aside_not_written_over(tmp_path):
    path = _crashed(tmp_path / "a.sqlite", ["Carers", "Ward 7"])
    wal = Path(f"{path}-wal")
    garbage = b"\x00garbage" * 1000
    wal.write_bytes(garbage)
    archive = Archive.open(path)
    archive.add(Group("New"))
    archive.close()
    (kept,) = tmp_path.glob("a.sqlite.kept-*")
    assert (kept / "a.sqlite-wal").read_bytes() == garbage


def test_an_older_archive_is_read_through_a_copy_in_memory(tmp_path):
    path = tmp_path / "old.sqlite"
    archive = Archive.open(path)
    archive.add(Group("Carers"))
    archive.conn.execute("DELETE FROM _sqlite_migrations WHERE name = 'm009_archive_identity'")
    archive.conn.commit()
    archive.close()
    before = _files(tmp_path)
    reading = Archive.open_for_reading(path)
    assert [g.name for g in reading.groups()] == ["Carers"]
    reading.close()
    assert _files(tmp_path) == before


def test_a_read_only_archive_can_still_be_read(tmp_path):
    path = tmp_path / "a.sqlite"
    archive = Archive.open(path)
    archive.add(Group("Carers"))
    archive.close()
    path.chmod(0o444)
    try:
        reading = Archive.open_for_reading(path)
        assert [g.name for g in reading.groups()] == ["Carers"]
        reading.close()
    finally:
        path.chmod(0o600)


def test_a_big_archive_is_not_written_before_its_full_check(tmp_path, monkeypatch):
    path = tmp_path / "a.sqlite"
    Archive.open(path).close()
    archive = Archive.open(path, full_check=False)
    archive.checked_fully = False
    from coprod_desktop.storage.integrity_gate import IntegrityGate

    archive.gate = IntegrityGate(lambda: "a.sqlite is damaged (page 7)")
    with pytest.raises(errors.CorruptArchive, match="Nothing was saved"):
        archive.add(Group("Carers"))
    archive.close()
    assert Archive.open(path).groups() == []


def test_what_must_not_wait_is_refused_while_the_check_after_opening_runs(tmp_path):
    import threading

    from coprod_desktop.storage.integrity_gate import IntegrityGate

    path = tmp_path / "a.sqlite"
    Archive.open(path).close()
    archive = Archive.open(path, full_check=False)
    release = threading.Event()
    archive.gate = IntegrityGate(lambda: release.wait(10) and None)  # a big archive's check, under way
    checking = threading.Thread(target=archive.gate.run)
    checking.start()
    try:
        with pytest.raises(errors.LockedElsewhere), archive.without_waiting():
            archive.add(Group("Carers"))  # a capture: queued by the window, not frozen on
    finally:
        release.set()
        checking.join()
    with archive.without_waiting():
        archive.add(Group("Carers"))  # the check passed: written at once
    assert [g.name for g in archive.groups()] == ["Carers"]
    archive.close()
