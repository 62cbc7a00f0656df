"""Ctrl+Z means the app's undo wherever what was typed is already saved.

Text fields keep an undo history of their own and claim Ctrl+Z first. In a
field bound to the archive (saved as typed) that would undo the letters on
screen but not in the archive, so such fields pass Undo/Redo to the window.
Other fields (the capture box) keep their own undo while they have any, and
pass it on once they are empty of history: Ctrl+Z straight after a capture
undoes the capture.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QLineEdit, QPlainTextEdit

SAVES_AS_TYPED = "savesAsTyped"


def _has_local(widget, undo: bool) -> bool:
    if isinstance(widget, QLineEdit):
        return widget.isUndoAvailable() if undo else widget.isRedoAvailable()
    document = widget.document()
    return document.isUndoAvailable() if undo else document.isRedoAvailable()


class AppUndoKeys(QObject):
    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.ShortcutOverride and isinstance(watched, (QLineEdit, QPlainTextEdit)):
            undo, redo = event.matches(QKeySequence.Undo), event.matches(QKeySequence.Redo)
            if undo or redo:
                if watched.property(SAVES_AS_TYPED) or not _has_local(watched, undo):
                    event.ignore()
                    return True
        return False


def install() -> None:
    app = QApplication.instance()
    if app is not None and not getattr(app, "_coprod_undo_keys", None):
        app._coprod_undo_keys = AppUndoKeys(app)
        app.installEventFilter(app._coprod_undo_keys)
