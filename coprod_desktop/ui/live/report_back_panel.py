"""Since last time: what is still owed to the group from earlier sessions, reported back live.

Each report-back (done, in progress, dropped, not possible) is recorded at this
session; a final one also closes the action, so it stops being owed.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog, QLabel, QListWidget, QListWidgetItem, QPushButton, QVBoxLayout

from coprod_desktop.app import loop
from coprod_desktop.domain.records import Action, Decision, ReportBack, Session, SessionEvent
from coprod_desktop.domain.values import ReportBackStatus
from coprod_desktop.domain.wording import plural
from coprod_desktop.ui.flow_layout import FlowLayout
from coprod_desktop.ui.live.panel import LivePanel

ItemRole = Qt.UserRole + 1


class ReasonDialog:
    @classmethod
    def ask(cls, parent, title: str, prompt: str) -> str | None:
        text, ok = QInputDialog.getMultiLineText(parent, title, prompt)
        return text.strip() if ok and text.strip() else None


class ReportBackPanel(LivePanel):
    watches = (ReportBack, Action, Decision)

    def __init__(self, undoable, parent=None):
        super().__init__(undoable, parent)
        self.owed = QListWidget()
        self.owed.setWordWrap(True)
        self.owed.setAccessibleName("Still owed to the group")
        self.given = QListWidget()
        self.given.setWordWrap(True)
        self.given.setAccessibleName("Reported back at this session")
        self.summary = QLabel()
        buttons = FlowLayout()  # wraps in a narrow column
        for status, text in (
            (ReportBackStatus.DONE, "Done"),
            (ReportBackStatus.IN_PROGRESS, "In pro&gress"),
            (ReportBackStatus.DROPPED, "Dropped…"),
            (ReportBackStatus.NOT_POSSIBLE, "No&t possible…"),
        ):
            b = QPushButton(text, clicked=lambda _=False, s=status: self.report(s))
            b.setAccessibleName(f"Report back on the selected action: {text.replace('&', '').rstrip('…').lower()}")
            buttons.addWidget(b)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(QLabel("Still owed from earlier sessions (select one, then say what happened):"))
        layout.addWidget(self.owed, 2)
        layout.addLayout(buttons)
        layout.addWidget(QLabel("Reported back at this session:"))
        layout.addWidget(self.given, 1)

    def fill(self) -> None:
        found = loop.since_last_time(self.archive, self.session)
        row = self.owed.currentRow()
        self.owed.clear()
        for owed in found.owed:
            extra = f" · {owed.owner}" if owed.owner else ""
            item = QListWidgetItem(f"{owed.kind}: {owed.text}\n    from {owed.origin}{extra}")
            item.setData(ItemRole, owed.record)
            self.owed.addItem(item)
        self.owed.setCurrentRow(max(0, min(row, self.owed.count() - 1)))
        self.given.clear()
        self.given.addItems(list(found.given))
        n = self.owed.count()
        self.summary.setText(
            f"{plural(n, 'thing')} to report back on." if n else "Nothing is owed from earlier sessions."
        )

    def concerns(self, change) -> bool:
        """Report-backs, actions and decisions; a session's date (what is owed depends on
        when sessions are held), but not a live step, which moves no date."""
        return super().concerns(change) or (change.touches(Session) and not change.touches(SessionEvent))

    def owed_count(self) -> int:
        return self.owed.count()

    def report(self, status: ReportBackStatus) -> bool:
        item = self.owed.currentItem()
        if item is None or self.session is None:
            return False
        record = item.data(ItemRole)
        note = ""
        if status in (ReportBackStatus.DROPPED, ReportBackStatus.NOT_POSSIBLE):
            note = ReasonDialog.ask(self, status.label, "Why? This is what the group will be told.")
            if note is None:
                return False
        self.undoable.run(loop.report_back(self.session, record, status, note), source=self)
        return True
