"""Opening an archive file safely.

Order matters: nothing is written to a file until it has been recognised as a
healthy archive of a version we understand, and it is copied aside before any
migration. A failure raises an ArchiveError and leaves the file's bytes as
they were.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from coprod_desktop.language import _
from coprod_desktop.storage import connection, errors, keys, wal_check
from coprod_desktop.storage.keys import ArchiveKey
from coprod_desktop.storage.migrations import known, migration_set
from coprod_desktop.storage.open_checks import (
    check_existing_file,
    check_integrity,
    check_version,
    companions,
    exists,
    marked_read_only,
    open_failure,
    wrong_passphrase,
)
from coprod_desktop.storage.safety_copies import backup_copy

log = logging.getLogger(__name__)

# Up to this size PRAGMA integrity_check runs before anything else (tens of ms). A
# larger archive opens after the header and schema checks, and the app runs the full
# check on a second connection in the background (open_checks.problem_found), so a big
# archive still opens in a blink.
FULL_CHECK_AT_OPEN_BYTES = 32 * 1024 * 1024


def open_database(
    path: Path | str,
    *,
    create: bool = True,
    full_check: bool | None = None,
    passphrase: str | keys.RecoveryCode | None = None,
    notes: list[str] | None = None,
    values: bool = False,
) -> tuple[connection.Connection, ArchiveKey | None]:
    """Open the archive at ``path`` (creating it if allowed), checked and migrated; with a
    passphrase, an encrypted one (a new archive is made encrypted). Returns the connection
    and the key, for other connections to the same archive.

    The checks run on a read-only connection: a read-write one, when closed after
    refusing a file, would fold a pending ``-wal`` into it (SQLite checkpoints on
    close), changing the bytes we promise to leave alone. Returns a plain read-write
    connection; the archive wraps it in sqlite-utils on its first write, so start-up
    does not wait for that import. What the person must be told (files kept aside) is
    added to ``notes``. With ``values``, every value is read back too (storage.value_check).
    """
    path = Path(path).expanduser().absolute()
    created = False
    if exists(path):
        check_existing_file(path, create=create, passphrase_given=passphrase is not None)
    elif create:
        _create_empty_file(path)
        created = True
    else:
        raise errors.NoArchive(
            _(
                "Nothing exists at {path}. Check the path, or run `coprod-desktop demo --archive PATH` to make one."
            ).format(path=path),
            path,
        )
    if full_check is None:
        full_check = path.stat().st_size <= FULL_CHECK_AT_OPEN_BYTES
    made_by_reading = {p for p in companions(path) if not exists(p)}  # -wal/-shm a reader may create
    conn = None
    told = notes if notes is not None else []
    try:
        key = key_for(path, passphrase)
        if not created:
            told += wal_check.settle_wal(path, read_only=False)
        applied = _check(path, key, full_check, told, values)
        conn = _connect(path, "rw", key)
        _set_pragmas(conn, path)
        _migrate(conn, path, applied, created, key)
    except BaseException as error:
        if conn is not None:
            conn.close()
        tidy_after_failure(path, created, made_by_reading)
        if isinstance(error, connection.Error):  # met while reading the schema or applying pragmas
            raise open_failure(path, error) from error
        raise
    return conn, key


def _check(path: Path, key: ArchiveKey | None, full_check: bool, told: list[str], values: bool = False) -> list[str]:
    """The checks before any write, on a read-only connection; the migrations applied. A big
    archive about to be updated is checked in full first. A -wal that damages a sound
    archive is another's: it is moved aside and the checks run again."""
    try:
        checker = _connect(path, "ro", key)
    except (errors.WrongPassphrase, errors.CorruptArchive):  # a -wal under another key, say
        if not sound_without_wal(path, key):
            raise
        told += wal_check.move_stray_wal(path)
        return _check(path, key, full_check, told, values)
    try:
        try:
            stray = another_archives_wal(checker, path, key)
        except connection.DatabaseError:  # cannot even read the header through the -wal
            stray = sound_without_wal(path, key)
            if not stray:
                raise
        if stray:
            checker.close()
            told += wal_check.move_stray_wal(path)
            return _check(path, key, full_check, told, values)
        applied = check_version(checker, path)
        if full_check or (applied and set(known()) - set(applied)):
            try:
                check_integrity(checker, path)
            except errors.CorruptArchive:
                if not sound_without_wal(path, key):
                    raise
                checker.close()
                told += wal_check.move_stray_wal(path)
                return _check(path, key, full_check, told, values)
        if values and not (applied and set(known()) - set(applied)):  # an older layout: checked once updated
            from coprod_desktop.storage.value_check import check_values

            check_values(checker, path)
        return applied
    finally:
        checker.close()


def another_archives_wal(checker: connection.Connection, path: Path, key: ArchiveKey | None) -> bool:
    """The number in the header as the -wal has it differs from the file's own."""
    wal = companions(path)[0]
    if not wal.exists() or wal.stat().st_size == 0:
        return False
    try:
        alone = connection.connect(path, "ro&immutable=1", key)
    except connection.Error:
        return False
    try:
        own = alone.execute("PRAGMA user_version").fetchone()[0]
    finally:
        alone.close()
    return bool(own) and checker.execute("PRAGMA user_version").fetchone()[0] != own


def sound_without_wal(path: Path, key: ArchiveKey | None) -> bool:
    wal = companions(path)[0]
    if not wal.exists() or wal.stat().st_size == 0:
        return False
    try:
        alone = connection.connect(path, "ro&immutable=1", key)  # immutable: the -wal is not read
    except connection.Error:
        return False
    try:
        check_integrity(alone, path)
        return True
    except errors.ArchiveError:
        return False
    finally:
        alone.close()


def key_for(path: Path, passphrase: str | keys.RecoveryCode | None) -> ArchiveKey | None:
    """The key for ``path``: none for a plain archive; from the salt in the file's first
    bytes for an encrypted one (or its recovery key); a new salt for a file still empty."""
    if passphrase is None:
        return None
    if isinstance(passphrase, keys.RecoveryCode):
        if path.stat().st_size == 0 or not keys.is_encrypted(path):
            raise errors.NotAnArchive(
                _("{name} is not an encrypted archive: a recovery key cannot open it.").format(name=path.name), path
            )
        try:
            return passphrase.key_for(path)
        except ValueError as e:
            raise errors.WrongPassphrase(_("{reason} The file has not been changed.").format(reason=e), path) from e
    if path.stat().st_size == 0:
        return keys.new_key(passphrase)
    if not keys.is_encrypted(path):
        return None  # a plain archive stays plain until it is converted, with consent
    return keys.derive(passphrase, keys.salt_of(path))


def tidy_after_failure(path: Path, created: bool, made_by_reading: set[Path]) -> None:
    """Remove what this open made and nothing else: the new archive it created (half-made),
    and the -shm and empty -wal that reading a refused file left. A -shm that was not there
    before means no one had the file open (every reader in WAL mode keeps one)."""
    wal, shm = companions(path)
    try:
        if created:
            for made in (path, wal, shm):
                made.unlink(missing_ok=True)
            return
        if wal in made_by_reading and wal.exists() and wal.stat().st_size == 0:
            wal.unlink(missing_ok=True)
        if shm in made_by_reading:
            shm.unlink(missing_ok=True)
    except OSError as e:
        log.warning("could not tidy up after failing to open %s: %s", path, e)


def _create_empty_file(path: Path) -> None:
    folder = path.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
        if marked_read_only(folder):
            raise PermissionError(13, "Permission denied")
        # Readable by its owner only: the archive holds people's stories and needs.
        fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
        os.close(fd)
    except OSError as e:
        raise errors.ArchiveReadOnly(
            _("A new archive cannot be created at {path}: {reason}. Choose a folder you can write to.").format(
                path=path, reason=e.strerror or e
            ),
            path,
        ) from e


def _connect(path: Path, mode: str, key: ArchiveKey | None = None) -> connection.Connection:
    try:
        return connection.connect(path, mode, key)
    except connection.Error as e:
        if key is not None and getattr(e, "sqlite_errorname", "") == "SQLITE_NOTADB":
            raise wrong_passphrase(path) from e
        if key is not None:
            raise open_failure(path, e) from e
        raise errors.ArchiveReadOnly(_("{path} cannot be opened: {error}.").format(path=path, error=e), path) from e


def _set_pragmas(conn: connection.Connection, path: Path) -> None:
    try:
        mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
        if mode.lower() != "wal":
            log.warning("journal mode is %s, not WAL", mode)
        # A laptop's battery can die: every commit must survive power loss.
        conn.execute("PRAGMA synchronous = FULL")
    except connection.OperationalError as e:
        raise open_failure(path, e) from e


def _migrate(
    conn: connection.Connection, path: Path, applied: list[str], created: bool, key: ArchiveKey | None
) -> None:
    pending = [name for name in known() if name not in applied]
    if not pending:
        return
    backup = None
    if applied:
        backup = backup_copy(conn, path, f"before-{pending[0]}", key)
        log.info("copied %s to %s before migrating", path, backup)
    try:
        migration_set().apply(connection.sqlite_utils_database(conn))
    except connection.Error as e:
        if created:  # open_database removes the half-made file
            message = _(
                "{name} could not be brought up to date ({error}). Nothing was kept. Free some disk space, "
                "or choose another folder, and try again."
            )
        elif backup is not None:
            # Each step commits on its own, so the file may hold some of the update.
            message = _(
                "{name} could not be brought up to date ({error}). It may be partly updated; the copy made "
                "just before is {copy}, beside it."
            )
        else:
            message = _(
                "{name} could not be brought up to date ({error}). It may be partly made; open it again to finish."
            )
        told = message.format(name=path.name, error=e, copy=backup.name if backup is not None else "")
        raise errors.ArchiveWriteError(told, path) from e
