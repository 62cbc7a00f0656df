"""Common behaviour of the agenda and ground-rules tabs: a reorderable list of records."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from coprod_desktop.app.edits import DeleteRecord, EditRecord, MoveRecord
from coprod_desktop.domain.records import Session
from coprod_desktop.language import _
from coprod_desktop.ui.planner.lists import current_row, record_table, select_row, view_action
from coprod_desktop.ui.when_shown import WhenShown


class OrderedTab(QWidget):
    kind: type
    # Whole sentences about one record (marked with N_, shown through _()), by use:
    # "list" (the table's accessible name), "delete", "edit", "move" (undo texts), "deleted".
    words: dict[str, str]
    follows_session = False  # reload when the session's own fields change

    def __init__(self, undoable, model, parent=None):
        super().__init__(parent)
        self.undoable = undoable
        self.session = None
        self.model = model
        model.setParent(self)  # found, and told the language changed, with the tab
        self.view = record_table(self, model, draggable=True)
        self.view.setAccessibleName(_(self.words["list"]))
        model.editRequested.connect(self.edit_field)
        model.moveRequested.connect(lambda rid, old, new: self.move(rid, old, new))
        self.delete_action = view_action(self.view, _(self.words["delete"]), "Delete", self.delete_current)
        self.up_action = view_action(self.view, _("Move up"), "Alt+Up", lambda: self.shift(-1))
        self.down_action = view_action(self.view, _("Move down"), "Alt+Down", lambda: self.shift(+1))
        undoable.hub.changed.connect(WhenShown(self, self._on_changed))

    # -- subclasses ------------------------------------------------------------

    def load(self) -> None:
        raise NotImplementedError

    def retranslate(self) -> None:
        """Words built from the session's records (timings, totals) again, in the language now in use."""
        if self.session is not None:
            self.load()

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
            EditRecord(self.kind, record_id, {field: getattr(record, field)}, {field: value}, _(self.words["edit"]))
        )

    def move(self, record_id: str, old: int, new: int) -> None:
        if self.undoable.run(MoveRecord(self.kind, record_id, old, new, _(self.words["move"]))):
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
        if self.undoable.run(DeleteRecord(self.kind, record.id, _(self.words["delete"]))):
            self.undoable.hub.notice.emit(_(self.words["deleted"]))
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
