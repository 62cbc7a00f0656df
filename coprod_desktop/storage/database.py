"""Opening an archive file safely.

Order matters: nothing is written to a file until it has been recognised as a
healthy archive of a version we understand, and it is copied aside before any
migration. A failure raises an ArchiveError and leaves the file's bytes as
they were.
"""

from __future__ import annotations

import logging
import os
import sqlite3
import stat
from datetime import datetime
from pathlib import Path
from urllib.parse import quote

from coprod_desktop.storage import errors
from coprod_desktop.storage.migrations import KNOWN, MIGRATION_SET, migration_set

log = logging.getLogger(__name__)

SQLITE_HEADER = b"SQLite format 3\x00"
# Up to this size PRAGMA integrity_check runs before anything else (tens of ms). A
# larger archive opens after the header and schema checks, and the app runs the full
# check on a second connection in the background (integrity_problem), so a big
# archive still opens in a blink.
FULL_CHECK_AT_OPEN_BYTES = 32 * 1024 * 1024


def open_database(path: Path | str, *, create: bool = True, full_check: bool | None = None) -> sqlite3.Connection:
    """Open the archive at ``path`` (creating it if allowed), checked and migrated.

    Returns a plain connection; the archive wraps it in sqlite-utils on its
    first write, so start-up does not wait for that import.
    """
    path = Path(path).expanduser().absolute()
    if path.exists():
        _check_existing_file(path)
    elif create:
        _create_empty_file(path)
    else:
        raise errors.NoArchive(f"Nothing exists at {path}. Check the path, or run `coprod-desktop demo --archive PATH` to make one.", path)
    if full_check is None:
        full_check = path.stat().st_size <= FULL_CHECK_AT_OPEN_BYTES
    conn = _connect(path)
    try:
        if full_check:
            _check_integrity(conn, path)
        applied = _check_version(conn, path)
        _set_pragmas(conn, path)
        _migrate(conn, path, applied)
    except sqlite3.DatabaseError as error:  # damage met while reading the schema
        conn.close()
        raise _damaged(path, str(error)) from error
    except BaseException:
        conn.close()
        raise
    return conn


def _check_existing_file(path: Path) -> None:
    if not path.is_file():
        raise errors.NotAnArchive(f"{path} is a folder or device, not an archive file.", path)
    try:
        with path.open("rb") as f:
            header = f.read(100)
    except OSError as e:
        raise errors.ArchiveReadOnly(f"{path} cannot be read: {e.strerror}.", path) from e
    if header and not header.startswith(SQLITE_HEADER):
        raise errors.NotAnArchive(
            f"{path.name} is not a coprod-desktop archive (it is not a SQLite database). "
            "Choose another file; this one has not been changed.",
            path,
        )
    if header and len(header) < 100:
        raise errors.CorruptArchive(
            f"{path.name} is cut short ({len(header)} bytes): it may not have been copied completely. "
            "The file has not been changed; restore it from a backup copy.",
            path,
        )
    if _marked_read_only(path) or _marked_read_only(path.parent):
        raise errors.ArchiveReadOnly(
            f"{path} is read-only, or its folder is. coprod-desktop saves every change as it is "
            "made, so it needs to write there. Copy the archive to a folder you can write to, "
            "or change its permissions, and open it again.",
            path,
        )


def _marked_read_only(path: Path) -> bool:
    """True if the OS refuses writes, or no one has write permission (even root respects that here)."""
    try:
        mode = path.stat().st_mode
    except OSError:
        return True
    if not mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH):
        return True
    return not os.access(path, os.W_OK)


def _create_empty_file(path: Path) -> None:
    folder = path.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
        if _marked_read_only(folder):
            raise PermissionError(13, "Permission denied")
        # Readable by its owner only: the archive holds people's stories and needs.
        fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
        os.close(fd)
    except OSError as e:
        raise errors.ArchiveReadOnly(
            f"A new archive cannot be created at {path}: {e.strerror or e}. "
            "Choose a folder you can write to.",
            path,
        ) from e


def _connect(path: Path) -> sqlite3.Connection:
    try:
        conn = sqlite3.connect(f"file:{quote(str(path))}?mode=rw", uri=True, timeout=5)
    except sqlite3.Error as e:
        raise errors.ArchiveReadOnly(f"{path} cannot be opened: {e}.", path) from e
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA busy_timeout = 5000")
    return conn


def _check_integrity(conn: sqlite3.Connection, path: Path) -> None:
    try:
        rows = conn.execute("PRAGMA integrity_check").fetchall()
    except sqlite3.DatabaseError as e:
        raise _damaged(path, str(e)) from e
    if rows != [("ok",)]:
        raise _damaged(path, "; ".join(str(r[0]) for r in rows[:3]))


def integrity_problem(path: Path | str) -> str | None:
    """The full integrity check on a separate read-only connection (safe off the GUI thread):
    None if the archive is sound, else a message to show."""
    path = Path(path)
    try:
        conn = sqlite3.connect(f"file:{quote(str(path.absolute()))}?mode=ro", uri=True, timeout=5)
        try:
            _check_integrity(conn, path)
        finally:
            conn.close()
    except errors.CorruptArchive as error:
        return str(error).replace("cannot be opened safely", "is damaged").replace(
            "The file has not been changed. Restore it from a backup copy, or open another archive.",
            "Copy the file somewhere safe now, then restore a backup; new changes may not be kept.")
    except sqlite3.Error as error:
        return f"{path.name} could not be checked: {error}."
    return None


def _damaged(path: Path, detail: str) -> errors.CorruptArchive:
    return errors.CorruptArchive(
        f"{path.name} is damaged and cannot be opened safely ({detail}). "
        "The file has not been changed. Restore it from a backup copy, or open another archive.",
        path,
    )


def table_names(conn: sqlite3.Connection) -> list[str]:
    return [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]


def _check_version(conn: sqlite3.Connection, path: Path) -> list[str]:
    """Names of the migrations already applied; raises if the file is not ours or too new."""
    tables = set(table_names(conn))
    if not tables:
        return []
    if "_sqlite_migrations" not in tables:
        raise errors.NotAnArchive(
            f"{path.name} is a SQLite database, but not a coprod-desktop archive. "
            "The file has not been changed.",
            path,
        )
    applied = [
        r[0]
        for r in conn.execute(
            "SELECT name FROM _sqlite_migrations WHERE migration_set = ? ORDER BY rowid", [MIGRATION_SET]
        )
    ]
    if not applied:
        raise errors.NotAnArchive(
            f"{path.name} belongs to another program (no {MIGRATION_SET} schema). "
            "The file has not been changed.",
            path,
        )
    if set(applied) - set(KNOWN):
        raise errors.ArchiveTooNew(
            f"{path.name} was made by a newer version of coprod-desktop. "
            "Update coprod-desktop to open it; the file has not been changed.",
            path,
        )
    return applied


def _set_pragmas(conn: sqlite3.Connection, path: Path) -> None:
    try:
        mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
        if mode.lower() != "wal":
            log.warning("journal mode is %s, not WAL", mode)
        # A laptop's battery can die: every commit must survive power loss.
        conn.execute("PRAGMA synchronous = FULL")
    except sqlite3.OperationalError as e:
        raise errors.ArchiveReadOnly(f"{path} cannot be written to: {e}.", path) from e


def _migrate(conn: sqlite3.Connection, path: Path, applied: list[str]) -> None:
    pending = [name for name in KNOWN if name not in applied]
    if not pending:
        return
    if applied:
        backup = backup_copy(conn, path, f"before-{pending[0]}")
        log.info("copied %s to %s before migrating", path, backup)
    from sqlite_utils import Database

    try:
        migration_set().apply(Database(conn, execute_plugins=False))
    except sqlite3.Error as e:
        raise errors.ArchiveWriteError(
            f"{path.name} could not be brought up to date ({e}). It has been left as it was.",
            path,
        ) from e


def backup_copy(conn: sqlite3.Connection, path: Path, label: str) -> Path:
    """A consistent copy of the live database beside it (0600), via SQLite's backup API."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.stem}.{label}.{stamp}{path.suffix or '.sqlite'}")
    try:
        fd = os.open(target, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
        os.close(fd)
        dest = sqlite3.connect(target)
        try:
            conn.backup(dest)
        finally:
            dest.close()
    except (OSError, sqlite3.Error) as e:
        target.unlink(missing_ok=True)
        raise errors.ArchiveWriteError(
            f"A safety copy of {path.name} could not be made before updating it ({e}). "
            "Nothing was changed. Free some disk space and try again.",
            path,
        ) from e
    return target
