"""The planner window: groups and sessions on the left, the selected one on the right."""

from __future__ import annotations

import random
from datetime import timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QMainWindow,
    QSplitter,
    QStackedWidget,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from coprod_desktop import __version__
from coprod_desktop.app.changes import Change
from coprod_desktop.app.context import Context
from coprod_desktop.app.edits import AddRecord, DeleteRecord
from coprod_desktop.domain.clock import Clock
from coprod_desktop.domain.records import Group, Session
from coprod_desktop.domain.values import SessionState
from coprod_desktop.storage import Archive
from coprod_desktop.ui.changes import ChangeHub
from coprod_desktop.ui.commands import Undoable
from coprod_desktop.ui.message_bar import MessageBar
from coprod_desktop.ui.models.session_tree import IdRole, KindRole, SessionTreeModel
from coprod_desktop.ui.planner.lists import view_action
from coprod_desktop.ui.settings import AppSettings

if TYPE_CHECKING:
    from coprod_desktop.ui.live.run_view import RunView
    from coprod_desktop.ui.planner.group_page import GroupPage
    from coprod_desktop.ui.planner.session_page import SessionPage


class MainWindow(QMainWindow):
    def __init__(
        self,
        archive: Archive,
        settings: AppSettings | None = None,
        *,
        clock: Clock | None = None,
        rng: random.Random | None = None,
    ):
        super().__init__()
        self.archive = archive
        self.context = Context(archive, clock or Clock(), rng or random.Random())
        self.settings = settings or AppSettings()
        self.remember_layout = True  # off for smoke tests, which must not touch settings
        self.hub = ChangeHub(self)
        self.undo_stack = QUndoStack(self)
        self.undoable = Undoable(self.context, self.hub, self.undo_stack)
        self.setWindowTitle(f"coprod-desktop — {archive.path.name if archive.path else 'archive'}")

        self.tree_model = SessionTreeModel(self)
        self.tree = QTreeView()
        self.tree.setModel(self.tree_model)
        self.tree.setSelectionMode(QAbstractItemView.SingleSelection)
        self.tree.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.tree.setAccessibleName("Groups and sessions")
        self.tree.setUniformRowHeights(True)
        self.tree.setHeaderHidden(True)
        self.tree.setTextElideMode(Qt.ElideRight)
        self.tree.selectionModel().currentRowChanged.connect(self._show_current)

        self._group_page: GroupPage | None = None  # pages are built when first shown
        self._session_page: SessionPage | None = None
        self._run_view: RunView | None = None
        self.room_view = None
        self.empty_page = QLabel(
            "<h2>Plan a co-production session</h2>"
            "<p>Start with a group: <b>File › New group</b> (Ctrl+Shift+N).<br>"
            "Then add a session to it: <b>File › New session</b> (Ctrl+N).</p>"
            "<p>Everything is saved as you type, with no network needed.</p>"
        )
        self.empty_page.setAlignment(Qt.AlignCenter)
        self.empty_page.setWordWrap(True)
        self.pages = QStackedWidget()
        self.pages.addWidget(self.empty_page)

        self.message_bar = MessageBar()
        self.splitter = QSplitter()
        self.splitter.addWidget(self.tree)
        self.splitter.addWidget(self.pages)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setSizes([380, 980])
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(6, 6, 6, 0)
        layout.addWidget(self.message_bar)
        layout.addWidget(self.splitter, 1)
        self.setCentralWidget(central)

        self._make_actions()
        self.hub.changed.connect(self._on_changed)
        self.hub.failed.connect(self.message_bar.show_problem)
        self.hub.notice.connect(lambda text: self.statusBar().showMessage(text, 8000))
        self.undo_stack.indexChanged.connect(lambda _: self.message_bar.hide())
        self.statusBar().showMessage(f"Archive: {archive.path}", 8000)

        self.reload_tree()
        self._restore_layout()

    # -- actions ---------------------------------------------------------------

    def _action(self, menu, text: str, shortcut, slot, tip: str = "") -> QAction:
        action = QAction(text, self)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        if tip:
            action.setStatusTip(tip)
        menu.addAction(action)
        return action

    def _make_actions(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu("&File")
        self.new_group_action = self._action(file_menu, "New &group", "Ctrl+Shift+N", self.new_group)
        self.new_session_action = self._action(file_menu, "&New session", "Ctrl+N", self.new_session)
        file_menu.addSeparator()
        self.export_action = self._action(
            file_menu, "&Export as PDF… (session documents or group report)", "Ctrl+E", self.export_pdf
        )
        self.sample_action = self._action(file_menu, "Add the &sample group", None, self.add_sample_group)
        file_menu.addSeparator()
        self._action(file_menu, "&Quit", QKeySequence.Quit, self.close)

        edit_menu = bar.addMenu("&Edit")
        self.undo_action = self.undo_stack.createUndoAction(self, "&Undo")
        self.undo_action.setShortcuts([QKeySequence.Undo])
        self.redo_action = self.undo_stack.createRedoAction(self, "&Redo")
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence.Redo])
        edit_menu.addAction(self.undo_action)
        edit_menu.addAction(self.redo_action)
        edit_menu.addSeparator()
        self.search_action = self._action(edit_menu, "&Search everything…", QKeySequence.Find, self.search)
        edit_menu.addSeparator()
        self.delete_action = view_action(self.tree, "&Delete group or session", "Delete", self.delete_selected)
        edit_menu.addAction(self.delete_action)

        view_menu = bar.addMenu("&View")
        self._action(view_menu, "Go to &groups and sessions", "Ctrl+1", lambda: self.tree.setFocus())
        self._action(view_menu, "Go to the &editor", "Ctrl+2", self.focus_editor)

        help_menu = bar.addMenu("&Help")
        self._action(help_menu, "&About coprod-desktop", None, self._about)

        toolbar = self.addToolBar("Planner")
        toolbar.setObjectName("plannerToolbar")
        toolbar.setToolButtonStyle(Qt.ToolButtonTextOnly)
        for action in (self.new_group_action, self.new_session_action, self.undo_action, self.redo_action):
            toolbar.addAction(action)

    def _about(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.about(
            self,
            "About coprod-desktop",
            f"coprod-desktop {__version__}\n\nPlan, run and report co-production workshops, offline.\n"
            f"Archive: {self.archive.path}",
        )

    @property
    def group_page(self) -> GroupPage:
        if self._group_page is None:
            from coprod_desktop.ui.planner.group_page import GroupPage

            self._group_page = GroupPage(self.undoable)
            self.pages.addWidget(self._group_page)
        return self._group_page

    @property
    def session_page(self) -> SessionPage:
        if self._session_page is None:
            from coprod_desktop.ui.planner.session_page import SessionPage

            self._session_page = SessionPage(self.undoable)
            self._session_page.runRequested.connect(self.show_run_view)
            self.pages.addWidget(self._session_page)
        return self._session_page

    @property
    def run_view(self) -> RunView:
        if self._run_view is None:
            from coprod_desktop.ui.live.run_view import RunView

            self._run_view = RunView(self.undoable)
            self._run_view.planRequested.connect(self.show_plan)
            self._run_view.roomViewRequested.connect(self.open_room_view)
            self.pages.addWidget(self._run_view)
        return self._run_view

    def show_run_view(self) -> None:
        selected = self.selected()
        if selected and selected[0] == "session":
            self.run_view.show_session(self.archive.find(Session, selected[1]))
            self.pages.setCurrentWidget(self.run_view)

    def show_plan(self) -> None:
        selected = self.selected()
        if selected and selected[0] == "session":
            if self._run_view is not None:
                self._run_view.ticker.stop()
            self.session_page.show_session(self.archive.find(Session, selected[1]))
            self.pages.setCurrentWidget(self.session_page)

    def open_room_view(self, screen=None) -> None:
        """Show the projector window, on ``screen`` or on another screen than this one if there is one."""
        from PySide6.QtGui import QGuiApplication

        from coprod_desktop.ui.live.room_view import RoomView

        selected = self.selected()
        if not selected or selected[0] != "session":
            return
        if self.room_view is None:
            self.room_view = RoomView(self.context, self.hub)
        self.room_view.show_session(selected[1])
        screens = QGuiApplication.screens()
        if screen is None:
            others = [s for s in screens if s is not self.screen()]
            screen = others[0] if others else None
        if screen is not None:
            self.room_view.place_on(screen)
        else:
            self.room_view.resize(1024, 640)
            self.room_view.show()
        self.room_view.raise_()

    # -- tree ------------------------------------------------------------------

    def reload_tree(self) -> None:
        selected = self.selected()
        collapsed = self._collapsed_groups()
        self.tree_model.rebuild(self.archive.groups(), self.archive.sessions())
        self.tree.expandAll()
        for group_id in collapsed:  # the facilitator folded these away: keep them so
            item = self.tree_model.find(group_id)
            if item is not None:
                self.tree.collapse(item.index())
        if selected:
            self.select(selected[1])
        self._update_enabled()

    def _collapsed_groups(self) -> list[str]:
        root = self.tree_model.invisibleRootItem()
        return [
            root.child(r).data(IdRole)
            for r in range(root.rowCount())
            if not self.tree.isExpanded(root.child(r).index())
        ]

    def _neighbour(self, record_id: str) -> str | None:
        """What to select when ``record_id`` goes: a session's group, else the next group
        (or the one before)."""
        item = self.tree_model.find(record_id)
        if item is None:
            return None
        if item.parent() is not None:
            return item.parent().data(IdRole)
        root = self.tree_model.invisibleRootItem()
        for row in (item.row() + 1, item.row() - 1):
            if 0 <= row < root.rowCount():
                return root.child(row).data(IdRole)
        return None

    def focus_editor(self) -> None:
        """Ctrl+2: into the first field of the page on the right, ready to type."""
        page = self.pages.currentWidget()
        widget = page.nextInFocusChain()
        for _ in range(1000):  # the chain is a ring; a bound in case it is not
            if widget is None or widget is page:
                break
            if (
                page.isAncestorOf(widget)
                and widget.isVisible()
                and widget.isEnabled()
                and widget.focusPolicy() & Qt.TabFocus
            ):
                widget.setFocus(Qt.ShortcutFocusReason)
                return
            widget = widget.nextInFocusChain()
        page.setFocus()

    def selected(self) -> tuple[str, str] | None:
        index = self.tree.currentIndex()
        if not index.isValid():
            return None
        index = index.siblingAtColumn(0)
        return index.data(KindRole), index.data(IdRole)

    def select(self, record_id: str) -> bool:
        item = self.tree_model.find(record_id)
        if item is None:
            return False
        self.tree.selectionModel().setCurrentIndex(
            item.index(), QItemSelectionModel.ClearAndSelect | QItemSelectionModel.Rows
        )
        self.tree.scrollTo(item.index())
        return True

    def _show_current(self, *_):
        selected = self.selected()
        kind, record_id = selected if selected else (None, None)
        if kind == "group":
            self.group_page.show_group(self.archive.find(Group, record_id))
            self.pages.setCurrentWidget(self.group_page)
        elif kind == "session":
            session = self.archive.find(Session, record_id)
            if session is not None and session.state is SessionState.LIVE:
                self.run_view.show_session(session)
                self.pages.setCurrentWidget(self.run_view)
            else:
                if self._run_view is not None:
                    self._run_view.ticker.stop()
                self.session_page.show_session(session)
                self.pages.setCurrentWidget(self.session_page)
        else:
            self.pages.setCurrentWidget(self.empty_page)
        self.settings.last_selected = record_id or ""
        self._update_enabled()

    def _current_group_id(self) -> str | None:
        selected = self.selected()
        if not selected:
            return None
        kind, record_id = selected
        if kind == "group":
            return record_id
        session = self.archive.find(Session, record_id)
        return session.group_id if session else None

    def _update_enabled(self) -> None:
        self.new_session_action.setEnabled(self._current_group_id() is not None)
        self.delete_action.setEnabled(self.selected() is not None)
        selected = self.selected()
        self.export_action.setEnabled(bool(selected))

    def _on_changed(self, change: Change) -> None:
        if change.everything:
            self.reload_tree()
            if self.selected() is None:
                self._show_current()
            return
        for kind in (Group, Session):
            for record_id in change.ids(kind):
                self._follow(kind, record_id)

    def _follow(self, kind: type, record_id: str) -> None:
        """Show a group or session as now kept: in place if it can be, else in a fresh tree."""
        record = self.archive.find(kind, record_id) if record_id else None
        in_place = record is not None and (
            self._update_group_in_place(record) if kind is Group else self.tree_model.update_session(record)
        )
        if not in_place:
            neighbour = self._neighbour(record_id) if record_id and record is None else None
            self.reload_tree()
            # A record that came back (undo of a delete) or was just made is selected;
            # after a delete, its group or the group beside it.
            if record is not None:
                self.select(record.id)
            elif self.selected() is None and not (neighbour and self.select(neighbour)):
                self._show_current()

    def _update_group_in_place(self, group: Group) -> bool:
        """Rename in place, unless the new name moves the group (groups are listed by name)."""
        root = self.tree_model.invisibleRootItem()
        shown = [root.child(r).data(IdRole) for r in range(root.rowCount())]
        return shown == [g.id for g in self.archive.groups()] and self.tree_model.update_group(group)

    # -- commands --------------------------------------------------------------

    def new_group(self) -> None:
        group = Group("New group")
        if self.undoable.run(AddRecord(group, "New group")):
            self.select(group.id)
            self.group_page.name.setFocus()
            self.group_page.name.selectAll()

    def new_session(self) -> None:
        group_id = self._current_group_id()
        if group_id is None:
            self.hub.notice.emit("Choose or create a group first: sessions belong to a group.")
            return
        session = Session(group_id, "New session", date=self.context.clock.today() + timedelta(days=7))
        if self.undoable.run(AddRecord(session, "New session")):
            self.select(session.id)
            self.session_page.tabs.setCurrentWidget(self.session_page.details)
            self.session_page.details.title.setFocus()
            self.session_page.details.title.selectAll()

    def delete_selected(self) -> None:
        from coprod_desktop.ui.dialogs.simple import Confirm

        selected = self.selected()
        if not selected:
            return
        kind, record_id = selected
        if kind == "group":
            group = self.archive.get(Group, record_id)
            count = len(self.archive.sessions(record_id))
            question = (
                f"Delete the group “{group.name}” with its {count} session{'s' if count != 1 else ''} "
                "and its roster? Ctrl+Z undoes this until you close the app."
            )
            if Confirm.ask(self, "Delete group", question):
                if self.undoable.run(DeleteRecord(Group, record_id, f"Delete group {group.name}")):
                    self.hub.notice.emit(f"Deleted the group “{group.name}”. Ctrl+Z brings it back.")
        else:
            session = self.archive.get(Session, record_id)
            question = (
                f"Delete the session “{session.title}” and everything in it? "
                "Ctrl+Z undoes this until you close the app."
            )
            if Confirm.ask(self, "Delete session", question):
                if self.undoable.run(DeleteRecord(Session, record_id, f"Delete session {session.title}")):
                    self.hub.notice.emit(f"Deleted the session “{session.title}”. Ctrl+Z brings it back.")

    def check_integrity_in_background(self) -> None:
        """A big archive opened after the quick checks: run the full one now, off the GUI thread."""
        if self.archive.checked_fully or self.archive.path is None:
            return
        from coprod_desktop.ui.background import IntegrityJob

        self._integrity_job = IntegrityJob(self.archive.path)
        self._integrity_job.signals.finished.connect(self._integrity_checked)
        self._integrity_job.start()

    def _integrity_checked(self, problem: str) -> None:
        self.archive.checked_fully = not problem
        if problem:
            self.message_bar.show_problem("The archive may be damaged", problem)
        else:
            self.statusBar().showMessage("Archive checked: sound.", 5000)

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
            self.hub.notice.emit("Choose a session (or a group, for its report) to export.")
            return
        documents = Path(QStandardPaths.writableLocation(QStandardPaths.DocumentsLocation) or str(Path.home()))
        kind, record_id = selected
        if kind == "group":
            ExportDialog.open_for(self, self.archive.path, self.archive.get(Group, record_id), documents, group=True)
        else:
            ExportDialog.open_for(self, self.archive.path, self.archive.get(Session, record_id), documents)

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

    # -- layout ----------------------------------------------------------------

    def _restore_layout(self) -> None:
        if self.settings.geometry is not None:
            self.restoreGeometry(self.settings.geometry)
        else:
            screen = self.screen().availableGeometry()
            self.resize(min(1280, screen.width()), min(800, screen.height()))
        if self.settings.window_state is not None:
            self.restoreState(self.settings.window_state)
        if self.settings.splitter is not None:
            self.splitter.restoreState(self.settings.splitter)
        live = self.archive.live_sessions()
        if live and self.select(live[0].id):
            return  # the laptop died mid-session: straight back to the room
        if not (self.settings.last_selected and self.select(self.settings.last_selected)):
            first = self.tree_model.index(0, 0)
            if first.isValid():
                self.select(first.data(IdRole))

    def save_layout(self) -> None:
        self.settings.geometry = self.saveGeometry()
        self.settings.window_state = self.saveState()
        self.settings.splitter = self.splitter.saveState()
        self.settings.sync()

    def closeEvent(self, event) -> None:
        if self.remember_layout:
            self.save_layout()
        if self.room_view is not None:
            self.room_view.close()  # the projector window goes with the app
        super().closeEvent(event)
