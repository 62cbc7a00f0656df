"""A group's "You said, we did": every contribution that led somewhere, with its path,
and what was not taken forward, with the reason the group was given."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QLabel, QPushButton, QTreeWidget, QTreeWidgetItem, QVBoxLayout

from coprod_desktop.app import loop
from coprod_desktop.language import _, ngettext


class LoopView(QDialog):
    def __init__(self, parent, archive, group):
        super().__init__(parent)
        self.archive, self.group = archive, group
        self.resize(900, 640)
        self.tree = QTreeWidget()
        self.tree.setAccessibleName(_("What the group asked for, and what was done"))
        self.tree.setHeaderLabels([_("What"), _("Where it stands")])
        self.tree.setColumnWidth(0, 600)
        self.tree.setWordWrap(True)
        self.count = QLabel()
        layout = QVBoxLayout(self)
        layout.addWidget(self.count)
        layout.addWidget(self.tree, 1)
        layout.addWidget(QPushButton(_("Close"), clicked=self.accept))
        self.retranslate()

    def retranslate(self) -> None:
        """The title, the count and the tree, built again in the language now in use."""
        self.setWindowTitle(_("You said, we did — {group}").format(group=self.group.name))
        self.tree.clear()
        paths, dropped = loop.you_said_we_did(self.archive, self.group.id)
        self.paths = len(paths)
        said_root = QTreeWidgetItem([_("You said… and what came of it"), ""])
        for path in paths:
            node = QTreeWidgetItem(said_root, [path.said, path.kind])
            for decision, report, actions in path.decisions:
                d_node = QTreeWidgetItem(node, [_("We agreed: {decision}").format(decision=decision), report])
                for what, status in actions:
                    QTreeWidgetItem(d_node, [_("We will: {what}").format(what=what), status])
        if not paths:
            nothing = _("Nothing yet: link decisions to what people said (Decide › What it answers).")
            QTreeWidgetItem(said_root, [nothing, ""])
        dropped_root = QTreeWidgetItem([_("Not taken forward, and why"), ""])
        for what, reason in dropped:
            QTreeWidgetItem(dropped_root, [what, reason])
        if not dropped:
            QTreeWidgetItem(dropped_root, [_("Nothing has been dropped."), ""])
        self.tree.addTopLevelItems([said_root, dropped_root])
        self.tree.expandAll()
        led = ngettext("{n} contribution led to a decision.", "{n} contributions led to a decision.", self.paths)
        self.count.setText(led.format(n=self.paths))

    @classmethod
    def open_for(cls, parent, archive, group) -> None:
        cls(parent, archive, group).exec()
