"""An archive's encryption over its life: a plain archive encrypted (with consent), a
passphrase changed, and a decrypted copy for the facilitator's own tools.

A plain archive is encrypted into a new file beside it, which is checked (its integrity,
and every table's row count against the original) before it atomically takes the
original's name: at every moment one whole archive exists under that name, never both
and never neither.
"""

from __future__ import annotations

import os
from pathlib import Path

from coprod_desktop.language import _
from coprod_desktop.storage import connection, errors, keys
from coprod_desktop.storage.keys import ArchiveKey
from coprod_desktop.storage.open_checks import companions


def rekey(conn: connection.Connection, path: Path, passphrase: str) -> ArchiveKey:
    """Re-encrypt the open archive under a new passphrase (same salt); returns the new key."""
    key = keys.derive(passphrase, keys.salt_of(path))
    try:
        conn.execute(f"PRAGMA rekey = \"x'{key.key.hex()}{key.salt.hex()}'\"")
    except connection.Error as e:
        raise errors.ArchiveWriteError(
            _("The passphrase could not be changed ({error}); the old one still opens {name}.").format(
                error=e, name=path.name
            ),
            path,
        ) from e
    return key


def decrypted_copy(conn: connection.Connection, out: Path) -> Path:
    """A plain SQLite copy of the archive at ``out`` (a new file, private to its owner), for
    sqlite3 or Datasette. Whoever has the copy reads everything in it."""
    out = Path(out).expanduser().absolute()
    try:
        os.close(os.open(out, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
    except FileExistsError as e:
        raise errors.ArchiveWriteError(_("{path} already exists; choose a new file name.").format(path=out), out) from e
    except OSError as e:
        raise errors.ArchiveWriteError(
            _("{path} cannot be written: {reason}.").format(path=out, reason=e.strerror or e), out
        ) from e
    try:
        if connection.is_sqlcipher(conn):
            conn.execute("ATTACH DATABASE ? AS plain KEY ''", [str(out)])
            try:
                conn.execute("SELECT sqlcipher_export('plain')")
            finally:
                conn.execute("DETACH DATABASE plain")
        else:
            target = connection.connect(out, "rw")
            try:
                conn.backup(target)
            finally:
                target.close()
    except connection.Error as e:
        out.unlink(missing_ok=True)
        raise errors.ArchiveWriteError(
            _("The copy could not be written ({error}); nothing was kept.").format(error=e), out
        ) from e
    return out


def encrypt_plain(path: Path, passphrase: str) -> ArchiveKey:
    """Encrypt the plain archive at ``path`` (closed, checked and up to date) in place;
    returns its key. On any failure the plain archive is left as it was."""
    key = keys.new_key(passphrase)
    target = path.with_name(path.name + ".encrypting")
    target.unlink(missing_ok=True)  # a leftover of an attempt that did not finish: never the archive
    os.close(os.open(target, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
    try:
        source = connection._sqlcipher().connect(connection.uri(path, "rw"), uri=True)
        try:
            source.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            source.execute("ATTACH DATABASE ? AS enc KEY ?", [str(target), f"x'{key.key.hex()}{key.salt.hex()}'"])
            source.execute("SELECT sqlcipher_export('enc')")
            source.execute("DETACH DATABASE enc")
            counts = _row_counts(source)
        finally:
            source.close()
        _verify(path, target, key, counts)
        with target.open("rb+") as f:
            os.fsync(f.fileno())
        os.replace(target, path)
        _sync_folder(path.parent)
    except BaseException as e:
        target.unlink(missing_ok=True)
        if isinstance(e, (OSError, *connection.Error)):
            raise errors.ArchiveWriteError(
                _("{name} could not be encrypted ({error}). It is as it was, not encrypted; try again.").format(
                    name=path.name, error=e
                ),
                path,
            ) from e
        raise
    for leftover in companions(path):  # the plain file's, now folded in and empty
        leftover.unlink(missing_ok=True)
    return key


def _row_counts(conn: connection.Connection) -> dict[str, int]:
    names = connection.table_names(conn)
    return {t: conn.execute(f"SELECT count(*) FROM [{t}]").fetchone()[0] for t in names if "_fts" not in t}


def _verify(path: Path, target: Path, key: ArchiveKey, counts: dict[str, int]) -> None:
    check = connection.connect(target, "ro", key)
    try:
        if check.execute("PRAGMA integrity_check").fetchall() != [("ok",)] or _row_counts(check) != counts:
            raise errors.ArchiveWriteError(
                _(
                    "{name} could not be encrypted: the encrypted copy did not match it. It is as it was, not encrypted."
                ).format(name=path.name),
                path,
            )
    finally:
        check.close()


def _sync_folder(folder: Path) -> None:
    """Make the rename itself survive a power cut (where the OS allows opening a folder)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
