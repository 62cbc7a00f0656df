from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMenu, QPushButton, QStackedWidget, QVBoxLayout, QWidget

from coprod_desktop.app.edits import AddRecord, DeleteRecord, SetAttendance
from coprod_desktop.domain.records import Attendance, Participant
from coprod_desktop.language import _
from coprod_desktop.ui.colours import hint as quiet
from coprod_desktop.ui.models.participants import ParticipantsModel
from coprod_desktop.ui.planner.lists import button, current_row, record_table, select_row, view_action
from coprod_desktop.ui.settings import remembered_splitter

if TYPE_CHECKING:
    from coprod_desktop.ui.planner.participant_form import ParticipantForm


class ParticipantsPanel(QWidget):
    """A group's roster beside one person's details. In a session it also ticks who is here."""

    def __init__(self, undoable, *, with_attendance: bool, parent=None):
        super().__init__(parent)
        self.undoable = undoable
        self.group_id: str | None = None
        self.session_id: str | None = None
        self.model = ParticipantsModel(with_attendance, self)
        self.model.attendanceRequested.connect(self.set_attending)
        self.view = record_table(self, self.model, draggable=False)
        self.view.setEditTriggers(self.view.EditTrigger.NoEditTriggers)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.selectionModel().currentRowChanged.connect(self._show_current)
        view_action(self.view, _("Leaves the group…"), "Delete", self.remove_current)
        if with_attendance:  # Space ticks from any column, not only "Here"
            view_action(self.view, _("Mark here or not here"), "Space", self.toggle_attending)
        self._form: ParticipantForm | None = None  # built when a person is first selected
        self.details = QStackedWidget()
        hint = QLabel(_("Select a person to see and edit their details,\nor press Add person."))
        hint.setAlignment(Qt.AlignCenter)
        quiet(hint)
        self.details.addWidget(hint)
        self.count = QLabel()

        buttons = QHBoxLayout()
        buttons.addWidget(button(_("A&dd person"), self.add_person, _("Add someone to the group's roster")))
        self.leave_button = button(
            _("Leaves the group…"),
            self.remove_current,
            _(
                "They stay in the record of the sessions they came to (Delete); Ctrl+Z undoes. "
                "To remove everything about them: Personal data › Erase."
            ),
        )
        buttons.addWidget(self.leave_button)
        buttons.addWidget(self._personal_data_button())
        buttons.addStretch(1)
        buttons.addWidget(self.count)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        title = QLabel(_("Roster — tick who is here (Space)") if with_attendance else _("Roster"))
        title.setBuddy(self.view)
        left_layout.addWidget(title)
        left_layout.addWidget(self.view, 1)
        left_layout.addLayout(buttons)

        split = remembered_splitter(self.undoable.settings, "roster", left, self.details, stretch=(4, 3))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(split)
        undoable.hub.changed.connect(self._on_changed)

    @property
    def form(self) -> ParticipantForm:
        if self._form is None:
            from coprod_desktop.ui.planner.participant_form import ParticipantForm

            self._form = ParticipantForm(self.undoable)
            self.details.addWidget(self._form)
        return self._form

    def show_group(self, group_id: str | None, session_id: str | None = None) -> None:
        self.group_id, self.session_id = group_id, session_id
        self.load()
        self.view.setCurrentIndex(self.view.model().index(-1, -1))
        self._show_current()

    def load(self) -> None:
        if self.group_id is None:
            self.model.set_people([])
            return
        archive = self.undoable.archive
        people = archive.participants(self.group_id)
        attending = archive.attending(self.session_id) if self.session_id else frozenset()
        if self.session_id:
            people = [p for p in people if p.left_on is None or p.id in attending]
        fresh = [p.id for p in people] != [p.id for p in self.model.records]
        self.model.set_people(people, attending)
        if fresh:
            self.view.resizeColumnsToContents()
        if self.session_id:
            here = sum(1 for p in people if p.id in attending)
            self.count.setText(_("{here} of {total} here").format(here=here, total=len(people)))
        else:
            self.count.setText(_("{total} in the group").format(total=len(people)))

    def retranslate(self) -> None:
        """The count of people and the leave/rejoin button, which the walker cannot map back."""
        if self.group_id is not None:
            self.load()
        self._show_current()

    def current_person(self) -> Participant | None:
        row = current_row(self.view)
        return self.model.records[row] if row >= 0 else None

    def _show_current(self, *_args):
        person = self.current_person()
        self.leave_button.setText(_("Rejoins the group") if person and person.left_on else _("Leaves the group…"))
        if person is None and self._form is None:
            return
        self.form.show_person(person)
        self.details.setCurrentWidget(self.form if person else self.details.widget(0))

    def add_person(self) -> None:
        if self.group_id is None:
            return
        person = Participant(self.group_id, _("New person"))
        if self.undoable.run(AddRecord(person, _("Add person"))):
            select_row(self.view, self.model.row_of(person.id), 1 if self.model.with_attendance else 0)
            self.form.name.setFocus()
            self.form.name.selectAll()

    def remove_current(self) -> None:
        """Leaving the group (after a confirmation), or rejoining it; one who never took part
        is simply removed. History is never rewritten: that is erasure's, on its own."""
        from coprod_desktop.app.plan import leave_or_remove, rejoin
        from coprod_desktop.ui.dialogs.simple import Confirm

        person = self.current_person()
        if person is None:
            return
        name = person.preferred_name
        if person.left_on is not None:
            if self.undoable.run(rejoin(person)):
                self.undoable.hub.notice.emit(_("{name} is back in the group.").format(name=name))
            return
        row = current_row(self.view)
        edit = leave_or_remove(self.undoable.archive, person, self.undoable.context.clock.today())
        if isinstance(edit, DeleteRecord):
            if self.undoable.run(edit):
                removed = _("Removed {name}: they had not taken part yet. Ctrl+Z brings them back.")
                self.undoable.hub.notice.emit(removed.format(name=name))
                select_row(self.view, min(row, self.model.rowCount() - 1))
            return
        question = _(
            "{name} leaves the group. They stay in the record of the sessions they came to, with what "
            "they said and the actions they hold, and are offered for no new session.\n\n"
            "To remove everything about them instead, use Personal data › Erase."
        ).format(name=name)
        leaves = _("Leaves the group")
        if Confirm.ask(self, leaves, question, yes=leaves) and self.undoable.run(edit):
            self.undoable.hub.notice.emit(_("{name} has left the group. Ctrl+Z undoes this.").format(name=name))

    def _personal_data_button(self) -> QPushButton:
        menu = QMenu(self)
        menu.addAction(_("Everything we hold about them…"), self.export_current)
        menu.addAction(_("Erase them for good…"), self.erase_current)
        b = QPushButton(_("Personal data"))
        b.setToolTip(_("A copy of everything held about the selected person, or erasing them (data protection)"))
        b.setMenu(menu)
        return b

    def export_current(self) -> None:
        """Subject access: a PDF and a JSON file of everything held about the person."""
        from coprod_desktop.app.export import ExportError
        from coprod_desktop.app.people_data import subject_access, write_subject_access
        from coprod_desktop.ui.dialogs.people_data import FolderChoice

        person = self.current_person()
        if person is None:
            return
        folder = FolderChoice.ask(
            self, _("Where to save everything held about {name}").format(name=person.preferred_name)
        )
        if folder is None:
            return
        from coprod_desktop.storage import ArchiveError
        from coprod_desktop.ui.background import BackgroundCall

        try:
            found = subject_access(self.undoable.archive, person.id)  # reads: quick, on this thread
        except ArchiveError as error:
            self.undoable.hub.failed.emit(_("Nothing was saved"), str(error))
            return
        today, name = self.undoable.context.clock.today(), person.preferred_name
        self._subject_access_job = job = BackgroundCall(
            lambda: write_subject_access(found, folder, today), (ExportError, OSError)
        )  # the PDF is built off the GUI thread
        job.signals.failed.connect(lambda message: self.undoable.hub.failed.emit(_("Nothing was saved"), message))

        def saved(written) -> None:
            told = _("Saved everything held about {name}: {pdf} and {json} in {folder}.")
            self.undoable.hub.notice.emit(
                told.format(name=name, pdf=written[0].name, json=written[1].name, folder=folder)
            )

        job.signals.done.connect(saved)
        self.undoable.hub.notice.emit(_("Saving everything held about {name}…").format(name=name))
        job.start()

    def erase_current(self) -> None:
        from coprod_desktop.app.people_data import NameMismatch, erase_person
        from coprod_desktop.storage import ArchiveError
        from coprod_desktop.ui.dialogs.people_data import EraseDialog

        person = self.current_person()
        if person is None:
            return
        choice = EraseDialog.ask_person(self, person)
        if choice is None:
            return
        if self.undoable.phones is not None:  # its writer and its memory of people go first
            self.undoable.phones.close()
        try:
            done = erase_person(self.undoable.archive, person.id, choice.typed_name, delete_words=choice.delete_words)
        except (NameMismatch, ArchiveError) as error:
            self.undoable.hub.failed.emit(_("Nothing was erased"), str(error))
            return
        self.undoable.forget_history()  # no undo may bring them back
        self.undoable.hub.announce(done.change)
        self.undoable.hub.notice.emit(_("Erased {name}: {told}").format(name=done.person_name, told=done.told()))

    def toggle_attending(self) -> None:
        person = self.current_person()
        if person is not None:
            self.set_attending(person.id, person.id not in self.model.attending)

    def set_attending(self, participant_id: str, attending: bool) -> None:
        if self.session_id:
            verb = _("Mark here") if attending else _("Mark not here")
            self.undoable.run(SetAttendance(self.session_id, participant_id, attending, verb))

    def _on_changed(self, change) -> None:
        if self.group_id is None or not change.touches(Participant, Attendance):
            return
        selected = self.current_person()
        self.load()
        if selected is not None and self.model.row_of(selected.id) >= 0:
            select_row(self.view, self.model.row_of(selected.id), max(0, self.view.currentIndex().column()))
        self._show_current()
