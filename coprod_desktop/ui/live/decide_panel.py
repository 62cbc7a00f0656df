"""Decisions and actions made in the session, with how and by whom."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QPushButton, QVBoxLayout

from coprod_desktop.app import decide
from coprod_desktop.app.edits import DeleteRecord
from coprod_desktop.domain import privacy, wording
from coprod_desktop.domain.records import Action, Decision, Participant
from coprod_desktop.domain.wording import short_date
from coprod_desktop.language import N_, _, ngettext
from coprod_desktop.ui.dialogs.decision import ActionDialog, DecisionDialog
from coprod_desktop.ui.flow_layout import FlowLayout
from coprod_desktop.ui.live.panel import LivePanel
from coprod_desktop.ui.planner.lists import view_action

RecordRole = Qt.UserRole + 1
DELETING = {  # the undo step's name, and what is said once it is done
    Decision: (N_("Delete decision"), N_("Deleted the decision. Ctrl+Z brings it back.")),
    Action: (N_("Delete action"), N_("Deleted the action. Ctrl+Z brings it back.")),
}


class DecidePanel(LivePanel):
    watches = (Decision, Action)

    def __init__(self, undoable, parent=None):
        super().__init__(undoable, parent)
        self.decisions = QListWidget()
        self.decisions.setWordWrap(True)
        self.decisions.setAccessibleName(_("Decisions"))
        self.actions = QListWidget()
        self.actions.setWordWrap(True)
        self.actions.setAccessibleName(_("Actions"))
        self.decisions.itemActivated.connect(lambda item: self.edit_decision(item.data(RecordRole)))
        self.actions.itemActivated.connect(lambda item: self.edit_action(item.data(RecordRole)))
        view_action(self.decisions, _(DELETING[Decision][0]), "Delete", lambda: self._delete(self.decisions, Decision))
        view_action(self.actions, _(DELETING[Action][0]), "Delete", lambda: self._delete(self.actions, Action))

        layout = QVBoxLayout(self)
        row = FlowLayout()  # wraps in a narrow column
        row.addWidget(QPushButton(_("New decision… (Ctrl+Shift+D)"), clicked=self.new_decision))
        row.addWidget(QPushButton(_("Action fro&m this decision…"), clicked=self.action_from_decision))
        layout.addLayout(row)
        layout.addWidget(QLabel(_("Decisions (Enter edits, Delete removes):")))
        layout.addWidget(self.decisions, 1)
        layout.addWidget(QPushButton(_("New ac&tion…"), clicked=lambda: self.new_action(None)))
        layout.addWidget(QLabel(_("Actions:")))
        layout.addWidget(self.actions, 1)
        self.origin = QLabel()
        self.origin.setWordWrap(True)
        self.origin.setTextFormat(Qt.PlainText)  # decisions and contributions are text, never markup
        self.origin.setAccessibleName(_("Where the selected action came from"))
        layout.addWidget(self.origin)
        self.actions.currentRowChanged.connect(lambda _r: self.show_origin())

    def fill(self) -> None:
        self.decisions.clear()
        for d in self.archive.decisions(self.session.id):
            if d.agreed_count is not None:
                who = ngettext("{n} agreed", "{n} agreed", d.agreed_count).format(n=d.agreed_count)
            else:
                n = len(d.agreed_by)
                who = ngettext("{n} named as agreeing", "{n} named as agreeing", n).format(n=n)
            item = QListWidgetItem(f"{d.text}\n    {wording.how_decided_briefly(d)} · {who}")
            item.setData(RecordRole, d)
            self.decisions.addItem(item)
        self.actions.clear()
        people = {p.id: p for p in self.archive.participants(self.session.group_id)}
        for a in self.archive.actions(self.session.id):
            owner = privacy.owner(a, people, privacy.Audience.FACILITATOR)
            due = short_date(a.due_date)
            words = _("{what}\n    {owner} · by {due} · {status}")
            item = QListWidgetItem(words.format(what=a.what, owner=owner, due=due, status=a.status.label))
            item.setData(RecordRole, a)
            self.actions.addItem(item)

    def show_origin(self) -> None:
        from coprod_desktop.domain.loop import origin

        item = self.actions.currentItem()
        if item is None:
            self.origin.clear()
            return
        group_id = self.session.group_id
        decision, said = origin(
            item.data(RecordRole), self.archive.group_decisions(group_id), self.archive.contributions(self.session.id)
        )
        if decision is None:
            self.origin.setText(_("Made on its own, not from a decision."))
        else:
            answers = "; ".join(f"“{c.text}”" for c in said)
            words = (
                _("From the decision: {decision}\nAnswering: {answers}")
                if answers
                else _("From the decision: {decision}")
            )
            self.origin.setText(words.format(decision=decision.text, answers=answers))

    def select(self, record_id: str) -> None:
        for widget in (self.decisions, self.actions):
            for row in range(widget.count()):
                if widget.item(row).data(RecordRole).id == record_id:
                    widget.setCurrentRow(row)
                    widget.setFocus()
                    return

    def _contributions(self):
        return list(reversed(self.archive.recent_contributions(self.session.id, 300)))

    def new_decision(self) -> None:
        if self.session is None:
            return
        made = DecisionDialog.ask(self, Decision(self.session.id, ""), self.present, self._contributions())
        if made is not None:
            self.undoable.run(decide.record(made), source=self)

    def edit_decision(self, decision: Decision) -> None:
        after = DecisionDialog.ask(self, decision, self.present, self._contributions())
        edit = decide.correct(decision, after) if after is not None else None
        if edit is not None:
            self.undoable.run(edit, source=self)

    def action_from_decision(self) -> None:
        item = self.decisions.currentItem()
        self.new_action(item.data(RecordRole).id if item else None)

    def new_action(self, decision_id: str | None) -> None:
        if self.session is None:
            return
        blank = decide.blank_action(self.undoable.context, self.session.id, decision_id)
        made = ActionDialog.ask(self, blank, self.present, self.archive.decisions(self.session.id))
        if made is not None:
            self.undoable.run(decide.record(made), source=self)

    def edit_action(self, action: Action) -> None:
        people = list(self.present)
        if action.owner_participant_id and all(p.id != action.owner_participant_id for p in people):
            owner = self.archive.find(Participant, action.owner_participant_id)
            people += [owner] if owner else []  # the owner, though not here today
        after = ActionDialog.ask(self, action, people, self.archive.decisions(self.session.id))
        edit = decide.correct(action, after) if after is not None else None
        if edit is not None:
            self.undoable.run(edit, source=self)

    def _delete(self, widget: QListWidget, kind: type) -> None:
        item = widget.currentItem()
        if item is not None:
            name, done = DELETING[kind]
            if self.undoable.run(DeleteRecord(kind, item.data(RecordRole).id, _(name))):
                self.undoable.hub.notice.emit(_(done))

    def retranslate(self) -> None:
        """The lists and where the selected action came from, again, the selection kept."""
        rows = self.decisions.currentRow(), self.actions.currentRow()
        self.refresh()
        self.decisions.setCurrentRow(rows[0])
        self.actions.setCurrentRow(rows[1])
        self.show_origin()
