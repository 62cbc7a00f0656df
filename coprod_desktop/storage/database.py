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

    The checks run on a read-only connection: a read-write one, when closed after
    refusing a file, would fold a pending ``-wal`` into it (SQLite checkpoints on
    close), changing the bytes we promise to leave alone. Returns a plain read-write
    connection; the archive wraps it in sqlite-utils on its first write, so start-up
    does not wait for that import.
    """
    path = Path(path).expanduser().absolute()
    created = False
    if _exists(path):
        _check_existing_file(path, create=create)
    elif create:
        _create_empty_file(path)
        created = True
    else:
        raise errors.NoArchive(
            f"Nothing exists at {path}. Check the path, or run `coprod-desktop demo --archive PATH` to make one.", path
        )
    if full_check is None:
        full_check = path.stat().st_size <= FULL_CHECK_AT_OPEN_BYTES
    companions = {p for p in _companions(path) if not _exists(p)}  # -wal/-shm a reader may create
    conn = None
    try:
        checker = _connect(path, "ro")
        try:
            if full_check:
                _check_integrity(checker, path)
            applied = _check_version(checker, path)
        finally:
            checker.close()
        conn = _connect(path, "rw")
        _set_pragmas(conn, path)
        _migrate(conn, path, applied, created)
    except BaseException as error:
        if conn is not None:
            conn.close()
        _tidy_after_failure(path, created, companions)
        if isinstance(error, sqlite3.Error):  # met while reading the schema or applying pragmas
            raise _open_failure(path, error) from error
        raise
    return conn


def _exists(path: Path) -> bool:
    try:
        return path.exists()
    except OSError as e:  # a folder on the way that may not be entered
        raise errors.ArchiveReadOnly(
            f"{path} cannot be reached: {e.strerror or e}. Check the permissions of the folders "
            "on the way to it, or choose another archive.",
            path,
        ) from e


def _companions(path: Path) -> tuple[Path, Path]:
    return path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")


def _tidy_after_failure(path: Path, created: bool, companions: set[Path]) -> None:
    """Remove what this open made and nothing else: the new archive it created (half-made),
    and the -shm and empty -wal that reading a refused file left. A -shm that was not there
    before means no one had the file open (every reader in WAL mode keeps one)."""
    wal, shm = _companions(path)
    try:
        if created:
            for made in (path, wal, shm):
                made.unlink(missing_ok=True)
            return
        if wal in companions and wal.exists() and wal.stat().st_size == 0:
            wal.unlink(missing_ok=True)
        if shm in companions:
            shm.unlink(missing_ok=True)
    except OSError as e:
        log.warning("could not tidy up after failing to open %s: %s", path, e)


def _open_failure(path: Path, error: sqlite3.Error) -> errors.ArchiveError:
    """The message for a SQLite error met while opening, by what went wrong."""
    name = getattr(error, "sqlite_errorname", "") or ""
    if name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")):
        return errors.ArchiveBusy(
            f"{path.name} is in use by another program (is coprod-desktop already open on it?). "
            "Close the other program and try again. The file has not been changed.",
            path,
        )
    if name.startswith(("SQLITE_FULL", "SQLITE_IOERR")):
        return errors.ArchiveUnavailable(
            f"{path.name} could not be read or written ({error}): the disk may be full, or the drive "
            "removed. Free some space or reconnect the drive, then open it again.",
            path,
        )
    if name.startswith(("SQLITE_READONLY", "SQLITE_CANTOPEN", "SQLITE_PERM", "SQLITE_AUTH")):
        return errors.ArchiveReadOnly(f"{path} cannot be opened for writing: {error}.", path)
    return _damaged(path, str(error))


def _check_existing_file(path: Path, *, create: bool) -> None:
    if not path.is_file():
        raise errors.NotAnArchive(f"{path} is a folder or device, not an archive file.", path)
    try:
        with path.open("rb") as f:
            header = f.read(100)
    except OSError as e:
        raise errors.ArchiveReadOnly(f"{path} cannot be read: {e.strerror}.", path) from e
    if not header and not create:
        raise errors.NoArchive(f"{path} is an empty file, not an archive. It has not been changed.", path)
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
    busy_files = [p for p in _companions(path) if p.exists()]  # left by a crash or another user
    if any(_marked_read_only(p) for p in (path, path.parent, *busy_files)):
        raise errors.ArchiveReadOnly(
            f"{path} is read-only, or its folder is, or the -wal/-shm files beside it are. "
            "coprod-desktop saves every change as it is made, so it needs to write there. Copy the "
            "archive to a folder you can write to, or change its permissions, and open it again.",
            path,
        )
    if not header:  # an empty file becomes the archive: private, like one made from scratch
        try:
            os.chmod(path, 0o600)
        except OSError as e:
            log.warning("could not make %s private: %s", path, e)


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
            f"A new archive cannot be created at {path}: {e.strerror or e}. Choose a folder you can write to.",
            path,
        ) from e


def uri(path: Path | str, mode: str) -> str:
    """A SQLite URI for ``path``: quoted as bytes, so any file name the OS allows works
    (``?``, ``#``, ``%``, and names that are not UTF-8)."""
    return f"file:{quote(os.fsencode(Path(path).absolute()))}?mode={mode}"


def _connect(path: Path, mode: str) -> sqlite3.Connection:
    try:
        conn = sqlite3.connect(uri(path, mode), uri=True, timeout=5)
    except sqlite3.Error as e:
        raise errors.ArchiveReadOnly(f"{path} cannot be opened: {e}.", path) from e
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA busy_timeout = 5000")
    return conn


def _check_integrity(conn: sqlite3.Connection, path: Path) -> None:
    try:
        rows = conn.execute("PRAGMA integrity_check").fetchall()
    except sqlite3.DatabaseError as e:
        raise _open_failure(path, e) from e
    if rows != [("ok",)]:
        raise _damaged(path, "; ".join(str(r[0]) for r in rows[:3]))


def integrity_problem(path: Path | str) -> str | None:
    """The full integrity check on a separate read-only connection (safe off the GUI thread):
    None if the archive is sound, else a message to show."""
    path = Path(path)
    try:
        conn = sqlite3.connect(uri(path, "ro"), uri=True, timeout=5)
        try:
            _check_integrity(conn, path)
        finally:
            conn.close()
    except errors.CorruptArchive as error:
        return (
            str(error)
            .replace("cannot be opened safely", "is damaged")
            .replace(
                "The file has not been changed. Restore it from a backup copy, or open another archive.",
                "Copy the file somewhere safe now, then restore a backup; new changes may not be kept.",
            )
        )
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
            f"{path.name} is a SQLite database, but not a coprod-desktop archive. The file has not been changed.",
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
            f"{path.name} belongs to another program (no {MIGRATION_SET} schema). The file has not been changed.",
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
        raise _open_failure(path, e) from e


def _migrate(conn: sqlite3.Connection, path: Path, applied: list[str], created: bool) -> None:
    pending = [name for name in KNOWN if name not in applied]
    if not pending:
        return
    backup = None
    if applied:
        backup = backup_copy(conn, path, f"before-{pending[0]}")
        log.info("copied %s to %s before migrating", path, backup)
    from sqlite_utils import Database

    try:
        migration_set().apply(Database(conn, execute_plugins=False))
    except sqlite3.Error as e:
        if created:  # open_database removes the half-made file
            detail = "Nothing was kept. Free some disk space, or choose another folder, and try again."
        elif backup is not None:
            # Each step commits on its own, so the file may hold some of the update.
            detail = f"It may be partly updated; the copy made just before is {backup.name}, beside it."
        else:
            detail = "It may be partly made; open it again to finish."
        raise errors.ArchiveWriteError(f"{path.name} could not be brought up to date ({e}). {detail}", path) from e


def backup_copy(conn: sqlite3.Connection, path: Path, label: str) -> Path:
    """A consistent copy of the live database beside it (0600), via SQLite's backup API."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = None
    try:
        target = _new_private_file(path, f"{label}.{stamp}")
        dest = sqlite3.connect(target)
        try:
            conn.backup(dest)
        finally:
            dest.close()
    except (OSError, sqlite3.Error) as e:
        if target is not None:  # ours, made just now: never a file that was already there
            target.unlink(missing_ok=True)
        raise errors.ArchiveWriteError(
            f"A safety copy of {path.name} could not be made before updating it ({e}). "
            "Nothing was changed. Check there is free disk space, and try again.",
            path,
        ) from e
    return target


def _new_private_file(path: Path, label: str) -> Path:
    """Create (0600) and return the first free ``NAME.LABEL[.N].sqlite`` beside ``path``."""
    suffix = path.suffix or ".sqlite"
    for n in range(1000):
        target = path.with_name(f"{path.stem}.{label}{f'.{n}' if n else ''}{suffix}")
        try:
            os.close(os.open(target, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
        except FileExistsError:
            continue
        return target
    raise FileExistsError(17, "Too many copies with that name", str(path))
