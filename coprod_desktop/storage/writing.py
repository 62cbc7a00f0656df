"""Transactions: one per user action, with SQLite's failures in words a person can act on."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from coprod_desktop.language import _
from coprod_desktop.storage import connection, errors

if TYPE_CHECKING:
    from sqlite_utils import Database

    from coprod_desktop.storage.integrity_gate import IntegrityGate


class Writer:
    """Reads go straight to the connection; writes go through sqlite-utils, which is
    imported on the first write (or by ``warm_up``) to keep start-up quick."""

    def __init__(self, conn: connection.Connection, path: Path | None = None):
        self.conn = conn
        self.path = path
        self._db: Database | None = None
        self.gate: IntegrityGate | None = None  # set while a big archive's full check is due
        self._identity: int | None = None  # the archive's number (see m009_archive_identity)
        self.lock_wait_ms = connection.BUSY_TIMEOUT_MS
        self._no_waiting = False  # inside without_waiting()

    @property
    def db(self) -> Any:
        """The sqlite-utils Database over this archive's connection."""
        if self._db is None:
            self._db = connection.sqlite_utils_database(self.conn)
        return self._db

    def warm_up(self) -> None:
        """Load the write path ahead of the first edit (call when idle)."""
        _ = self.db

    def close(self) -> None:
        self.conn.close()

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """One transaction; inside another, part of it (a failure anywhere undoes the whole
        action). SQLite failures become messages a person can act on.

        BEGIN IMMEDIATE takes the write lock at the start, so that when another program
        holds it, the busy timeout waits for it. A plain BEGIN that reads before it writes
        (a new item's position) fails at once instead: SQLite cannot wait while turning a
        read into a write."""
        try:
            if self.conn.in_transaction:  # part of the action already under way: all or nothing with it
                yield
                return
            self._wait_for_the_full_check()
            _ = self.db  # the write path, loaded before the lock is taken
            self.conn.execute("BEGIN IMMEDIATE")
            try:
                yield
                self._stamp_identity()
            except BaseException:
                if self.conn.in_transaction:
                    self.conn.rollback()
                raise
            try:
                self.conn.execute("COMMIT")
            except BaseException:
                if self.conn.in_transaction:
                    self.conn.rollback()
                raise
        except connection.Error as e:
            failure = errors.LockedElsewhere if is_lock(e) else errors.ArchiveWriteError
            raise failure(explain_write_failure(e), self.path) from e

    @contextmanager
    def without_waiting(self) -> Iterator[None]:
        """Writes inside fail at once (LockedElsewhere) rather than wait for a lock held
        by another program: for what the window must never stall on."""
        if self.conn.in_transaction:  # the outer transaction has its lock already
            yield
            return
        self.conn.execute(connection.NO_WAITING)
        self._no_waiting = True
        try:
            yield
        finally:
            self._no_waiting = False
            self.conn.execute(f"PRAGMA busy_timeout = {self.lock_wait_ms:d}")

    def set_lock_wait(self, ms: int) -> None:
        """How long a write waits for another program's lock (the window keeps it short)."""
        self.lock_wait_ms = ms
        self.conn.execute(f"PRAGMA busy_timeout = {ms:d}")

    def _stamp_identity(self) -> None:
        """Rewrite the archive's number in its header, so that every transaction's log
        holds it (storage.wal_check tells a -wal from another archive by it)."""
        if self._identity is None:
            self._identity = int(self.conn.execute("PRAGMA user_version").fetchone()[0])
        if self._identity:
            self.conn.execute(f"PRAGMA user_version = {self._identity:d}")

    def _wait_for_the_full_check(self) -> None:
        if self.gate is None:
            return
        if self._no_waiting and self.gate.started and not self.gate.done:  # a big archive, seconds
            raise errors.LockedElsewhere(
                _("The archive is still being checked after opening; try again soon."), self.path
            )
        problem = self.gate.run()
        if problem:
            raise errors.CorruptArchive(_("Nothing was saved: {problem}").format(problem=problem), self.path)
        self.gate = None


def is_lock(error: Exception) -> bool:
    text = str(error).lower()
    return "locked" in text or "busy" in text


def explain_write_failure(error: Exception) -> str:
    text = str(error).lower()
    if "full" in text:
        return _(
            "The disk is full, so your last change was not saved. Everything saved before it is "
            "safe. Free some space (empty the bin, delete large files) and make the change again."
        )
    if "readonly" in text or "read-only" in text:
        return _(
            "The archive has become read-only (was a USB stick removed, or permissions changed?). "
            "Your last change was not saved; everything before it is safe."
        )
    if is_lock(error):
        return _(
            "The archive is busy in another program, so your last change was not saved. "
            "Close other copies of coprod-desktop and try again."
        )
    if isinstance(error, connection.IntegrityError):
        return _("That change conflicts with what is already kept ({error}); nothing was changed.").format(error=error)
    return _("Your last change could not be saved ({error}). Everything saved before it is safe.").format(error=error)
