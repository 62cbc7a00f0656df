"""Every planner edit is a QUndoCommand over the archive, so Ctrl+Z undoes anything.

``Undoable.run`` applies a command once outside the stack, so a failed write
(disk full, read-only) is reported and never enters the history; redo() is
then skipped on the push.
"""

from __future__ import annotations

import time
from contextlib import contextmanager

from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import QAbstractItemDelegate, QAbstractItemView, QApplication

from coprod_desktop.app.context import Context
from coprod_desktop.domain import records as model
from coprod_desktop.domain.records import Participant
from coprod_desktop.storage import Archive, ArchiveError
from coprod_desktop.ui.changes import ChangeHub

MERGE_SECONDS = 3.0  # typing in one field within this gap undoes as one step


class ArchiveCommand(QUndoCommand):
    kind: type  # the record class touched, for the change signal

    def __init__(self, text: str):
        super().__init__(text)
        self.archive: Archive | None = None
        self.hub: ChangeHub | None = None
        self._skip_redo = False

    def apply(self) -> None:
        raise NotImplementedError

    def revert(self) -> None:
        raise NotImplementedError

    def record_id(self) -> str:
        return ""

    def redo(self) -> None:
        if self._skip_redo:
            self._skip_redo = False
            return
        self._guard(self.apply)

    def undo(self) -> None:
        self._guard(self.revert)

    def _guard(self, step) -> None:
        try:
            step()
        except (ArchiveError, ValueError) as error:
            self.hub.failed.emit(getattr(error, "title", "That change was not saved"), str(error))
            self.setObsolete(True)
        self.hub.announce(self.kind, self.record_id())


class AddRecord(ArchiveCommand):
    def __init__(self, record, text: str, position: int | None = None):
        super().__init__(text)
        self.record, self.kind, self.position = record, type(record), position
        self.snapshot = None

    def apply(self):
        if self.snapshot is not None:  # redo: put back exactly what undo took away, with what hung from it
            self.archive.restore(self.snapshot)
            return
        self.record = self.archive.add(self.record, self.position)
        self.position = getattr(self.record, "position", None)

    def revert(self):
        self.snapshot = self.archive.delete(self.kind, self.record.id)

    def record_id(self):
        return self.record.id


class DeleteRecord(ArchiveCommand):
    def __init__(self, kind: type, record_id: str, text: str):
        super().__init__(text)
        self.kind, self.rid, self.snapshot = kind, record_id, None

    def apply(self):
        self.snapshot = self.archive.delete(self.kind, self.rid)

    def revert(self):
        self.archive.restore(self.snapshot)

    def record_id(self):
        return self.rid


class EditRecord(ArchiveCommand):
    """Set fields of one record. Consecutive edits of the same fields merge."""

    def __init__(self, kind: type, record_id: str, old: dict, new: dict, text: str):
        super().__init__(text)
        self.kind, self.rid, self.old, self.new = kind, record_id, dict(old), dict(new)
        self.at = time.monotonic()

    def apply(self):
        if not hasattr(self, "_stamp"):  # first time: what undo puts back, to the microsecond
            before = self.archive.find(self.kind, self.rid)
            self._stamp = getattr(before, "updated_at", None)
        self.archive.update(self.kind, self.rid, **self.new)

    def revert(self):
        stamp = {"updated_at": self._stamp} if getattr(self, "_stamp", None) else {}
        self.archive.update(self.kind, self.rid, **self.old, **stamp)

    def record_id(self):
        return self.rid

    def id(self) -> int:  # noqa: A003 - Qt's name
        return 1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not (
            isinstance(other, EditRecord)
            and (other.kind, other.rid, set(other.new)) == (self.kind, self.rid, set(self.new))
            and other.at - self.at < MERGE_SECONDS
        ):
            return False
        self.new, self.at = other.new, other.at
        if self.new == self.old:
            self.setObsolete(True)
        return True


class MoveRecord(ArchiveCommand):
    def __init__(self, kind: type, record_id: str, old: int, new: int, text: str):
        super().__init__(text)
        self.kind, self.rid, self.old, self.new = kind, record_id, old, new

    def apply(self):
        self.archive.move(self.kind, self.rid, self.new)

    def revert(self):
        self.archive.move(self.kind, self.rid, self.old)

    def record_id(self):
        return self.rid


class SetAttendance(ArchiveCommand):
    def __init__(self, session_id: str, participant_id: str, attending: bool, text: str):
        super().__init__(text)
        self.kind = Participant
        self.session_id, self.participant_id, self.attending = session_id, participant_id, attending

    def apply(self):
        self.archive.set_attending(self.session_id, self.participant_id, self.attending)

    def revert(self):
        self.archive.set_attending(self.session_id, self.participant_id, not self.attending)

    def record_id(self):
        return self.participant_id


class Undoable:
    """Runs commands against the archive and keeps them on one undo stack."""

    def __init__(self, context: Context, hub: ChangeHub, stack: QUndoStack):
        self.context, self.hub, self.stack = context, hub, stack
        self.archive: Archive = context.archive
        self._committing = False

    def run(self, command: ArchiveCommand) -> bool:
        """Apply ``command``; True if it was saved. Failures are reported, not raised."""
        self.commit_cell_being_edited()
        command.archive, command.hub = self.archive, self.hub
        try:
            command.apply()
        except (ArchiveError, ValueError) as error:
            self.hub.failed.emit(getattr(error, "title", "That change was not saved"), str(error))
            self.hub.announce(command.kind, command.record_id())
            return False
        command._skip_redo = True
        self.stack.push(command)
        self.hub.announce(command.kind, command.record_id())
        return True

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

    @contextmanager
    def macro(self, text: str):
        """Several commands that undo as one step."""
        self.stack.beginMacro(text)
        try:
            yield
        finally:
            self.stack.endMacro()


class SetDeckCardRetired(ArchiveCommand):
    """Retire (or bring back) one of the default deck's cards for a group."""

    def __init__(self, group_id: str, card_key: str, retired: bool, text: str):
        super().__init__(text)
        self.kind = model.GroupCard
        self.group_id, self.card_key, self.retired = group_id, card_key, retired

    def apply(self):
        self.archive.set_deck_card_retired(self.group_id, self.card_key, self.retired)

    def revert(self):
        self.archive.set_deck_card_retired(self.group_id, self.card_key, not self.retired)
