"""The one way to reach an archive's database: every connection the app makes
(read-write, read-only checks, background readers, safety copies) is made here,
so that what a connection needs (URI quoting, foreign keys, busy timeout, and
later the key of an encrypted archive) is set in one place.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import quote

if TYPE_CHECKING:
    from sqlite_utils import Database

# What a database failure is, whichever SQLite module made the connection.
Error = sqlite3.Error
DatabaseError = sqlite3.DatabaseError
OperationalError = sqlite3.OperationalError
IntegrityError = sqlite3.IntegrityError
Connection = sqlite3.Connection

BUSY_TIMEOUT_MS = 5000
WAIT_FOR_LOCKS = "PRAGMA busy_timeout = 5000"  # BUSY_TIMEOUT_MS: a write waits for another program
NO_WAITING = "PRAGMA busy_timeout = 0"  # a write that would rather not happen than wait


def uri(path: Path | str, mode: str) -> str:
    """A SQLite URI for ``path``: quoted as bytes, so any file name the OS allows works
    (``?``, ``#``, ``%``, and names that are not UTF-8)."""
    return f"file:{quote(os.fsencode(Path(path).absolute()))}?mode={mode}"


def connect(path: Path | str, mode: str = "rw") -> sqlite3.Connection:
    """A connection to the file at ``path``: ``rw``, ``ro`` or ``rwc`` (create)."""
    conn = sqlite3.connect(uri(path, mode), uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute(WAIT_FOR_LOCKS)
    # What is deleted is overwritten, not left in free pages: erasing a person must erase.
    conn.execute("PRAGMA secure_delete = ON")
    return conn


def sqlite_utils_database(conn: sqlite3.Connection) -> Database:
    """sqlite-utils over an open connection (imported on first use: it is slow to import)."""
    from sqlite_utils import Database

    return Database(conn, execute_plugins=False)


def table_names(conn: sqlite3.Connection) -> list[str]:
    return [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
