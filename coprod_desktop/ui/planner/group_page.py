from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QLabel, QVBoxLayout, QWidget

from coprod_desktop.domain.model import Group
from coprod_desktop.ui.planner.participants_panel import ParticipantsPanel
from coprod_desktop.ui.undo_keys import LineEdit, TextEdit
from coprod_desktop.ui.planner.record_form import RecordForm


class GroupPage(QWidget):
    """A co-production group: its name, what it is for, and its members."""

    def __init__(self, undoable, parent=None):
        super().__init__(parent)
        self.form = RecordForm(undoable, Group, self)
        self.name = LineEdit(placeholderText="e.g. Carers' hospital discharge group")
        self.description = TextEdit(placeholderText="Who the group is and what it is working to change")
        self.description.setFixedHeight(80)
        self.form.line(self.name, "name", "group name")
        self.form.text(self.description, "description", "group description")
        self.people = ParticipantsPanel(undoable, with_attendance=False)

        details = QFormLayout()
        details.addRow("Group &name", self.name)
        details.addRow("&About the group", self.description)
        layout = QVBoxLayout(self)
        heading = QLabel("<h2>Group</h2>")
        layout.addWidget(heading)
        layout.addLayout(details)
        layout.addWidget(self.people, 1)

    def show_group(self, group: Group | None) -> None:
        self.form.set_record(group)
        self.people.show_group(group.id if group else None)
