"""The main window's menus, toolbar and About box."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QToolButton

from coprod_desktop import __version__
from coprod_desktop.ui.planner.lists import view_action
from coprod_desktop.ui.undo_history import GROUPS
from coprod_desktop.ui.undo_keys import redo_keys


class WindowMenus:
    """Part of MainWindow: its menus and toolbar."""

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
        self.from_last_action = self._action(
            file_menu,
            "New session from the &last",
            "Ctrl+Alt+N",
            self.new_session_from_last,
            "The same place, time, facilitators, ground rules and agenda as the group's last session",
        )
        file_menu.addSeparator()
        self.export_action = self._action(
            file_menu, "&Export as PDF… (session documents or group report)", "Ctrl+E", self.export_pdf
        )
        self.sample_action = self._action(file_menu, "Add the &sample group", None, self.add_sample_group)
        self._make_protection_actions(file_menu)
        file_menu.addSeparator()
        self._action(file_menu, "&Quit", QKeySequence.Quit, self.close)

        edit_menu = bar.addMenu("&Edit")
        self.undo_action = self.undo_stack.createUndoAction(self, "&Undo")
        self.undo_action.setShortcuts(QKeySequence.keyBindings(QKeySequence.Undo))
        self.redo_action = self.undo_stack.createRedoAction(self, "&Redo")
        self.redo_action.setShortcuts(list(redo_keys()))
        edit_menu.addAction(self.undo_action)
        edit_menu.addAction(self.redo_action)
        groups = self.undo_stack.stack_for(GROUPS)  # a deleted group is no longer on screen
        self.undo_groups_action = groups.createUndoAction(self, "Undo in the &list of groups:")
        self.redo_groups_action = groups.createRedoAction(self, "Redo in the list of &groups:")
        edit_menu.addAction(self.undo_groups_action)
        edit_menu.addAction(self.redo_groups_action)
        edit_menu.addSeparator()
        self.search_action = self._action(edit_menu, "&Search everything…", QKeySequence.Find, self.search)
        edit_menu.addSeparator()
        self.delete_action = view_action(self.tree, "&Delete group or session", "Delete", self.delete_selected)
        edit_menu.addAction(self.delete_action)

        view_menu = bar.addMenu("&View")
        self._action(view_menu, "Go to &groups and sessions", "Ctrl+1", lambda: self.tree.setFocus())
        self._action(view_menu, "Go to the &editor", "Ctrl+2", self.focus_editor)
        self.run_action = self._action(view_menu, "&Run this session", "Ctrl+R", self.show_run_view)

        help_menu = bar.addMenu("&Help")
        self._action(help_menu, "&Keyboard shortcuts", "F1", self.show_shortcuts)
        self._action(help_menu, "&About coprod-desktop", None, self._about)

        toolbar = self.addToolBar("Planner")
        toolbar.setObjectName("plannerToolbar")
        more = toolbar.findChild(QToolButton, "qt_toolbar_ext_button")
        if more is not None:  # shown when the window is too narrow for every button
            more.setAccessibleName("More toolbar buttons")
        toolbar.setToolButtonStyle(Qt.ToolButtonTextOnly)
        for action in (self.new_group_action, self.new_session_action, self.undo_action, self.redo_action):
            toolbar.addAction(action)

    def shortcuts_dialog(self):
        from coprod_desktop.ui.dialogs.shortcuts import KeyboardShortcuts
        from coprod_desktop.ui.live.room_view import RoomView

        room = self.room_view or RoomView(self.context, self.hub, self)  # its keys, even if not open yet
        dialog = KeyboardShortcuts(self, self, self.run_view, room)
        if room is not self.room_view:
            room.deleteLater()
        return dialog

    def show_shortcuts(self) -> None:
        self.shortcuts_dialog().exec()

    def _about(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.about(
            self,
            "About coprod-desktop",
            f"coprod-desktop {__version__}\n\nPlan, run and report co-production workshops, offline.\n"
            f"Archive: {self.archive.path}",
        )
