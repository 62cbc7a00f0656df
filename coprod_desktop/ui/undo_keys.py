"""Ctrl+Z means the app's undo wherever what was typed is already saved.

A text field claims Ctrl+Z for its own history. In a field bound to the
archive (saved as typed) that would undo the letters on screen but not in the
archive, so these fields hand Undo/Redo to the app's undo stack. The capture
box keeps its own undo while it has unsaved typing, then hands over: Ctrl+Z
straight after a capture undoes the capture.

Done in keyPressEvent of small subclasses rather than an application-wide
event filter, which would route every event of the app through Python
(measured: 24 ms more to open the window).
"""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QKeySequence, QUndoGroup, QUndoStack
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit


@cache
def redo_keys() -> tuple[QKeySequence, ...]:
    """Ctrl+Shift+Z and Ctrl+Y both redo, with the platform's own keys, each once (the same
    key twice on one action makes it ambiguous, and then it does nothing). Asked of the
    platform, so only once the application exists."""
    keys = [*QKeySequence.keyBindings(QKeySequence.Redo), QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")]
    return tuple(key for n, key in enumerate(keys) if key not in keys[:n])


def is_redo(event) -> bool:
    return event.matches(QKeySequence.Redo) or any(QKeySequence(event.keyCombination()) == key for key in redo_keys())


class _AppUndo:
    app_undo: QUndoStack | QUndoGroup | None = None  # the app's history (ui/undo_history.py)
    local_first = False  # use the field's own history while it has any

    def _route(self, event, own_undo: bool, own_redo: bool) -> bool:
        stack = self.app_undo
        if stack is None:
            return False
        if event.matches(QKeySequence.Undo) and not (self.local_first and own_undo):
            stack.undo()
            return True
        if is_redo(event) and not (self.local_first and own_redo):
            stack.redo()
            return True
        return False


class LineEdit(_AppUndo, QLineEdit):
    def keyPressEvent(self, event) -> None:
        if not self._route(event, self.isUndoAvailable(), self.isRedoAvailable()):
            super().keyPressEvent(event)


class TextEdit(_AppUndo, QPlainTextEdit):
    def keyPressEvent(self, event) -> None:
        document = self.document()
        if not self._route(event, document.isUndoAvailable(), document.isRedoAvailable()):
            super().keyPressEvent(event)


class _SpinBoxUndo(QObject):
    """For spin boxes and date/time edits, whose inner line edit claims Ctrl+Z for
    itself: a filter on that one widget (not the application) hands it to the app."""

    def __init__(self, widget, stack: QUndoStack):
        super().__init__(widget)
        self.stack = stack
        widget.installEventFilter(self)

    def eventFilter(self, _watched, event) -> bool:
        kind = event.type()
        if kind not in (QEvent.ShortcutOverride, QEvent.KeyPress):
            return False
        undo, redo = event.matches(QKeySequence.Undo), is_redo(event)
        if not (undo or redo):
            return False
        if kind == QEvent.ShortcutOverride:
            event.accept()  # deliver it as a key press, to us, rather than to a shortcut
            return True
        (self.stack.undo if undo else self.stack.redo)()
        return True


def hand_undo_to_app(widget, stack: QUndoStack | QUndoGroup) -> None:
    """Ctrl+Z / Ctrl+Shift+Z in ``widget`` (a spin box or date/time edit) use the app's undo."""
    _SpinBoxUndo(widget, stack)
