"""A group's "You said, we did": every contribution that led somewhere, with its path,
and what was not taken forward, with the reason the group was given."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QLabel, QPushButton, QTreeWidget, QTreeWidgetItem, QVBoxLayout

from coprod_desktop.domain import privacy
from coprod_desktop.domain.loop import held_order, not_taken_forward, trails
from coprod_desktop.domain.wording import short_date


def _status(action, report) -> str:
    if report is not None:
        return f"{report.status.label}" + (f": {report.note}" if report.note else "")
    return action.status.label + (f": {action.status_reason}" if action.status_reason else "")


class LoopView(QDialog):
    def __init__(self, parent, archive, group):
        super().__init__(parent)
        self.setWindowTitle(f"You said, we did — {group.name}")
        self.resize(900, 640)
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels(["What", "Where it stands"])
        self.tree.setColumnWidth(0, 600)
        self.tree.setWordWrap(True)
        people = {p.id: p for p in archive.participants(group.id)}
        sessions = {s.id: s for s in archive.sessions(group.id)}
        decisions, actions = archive.group_decisions(group.id), archive.group_actions(group.id)
        reports = archive.report_backs(group_id=group.id)
        self.paths = 0
        said_root = QTreeWidgetItem(["You said… and what came of it", ""])
        for session in sorted(sessions.values(), key=held_order):
            for c in archive.contributions(session.id):
                found = trails(c.id, decisions, actions, reports)
                if not found:
                    continue
                self.paths += 1
                when = short_date(session.date, session.title)
                who = privacy.speaker(c, people.get(c.participant_id), privacy.Audience.PRINT)
                node = QTreeWidgetItem(said_root, [f"“{c.text}” — {who}, {when}", c.kind.label])
                for t in found:
                    d_node = QTreeWidgetItem(
                        node, [f"We agreed: {t.decision.text}", t.report.status.label if t.report else ""]
                    )
                    for at in t.actions:
                        QTreeWidgetItem(d_node, [f"We will: {at.action.what}", _status(at.action, at.report)])
        if not self.paths:
            QTreeWidgetItem(
                said_root, ["Nothing yet: link decisions to what people said (Decide › What it answers).", ""]
            )
        dropped_root = QTreeWidgetItem(["Not taken forward, and why", ""])
        for action, reason in not_taken_forward(actions, reports):
            QTreeWidgetItem(dropped_root, [action.what, reason or "No reason recorded"])
        if not dropped_root.childCount():
            QTreeWidgetItem(dropped_root, ["Nothing has been dropped.", ""])
        self.tree.addTopLevelItems([said_root, dropped_root])
        self.tree.expandAll()
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(f"{self.paths} contribution{'s' if self.paths != 1 else ''} led to a decision."))
        layout.addWidget(self.tree, 1)
        layout.addWidget(QPushButton("Close", clicked=self.accept))

    @classmethod
    def open_for(cls, parent, archive, group) -> None:
        cls(parent, archive, group).exec()
