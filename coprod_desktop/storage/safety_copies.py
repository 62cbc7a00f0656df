"""Copies of the archive made before each update (0600, encrypted with the archive's key),
so that an update that fails leaves a way back. They hold what was later erased, so only
the last two are kept, and an erasure removes them all."""

from __future__ import annotations

import glob
import logging
import os
from datetime import datetime
from pathlib import Path

from coprod_desktop.language import _
from coprod_desktop.storage import connection, errors
from coprod_desktop.storage.keys import ArchiveKey

log = logging.getLogger(__name__)

__all__ = ["backup_copy", "remove_safety_copies", "safety_copies"]


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
            _(
                "A safety copy of {name} could not be made before updating it ({error}). "
                "Nothing was changed. Check there is free disk space, and try again."
            ).format(name=path.name, error=e),
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
                _(
                    "The safety copy {name} still holds what was erased and could not be removed "
                    "({reason}). Delete it yourself."
                ).format(name=copy.name, reason=e.strerror or e),
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
