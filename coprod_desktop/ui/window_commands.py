"""What the main window's menus do: new group or session, delete, search, export, the sample group."""

from __future__ import annotations

from pathlib import Path

from coprod_desktop.app import plan
from coprod_desktop.app.changes import Change
from coprod_desktop.domain.records import Group, Session
from coprod_desktop.language import _, ngettext
from coprod_desktop.ui.undo_history import GROUPS, group_document


class WindowCommands:
    """Part of MainWindow: its commands."""

    def new_group(self) -> None:
        edit = plan.new_group()
        if self.undoable.run(edit, source=self, document=GROUPS):
            self.select(edit.record.id)
            self.group_page.name.setFocus()
            self.group_page.name.selectAll()

    def new_session(self) -> None:
        group_id = self._current_group_id()
        if group_id is None:
            self.hub.notice.emit(_("Choose or create a group first: sessions belong to a group."))
            return
        edit = plan.new_session(self.context, group_id)
        if self.undoable.run(edit, source=self, document=group_document(group_id)):
            self.select(edit.record.id)
            self.session_page.tabs.setCurrentWidget(self.session_page.details)
            self.session_page.details.title.setFocus()
            self.session_page.details.title.selectAll()

    def new_session_from_last(self) -> None:
        """The group's next session, shaped like its last; a plain new one if it has none."""
        from coprod_desktop.app.next_session import from_the_last

        group_id = self._current_group_id()
        if group_id is None:
            self.hub.notice.emit(_("Choose or create a group first: sessions belong to a group."))
            return
        edit = from_the_last(self.context, group_id)
        if edit is None:
            self.new_session()
            return
        if self.undoable.run(edit, source=self, document=group_document(group_id)):
            session = edit.edits[0].record
            self.select(session.id)
            self.session_page.tabs.setCurrentWidget(self.session_page.details)
            self.session_page.details.title.setFocus()
            self.session_page.details.title.selectAll()
            self.hub.notice.emit(_("A new session like the last: same place, time, ground rules and agenda."))

    def delete_selected(self) -> None:
        from coprod_desktop.ui.dialogs.simple import Confirm

        selected = self.selected()
        if not selected:
            return
        kind, record_id = selected
        if kind == "group":
            group = self.archive.get(Group, record_id)
            count = len(self.archive.sessions(record_id))
            question = ngettext(
                "Delete the group “{name}” with its {n} session and its roster? "
                "Edit › Undo in the list of groups undoes this until you close the app.",
                "Delete the group “{name}” with its {n} sessions and its roster? "
                "Edit › Undo in the list of groups undoes this until you close the app.",
                count,
            ).format(name=group.name, n=count)
            if Confirm.ask(self, _("Delete group"), question):
                if self.undoable.run(plan.delete_group(group), source=self, document=GROUPS):
                    self.hub.notice.emit(
                        _("Deleted the group “{name}”. Edit › Undo in the list of groups brings it back.").format(
                            name=group.name
                        )
                    )
        else:
            session = self.archive.get(Session, record_id)
            question = _(
                "Delete the session “{title}” and everything in it? Ctrl+Z undoes this until you close the app."
            ).format(title=session.title)
            if Confirm.ask(self, _("Delete session"), question):
                document = group_document(session.group_id)
                if self.undoable.run(plan.delete_session(session), source=self, document=document):
                    self.hub.notice.emit(
                        _("Deleted the session “{title}”. Ctrl+Z on its group brings it back.").format(
                            title=session.title
                        )
                    )

    def check_integrity_in_background(self) -> None:
        """What was left of the checks at opening (the values; a big archive's structure):
        now, off the GUI thread."""
        if self.archive.gate is None or self.archive.gate.done:
            return
        from coprod_desktop.ui.background import IntegrityJob

        self._integrity_job = IntegrityJob(self.archive.gate)
        self._integrity_job.signals.finished.connect(self._integrity_checked)
        self._integrity_job.start()

    def _integrity_checked(self, problem: str) -> None:
        if problem:
            self.message_bar.show_problem(_("The archive may be damaged"), problem, lasting=True)
        elif not self.archive.checked_fully:  # a big archive: say that the wait is over
            self.statusBar().showMessage(_("Archive checked: sound."), 5000)
        self.archive.checked_fully = not problem

    def search(self) -> None:
        from coprod_desktop.ui.dialogs.search import SearchDialog

        dialog = SearchDialog(self, self.archive)
        dialog.opened.connect(self.open_hit)
        dialog.exec()

    def open_hit(self, hit) -> None:
        """Show a search result where it lives."""
        from coprod_desktop.domain.records import Contribution

        if hit.kind in ("Outcome", "OutcomeEvidence") or not hit.session_id:
            self.select(hit.group_id)
            if hit.kind in ("Outcome", "OutcomeEvidence"):
                self.group_page.tabs.setCurrentIndex(1)
                self.group_page.outcomes.select(hit.record_id)
            return
        self.select(hit.session_id)
        if hit.kind == "AgendaItem":
            self.show_plan()
            agenda = self.session_page.agenda
            self.session_page.tabs.setCurrentWidget(agenda)
            agenda.view.setCurrentIndex(agenda.model.index(agenda.model.row_of(hit.record_id), 1))
            return
        self.show_run_view()
        run = self.run_view
        if hit.kind == "Contribution":
            contribution = self.archive.find(Contribution, hit.record_id)
            if contribution is not None:
                run.show_contribution(contribution)
        elif hit.kind in ("Decision", "Action"):
            run.tools.setCurrentWidget(run.decide)
            run.decide.select(hit.record_id)

    def export_pdf(self) -> None:
        from PySide6.QtCore import QStandardPaths

        from coprod_desktop.ui.dialogs.export import ExportDialog

        selected = self.selected()
        if not selected:
            self.hub.notice.emit(_("Choose a session (or a group, for its report) to export."))
            return
        documents = Path(QStandardPaths.writableLocation(QStandardPaths.DocumentsLocation) or str(Path.home()))
        kind, record_id = selected
        if kind == "group":
            ExportDialog.open_for(
                self, self.archive.path, self.archive.get(Group, record_id), documents, group=True, key=self.archive.key
            )
        else:
            ExportDialog.open_for(
                self, self.archive.path, self.archive.get(Session, record_id), documents, key=self.archive.key
            )

    def add_sample_group(self) -> None:
        from coprod_desktop.app.sample import add_sample_group
        from coprod_desktop.storage import ArchiveError

        try:
            group = add_sample_group(self.archive, self.context.clock.today())
        except ArchiveError as error:
            self.message_bar.show_problem(error.title, str(error))
            return
        self.hub.announce(Change.all(source=self))
        self.select(group.id)

    def _unsaved_captures_settled(self) -> bool:
        """True unless contributions still wait for another program's lock and the
        facilitator chose to stay (quitting would lose them: they are only in memory)."""
        pending = self._run_view.capture.pending if self._run_view is not None else None
        if not pending:
            return True
        pending.retry()
        if not pending:
            return True
        from coprod_desktop.ui.dialogs.simple import Confirm

        count = len(pending)
        return Confirm.ask(
            self,
            _("Contributions not saved yet"),
            ngettext(
                "{n} contribution could not be saved yet: the archive is busy in another program. "
                "Close that program and wait a moment, or quit and lose them.",
                "{n} contributions could not be saved yet: the archive is busy in another program. "
                "Close that program and wait a moment, or quit and lose them.",
                count,
            ).format(n=count),
            yes=ngettext("Quit and lose them", "Quit and lose them", count),
        )
