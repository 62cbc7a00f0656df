"""Groups with their sessions beneath, newest first."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QStandardItem, QStandardItemModel

from coprod_desktop.domain.records import Group, Session
from coprod_desktop.domain.values import SessionState

KindRole = Qt.UserRole + 1  # "group" or "session"
IdRole = Qt.UserRole + 2

STATE_MARK = {SessionState.PLANNED: "○", SessionState.LIVE: "●", SessionState.CLOSED: "✓"}


_DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def session_date(session: Session) -> str:
    """e.g. "Mon 07 Dec 2026" (English, like the rest of the app, whatever the OS locale)."""
    d = session.date
    if d is None:
        return "No date yet"
    return f"{_DAYS[d.weekday()]} {d.day:02d} {_MONTHS[d.month - 1]} {d.year}"


class SessionTreeModel(QStandardItemModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setHorizontalHeaderLabels(["Groups and sessions"])

    def rebuild(self, groups: list[Group], sessions: list[Session]) -> None:
        by_group: dict[str, list[Session]] = {}
        for s in sessions:
            by_group.setdefault(s.group_id, []).append(s)
        self.removeRows(0, self.rowCount())
        bold = QFont()
        bold.setBold(True)
        for group in groups:
            row = self._group_row(group)
            row.setFont(bold)
            for session in by_group.get(group.id, []):
                row.appendRow(self._session_row(session))
            self.appendRow(row)

    def _group_row(self, group: Group) -> QStandardItem:
        name = QStandardItem(group.name or "(unnamed group)")
        name.setData("group", KindRole)
        name.setData(group.id, IdRole)
        name.setToolTip(group.name)
        return name

    def _session_row(self, session: Session) -> QStandardItem:
        item = QStandardItem()
        item.setData("session", KindRole)
        item.setData(session.id, IdRole)
        self._label_session(item, session)
        return item

    @staticmethod
    def _label_session(item: QStandardItem, session: Session) -> None:
        title = session.title or "(untitled session)"
        item.setText(f"{STATE_MARK[session.state]} {session_date(session)} — {title}")
        item.setToolTip(f"{session.state.label}: {title}")
        item.setData(f"{title}, {session_date(session)}, {session.state.label}", Qt.AccessibleTextRole)

    def find(self, record_id: str):
        """The title item for a group or session id, or None."""
        for r in range(self.rowCount()):
            group = self.item(r, 0)
            if group.data(IdRole) == record_id:
                return group
            for c in range(group.rowCount()):
                if group.child(c, 0).data(IdRole) == record_id:
                    return group.child(c, 0)
        return None

    def update_group(self, group: Group) -> bool:
        item = self.find(group.id)
        if item is None:
            return False
        item.setText(group.name or "(unnamed group)")
        item.setToolTip(group.name)
        return True

    def update_session(self, session: Session) -> bool:
        """Refresh one row in place; False if the tree needs a rebuild (the date moved it)."""
        item = self.find(session.id)
        if item is None or session_date(session) not in item.text():
            return False
        self._label_session(item, session)
        return True
