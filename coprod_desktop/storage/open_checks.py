"""The checks an archive file must pass before anything is written to it, and the
words for each way it can fail. They run on a read-only connection, so that a
refused file keeps its bytes."""

from __future__ import annotations

import logging
import os
import stat
from pathlib import Path

from coprod_desktop.language import _, ngettext
from coprod_desktop.storage import connection, errors
from coprod_desktop.storage.connection import table_names
from coprod_desktop.storage.keys import ArchiveKey
from coprod_desktop.storage.migrations import MIGRATION_SET, known

log = logging.getLogger(__name__)

SQLITE_HEADER = b"SQLite format 3\x00"


def exists(path: Path) -> bool:
    try:
        return path.exists()
    except OSError as e:  # a folder on the way that may not be entered
        raise errors.ArchiveReadOnly(
            _(
                "{path} cannot be reached: {reason}. Check the permissions of the folders "
                "on the way to it, or choose another archive."
            ).format(path=path, reason=e.strerror or e),
            path,
        ) from e


def companions(path: Path) -> tuple[Path, Path]:
    return path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")


def open_failure(path: Path, error: Exception) -> errors.ArchiveError:
    """The message for a SQLite error met while opening, by what went wrong."""
    name = getattr(error, "sqlite_errorname", "") or ""
    if name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")):
        return errors.ArchiveBusy(
            _(
                "{name} is in use by another program (is coprod-desktop already open on it?). "
                "Close the other program and try again. The file has not been changed."
            ).format(name=path.name),
            path,
        )
    if name.startswith(("SQLITE_FULL", "SQLITE_IOERR")):
        return errors.ArchiveUnavailable(
            _(
                "{name} could not be read or written ({error}): the disk may be full, or the drive "
                "removed. Free some space or reconnect the drive, then open it again."
            ).format(name=path.name, error=error),
            path,
        )
    if name.startswith(("SQLITE_READONLY", "SQLITE_CANTOPEN", "SQLITE_PERM", "SQLITE_AUTH")):
        return errors.ArchiveReadOnly(
            _("{path} cannot be opened for writing: {error}.").format(path=path, error=error), path
        )
    return damaged(path, str(error))


def check_existing_file(path: Path, *, create: bool, passphrase_given: bool = False, writing: bool = True) -> None:
    """Refuse what is not an archive we can open, before anything touches it. With no
    passphrase, a file that is not plain SQLite is an encrypted archive or no archive at
    all (the format cannot say which: its first bytes are random either way)."""
    if not path.is_file():
        raise errors.NotAnArchive(_("{path} is a folder or device, not an archive file.").format(path=path), path)
    try:
        with path.open("rb") as f:
            header = f.read(100)
    except OSError as e:
        raise errors.ArchiveReadOnly(
            _("{path} cannot be read: {reason}.").format(path=path, reason=e.strerror), path
        ) from e
    if not header and not create:
        raise errors.NoArchive(
            _("{path} is an empty file, not an archive. It has not been changed.").format(path=path), path
        )
    if header and not header.startswith(SQLITE_HEADER) and not _could_be_encrypted(path):
        raise errors.NotAnArchive(
            _(
                "{name} is not a coprod-desktop archive (it is not a SQLite database). "
                "Choose another file; this one has not been changed."
            ).format(name=path.name),
            path,
        )
    if header and not header.startswith(SQLITE_HEADER) and not passphrase_given:
        raise errors.NeedsPassphrase(
            _(
                "{name} is not a SQLite database as it stands: it is either an encrypted archive, "
                "which opens with its passphrase, or not a coprod-desktop archive at all. "
                "The file has not been changed."
            ).format(name=path.name),
            path,
        )
    if header and len(header) < 100:
        raise errors.CorruptArchive(
            ngettext(
                "{name} is cut short ({n} byte): it may not have been copied completely. "
                "The file has not been changed; restore it from a backup copy.",
                "{name} is cut short ({n} bytes): it may not have been copied completely. "
                "The file has not been changed; restore it from a backup copy.",
                len(header),
            ).format(name=path.name, n=len(header)),
            path,
        )
    busy_files = [p for p in companions(path) if p.exists()]  # left by a crash or another user
    if writing and any(marked_read_only(p) for p in (path, path.parent, *busy_files)):
        raise errors.ArchiveReadOnly(
            _(
                "{path} is read-only, or its folder is, or the -wal/-shm files beside it are. "
                "coprod-desktop saves every change as it is made, so it needs to write there. Copy the "
                "archive to a folder you can write to, or change its permissions, and open it again."
            ).format(path=path),
            path,
        )
    if not header:  # an empty file becomes the archive: private, like one made from scratch
        try:
            os.chmod(path, 0o600)
        except OSError as e:
            log.warning("could not make %s private: %s", path, e)


def _could_be_encrypted(path: Path) -> bool:
    """An encrypted archive is whole pages (at least 512 bytes each): a file of another size
    is certainly something else."""
    size = path.stat().st_size
    return size >= 512 and size % 512 == 0


def marked_read_only(path: Path) -> bool:
    """True if the OS refuses writes, or no one has write permission (even root respects that here)."""
    try:
        mode = path.stat().st_mode
    except OSError:
        return True
    if not mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH):
        return True
    return not os.access(path, os.W_OK)


def check_integrity(conn: connection.Connection, path: Path) -> None:
    try:
        rows = conn.execute("PRAGMA integrity_check").fetchall()
    except connection.DatabaseError as e:
        raise open_failure(path, e) from e
    if rows != [("ok",)]:
        lines = [line for r in rows for line in str(r[0]).splitlines()]
        detail = "; ".join(lines[:3])
        if len(lines) > 3:
            detail = _("{found}; and {n} more").format(found=detail, n=f"{len(lines) - 3:,}")
        raise damaged(path, detail)


def integrity_problem(path: Path | str, key: ArchiveKey | None = None) -> str | None:
    """The full integrity check on a separate read-only connection (safe off the GUI thread):
    None if the archive is sound, else a message to show."""
    return problem_found(Path(path), key, (check_integrity,))


def problem_found(path: Path, key: ArchiveKey | None, checks) -> str | None:
    """Each of ``checks(conn, path)`` in turn on one read-only connection of its own: None if
    all pass, else the message to show for the first that fails."""
    try:
        conn = connection.connect(path, "ro", key)
        try:
            for check in checks:
                check(conn, path)
        finally:
            conn.close()
    except errors.ArchiveError as error:
        return getattr(error, "found_later", None) or str(error)
    except connection.Error as error:
        return _("{name} could not be checked: {error}.").format(name=path.name, error=error)
    return None


def wrong_passphrase(path: Path) -> errors.WrongPassphrase:
    return errors.WrongPassphrase(
        _(
            "That passphrase does not open {name}. Check it (is Caps Lock on?) and try again. "
            "If it is right, the file is damaged or is not a coprod-desktop archive. "
            "The file has not been changed."
        ).format(name=path.name),
        path,
    )


def damaged(path: Path, detail: str) -> errors.CorruptArchive:
    """The damage found at opening; ``found_later`` says it as found once the archive is open."""
    error = errors.CorruptArchive(
        _(
            "{name} is damaged and cannot be opened safely ({detail}). "
            "The file has not been changed. Restore it from a backup copy, or open another archive."
        ).format(name=path.name, detail=detail),
        path,
    )
    error.found_later = _(  # type: ignore[attr-defined]
        "{name} is damaged ({detail}). Copy the file somewhere safe now, then restore a backup; "
        "new changes may not be kept."
    ).format(name=path.name, detail=detail)
    return error


def check_version(conn: connection.Connection, path: Path) -> list[str]:
    """Names of the migrations already applied; raises if the file is not ours or too new."""
    tables = set(table_names(conn))
    if not tables:
        return []
    if "_sqlite_migrations" not in tables:
        raise errors.NotAnArchive(
            _("{name} is a SQLite database, but not a coprod-desktop archive. The file has not been changed.").format(
                name=path.name
            ),
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
            _("{name} belongs to another program (no {schema} schema). The file has not been changed.").format(
                name=path.name, schema=MIGRATION_SET
            ),
            path,
        )
    if set(applied) - set(known()):
        raise errors.ArchiveTooNew(
            _(
                "{name} was made by a newer version of coprod-desktop. "
                "Update coprod-desktop to open it; the file has not been changed."
            ).format(name=path.name),
            path,
        )
    return applied
