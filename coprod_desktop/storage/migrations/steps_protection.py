"""Protecting the people in the archive: consent withdrawn, how long a group is kept."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlite_utils import Database

from coprod_desktop.storage.migrations.steps_loop import SEARCHED


def m008_consent_and_retention(db: Database) -> None:
    """A person's withdrawal of consent, with its date; each group's retention period (years
    after its last session) and the contact its data note names. And full-text search set to
    remove a deleted row's words from the index at once, where this SQLite can (3.42 and later)."""
    db.execute("ALTER TABLE participants ADD COLUMN withdrawn_on TEXT")
    db.execute("ALTER TABLE groups ADD COLUMN retention_years INTEGER NOT NULL DEFAULT 2")
    db.execute("ALTER TABLE groups ADD COLUMN data_contact TEXT NOT NULL DEFAULT ''")
    set_secure_delete(db.conn)


def set_secure_delete(conn) -> bool:
    """FTS5's secure-delete for every search index; False where this SQLite lacks it (before
    3.42: the erasure then rebuilds the indexes instead)."""
    version = tuple(int(n) for n in conn.execute("SELECT sqlite_version()").fetchone()[0].split("."))
    if version < (3, 42):
        return False
    for table in SEARCHED:
        conn.execute(f'INSERT INTO "{table}_fts" ("{table}_fts", rank) VALUES (\'secure-delete\', 1)')
    return True


def m009_archive_identity(db: Database) -> None:
    """A random number for this archive in the header's user_version, which every write
    rewrites: a -wal left beside the archive then carries the number of the archive it
    belongs to, and one from another archive is known for what it is (storage.wal_check)."""
    import secrets

    if not db.execute("PRAGMA user_version").fetchone()[0]:
        db.execute(f"PRAGMA user_version = {secrets.randbelow(2**31 - 1) + 1}")
