"""One app-wide change signal that every screen answers (the Anki pattern)."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from coprod_desktop.app.changes import Change


class ChangeHub(QObject):
    # a Change: which kinds of record, which ids, and who made it
    changed = Signal(object)
    # title, message: an action could not be completed; nothing was lost
    failed = Signal(str, str)
    # a short note for the status bar, e.g. "Deleted the session – Ctrl+Z to undo"
    notice = Signal(str)

    def announce(self, change: Change) -> None:
        self.changed.emit(change)
