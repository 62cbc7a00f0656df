"""A group's "You said, we did": every contribution that led somewhere, with its path,
and what was not taken forward, with the reason the group was given."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QLabel, QPushButton, QTreeWidget, QTreeWidgetItem, QVBoxLayout

from coprod_desktop.app import loop
from coprod_desktop.domain.wording import plural


class LoopView(QDialog):
    def __init__(self, parent, archive, group):
        super().__init__(parent)
        self.setWindowTitle(f"You said, we did — {group.name}")
        self.resize(900, 640)
        self.tree = QTreeWidget()
        self.tree.setAccessibleName("What the group asked for, and what was done")
        self.tree.setHeaderLabels(["What", "Where it stands"])
        self.tree.setColumnWidth(0, 600)
        self.tree.setWordWrap(True)
        paths, dropped = loop.you_said_we_did(archive, group.id)
        self.paths = len(paths)
        said_root = QTreeWidgetItem(["You said… and what came of it", ""])
        for path in paths:
            node = QTreeWidgetItem(said_root, [path.said, path.kind])
            for decision, report, actions in path.decisions:
                d_node = QTreeWidgetItem(node, [f"We agreed: {decision}", report])
                for what, status in actions:
                    QTreeWidgetItem(d_node, [f"We will: {what}", status])
        if not paths:
            QTreeWidgetItem(
                said_root, ["Nothing yet: link decisions to what people said (Decide › What it answers).", ""]
            )
        dropped_root = QTreeWidgetItem(["Not taken forward, and why", ""])
        for what, reason in dropped:
            QTreeWidgetItem(dropped_root, [what, reason])
        if not dropped:
            QTreeWidgetItem(dropped_root, ["Nothing has been dropped.", ""])
        self.tree.addTopLevelItems([said_root, dropped_root])
        self.tree.expandAll()
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(f"{plural(self.paths, 'contribution')} led to a decision."))
        layout.addWidget(self.tree, 1)
        layout.addWidget(QPushButton("Close", clicked=self.accept))

    @classmethod
    def open_for(cls, parent, archive, group) -> None:
        cls(parent, archive, group).exec()
