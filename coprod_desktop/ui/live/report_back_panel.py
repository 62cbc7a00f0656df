"""Since last time: what is still owed to the group from earlier sessions, reported back live.

Each report-back (done, in progress, dropped, not possible) is recorded at this
session; a final one also closes the action, so it stops being owed.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QInputDialog, QLabel, QListWidget, QListWidgetItem, QPushButton, QVBoxLayout

from coprod_desktop.domain import privacy
from coprod_desktop.domain.loop import closing_change, held_from, open_items
from coprod_desktop.domain.records import Action, ReportBack
from coprod_desktop.domain.values import ReportBackStatus
from coprod_desktop.domain.wording import short_date
from coprod_desktop.ui.commands import AddRecord, EditRecord
from coprod_desktop.ui.live.panel import LivePanel

ItemRole = Qt.UserRole + 1


class ReasonDialog:
    @classmethod
    def ask(cls, parent, title: str, prompt: str) -> str | None:
        text, ok = QInputDialog.getMultiLineText(parent, title, prompt)
        return text.strip() if ok and text.strip() else None


class ReportBackPanel(LivePanel):
    watches = ("ReportBack", "Action", "Decision", "Session")

    def __init__(self, undoable, parent=None):
        super().__init__(undoable, parent)
        self.owed = QListWidget()
        self.owed.setWordWrap(True)
        self.owed.setAccessibleName("Still owed to the group")
        self.given = QListWidget()
        self.given.setWordWrap(True)
        self.given.setAccessibleName("Reported back at this session")
        self.summary = QLabel()
        buttons = QHBoxLayout()
        for status, text in (
            (ReportBackStatus.DONE, "Do&ne"),
            (ReportBackStatus.IN_PROGRESS, "In pro&gress"),
            (ReportBackStatus.DROPPED, "Dro&pped…"),
            (ReportBackStatus.NOT_POSSIBLE, "Not po&ssible…"),
        ):
            buttons.addWidget(QPushButton(text, clicked=lambda _=False, s=status: self.report(s)))
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(QLabel("Still owed from earlier sessions (select one, then say what happened):"))
        layout.addWidget(self.owed, 2)
        layout.addLayout(buttons)
        layout.addWidget(QLabel("Reported back at this session:"))
        layout.addWidget(self.given, 1)

    def fill(self) -> None:
        archive, group_id = self.archive, self.session.group_id
        sessions = {s.id: s for s in archive.sessions(group_id)}
        reports = archive.report_backs(group_id=group_id)
        actions, decisions = archive.group_actions(group_id), archive.group_decisions(group_id)
        people = {p.id: p for p in archive.participants(group_id)}
        owed = open_items(actions, decisions, reports, not_due_at=held_from(list(sessions.values()), self.session))
        row = self.owed.currentRow()
        self.owed.clear()
        for record in (*owed.actions, *owed.decisions):
            origin = sessions.get(record.session_id)
            when = short_date(origin.date if origin else None, "")
            kind = "Action" if isinstance(record, Action) else "Decision"
            extra = (
                f" · {privacy.owner(record, people, privacy.Audience.FACILITATOR)}"
                if isinstance(record, Action)
                else ""
            )
            item = QListWidgetItem(
                f"{kind}: {getattr(record, 'what', None) or record.text}\n    from “{origin.title if origin else '?'}” {when}{extra}"
            )
            item.setData(ItemRole, record)
            self.owed.addItem(item)
        self.owed.setCurrentRow(max(0, min(row, self.owed.count() - 1)))
        texts = {a.id: a.what for a in actions} | {d.id: d.text for d in decisions}
        self.given.clear()
        for rb in (r for r in reports if r.session_id == self.session.id):
            about = texts.get(rb.action_id or rb.decision_id, "(deleted)")
            self.given.addItem(f"{rb.status.label}: {about}" + (f" — {rb.note}" if rb.note else ""))
        n = self.owed.count()
        self.summary.setText(
            f"{n} thing{'s' if n != 1 else ''} to report back on." if n else "Nothing is owed from earlier sessions."
        )

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
        is_action = isinstance(record, Action)
        rb = ReportBack(
            self.session.id,
            status,
            note,
            action_id=record.id if is_action else None,
            decision_id=None if is_action else record.id,
        )
        change = closing_change(status, note) if is_action else None
        with self.undoable.macro(f"Report back: {status.label.lower()}"):
            self.undoable.run(AddRecord(rb, "Report back"))
            if change:
                old = {k: getattr(record, k) for k in change}
                self.undoable.run(EditRecord(Action, record.id, old, change, "Close the action"))
        return True
