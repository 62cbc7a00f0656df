"""One app-wide change signal that every screen answers (the Anki pattern)."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class ChangeHub(QObject):
    # kind (record class name, or "*" for everything), record id ("" if many)
    changed = Signal(str, str)
    # title, message: an action could not be completed; nothing was lost
    failed = Signal(str, str)
    # a short note for the status bar, e.g. "Deleted the session – Ctrl+Z to undo"
    notice = Signal(str)

    def announce(self, cls_or_name, record_id: str = "") -> None:
        name = cls_or_name if isinstance(cls_or_name, str) else cls_or_name.__name__
        self.changed.emit(name, record_id)
