"""The main window's menus, toolbar and About box."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QToolButton

from coprod_desktop import __version__
from coprod_desktop.language import N_, _
from coprod_desktop.ui.planner.lists import view_action
from coprod_desktop.ui.undo_history import GROUPS, StepAction
from coprod_desktop.ui.undo_keys import redo_keys

FROM_LAST_TIP = N_("The same place, time, facilitators, ground rules and agenda as the group's last session")


def empty_page_text() -> str:
    """What the window shows when nothing is chosen yet (the menu names as the menus say them)."""
    return _(
        "<h2>Plan a co-production session</h2>"
        "<p>Start with a group: <b>File › New group</b> (Ctrl+Shift+N).<br>"
        "Then add a session to it: <b>File › New session</b> (Ctrl+N).</p>"
        "<p>Everything is saved as you type, with no network needed.</p>"
    )


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
        file_menu = bar.addMenu(_("&File"))
        self.new_group_action = self._action(file_menu, _("New &group"), "Ctrl+Shift+N", self.new_group)
        self.new_session_action = self._action(file_menu, _("&New session"), "Ctrl+N", self.new_session)
        self.from_last_action = self._action(
            file_menu, _("New session from the &last"), "Ctrl+Alt+N", self.new_session_from_last, _(FROM_LAST_TIP)
        )
        file_menu.addSeparator()
        self.export_action = self._action(
            file_menu, _("&Export as PDF… (session documents or group report)"), "Ctrl+E", self.export_pdf
        )
        self.sample_action = self._action(file_menu, _("Add the &sample group"), None, self.add_sample_group)
        self._make_protection_actions(file_menu)
        file_menu.addSeparator()
        self._action(file_menu, _("&Quit"), QKeySequence.Quit, self.close)

        edit_menu = bar.addMenu(_("&Edit"))
        # Not Qt's createUndoAction: its prefix stays in the language it was made in.
        self.undo_action = StepAction(self.undo_stack, self, N_("&Undo"), N_("&Undo {step}"))
        self.undo_action.setShortcuts(QKeySequence.keyBindings(QKeySequence.Undo))
        self.redo_action = StepAction(self.undo_stack, self, N_("&Redo"), N_("&Redo {step}"), redo=True)
        self.redo_action.setShortcuts(list(redo_keys()))
        edit_menu.addAction(self.undo_action)
        edit_menu.addAction(self.redo_action)
        groups = self.undo_stack.stack_for(GROUPS)  # a deleted group is no longer on screen
        self.undo_groups_action = StepAction(
            groups, self, N_("Undo in the &list of groups:"), N_("Undo in the &list of groups: {step}")
        )
        self.redo_groups_action = StepAction(
            groups, self, N_("Redo in the list of &groups:"), N_("Redo in the list of &groups: {step}"), redo=True
        )
        edit_menu.addAction(self.undo_groups_action)
        edit_menu.addAction(self.redo_groups_action)
        edit_menu.addSeparator()
        self.search_action = self._action(edit_menu, _("&Search everything…"), QKeySequence.Find, self.search)
        edit_menu.addSeparator()
        self.delete_action = view_action(self.tree, _("&Delete group or session"), "Delete", self.delete_selected)
        edit_menu.addAction(self.delete_action)

        view_menu = bar.addMenu(_("&View"))
        self._action(view_menu, _("Go to &groups and sessions"), "Ctrl+1", lambda: self.tree.setFocus())
        self._action(view_menu, _("Go to the &editor"), "Ctrl+2", self.focus_editor)
        self.run_action = self._action(view_menu, _("&Run this session"), "Ctrl+R", self.show_run_view)
        view_menu.addSeparator()
        from coprod_desktop.ui.language_menu import language_menu

        self.language_menu = language_menu(self, view_menu, self.settings)

        help_menu = bar.addMenu(_("&Help"))
        self._action(help_menu, _("&Keyboard shortcuts"), "F1", self.show_shortcuts)
        self._action(help_menu, _("&About coprod-desktop"), None, self._about)

        self.planner_toolbar = toolbar = self.addToolBar(_("Planner"))
        toolbar.setObjectName("plannerToolbar")
        more = toolbar.findChild(QToolButton, "qt_toolbar_ext_button")
        if more is not None:  # shown when the window is too narrow for every button
            more.setAccessibleName(_("More toolbar buttons"))
        toolbar.setToolButtonStyle(Qt.ToolButtonTextOnly)
        for action in (self.new_group_action, self.new_session_action, self.undo_action, self.redo_action):
            toolbar.addAction(action)

    def name_window(self) -> None:
        """The window's title: the app and the archive file open in it."""
        path = self.archive.path
        self.setWindowTitle(_("coprod-desktop — {archive}").format(archive=path.name if path else _("archive")))

    def retranslate(self) -> None:
        """After a language switch: what the walk through the widgets cannot map back (a
        title with the file's name in it, the undo actions' steps, a status tip)."""
        later = getattr(super(), "retranslate", None)  # another part of the window may have its own
        if callable(later):
            later()
        self.name_window()
        self.empty_page.setText(empty_page_text())
        self.planner_toolbar.setWindowTitle(_("Planner"))
        self.from_last_action.setStatusTip(_(FROM_LAST_TIP))
        for action in (self.undo_action, self.redo_action, self.undo_groups_action, self.redo_groups_action):
            action.retranslate()

    def shortcuts_dialog(self):
        from coprod_desktop.ui.dialogs.shortcuts import KeyboardShortcuts
        from coprod_desktop.ui.live.room_view import RoomView

        room = self.room_view or RoomView(
            self.context, self.hub, self.phone_door, self
        )  # its keys, even if not open yet
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
            _("About coprod-desktop"),
            _(
                "coprod-desktop {version}\n\nPlan, run and report co-production workshops, offline.\nArchive: {path}"
            ).format(version=__version__, path=self.archive.path),
        )
