"""The planner window: groups and sessions on the left, the selected one on the right."""

from __future__ import annotations

import random
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QLabel,
    QMainWindow,
    QSplitter,
    QStackedWidget,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from coprod_desktop.app.context import Context
from coprod_desktop.domain.clock import Clock
from coprod_desktop.domain.records import Group, Session
from coprod_desktop.domain.values import SessionState
from coprod_desktop.language import _
from coprod_desktop.storage import Archive
from coprod_desktop.storage.errors import CorruptArchive
from coprod_desktop.ui import focus_ring
from coprod_desktop.ui.changes import ChangeHub
from coprod_desktop.ui.commands import Undoable
from coprod_desktop.ui.fitting import scrolling
from coprod_desktop.ui.live.phone_door import PhoneDoor
from coprod_desktop.ui.message_bar import MessageBar
from coprod_desktop.ui.models.session_tree import IdRole, SessionTreeModel
from coprod_desktop.ui.settings import AppSettings
from coprod_desktop.ui.undo_history import GROUPS, UndoHistory, group_document, session_document
from coprod_desktop.ui.window_commands import WindowCommands
from coprod_desktop.ui.window_menus import WindowMenus, empty_page_text
from coprod_desktop.ui.window_protection import WindowProtection
from coprod_desktop.ui.window_tree import WindowTree

if TYPE_CHECKING:
    from coprod_desktop.ui.live.run_view import RunView
    from coprod_desktop.ui.planner.group_page import GroupPage
    from coprod_desktop.ui.planner.session_page import SessionPage


LOCK_WAIT_MS = 200


class MainWindow(WindowMenus, WindowTree, WindowCommands, WindowProtection, QMainWindow):
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
        # A write waits a blink for another program's lock, then says so (captures queue).
        archive.set_lock_wait(LOCK_WAIT_MS)
        self.context = Context(archive, clock or Clock(), rng or random.Random())
        self.settings = settings or AppSettings()
        self.remember_layout = True  # off for smoke tests, which must not touch settings
        self.hub = ChangeHub(self)
        self.undo_stack = UndoHistory(self)  # one history per group and session
        self.undoable = Undoable(self.context, self.hub, self.undo_stack, self.settings)
        self.phone_door = self.undoable.phones = PhoneDoor(self.undoable, self)  # closed until opened
        self.name_window()
        focus_ring.install(QApplication.instance())  # where the keyboard is, plain to see

        self.tree_model = SessionTreeModel(self)
        self.tree = QTreeView()
        self.tree.setModel(self.tree_model)
        self.tree.setSelectionMode(QAbstractItemView.SingleSelection)
        self.tree.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.tree.setAccessibleName(_("Groups and sessions"))
        self.tree.setUniformRowHeights(True)
        self.tree.setHeaderHidden(True)
        self.tree.setTextElideMode(Qt.ElideRight)
        self.tree.selectionModel().currentRowChanged.connect(self._show_current)

        self._group_page: GroupPage | None = None  # pages are built when first shown
        self._session_page: SessionPage | None = None
        self._run_view: RunView | None = None
        self.room_view = None
        self.empty_page = QLabel(empty_page_text())
        self.empty_page.setAlignment(Qt.AlignCenter)
        self.empty_page.setWordWrap(True)
        self.pages = QStackedWidget()
        self.pages.addWidget(self.empty_page)

        self.message_bar = MessageBar()
        self.splitter = QSplitter()
        self.splitter.addWidget(self.tree)
        # What does not fit a small or scaled screen scrolls; the window never outgrows it.
        self.splitter.addWidget(scrolling(self.pages))
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setSizes([250, 1110])  # the tree narrow, so a small screen gives the page the room
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(6, 6, 6, 0)
        layout.addWidget(self.message_bar)
        layout.addWidget(self.splitter, 1)
        self.setCentralWidget(central)

        self._make_actions()
        self.hub.changed.connect(self._on_changed)
        self.hub.failed.connect(self.show_failure)
        self.hub.notice.connect(lambda text: self.statusBar().showMessage(text, 8000))
        self.undo_stack.indexChanged.connect(lambda _index: self.message_bar.clear_passing())
        self.statusBar().showMessage(_("Archive: {path}").format(path=archive.path), 8000)

        self.reload_tree()
        self._restore_layout()

    # -- pages -----------------------------------------------------------------

    @staticmethod
    def load_first_page() -> None:
        """Load the page shown at start (a group's) ahead, while there is time to spare."""
        from coprod_desktop.ui.planner import group_page  # noqa: F401

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
            chain = [self.tree, *self._run_view.tab_chain()]  # from the tree on, as laid out
            for before, after in zip(chain, chain[1:]):
                QWidget.setTabOrder(before, after)
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
        from coprod_desktop.ui.live.room_view import RoomView

        selected = self.selected()
        if not selected or selected[0] != "session":
            return
        if self.room_view is None:
            self.room_view = RoomView(self.context, self.hub, self.phone_door)
        self.room_view.show_session(selected[1])
        screens = QApplication.screens()
        if screen is None:
            others = [s for s in screens if s is not self.screen()]
            screen = others[0] if others else None
        if screen is not None:
            self.room_view.place_on(screen)
        else:  # one screen: a window on it, never larger than it
            room = self.screen().availableGeometry()
            self.room_view.resize(min(1024, room.width()), min(640, room.height()))
            self.room_view.show()
        self.room_view.raise_()

    # -- what is shown ---------------------------------------------------------

    def _show_current(self, *_):
        selected = self.selected()
        kind, record_id = selected if selected else (None, None)
        self.undo_stack.show(
            group_document(record_id) if kind == "group" else session_document(record_id) if kind else GROUPS
        )
        if kind == "group":
            self.group_page.show_group(self.archive.find(Group, record_id))
            self.pages.setCurrentWidget(self.group_page)
        elif kind == "session":
            session = self.archive.find(Session, record_id)
            if session is not None and session.state is SessionState.LIVE:
                # Arrowing through the tree onto it leaves the focus in the tree.
                self.run_view.show_session(session, take_focus=not self.tree.hasFocus())
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
        self.from_last_action.setEnabled(self._current_group_id() is not None)
        self.delete_action.setEnabled(self.selected() is not None)
        selected = self.selected()
        self.export_action.setEnabled(bool(selected))
        self.run_action.setEnabled(bool(selected) and selected[0] == "session")

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
        if not self._unsaved_captures_settled():
            event.ignore()
            return
        if self.remember_layout:
            self.save_layout()
        self.phone_door.close()  # the port closes with the window
        if self.room_view is not None:
            self.room_view.close()  # the projector window goes with the app
        super().closeEvent(event)

    def show_failure(self, title: str, message: str) -> None:
        """A change not saved; damage found on the way stays on show until dismissed."""
        self.message_bar.show_problem(title, message, lasting=title == CorruptArchive.title)
