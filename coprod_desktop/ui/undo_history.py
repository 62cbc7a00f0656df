"""One undo history per document, as document apps keep one per open file.

A group's page and each session (planned, live or closed) is a document with its own
history; Ctrl+Z undoes only in the one on screen, so it never changes what the
facilitator cannot see. Making and deleting sessions belongs to their group's history;
making and deleting groups to the list of groups (on screen when nothing is chosen, and
in Edit › Undo in the list of groups).
"""

from __future__ import annotations

from typing import NamedTuple

from PySide6.QtGui import QUndoCommand, QUndoGroup, QUndoStack


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
