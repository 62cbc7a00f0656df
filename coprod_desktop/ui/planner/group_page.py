from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from coprod_desktop.domain.records import Group
from coprod_desktop.language import N_, _
from coprod_desktop.ui.inputs import SpinBox
from coprod_desktop.ui.lazy_tabs import LazyTabs
from coprod_desktop.ui.planner.participants_panel import ParticipantsPanel
from coprod_desktop.ui.planner.record_form import RecordForm
from coprod_desktop.ui.undo_keys import LineEdit, TextEdit


class GroupPage(QWidget):
    """A co-production group: its name, what it is for, and its members."""

    def __init__(self, undoable, parent=None):
        super().__init__(parent)
        self.form = RecordForm(undoable, Group, self)
        self.name = LineEdit(placeholderText=_("e.g. Carers' hospital discharge group"))
        self.description = TextEdit(placeholderText=_("Who the group is and what it is working to change"))
        self.description.setFixedHeight(80)
        self.form.line(self.name, "name", N_("Edit group name"))
        self.form.text(self.description, "description", N_("Edit group description"))
        self.retention = SpinBox(minimum=1, maximum=50, suffix=_(" years after its last session"))
        self.retention.setAccessibleName(_("How long the group's notes are kept, in years after its last session"))
        self.contact = LineEdit(placeholderText=_("Who people ask to see or remove what is held about them"))
        self.form.number(self.retention, "retention_years", N_("Edit how long the notes are kept"))
        self.form.line(self.contact, "data_contact", N_("Edit data contact"))
        self.people = ParticipantsPanel(undoable, with_attendance=False)
        self._group = None
        self.archive = undoable.archive
        self.tabs = LazyTabs(scrolled=True)
        self.tabs.add_lazy(_("&Roster"), lambda: self.people)
        self.tabs.add_lazy(_("&Outcomes"), lambda: _outcomes_panel(undoable))
        self.tabs.built.connect(lambda index, widget: index == 1 and self._group and widget.show_group(self._group.id))
        self.tabs.page(0)
        loop = QPushButton(_("&You said, we did…"))
        loop.clicked.connect(self.open_loop)

        details = QFormLayout()
        details.addRow(_("Group na&me"), self.name)
        details.addRow(_("&About the group"), self.description)
        details.addRow(_("&Keep its notes for"), self.retention)
        details.addRow(_("Data &contact"), self.contact)
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(QLabel(_("<h2>Group</h2>")), 1)
        top.addWidget(loop)
        layout.addLayout(top)
        layout.addLayout(details)
        layout.addWidget(self.tabs, 1)

    def retranslate(self) -> None:
        """The spin box's suffix, which the walker does not map back."""
        self.retention.setSuffix(_(" years after its last session"))

    @property
    def outcomes(self):
        return self.tabs.page(1)

    def show_group(self, group: Group | None) -> None:
        self._group = group
        self.form.set_record(group)
        self.people.show_group(group.id if group else None)
        if 1 in self.tabs.built_pages():
            self.outcomes.show_group(group.id if group else None)

    def open_loop(self) -> None:
        from coprod_desktop.ui.dialogs.loop_view import LoopView

        if self._group is not None:
            LoopView.open_for(self, self.archive, self._group)


def _outcomes_panel(undoable):
    from coprod_desktop.ui.planner.outcomes_panel import OutcomesPanel

    return OutcomesPanel(undoable)
