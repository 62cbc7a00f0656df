"""Every edit goes on the undo history of the document it was made in (ui/undo_history.py).

The edits themselves are plain Python (app/edits.py); an ``UndoStep`` carries one
on the stack. ``Undoable.run`` applies an edit once outside the stack, so a failed
write (disk full, read-only) is reported and never enters the history; redo() is
then skipped on the push. Each step, done or undone, sends one change notice.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import QAbstractItemDelegate, QAbstractItemView, QApplication

from coprod_desktop.app.context import Context
from coprod_desktop.app.edits import Edit, EditRecord
from coprod_desktop.language import _
from coprod_desktop.storage import Archive, ArchiveError
from coprod_desktop.storage.errors import LockedElsewhere
from coprod_desktop.ui.changes import ChangeHub
from coprod_desktop.ui.settings import AppSettings
from coprod_desktop.ui.undo_history import Document, UndoHistory


def report_failure(hub: ChangeHub, error: Exception) -> None:
    hub.failed.emit(getattr(error, "title", None) or _("That change was not saved"), str(error))


class UndoStep(QUndoCommand):
    def __init__(self, edit: Edit, undoable: Undoable, source: Any = None):
        super().__init__(edit.text)
        self.edit, self.undoable, self.source = edit, undoable, source
        self._skip_redo = True  # Undoable.run has applied it already

    def redo(self) -> None:
        if self._skip_redo:
            self._skip_redo = False
            return
        if self._guard(self.edit.apply):
            self.undoable.hub.notice.emit(_("Redone: {step}").format(step=self.edit.describe()))

    def undo(self) -> None:
        if self._guard(self.edit.revert):
            self.undoable.hub.notice.emit(_("Undone: {step}").format(step=self.edit.describe()))

    def _guard(self, step) -> bool:
        hub = self.undoable.hub
        try:
            step(self.undoable.archive)
        except (ArchiveError, ValueError) as error:
            report_failure(hub, error)
            self.setObsolete(True)
            hub.announce(self.edit.change().from_(self.source))
            return False
        hub.announce(self.edit.change().from_(self.source))
        return True

    def id(self) -> int:  # noqa: A003 - Qt's name
        return 1 if isinstance(self.edit, EditRecord) else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not (isinstance(other, UndoStep) and self.edit.merge(other.edit)):
            return False
        if self.edit.obsolete:
            self.setObsolete(True)
        return True


class Undoable:
    """Runs edits against the archive and keeps each in its document's undo history."""

    def __init__(self, context: Context, hub: ChangeHub, history: UndoHistory, settings: AppSettings):
        self.context, self.hub, self.stack, self.settings = context, hub, history, settings
        self.archive: Archive = context.archive
        self._committing = False
        self.phones: Any = None  # the room's door to phones (ui/live/phone_door.py), set by the window

    def run(self, edit: Edit, source: Any = None, *, wait: bool = True, document: Document | None = None) -> bool:
        """Apply ``edit``; True if it was saved. It goes in ``document``'s history, else in
        the one on screen. Failures are reported, not raised; but with ``wait=False`` a lock
        held by another program raises LockedElsewhere at once, for the caller to try again."""
        self.commit_cell_being_edited()
        try:
            if wait:
                edit.apply(self.archive)
            else:
                with self.archive.without_waiting():
                    edit.apply(self.archive)
        except (ArchiveError, ValueError) as error:
            if isinstance(error, LockedElsewhere) and not wait:
                raise
            report_failure(self.hub, error)
            self.hub.announce(edit.change().from_(source))  # screens go back to what is kept
            return False
        self.stack.push(UndoStep(edit, self, source), document)
        self.hub.announce(edit.change().from_(source))
        return True

    def forget_history(self) -> None:
        """After an erasure: the undo history held the erased person's records in memory."""
        self.stack.clear()

    def commit_cell_being_edited(self) -> None:
        """Keep what is being typed in a table cell before anything else changes: a shortcut
        (Insert, Alt+Up, Ctrl+N) or a toolbar click does not take the focus from the cell,
        and the change that follows would reset the table and drop the typing."""
        if self._committing:
            return
        editor = QApplication.focusWidget()
        viewport = editor.parentWidget() if editor is not None else None
        view = viewport.parentWidget() if viewport is not None else None
        if not (
            isinstance(view, QAbstractItemView)
            and viewport is view.viewport()
            and view.state() == QAbstractItemView.EditingState
        ):
            return
        delegate = view.itemDelegateForIndex(view.currentIndex())
        self._committing = True
        try:
            delegate.commitData.emit(editor)
            delegate.closeEditor.emit(editor, QAbstractItemDelegate.NoHint)
        finally:
            self._committing = False
