"""A value the app never writes (text that is not UTF-8, an unknown state, role or kind,
broken JSON, a bad date) is damage: said as damage, never a traceback, never "please
report it", never quoting the value, and the file is never written."""

from __future__ import annotations

from datetime import date

import pytest

from coprod_desktop.app.sample import add_sample_group
from coprod_desktop.cli import main
from coprod_desktop.domain.records import Group
from coprod_desktop.storage import Archive, connection, errors

DAMAGE = {
    "title not UTF-8": "UPDATE sessions SET title = CAST(x'4b656c6c79ff' AS TEXT)",
    "unknown state": "UPDATE sessions SET state = 'Kelly-state'",
    "bad date": "UPDATE sessions SET date = '2026-13-45'",
    "unknown role": "UPDATE participants SET roles = '[\"Kelly-role\"]'",
    "broken JSON": "UPDATE participants SET support_needs = '[\"Kelly'",
    "unknown kind": "UPDATE contributions SET kind = 'Kelly-kind'",
}


@pytest.fixture
def damaged(archive_path, request):
    archive = Archive.open(archive_path)
    add_sample_group(archive, date(2026, 11, 2))
    archive.close()
    conn = connection.connect(archive_path)
    conn.execute(DAMAGE[request.param])
    conn.commit()
    conn.close()
    return archive_path


def _bytes(path):
    return {p.name: p.read_bytes() for p in path.parent.iterdir() if p.is_file()}


@pytest.mark.parametrize("damaged", list(DAMAGE), indirect=True)
def test_reading_finds_the_damage_and_names_it_without_quoting_it(damaged):
    before = _bytes(damaged)
    with pytest.raises(errors.CorruptArchive) as raised:
        Archive.open_for_reading(damaged)
    message = str(raised.value)
    assert "is damaged" in message and "Kelly" not in message
    with pytest.raises(errors.CorruptArchive):
        Archive.open(damaged, full_check=True)  # as --quit-after-start opens it
    assert _bytes(damaged) == before


@pytest.mark.parametrize("damaged", list(DAMAGE), indirect=True)
def test_an_archive_with_a_damaged_value_is_never_written(damaged):
    archive = Archive.open(damaged)  # the values are checked before the first write
    try:
        with pytest.raises(errors.CorruptArchive, match="Nothing was saved"):
            archive.add(Group("A new group"))
    finally:
        archive.close()
    assert "A new group" not in damaged.read_bytes().decode("latin-1")


@pytest.mark.parametrize("damaged", ["unknown state", "title not UTF-8", "broken JSON"], indirect=True)
def test_the_command_line_says_damaged_not_please_report_it(damaged, capsys, tmp_path):
    listed = main(["sessions", "--archive", str(damaged)])
    exported = main(["export-pdf", "--archive", str(damaged), "--session", "x", "--document", "record",
                     "--out", str(tmp_path / "r.pdf")])  # fmt: skip
    err = capsys.readouterr().err
    assert (listed, exported) == (2, 2)
    assert "damaged" in err and "report it" not in err and "Traceback" not in err and "Kelly" not in err
    assert not (tmp_path / "r.pdf").exists()


def test_a_damaged_value_met_while_reading_is_damage_not_a_bug():
    from coprod_desktop.storage.damage import as_damage

    decoding = connection.OperationalError[0]("Could not decode to UTF-8 column 'text' with text 'Kelly\udcff'")
    found = as_damage(decoding)
    assert isinstance(found, errors.CorruptArchive) and "Kelly" not in str(found) and "not UTF-8" in str(found)
    assert isinstance(as_damage(connection.OperationalError[0]("database is locked")), errors.ArchiveBusy)
    assert as_damage(KeyError("a bug")) is None


def test_a_table_name_that_is_not_utf8_is_damage_said_plainly(archive_path):
    """A flipped byte in the schema (found by the 300 damaged archives): told, not a traceback."""
    import sqlite3

    from coprod_desktop.storage import Archive, ArchiveError

    Archive.open(archive_path).close()
    conn = sqlite3.connect(archive_path)
    conn.execute("PRAGMA writable_schema = ON")
    conn.execute("UPDATE sqlite_master SET name = CAST(X'de4142' AS TEXT) WHERE name = 'groups'")
    conn.commit()
    conn.close()
    with pytest.raises(ArchiveError, match="damaged"):
        Archive.open(archive_path, create=False)
