"""A table model over a list of domain records, refreshed in place when only their values change."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt

from coprod_desktop.language import _

RecordRole = Qt.UserRole + 1  # the record itself, for views and tests


class RecordTableModel(QAbstractTableModel):
    headers: tuple[str, ...] = ()  # English, marked with N_; shown through _()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.records: list = []

    def set_records(self, records: list) -> None:
        """Show ``records``: a reset if rows came or went, else a repaint of what changed."""
        if [r.id for r in records] != [r.id for r in self.records]:
            self.beginResetModel()
            self.records = list(records)
            self.endResetModel()
        elif records != self.records or self._extra_state_changed():
            self.records = list(records)
            if records:
                self.dataChanged.emit(self.index(0, 0), self.index(len(records) - 1, self.columnCount() - 1))

    def _extra_state_changed(self) -> bool:
        """Subclasses with state beside the records (attendance) say whether it changed."""
        return False

    def row_of(self, record_id: str) -> int:
        return next((i for i, r in enumerate(self.records) if r.id == record_id), -1)

    def rowCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else len(self.records)

    def columnCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section, orientation, role=Qt.DisplayRole):
        if role == Qt.DisplayRole and orientation == Qt.Horizontal:
            return _(self.headers[section])
        return None

    def retranslate(self) -> None:
        """The words of the cells and headers again, in the language now in use."""
        self.layoutAboutToBeChanged.emit()
        self.layoutChanged.emit()
        if self.headers:
            self.headerDataChanged.emit(Qt.Horizontal, 0, len(self.headers) - 1)
