"""The one way to reach an archive's database: every connection the app makes
(read-write, read-only checks, background readers, safety copies) is made here,
so that what a connection needs (URI quoting, foreign keys, busy timeout, and the
key of an encrypted archive) is set in one place.

An encrypted archive is opened with SQLCipher (the sqlcipher3 module, loaded only
then). Its errors are not sqlite3's, so ``Error`` and the other names below are
tuples that take in SQLCipher's too once it is loaded: catch ``connection.Error``,
never ``sqlite3.Error``.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

if TYPE_CHECKING:
    from sqlite_utils import Database

    from coprod_desktop.storage.keys import ArchiveKey

# What a database failure is, whichever SQLite module made the connection.
Error: tuple[type[Exception], ...] = (sqlite3.Error,)
DatabaseError: tuple[type[Exception], ...] = (sqlite3.DatabaseError,)
OperationalError: tuple[type[Exception], ...] = (sqlite3.OperationalError,)
IntegrityError: tuple[type[Exception], ...] = (sqlite3.IntegrityError,)
Connection = Any  # sqlite3.Connection, or sqlcipher3's

BUSY_TIMEOUT_MS = 5000
WAIT_FOR_LOCKS = "PRAGMA busy_timeout = 5000"  # BUSY_TIMEOUT_MS: a write waits for another program
NO_WAITING = "PRAGMA busy_timeout = 0"  # a write that would rather not happen than wait


def uri(path: Path | str, mode: str) -> str:
    """A SQLite URI for ``path``: quoted as bytes, so any file name the OS allows works
    (``?``, ``#``, ``%``, and names that are not UTF-8)."""
    return f"file:{quote(os.fsencode(Path(path).absolute()))}?mode={mode}"


def connect(path: Path | str, mode: str = "rw", key: ArchiveKey | None = None) -> Connection:
    """A connection to the file at ``path``: ``rw``, ``ro`` or ``rwc`` (create); with
    ``key``, to an encrypted archive (a new, empty file becomes one)."""
    if key is None:
        conn = sqlite3.connect(uri(path, mode), uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
    else:
        sqlcipher = _sqlcipher()
        conn = sqlcipher.connect(uri(path, mode), uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
        try:
            conn.execute("PRAGMA cipher_log_level = NONE")  # a wrong key is our message, not SQLCipher's log
            conn.execute(key.pragma())
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()  # a wrong key fails here
        except BaseException:
            conn.close()  # a connection left open would hold the -shm it mapped
            raise
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute(WAIT_FOR_LOCKS)
    # What is deleted is overwritten, not left in free pages: erasing a person must erase.
    conn.execute("PRAGMA secure_delete = ON")
    return conn


def _sqlcipher():
    """sqlcipher3's DB-API module, loaded on first use; from then on its errors are caught
    wherever sqlite3's are."""
    global Error, DatabaseError, OperationalError, IntegrityError
    from sqlcipher3 import dbapi2

    if dbapi2.Error not in Error:
        Error = (*Error, dbapi2.Error)
        DatabaseError = (*DatabaseError, dbapi2.DatabaseError)
        OperationalError = (*OperationalError, dbapi2.OperationalError)
        IntegrityError = (*IntegrityError, dbapi2.IntegrityError)
    return dbapi2


def load_sqlcipher() -> None:
    """Load sqlcipher3 and the values check ahead of the opening (while a key is derived)."""
    from coprod_desktop.storage import value_check  # noqa: F401  (run at the first opening)

    _sqlcipher()


def is_sqlcipher(conn: Connection) -> bool:
    return type(conn).__module__.startswith("sqlcipher3")


def sqlite_utils_database(conn: Connection) -> Database:
    """sqlite-utils over an open connection (imported on first use: it is slow to import)."""
    from sqlite_utils import Database

    return Database(conn, execute_plugins=False)


def table_names(conn: Connection) -> list[str]:
    try:
        return [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
    except UnicodeDecodeError as error:  # a damaged schema: the file's damage, said as such (storage.damage)
        raise sqlite3.DatabaseError("Could not decode to UTF-8 the name of a table") from error
