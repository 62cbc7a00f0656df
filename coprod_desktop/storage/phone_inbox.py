"""The phones' way into the archive: a connection of its own, for the room's web server's
writer thread (an SQLite connection belongs to the thread that made it), which keeps a
batch of posts and answers in one transaction. The server acknowledges a post only after
this commit: with ``synchronous=FULL``, an acknowledged post survives the laptop dying."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from coprod_desktop.domain.records import PhonePost, RoundAnswer
from coprod_desktop.language import _
from coprod_desktop.storage import connection, errors
from coprod_desktop.storage.records import RecordStore

if TYPE_CHECKING:
    from coprod_desktop.storage.keys import ArchiveKey


class PhoneInbox(RecordStore):
    @classmethod
    def open(cls, path: Path, key: ArchiveKey | None) -> PhoneInbox:
        """A second read-write connection to an archive the window has opened (and checked);
        ArchiveUnavailable, in words, if it cannot be written (a read-only file, a lost disk)."""
        try:
            conn = connection.connect(path, "rw", key)
            conn.execute("PRAGMA synchronous = FULL")  # per connection: as the window's own
            conn.execute("BEGIN IMMEDIATE")  # can it write? (a read-only file opens without a word)
            conn.execute("ROLLBACK")
        except connection.Error as error:
            told = _("Phones cannot send to the archive now ({error}). Nothing was changed.").format(error=error)
            raise errors.ArchiveUnavailable(told, path) from error
        inbox = cls(conn, path)
        inbox.warm_up()  # before the first phones, not while thirty of them wait on it
        return inbox

    def keep(self, records: Sequence[PhonePost | RoundAnswer], also: Sequence[object] = ()) -> None:
        """Keep ``records`` (and ``also``: contributions accepted as they came, which the
        posts point to) in one transaction. A phone's new answer to a round replaces its
        earlier one."""
        with self.transaction():
            for record in also:
                self.add(record)
            for record in records:
                if isinstance(record, RoundAnswer):
                    self.conn.execute(
                        "DELETE FROM round_answers WHERE round_id = ? AND device = ?", [record.round_id, record.device]
                    )
                self.add(record)
