"""A table of ordered records (agenda items, ground rules) that can be reordered by drag."""

from __future__ import annotations

from PySide6.QtCore import QMimeData, Qt, Signal

from coprod_desktop.ui.models.records import RecordRole, RecordTableModel

ROW_MIME = "application/x-coprod-desktop-row"
__all__ = ["OrderedRecordsModel", "RecordRole", "ROW_MIME"]


class OrderedRecordsModel(RecordTableModel):
    editRequested = Signal(str, str, object)  # record id, field, new value
    moveRequested = Signal(str, int, int)  # record id, from row, to row

    editable_columns: dict[int, str] = {}  # column -> field name

    def data(self, index, role=Qt.DisplayRole):
        if not index.isValid():
            return None
        record = self.records[index.row()]
        if role == RecordRole:
            return record
        return self.cell(record, index.row(), index.column(), role)

    def cell(self, record, row: int, column: int, role: int):
        raise NotImplementedError

    def setData(self, index, value, role=Qt.EditRole):
        field = self.editable_columns.get(index.column())
        if role != Qt.EditRole or field is None:
            return False
        self.editRequested.emit(self.records[index.row()].id, field, value)
        return False  # the archive's change signal refreshes the row

    def flags(self, index):
        if not index.isValid():
            return Qt.ItemIsDropEnabled
        flags = Qt.ItemIsEnabled | Qt.ItemIsSelectable | Qt.ItemIsDragEnabled
        if index.column() in self.editable_columns:
            flags |= Qt.ItemIsEditable
        return flags

    # -- drag to reorder -------------------------------------------------------

    def supportedDropActions(self):
        return Qt.MoveAction

    def mimeTypes(self):
        return [ROW_MIME]

    def mimeData(self, indexes):
        data = QMimeData()
        if indexes:
            data.setData(ROW_MIME, str(indexes[0].row()).encode())
        return data

    def canDropMimeData(self, data, action, row, column, parent):
        return data.hasFormat(ROW_MIME)

    def dropMimeData(self, data, action, row, column, parent):
        if not data.hasFormat(ROW_MIME):
            return False
        source = int(bytes(data.data(ROW_MIME)).decode())
        if not 0 <= source < len(self.records):
            return False
        if row < 0:
            row = parent.row() if parent.isValid() else len(self.records)
        target = row if row <= source else row - 1
        if target != source:
            self.moveRequested.emit(self.records[source].id, source, target)
        # False: the view must not remove the source row; the archive reorders.
        return False
