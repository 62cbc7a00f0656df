from __future__ import annotations

from PySide6.QtWidgets import (
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from coprod_desktop.domain.records import Session
from coprod_desktop.language import N_, _
from coprod_desktop.ui.colours import hint as quiet
from coprod_desktop.ui.inputs import DateEdit, SpinBox, TimeEdit
from coprod_desktop.ui.planner.record_form import RecordForm
from coprod_desktop.ui.undo_keys import LineEdit, TextEdit


class DetailsTab(QWidget):
    """Title, purpose, date, time, length, place and facilitators of a session."""

    def __init__(self, undoable, parent=None):
        super().__init__(parent)
        self.form = RecordForm(undoable, Session, self)
        self.title = LineEdit(placeholderText=_("What is this session called?"))
        self.purpose = TextEdit(placeholderText=_("Why are we meeting? What do we want to come out of it?"))
        self.purpose.setMaximumHeight(120)
        self.date = DateEdit()
        self.start = TimeEdit()
        self.length = SpinBox(suffix=_(" minutes"), minimum=1, maximum=24 * 60, singleStep=15)
        self.place = LineEdit(placeholderText=_("Where, including access details people need"))
        self.facilitators = LineEdit(placeholderText=_("Who is facilitating"))
        self.state = QLabel()

        self.form.line(self.title, "title", N_("Edit title"))
        self.form.text(self.purpose, "purpose", N_("Edit purpose"))
        self.form.day(self.date, "date", N_("Edit date"))
        self.form.clock(self.start, "start_time", N_("Edit start time"))
        self.form.number(self.length, "length_minutes", N_("Edit length"))
        self.form.line(self.place, "place", N_("Edit place"))
        self.form.line(self.facilitators, "facilitators", N_("Edit facilitators"))

        for narrow in (self.date, self.start, self.length):
            narrow.setMaximumWidth(240)
        outer = QVBoxLayout(self)
        layout = QFormLayout()
        outer.addLayout(layout)
        outer.addStretch(1)
        layout.addRow(_("&Title"), self.title)
        layout.addRow(_("&Purpose"), self.purpose)
        layout.addRow(_("&Date"), self.date)
        layout.addRow(_("&Starts at"), self.start)
        layout.addRow(_("&Length"), self.length)
        layout.addRow(_("Pla&ce"), self.place)
        layout.addRow(_("Facilitated &by"), self.facilitators)
        layout.addRow(_("State"), self.state)
        hint = QLabel(_("Every change is saved as you type. Ctrl+Z undoes it."))
        quiet(hint)
        layout.addRow("", hint)
        undoable.hub.changed.connect(self._refresh_state)

    def show_session(self, session: Session | None) -> None:
        self.form.set_record(session)
        self._refresh_state()

    def retranslate(self) -> None:
        """What the walker cannot map back: the length's suffix and the session's state."""
        self.length.setSuffix(_(" minutes"))
        self._refresh_state()

    def _refresh_state(self, *_args):
        session = self.form.record
        self.state.setText(session.state.label if session else "")
