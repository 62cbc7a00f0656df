from __future__ import annotations

from PySide6.QtCore import Qt

from coprod_desktop.domain.agenda import plan_timing
from coprod_desktop.language import N_, _
from coprod_desktop.ui.models.ordered import OrderedRecordsModel

START, TITLE, MINUTES = range(3)


class AgendaModel(OrderedRecordsModel):
    headers = (N_("Starts"), N_("Item"), N_("Minutes"))
    editable_columns = {TITLE: "title", MINUTES: "planned_minutes"}

    def __init__(self, parent=None):
        super().__init__(parent)
        self.start_time = "10:00"
        self.length_minutes = 120
        self._starts: tuple[str, ...] = ()

    def set_session(self, session, items) -> None:
        self.start_time, self.length_minutes = session.start_time, session.length_minutes
        self.timing = plan_timing(items, self.start_time, self.length_minutes)
        changed_starts = self.timing.starts != self._starts
        self._starts = self.timing.starts
        self.set_records(items)
        if changed_starts and items:
            self.dataChanged.emit(self.index(0, START), self.index(len(items) - 1, START))

    def cell(self, item, row, column, role):
        if role in (Qt.DisplayRole, Qt.EditRole):
            if column == START:
                return self._starts[row] if row < len(self._starts) else ""
            if column == TITLE:
                return item.title if role == Qt.EditRole else (item.title or _("(untitled item)"))
            if column == MINUTES:
                return item.planned_minutes
        if role == Qt.TextAlignmentRole and column in (START, MINUTES):
            return int(Qt.AlignRight | Qt.AlignVCenter)
        if role == Qt.ToolTipRole and column == TITLE:
            return item.title
        if role == Qt.AccessibleTextRole:
            start = self._starts[row] if row < len(self._starts) else ""
            return _("{start}, {title}, {minutes} minutes").format(
                start=start, title=item.title, minutes=item.planned_minutes
            )
        return None
