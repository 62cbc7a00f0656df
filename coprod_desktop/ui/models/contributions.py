"""Contributions of one agenda item, newest first, loaded a page at a time and
updated one row at a time, so capture stays instant with thousands kept."""

from __future__ import annotations

from PySide6.QtCore import QAbstractListModel, QModelIndex, Qt

from coprod_desktop.language import _
from coprod_desktop.ui.models.records import RecordRole

PAGE = 200


class ContributionsModel(QAbstractListModel):
    def __init__(self, archive, parent=None):
        super().__init__(parent)
        self.archive = archive
        self.session_id: str | None = None
        self.item_id: str | None = None
        self.records: list = []
        self._ids: set[str] = set()  # of the rows loaded: a new one is known new without a look through them all
        self.names: dict[str, str] = {}  # participant id -> preferred name, for the facilitator
        self._exhausted = True

    def show_item(self, session_id: str | None, item_id: str | None) -> None:
        self.beginResetModel()
        self.session_id, self.item_id = session_id, item_id
        self.records = self._page(0) if session_id else []
        self._ids = {r.id for r in self.records}
        self._exhausted = len(self.records) < PAGE
        self.endResetModel()

    def _page(self, offset: int) -> list:
        return self.archive.item_contributions(self.session_id, self.item_id, limit=PAGE, offset=offset)

    def canFetchMore(self, parent=QModelIndex()):
        return not parent.isValid() and not self._exhausted

    def fetchMore(self, parent=QModelIndex()):
        more = self._page(len(self.records))
        self._exhausted = len(more) < PAGE
        if more:
            self.beginInsertRows(QModelIndex(), len(self.records), len(self.records) + len(more) - 1)
            self.records.extend(more)
            self._ids.update(r.id for r in more)
            self.endInsertRows()

    def row_of(self, record_id: str) -> int:
        if record_id not in self._ids:
            return -1
        return next((i for i, r in enumerate(self.records) if r.id == record_id), -1)

    def refresh_one(self, record_id: str) -> None:
        """Follow one contribution's change: added, edited, moved away or deleted."""
        record = self.archive.find_contribution(record_id) if record_id else None
        row = self.row_of(record_id)
        belongs = record is not None and record.session_id == self.session_id and record.agenda_item_id == self.item_id
        if row >= 0 and not belongs:
            self.beginRemoveRows(QModelIndex(), row, row)
            del self.records[row]
            self._ids.discard(record_id)
            self.endRemoveRows()
        elif row >= 0:
            self.records[row] = record
            self.dataChanged.emit(self.index(row), self.index(row))
        elif belongs:
            at = self._position_for(record)
            self.beginInsertRows(QModelIndex(), at, at)
            self.records.insert(at, record)
            self._ids.add(record.id)
            self.endInsertRows()

    def _position_for(self, record) -> int:
        # Newest first; an undone delete returns to where it was.
        for i, r in enumerate(self.records):
            if (r.created_at, r.id) < (record.created_at, record.id):
                return i
        return len(self.records)

    def rowCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else len(self.records)

    def data(self, index, role=Qt.DisplayRole):
        if not index.isValid():
            return None
        c = self.records[index.row()]
        if role == RecordRole:
            return c
        if role in (Qt.DisplayRole, Qt.AccessibleTextRole):
            return f"{self._heading(c)}\n{c.text}"
        if role == Qt.ToolTipRole:
            return f"{self._heading(c)}\n\n{c.text}"
        return None

    def _heading(self, c) -> str:
        who = self.names.get(c.participant_id)
        if not who:
            who = _("{role} (role only)").format(role=c.role.label) if c.role else _("Anonymous")
        heading = _("{kind} · {who} · may be quoted") if c.quote_allowed else _("{kind} · {who}")
        return heading.format(kind=c.kind.label.upper(), who=who)

    def retranslate(self) -> None:
        """Each heading again (kind, role, "may be quoted") in the language now in use."""
        self.layoutAboutToBeChanged.emit()
        self.layoutChanged.emit()
