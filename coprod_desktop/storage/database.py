"""Opening an archive file safely.

Order matters: nothing is written to a file until it has been recognised as a
healthy archive of a version we understand, and it is copied aside before any
migration. A failure raises an ArchiveError and leaves the file's bytes as
they were.
"""

from __future__ import annotations

import glob
import logging
import os
from datetime import datetime
from pathlib import Path

from coprod_desktop.storage import connection, errors, keys
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

log = logging.getLogger(__name__)

# Up to this size PRAGMA integrity_check runs before anything else (tens of ms). A
# larger archive opens after the header and schema checks, and the app runs the full
# check on a second connection in the background (integrity_problem), so a big
# archive still opens in a blink.
FULL_CHECK_AT_OPEN_BYTES = 32 * 1024 * 1024


def open_database(
    path: Path | str,
    *,
    create: bool = True,
    full_check: bool | None = None,
    passphrase: str | keys.RecoveryCode | None = None,
) -> tuple[connection.Connection, ArchiveKey | None]:
    """Open the archive at ``path`` (creating it if allowed), checked and migrated; with a
    passphrase, an encrypted one (a new archive is made encrypted). Returns the connection
    and the key, for other connections to the same archive.

    The checks run on a read-only connection: a read-write one, when closed after
    refusing a file, would fold a pending ``-wal`` into it (SQLite checkpoints on
    close), changing the bytes we promise to leave alone. Returns a plain read-write
    connection; the archive wraps it in sqlite-utils on its first write, so start-up
    does not wait for that import.
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
            f"Nothing exists at {path}. Check the path, or run `coprod-desktop demo --archive PATH` to make one.", path
        )
    if full_check is None:
        full_check = path.stat().st_size <= FULL_CHECK_AT_OPEN_BYTES
    made_by_reading = {p for p in companions(path) if not exists(p)}  # -wal/-shm a reader may create
    conn = None
    try:
        key = _key_for(path, passphrase)
        checker = _connect(path, "ro", key)
        try:
            if full_check:
                check_integrity(checker, path)
            applied = check_version(checker, path)
        finally:
            checker.close()
        conn = _connect(path, "rw", key)
        _set_pragmas(conn, path)
        _migrate(conn, path, applied, created, key)
    except BaseException as error:
        if conn is not None:
            conn.close()
        _tidy_after_failure(path, created, made_by_reading)
        if isinstance(error, connection.Error):  # met while reading the schema or applying pragmas
            raise open_failure(path, error) from error
        raise
    return conn, key


def _key_for(path: Path, passphrase: str | keys.RecoveryCode | None) -> ArchiveKey | None:
    """The key for ``path``: none for a plain archive; from the salt in the file's first
    bytes for an encrypted one (or its recovery key); a new salt for a file still empty."""
    if passphrase is None:
        return None
    if isinstance(passphrase, keys.RecoveryCode):
        if path.stat().st_size == 0 or not keys.is_encrypted(path):
            raise errors.NotAnArchive(f"{path.name} is not an encrypted archive: a recovery key cannot open it.", path)
        try:
            return passphrase.key_for(path)
        except ValueError as e:
            raise errors.WrongPassphrase(f"{e} The file has not been changed.", path) from e
    if path.stat().st_size == 0:
        return keys.new_key(passphrase)
    if not keys.is_encrypted(path):
        return None  # a plain archive stays plain until it is converted, with consent
    return keys.derive(passphrase, keys.salt_of(path))


def _tidy_after_failure(path: Path, created: bool, made_by_reading: set[Path]) -> None:
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
            f"A new archive cannot be created at {path}: {e.strerror or e}. Choose a folder you can write to.",
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
        raise errors.ArchiveReadOnly(f"{path} cannot be opened: {e}.", path) from e


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
            detail = "Nothing was kept. Free some disk space, or choose another folder, and try again."
        elif backup is not None:
            # Each step commits on its own, so the file may hold some of the update.
            detail = f"It may be partly updated; the copy made just before is {backup.name}, beside it."
        else:
            detail = "It may be partly made; open it again to finish."
        raise errors.ArchiveWriteError(f"{path.name} could not be brought up to date ({e}). {detail}", path) from e


def backup_copy(conn: connection.Connection, path: Path, label: str, key: ArchiveKey | None = None) -> Path:
    """A consistent copy of the live database beside it (0600), via SQLite's backup API;
    encrypted with the same key as the archive."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = None
    try:
        target = _new_private_file(path, f"{label}.{stamp}")
        dest = connection.connect(target, "rw", key)
        try:
            conn.backup(dest)
        finally:
            dest.close()
    except Exception as e:
        if not isinstance(e, (OSError, *connection.Error)):
            raise
        if target is not None:  # ours, made just now: never a file that was already there
            target.unlink(missing_ok=True)
        raise errors.ArchiveWriteError(
            f"A safety copy of {path.name} could not be made before updating it ({e}). "
            "Nothing was changed. Check there is free disk space, and try again.",
            path,
        ) from e
    _prune_copies(path, keep=COPIES_KEPT)
    return target


COPIES_KEPT = 2  # copies made before updates hold what was since erased: keep only the last two


def safety_copies(path: Path) -> list[Path]:
    """The copies made before updates of ``path``, oldest first."""
    return sorted(
        path.parent.glob(f"{glob.escape(path.stem)}.before-*{glob.escape(path.suffix or '.sqlite')}"),
        key=lambda p: p.stat().st_mtime_ns,
    )


def _prune_copies(path: Path, keep: int) -> None:
    """Remove all but the newest ``keep`` copies made before updates of ``path``."""
    for old in safety_copies(path)[:-keep]:
        try:
            old.unlink()
        except OSError as e:
            log.warning("could not remove an old safety copy %s: %s", old.name, e)


def remove_safety_copies(path: Path) -> int:
    """Remove every copy made before updates (after an erasure: they hold what was erased);
    the number removed. ArchiveWriteError if one cannot be removed."""
    removed = 0
    for copy in safety_copies(path):
        try:
            copy.unlink()
        except OSError as e:
            raise errors.ArchiveWriteError(
                f"The safety copy {copy.name} still holds what was erased and could not be removed "
                f"({e.strerror or e}). Delete it yourself.",
                path,
            ) from e
        removed += 1
    return removed


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
