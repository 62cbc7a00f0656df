"""One undo history per document, as document apps keep one per open file.

A group's page and each session (planned, live or closed) is a document with its own
history; Ctrl+Z undoes only in the one on screen, so it never changes what the
facilitator cannot see. Making and deleting sessions belongs to their group's history;
making and deleting groups to the list of groups (on screen when nothing is chosen, and
in Edit › Undo in the list of groups).

The Edit menu's undo and redo actions are ``StepAction``s rather than Qt's own
(QUndoStack.createUndoAction keeps its prefix inside Qt, in the language of the
moment): they say their words with _() each time, so a language switch re-labels them.
"""

from __future__ import annotations

from typing import NamedTuple

import shiboken6
from PySide6.QtGui import QAction, QUndoCommand, QUndoGroup, QUndoStack

from coprod_desktop.language import _


class Document(NamedTuple):
    kind: str  # "group", "session" or "groups" (the list of groups)
    id: str = ""


GROUPS = Document("groups")


def group_document(group_id: str) -> Document:
    return Document("group", group_id)


def session_document(session_id: str) -> Document:
    return Document("session", session_id)


class UndoHistory(QUndoGroup):
    """The histories of every document seen since the app started; the one shown is active."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._stacks: dict[Document, QUndoStack] = {}
        self.shown = GROUPS
        self.show(GROUPS)

    def stack_for(self, document: Document) -> QUndoStack:
        stack = self._stacks.get(document)
        if stack is None:
            stack = self._stacks[document] = QUndoStack(self)
            self.addStack(stack)
        return stack

    def show(self, document: Document) -> None:
        """``document`` is on screen now: Ctrl+Z and the Edit menu act on its history."""
        self.shown = document
        self.setActiveStack(self.stack_for(document))

    def push(self, step: QUndoCommand, document: Document | None = None) -> None:
        self.stack_for(document or self.shown).push(step)

    def forget(self, document: Document) -> None:
        """Start ``document``'s history afresh (a session going live)."""
        self.stack_for(document).clear()

    def clear(self) -> None:
        """Forget every history (after an erasure, which they held in memory)."""
        for stack in self._stacks.values():
            stack.clear()

    def count(self) -> int:
        """Steps kept in all the histories together."""
        return sum(stack.count() for stack in self._stacks.values())


class StepAction(QAction):
    """Undo (or redo) in ``source``, a QUndoGroup or QUndoStack, as Qt's createUndoAction
    makes it: enabled when there is a step, and named after it. ``bare`` is its text when
    there is no step, ``with_step`` when there is (a template with {step}); both in
    English, marked with N_, and translated each time the text is set."""

    def __init__(self, source: QUndoGroup | QUndoStack, parent, bare: str, with_step: str, *, redo: bool = False):
        super().__init__(parent)
        self.source, self.bare, self.with_step, self.redoes = source, bare, with_step, redo
        if redo:
            source.canRedoChanged.connect(self.setEnabled)
            source.redoTextChanged.connect(self.retranslate)
            self.triggered.connect(source.redo)
            self.setEnabled(source.canRedo())
        else:
            source.canUndoChanged.connect(self.setEnabled)
            source.undoTextChanged.connect(self.retranslate)
            self.triggered.connect(source.undo)
            self.setEnabled(source.canUndo())
        self.retranslate()

    def retranslate(self, step: str | None = None) -> None:
        """The text again, in the language now (the step's own words are as they were made);
        ``step`` as the history's signal gives it, else asked of the history."""
        if step is None:
            if not shiboken6.isValid(self.source):  # going, with the window
                return
            step = self.source.redoText() if self.redoes else self.source.undoText()
        self.setText(_(self.with_step).format(step=step) if step else _(self.bare))
