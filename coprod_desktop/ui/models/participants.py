from __future__ import annotations

from PySide6.QtCore import Qt, Signal

from coprod_desktop.language import N_, _, ngettext
from coprod_desktop.ui.models.records import RecordRole, RecordTableModel

_ROLES = frozenset({Qt.DisplayRole, Qt.ToolTipRole, Qt.CheckStateRole, Qt.AccessibleTextRole, RecordRole})


def _needs_label(person) -> str:
    count = len(person.support_needs) + (1 if person.support_notes.strip() else 0)
    return ngettext("{n} noted", "{n} noted", count).format(n=count) if count else ""


def _name_label(person) -> str:
    name = person.preferred_name or _("(no name yet)")
    return _("{name} (left the group)").format(name=name) if person.left_on else name


HERE = N_("Here")
_TEXT = {  # the columns, by their English header (marked here, shown through _())
    N_("Name"): _name_label,
    N_("Pronouns"): lambda p: p.pronouns,
    N_("Roles"): lambda p: p.roles_label,
    N_("In print"): lambda p: p.shown_in_print.label,
    N_("Support needs"): _needs_label,
}


class ParticipantsModel(RecordTableModel):
    """The group's roster; with ``with_attendance`` a first column ticks who is here."""

    attendanceRequested = Signal(str, bool)  # participant id, attending

    def __init__(self, with_attendance: bool, parent=None):
        super().__init__(parent)
        self.with_attendance = with_attendance
        self.headers = ((HERE,) if with_attendance else ()) + tuple(_TEXT)
        self.attending: frozenset[str] = frozenset()
        self._shown_attending: frozenset[str] = frozenset()

    def set_people(self, people: list, attending: frozenset[str] = frozenset()) -> None:
        self.attending = attending
        self.set_records(people)
        self._shown_attending = attending

    def _extra_state_changed(self) -> bool:
        return self.attending != self._shown_attending

    def data(self, index, role=Qt.DisplayRole):
        if role not in _ROLES or not index.isValid():
            return None
        person = self.records[index.row()]
        if role == RecordRole:
            return person
        header = self.headers[index.column()]
        if header == HERE:
            here = person.id in self.attending
            if role == Qt.CheckStateRole:
                return Qt.Checked if here else Qt.Unchecked
            if role == Qt.AccessibleTextRole:
                return _("here") if here else _("not here")
            return None
        if role == Qt.CheckStateRole:
            return None
        return _TEXT[header](person)

    def setData(self, index, value, role=Qt.EditRole):
        if role == Qt.CheckStateRole and self.headers[index.column()] == HERE:
            checked = Qt.CheckState(value) == Qt.Checked
            self.attendanceRequested.emit(self.records[index.row()].id, checked)
            return True
        return False

    def flags(self, index):
        if not index.isValid():
            return Qt.NoItemFlags
        flags = Qt.ItemIsEnabled | Qt.ItemIsSelectable
        if self.headers[index.column()] == HERE:
            flags |= Qt.ItemIsUserCheckable
        return flags
