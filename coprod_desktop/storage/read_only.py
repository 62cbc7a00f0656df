"""Opening an archive to read it and nothing else (`sessions`, `export-pdf`): no byte of
the archive or its -wal changes. A read-only connection never folds or resets a -wal;
the integrity check always runs in full (a command has the time); an archive made by an
older version is brought up to date in a copy in memory, never on disk."""

from __future__ import annotations

from pathlib import Path

from coprod_desktop.language import _
from coprod_desktop.storage import connection, errors, keys, wal_check
from coprod_desktop.storage.database import another_archives_wal, key_for, sound_without_wal, tidy_after_failure
from coprod_desktop.storage.keys import ArchiveKey
from coprod_desktop.storage.migrations import known, migration_set
from coprod_desktop.storage.open_checks import (
    check_existing_file,
    check_integrity,
    check_version,
    companions,
    exists,
    open_failure,
    wrong_passphrase,
)
from coprod_desktop.storage.value_check import check_values


def open_for_reading(
    path: Path | str, passphrase: str | keys.RecoveryCode | None, notes: list[str]
) -> tuple[connection.Connection, ArchiveKey | None, set[Path]]:
    """A checked read-only connection, its key, and the -shm/-wal that reading it may make
    (to remove when done)."""
    path = Path(path).expanduser().absolute()
    if not exists(path):
        raise errors.NoArchive(_("Nothing exists at {path}. Check the path.").format(path=path), path)
    check_existing_file(path, create=False, passphrase_given=passphrase is not None, writing=False)
    notes += wal_check.settle_wal(path, read_only=True)
    made_by_reading = {p for p in companions(path) if not exists(p)}
    conn = None
    try:
        key = key_for(path, passphrase)
        conn, stray = _connect(path, key)
        try:
            stray = stray or another_archives_wal(conn, path, key)
            if not stray:
                check_integrity(conn, path)
        except (errors.CorruptArchive, *connection.DatabaseError):  # type: ignore[misc]  # damaged, or by its -wal
            if not sound_without_wal(path, key):
                raise
            stray = True
        if stray:  # shown as the file is, without the log that is not its own
            conn.close()
            conn = connection.connect(path, "ro&immutable=1", key)
            check_integrity(conn, path)
            notes.append(
                _(
                    "The -wal file beside {name} belongs to another database: this shows the archive "
                    "without it, and nothing was changed. Open the archive in coprod-desktop to move it aside."
                ).format(name=path.name)
            )
        applied = check_version(conn, path)
        if applied and set(known()) - set(applied):
            conn = _updated_in_memory(conn, key)
        check_values(conn, path)
    except BaseException as error:
        if conn is not None:
            conn.close()
        tidy_after_failure(path, False, made_by_reading)
        if isinstance(error, connection.Error):
            raise open_failure(path, error) from error
        raise
    return conn, key, made_by_reading


def _connect(path: Path, key: ArchiveKey | None) -> tuple[connection.Connection, bool]:
    """A read-only connection, and whether its -wal is under another key (so left out)."""
    try:
        return connection.connect(path, "ro", key), False
    except connection.Error as e:
        if key is not None and sound_without_wal(path, key):
            return connection.connect(path, "ro&immutable=1", key), True
        if key is not None and getattr(e, "sqlite_errorname", "") == "SQLITE_NOTADB":
            raise wrong_passphrase(path) from e
        raise open_failure(path, e) from e


def _updated_in_memory(conn: connection.Connection, key: ArchiveKey | None) -> connection.Connection:
    if key is None:
        import sqlite3

        memory = sqlite3.connect(":memory:")
    else:
        from sqlcipher3 import dbapi2

        memory = dbapi2.connect(":memory:")
        memory.execute(key.pragma())  # SQLCipher copies only between databases with the same key
    conn.backup(memory)
    conn.close()
    migration_set().apply(connection.sqlite_utils_database(memory))
    return memory
