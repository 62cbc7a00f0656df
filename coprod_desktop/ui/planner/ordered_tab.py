"""Common behaviour of the agenda and ground-rules tabs: a reorderable list of records."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from coprod_desktop.app.edits import DeleteRecord, EditRecord, MoveRecord
from coprod_desktop.domain.records import Session
from coprod_desktop.ui.planner.lists import current_row, record_table, select_row, view_action
from coprod_desktop.ui.when_shown import WhenShown


class OrderedTab(QWidget):
    kind: type
    noun: str  # "agenda item", "ground rule"
    follows_session = False  # reload when the session's own fields change

    def __init__(self, undoable, model, parent=None):
        super().__init__(parent)
        self.undoable = undoable
        self.session = None
        self.model = model
        self.view = record_table(self, model, draggable=True)
        self.view.setAccessibleName(f"{self.noun.capitalize()}s of this session")
        model.editRequested.connect(self.edit_field)
        model.moveRequested.connect(lambda rid, old, new: self.move(rid, old, new))
        self.delete_action = view_action(self.view, f"Delete {self.noun}", "Delete", self.delete_current)
        self.up_action = view_action(self.view, "Move up", "Alt+Up", lambda: self.shift(-1))
        self.down_action = view_action(self.view, "Move down", "Alt+Down", lambda: self.shift(+1))
        undoable.hub.changed.connect(WhenShown(self, self._on_changed))

    # -- subclasses ------------------------------------------------------------

    def load(self) -> None:
        raise NotImplementedError

    # -- shared ----------------------------------------------------------------

    def show_session(self, session) -> None:
        self.session = session
        self.load()
        if self.model.rowCount():
            select_row(self.view, 0, self.default_column())

    def default_column(self) -> int:
        return 0

    def current_record(self):
        row = current_row(self.view)
        return self.model.records[row] if row >= 0 else None

    def edit_field(self, record_id: str, field: str, value) -> None:
        record = next((r for r in self.model.records if r.id == record_id), None)
        if record is None or getattr(record, field) == value:
            return
        self.undoable.run(
            EditRecord(self.kind, record_id, {field: getattr(record, field)}, {field: value}, f"Edit {self.noun}")
        )

    def move(self, record_id: str, old: int, new: int) -> None:
        if self.undoable.run(MoveRecord(self.kind, record_id, old, new, f"Move {self.noun}")):
            select_row(self.view, self.model.row_of(record_id), self.view.currentIndex().column())

    def shift(self, step: int) -> None:
        row = current_row(self.view)
        target = row + step
        if row >= 0 and 0 <= target < self.model.rowCount():
            self.move(self.model.records[row].id, row, target)

    def delete_current(self) -> None:
        record = self.current_record()
        if record is None:
            return
        row = current_row(self.view)
        if self.undoable.run(DeleteRecord(self.kind, record.id, f"Delete {self.noun}")):
            self.undoable.hub.notice.emit(f"Deleted the {self.noun}. Ctrl+Z brings it back.")
            select_row(self.view, min(row, self.model.rowCount() - 1), self.view.currentIndex().column())

    def _on_changed(self, change) -> None:
        watched = (self.kind, Session) if self.follows_session else (self.kind,)
        if self.session is None or not change.touches(*watched):
            return
        selected = self.current_record()
        column = max(0, self.view.currentIndex().column())
        if self.follows_session and change.touches(Session):
            self.session = self.undoable.archive.find(type(self.session), self.session.id)
            if self.session is None:
                return
        self.load()
        if selected is not None and self.model.row_of(selected.id) >= 0:
            select_row(self.view, self.model.row_of(selected.id), column)
        elif self.model.rowCount() and current_row(self.view) < 0:
            select_row(self.view, 0, column)
