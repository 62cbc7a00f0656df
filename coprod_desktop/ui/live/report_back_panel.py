"""Since last time: what is still owed to the group from earlier sessions, reported back live.

Each report-back (done, in progress, dropped, not possible) is recorded at this
session; a final one also closes the action, so it stops being owed.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
)

from coprod_desktop.app import loop
from coprod_desktop.domain.records import Action, Decision, ReportBack, Session, SessionEvent
from coprod_desktop.domain.values import ReportBackStatus
from coprod_desktop.language import _, ngettext
from coprod_desktop.ui.flow_layout import FlowLayout
from coprod_desktop.ui.live.panel import LivePanel

ItemRole = Qt.UserRole + 1


class ReasonDialog(QDialog):
    """A few words for the group: why something was dropped (required), or what was done
    (optional). The question and the box both wrap."""

    def __init__(self, parent, title: str, prompt: str):
        super().__init__(parent)
        self.setWindowTitle(title)
        label = QLabel(prompt)
        label.setWordWrap(True)
        self.box = QPlainTextEdit()
        self.box.setLineWrapMode(QPlainTextEdit.WidgetWidth)
        self.box.setAccessibleName(prompt)
        label.setBuddy(self.box)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.box, 1)
        layout.addWidget(buttons)
        self.resize(460, 240)

    @classmethod
    def ask(cls, parent, title: str, prompt: str, *, optional: bool = False) -> str | None:
        """The words; "" if ``optional`` and none were given; None if cancelled (or, when
        words are needed, none were given)."""
        dialog = cls(parent, title, prompt)
        if dialog.exec() != QDialog.Accepted:
            return None
        text = dialog.box.toPlainText().strip()
        return text if text or optional else None


class ReportBackPanel(LivePanel):
    watches = (ReportBack, Action, Decision)

    def __init__(self, undoable, parent=None):
        super().__init__(undoable, parent)
        self.owed = QListWidget()
        self.owed.setWordWrap(True)
        self.owed.setAccessibleName(_("Still owed to the group"))
        self.given = QListWidget()
        self.given.setWordWrap(True)
        self.given.setAccessibleName(_("Reported back at this session"))
        self.summary = QLabel()
        buttons = FlowLayout()  # wraps in a narrow column
        for status, text, name in (
            (ReportBackStatus.DONE, _("Done"), _("Report back on the selected action: done")),
            (ReportBackStatus.IN_PROGRESS, _("In pro&gress"), _("Report back on the selected action: in progress")),
            (ReportBackStatus.DROPPED, _("Dropped…"), _("Report back on the selected action: dropped")),
            (ReportBackStatus.NOT_POSSIBLE, _("No&t possible…"), _("Report back on the selected action: not possible")),
        ):
            b = QPushButton(text, clicked=lambda _=False, s=status: self.report(s))
            b.setAccessibleName(name)
            buttons.addWidget(b)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(QLabel(_("Still owed from earlier sessions (select one, then say what happened):")))
        layout.addWidget(self.owed, 2)
        layout.addLayout(buttons)
        layout.addWidget(QLabel(_("Reported back at this session:")))
        layout.addWidget(self.given, 1)

    def fill(self) -> None:
        found = loop.since_last_time(self.archive, self.session)
        row = self.owed.currentRow()
        self.owed.clear()
        for owed in found.owed:
            words = (
                _("{kind}: {text}\n    from {origin} · {owner}")
                if owed.owner
                else _("{kind}: {text}\n    from {origin}")
            )
            item = QListWidgetItem(words.format(kind=owed.kind, text=owed.text, origin=owed.origin, owner=owed.owner))
            item.setData(ItemRole, owed.record)
            self.owed.addItem(item)
        self.owed.setCurrentRow(min(row, self.owed.count() - 1))
        self.given.clear()
        self.given.addItems(list(found.given))
        n = self.owed.count()
        self.summary.setText(
            ngettext("{n} thing to report back on.", "{n} things to report back on.", n).format(n=n)
            if n
            else _("Nothing is owed from earlier sessions.")
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
        if loop.already_reported(self.archive, self.session, record, status):
            self.undoable.hub.notice.emit(
                _("Already reported as “{status}” at this session.").format(status=status.label.lower())
            )
            return False
        if status in (ReportBackStatus.DROPPED, ReportBackStatus.NOT_POSSIBLE):
            note = ReasonDialog.ask(self, status.label, _("Why? This is what the group will be told."))
        elif status is ReportBackStatus.DONE:
            prompt = _("What was done? (optional: the group will be told)")
            note = ReasonDialog.ask(self, _("Done"), prompt, optional=True)
        else:
            note = ""
        if note is None:
            return False
        done = self.undoable.run(loop.report_back(self.session, record, status, note), source=self)
        if done and status is not ReportBackStatus.IN_PROGRESS:
            self.owed.setCurrentRow(-1)  # a second press must not report on the next one
        return done
