"""The main window's tree of groups and sessions: what is selected, and following changes."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelectionModel, Qt

from coprod_desktop.app.changes import Change
from coprod_desktop.domain.records import Group, Session
from coprod_desktop.ui.models.session_tree import IdRole, KindRole

if TYPE_CHECKING:
    pass


class WindowTree:
    """Part of MainWindow: the tree of groups and sessions."""

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
