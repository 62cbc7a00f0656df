"""The archive: domain records in and out of SQLite, one transaction per user action.

Put together from one part per concern: the record store and its transactions
(records, writing), undo snapshots, search, each area's queries, and capture drafts.
"""

from __future__ import annotations

from pathlib import Path

from coprod_desktop.storage import connection
from coprod_desktop.storage.database import FULL_CHECK_AT_OPEN_BYTES, open_database
from coprod_desktop.storage.drafts import Drafts
from coprod_desktop.storage.keys import ArchiveKey, RecoveryCode, recovery_code
from coprod_desktop.storage.person_data import PersonData
from coprod_desktop.storage.queries.live import LiveQueries
from coprod_desktop.storage.queries.loop import LoopQueries
from coprod_desktop.storage.queries.phones import PhoneQueries
from coprod_desktop.storage.queries.plan import PlanQueries
from coprod_desktop.storage.search import Search
from coprod_desktop.storage.snapshots import Snapshot, Snapshots

__all__ = ["Archive", "Snapshot"]


class Archive(Snapshots, Search, PlanQueries, LiveQueries, LoopQueries, PhoneQueries, Drafts, PersonData):
    def __init__(self, conn: connection.Connection, path: Path | None = None, key: ArchiveKey | None = None):
        super().__init__(conn, path)
        self.key = key  # None for a plain archive
        self.checked_fully = True  # False: the file's structure still to be checked in the background
        self.opening_notes: list[str] = []  # files kept aside at opening, to tell the person
        self._made_by_reading: set[Path] = set()  # a reader's -shm, removed on close

    @classmethod
    def open(
        cls,
        path: Path | str,
        *,
        create: bool = True,
        full_check: bool | None = None,
        passphrase: str | RecoveryCode | None = None,
    ) -> Archive:
        """Open safely. ``full_check`` True checks everything now (the file's structure and
        every value, as --quit-after-start does); None checks the structure now up to
        FULL_CHECK_AT_OPEN_BYTES, and the rest in the background, before the first write
        (see storage.integrity_gate). With ``passphrase``, an encrypted archive (and a new
        archive is made encrypted)."""
        path = Path(path)
        notes: list[str] = []
        conn, key = open_database(
            path, create=create, full_check=full_check, passphrase=passphrase, notes=notes, values=bool(full_check)
        )
        archive = cls(conn, path, key)
        archive.opening_notes = notes
        archive.checked_fully = (
            full_check if full_check is not None else path.stat().st_size <= FULL_CHECK_AT_OPEN_BYTES
        )
        if not full_check:  # values (and a big archive's structure) in the background
            from coprod_desktop.storage.integrity_gate import IntegrityGate, structure_and_values

            archive.gate = IntegrityGate(lambda: structure_and_values(path, key, structure=not archive.checked_fully))
        return archive

    @classmethod
    def open_for_reading(cls, path: Path | str, *, passphrase: str | RecoveryCode | None = None) -> Archive:
        """Open to read only (commands that print or export): no byte of the archive or its
        -wal changes, and what reading made (-shm) goes on close (see storage.read_only)."""
        from coprod_desktop.storage.read_only import open_for_reading

        notes: list[str] = []
        conn, key, made_by_reading = open_for_reading(path, passphrase, notes)
        archive = cls(conn, Path(path).expanduser().absolute(), key)
        archive.opening_notes = notes
        archive._made_by_reading = made_by_reading
        return archive

    def close(self) -> None:
        super().close()
        if self._made_by_reading and self.path is not None:
            from coprod_desktop.storage.database import tidy_after_failure

            tidy_after_failure(self.path, False, self._made_by_reading)

    @classmethod
    def read_only(cls, path: Path | str, key: ArchiveKey | None = None) -> Archive:
        """A second, read-only connection to an archive already opened (and checked) elsewhere,
        for work off the GUI thread: an SQLite connection belongs to the thread that made it."""
        return cls(connection.connect(path, "ro", key), Path(path), key)

    @property
    def encrypted(self) -> bool:
        return self.key is not None

    def recovery_code(self) -> str:
        """The key written out for the printed recovery sheet (see keys.RecoveryCode)."""
        if self.key is None:
            raise ValueError("only an encrypted archive has a recovery key")
        return recovery_code(self.key)

    def change_passphrase(self, passphrase: str) -> None:
        """Re-encrypt under a new passphrase; the old one no longer opens the archive."""
        from coprod_desktop.storage.encryption import rekey

        if self.key is None or self.path is None:
            raise ValueError("only an encrypted archive has a passphrase to change")
        self.key = rekey(self.conn, self.path, passphrase)

    def decrypted_copy(self, out: Path | str) -> Path:
        """A plain copy for the facilitator's own tools (see storage.encryption)."""
        from coprod_desktop.storage.encryption import decrypted_copy

        return decrypted_copy(self.conn, Path(out))

    @classmethod
    def encrypt(cls, path: Path | str, passphrase: str) -> Archive:
        """Encrypt a plain archive in place (see storage.encryption) and open it."""
        from coprod_desktop.storage.encryption import encrypt_plain
        from coprod_desktop.storage.migrations.steps_protection import set_secure_delete

        path = Path(path).expanduser().absolute()
        cls.open(path, create=False).close()  # checked and brought up to date while still plain
        encrypt_plain(path, passphrase)
        archive = cls.open(path, create=False, passphrase=passphrase)
        set_secure_delete(archive.conn)
        archive.conn.commit()
        return archive
