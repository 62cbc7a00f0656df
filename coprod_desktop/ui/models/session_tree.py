"""Groups with their sessions beneath, newest first."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QStandardItem, QStandardItemModel

from coprod_desktop.domain.records import Group, Session
from coprod_desktop.domain.values import SessionState
from coprod_desktop.language import N_, _
from coprod_desktop.language.dates import day_in_list

KindRole = Qt.UserRole + 1  # "group" or "session"
IdRole = Qt.UserRole + 2
RecordRole = Qt.UserRole + 3  # the Group or Session, to label it again in another language

STATE_MARK = {SessionState.PLANNED: "○", SessionState.LIVE: "●", SessionState.CLOSED: "✓"}
HEADER = N_("Groups and sessions")


def session_date(session: Session) -> str:
    """e.g. "Mon 07 Dec 2026", "Llun 07 Rhag 2026": in the app's language, whatever the OS locale."""
    d = session.date
    if d is None:
        return _("No date yet")
    return day_in_list(d)


class SessionTreeModel(QStandardItemModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setHorizontalHeaderLabels([_(HEADER)])

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
        name = QStandardItem()
        name.setData("group", KindRole)
        name.setData(group.id, IdRole)
        self._label_group(name, group)
        return name

    @staticmethod
    def _label_group(item: QStandardItem, group: Group) -> None:
        item.setData(group, RecordRole)
        item.setText(group.name or _("(unnamed group)"))
        item.setToolTip(group.name)

    def _session_row(self, session: Session) -> QStandardItem:
        item = QStandardItem()
        item.setData("session", KindRole)
        item.setData(session.id, IdRole)
        self._label_session(item, session)
        return item

    @staticmethod
    def _label_session(item: QStandardItem, session: Session) -> None:
        item.setData(session, RecordRole)
        title, day, state = session.title or _("(untitled session)"), session_date(session), session.state.label
        item.setText(_("{mark} {date} — {title}").format(mark=STATE_MARK[session.state], date=day, title=title))
        item.setToolTip(_("{state}: {title}").format(state=state, title=title))
        item.setData(_("{title}, {date}, {state}").format(title=title, date=day, state=state), Qt.AccessibleTextRole)

    def retranslate(self) -> None:
        """Every row's words again (dates, states, "(untitled session)") in the language now in use."""
        self.setHorizontalHeaderLabels([_(HEADER)])
        for r in range(self.rowCount()):
            group = self.item(r, 0)
            if group.data(RecordRole) is not None:
                self._label_group(group, group.data(RecordRole))
            for c in range(group.rowCount()):
                child = group.child(c, 0)
                if child.data(RecordRole) is not None:
                    self._label_session(child, child.data(RecordRole))

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
        self._label_group(item, group)
        return True

    def update_session(self, session: Session) -> bool:
        """Refresh one row in place; False if the tree needs a rebuild (the date moved it)."""
        item = self.find(session.id)
        if item is None or session_date(session) not in item.text():
            return False
        self._label_session(item, session)
        return True
