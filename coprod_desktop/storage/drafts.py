"""The capture box's unsaved words, kept at every keystroke so a crash loses nothing.

A draft is written without waiting: if another program holds the write lock, this
keystroke's draft is skipped (the next one writes it) rather than freezing the window.
"""

from __future__ import annotations

from coprod_desktop.domain.records import now_iso
from coprod_desktop.storage import errors
from coprod_desktop.storage.records import RecordStore


class Drafts(RecordStore):
    def draft(self, session_id: str) -> str:
        row = self.conn.execute("SELECT text FROM capture_drafts WHERE session_id = ?", [session_id]).fetchone()
        return row[0] if row else ""

    def keep_draft(self, session_id: str, text: str) -> bool:
        """Keep (or, for "", forget) a session's draft; False if it could not be written now."""
        try:
            with self.without_waiting(), self.transaction():
                self._write_draft(session_id, text)
        except errors.ArchiveWriteError:  # a lock, a full disk: the words are still in the box
            return False
        return True

    def _write_draft(self, session_id: str, text: str) -> None:
        if text:
            self.conn.execute(
                "INSERT INTO capture_drafts (session_id, text, updated_at) VALUES (?, ?, ?) "
                "ON CONFLICT(session_id) DO UPDATE SET text = excluded.text, updated_at = excluded.updated_at",
                [session_id, text, now_iso()],
            )
        else:
            self.conn.execute("DELETE FROM capture_drafts WHERE session_id = ?", [session_id])
