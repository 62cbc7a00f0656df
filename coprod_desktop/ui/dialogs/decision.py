"""Recording a decision (how it was reached, who agreed, what cannot change) and an action."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QStackedWidget,
    QWidget,
)

from coprod_desktop.domain import wording
from coprod_desktop.domain.records import Action, Decision
from coprod_desktop.domain.values import ActionStatus, DecisionMethod, Role
from coprod_desktop.language import _, ngettext
from coprod_desktop.ui.dialogs.simple import offer
from coprod_desktop.ui.inputs import ComboBox, DateEdit, SpinBox
from coprod_desktop.ui.planner.record_form import NO_DATE, prepare_date_edit

IdRole = Qt.UserRole + 1


def _checklist(entries, ticked) -> QListWidget:
    widget = QListWidget()
    for record_id, label in entries:
        item = QListWidgetItem(label)
        item.setData(IdRole, record_id)
        item.setFlags(item.flags() | Qt.ItemIsUserCheckable)
        item.setCheckState(Qt.Checked if record_id in ticked else Qt.Unchecked)
        widget.addItem(item)
    return widget


def _ticked(widget: QListWidget, before: tuple[str, ...] = ()) -> tuple[str, ...]:
    """The ticked ids, keeping those of ``before`` the list did not show (someone not here
    today, a contribution older than the list): not shown is not unticked."""
    listed = {widget.item(i).data(IdRole) for i in range(widget.count())}
    ticked = [widget.item(i).data(IdRole) for i in range(widget.count()) if widget.item(i).checkState() == Qt.Checked]
    return tuple([i for i in before if i not in listed] + ticked)


class DecisionDialog(QDialog):
    def __init__(self, parent, decision: Decision, present, contributions):
        super().__init__(parent)
        self.setWindowTitle(_("Decision"))
        self.resize(640, 640)
        self.decision = decision
        self.text = QPlainTextEdit(decision.text, placeholderText=_("What was decided, in the group's words"))
        self.method = ComboBox()
        for m in DecisionMethod:
            self.method.addItem(m.label, m)
        self.method.setCurrentIndex(self.method.findData(decision.method))

        self.votes = [SpinBox(maximum=100_000) for _n in range(3)]
        for spin, value in zip(self.votes, (decision.votes_for, decision.votes_against, decision.votes_abstain)):
            spin.setValue(value or 0)
        vote_box = QWidget()
        vote_grid = QGridLayout(vote_box)
        for col, (label, spin) in enumerate(zip((_("For"), _("Against"), _("Abstain")), self.votes)):
            vote_grid.addWidget(QLabel(label), 0, col)
            vote_grid.addWidget(spin, 1, col)
        self.fists = [SpinBox(maximum=100_000) for _n in range(6)]
        for spin, value in zip(self.fists, decision.fist_counts or (0,) * 6):
            spin.setValue(value)
        fist_box = QWidget()
        fist_grid = QGridLayout(fist_box)
        self.fist_labels = [QLabel() for _n in self.fists]
        for col, (label, spin) in enumerate(zip(self.fist_labels, self.fists)):
            fist_grid.addWidget(label, 0, col)
            fist_grid.addWidget(spin, 1, col)
        self.counts = QStackedWidget()
        self.counts.addWidget(QLabel(_("(no counts for this method)")))
        self.counts.addWidget(vote_box)
        self.counts.addWidget(fist_box)
        self.method.currentIndexChanged.connect(self._show_counts)
        self._show_counts()

        self.agreed = _checklist([(p.id, p.preferred_name) for p in present], set(decision.agreed_by))
        self.counts_only = QCheckBox(_("Counts only: just note how many agreed"))
        self.agreed_count = SpinBox(maximum=100_000)
        self.agreed_count.setValue(decision.agreed_count or 0)
        self.agreed_count.setAccessibleName(_("How many agreed"))
        self.counts_only.setChecked(decision.agreed_count is not None)
        self.cannot_change = QPlainTextEdit(
            decision.cannot_change, placeholderText=_("What cannot change, and why (be honest)")
        )
        self.contributions = list(contributions)
        self.answers = _checklist([(c.id, "") for c in self.contributions], set(decision.contribution_ids))
        self.retranslate()
        buttons = QDialogButtonBox(QDialogButtonBox.Save | QDialogButtonBox.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(_("&Decision"), self.text)
        form.addRow(_("&How reached"), self.method)
        form.addRow(_("Counts"), self.counts)
        if decision.phone_counts:
            from_phones = QLabel(phone_note(decision))
            from_phones.setWordWrap(True)
            form.addRow(_("From phones"), from_phones)
        form.addRow(_("Who &agreed"), self.agreed)
        form.addRow(self.counts_only, self.agreed_count)
        form.addRow(_("What cannot &change"), self.cannot_change)
        form.addRow(_("What it a&nswers"), self.answers)
        form.addRow(buttons)

    def retranslate(self) -> None:
        """The fingers' labels and what it answers, again in the language now in use."""
        for n, label in enumerate(self.fist_labels):
            label.setText(ngettext("{n} finger", "{n} fingers", n).format(n=n))
        for row, c in enumerate(self.contributions):
            self.answers.item(row).setText(_("{kind}: {text}").format(kind=c.kind.label, text=c.text[:120]))

    def _show_counts(self) -> None:
        method = DecisionMethod(self.method.currentData())
        self.counts.setCurrentIndex({DecisionMethod.VOTE: 1, DecisionMethod.FIST_OF_FIVE: 2}.get(method, 0))

    def result_record(self) -> Decision:
        method = DecisionMethod(self.method.currentData())  # Qt returns str-enums as str
        vote = method is DecisionMethod.VOTE
        return replace(
            self.decision,
            text=self.text.toPlainText().strip(),
            method=method,
            votes_for=self.votes[0].value() if vote else None,
            votes_against=self.votes[1].value() if vote else None,
            votes_abstain=self.votes[2].value() if vote else None,
            fist_counts=tuple(s.value() for s in self.fists) if method is DecisionMethod.FIST_OF_FIVE else (),
            agreed_by=() if self.counts_only.isChecked() else _ticked(self.agreed, self.decision.agreed_by),
            agreed_count=self.agreed_count.value() if self.counts_only.isChecked() else None,
            cannot_change=self.cannot_change.toPlainText(),
            contribution_ids=_ticked(self.answers, self.decision.contribution_ids),
            # The phones' share holds only for the way they were asked.
            phone_counts=self.decision.phone_counts if method is self.decision.method else (),
        )

    @classmethod
    def ask(cls, parent, decision: Decision, present, contributions) -> Decision | None:
        dialog = cls(parent, decision, present, contributions)
        while dialog.exec() == QDialog.Accepted:
            record = dialog.result_record()
            if not record.text:
                dialog.text.setPlaceholderText(_("Write what was decided first"))
                continue
            note = wording.count_note(record, len(present))
            if not note or offer(
                dialog,
                _("More counted than are here"),
                _("{note} Keep the counts as they are? What is printed will say so.").format(note=note),
                _("Keep the counts"),
                _("Change them"),
                icon=QMessageBox.Warning,
            ):
                return record
        return None


def phone_note(decision: Decision) -> str:
    """What the phones' share of the counts is, for the facilitator to add hands to."""
    if decision.method is DecisionMethod.CONSENT:
        n, objected = decision.phone_counts[0], sum(decision.phone_counts[1:])
        told = ngettext(
            "By phone, {n} can live with it and {objected} object.",
            "By phone, {n} can live with it and {objected} object.",
            n,
        ).format(n=n, objected=objected)
        return _("{told} How many agreed includes them: add those in the room.").format(told=told)
    n = sum(decision.phone_counts)
    told = ngettext("{n} answer came from phones.", "{n} answers came from phones.", n).format(n=n)
    return _("{told} The counts above include them: add the hands counted in the room.").format(told=told)


class ActionDialog(QDialog):
    """An action: what, who owns it (a person, a role or the organisation), by when, and its status."""

    def __init__(self, parent, action: Action, present, decisions):
        super().__init__(parent)
        self.setWindowTitle(_("Action"))
        self.resize(560, 420)
        self.action = action
        self.what = QPlainTextEdit(action.what, placeholderText=_("What will be done"))
        self.owner = ComboBox()
        # Item data are plain strings ("person:ID", "role:carer"): Qt cannot match tuples in findData.
        self.owner.addItem(_("Choose who owns it…"), "none")
        people = [(p.id, p.preferred_name) for p in present]
        if action.owner_participant_id and action.owner_participant_id not in {pid for pid, _name in people}:
            people.insert(0, (action.owner_participant_id, _("The owner (not here today)")))
        for pid, name in people:
            self.owner.addItem(name, f"person:{pid}")
        for r in Role:
            self.owner.addItem("", f"role:{r.value}")
        self.owner.addItem(_("The organisation / someone else (write below)"), "text")
        self.owner_text = QLineEdit(action.owner)
        self.owner_text.setPlaceholderText(_("e.g. Ward 7 discharge team"))
        self.owner_text.setAccessibleName(_("Owner, in words (an organisation or someone else)"))
        if action.owner_participant_id:
            self.owner.setCurrentIndex(max(0, self.owner.findData(f"person:{action.owner_participant_id}")))
        elif action.owner_role:
            self.owner.setCurrentIndex(max(0, self.owner.findData(f"role:{Role(action.owner_role).value}")))
        elif action.owner:
            self.owner.setCurrentIndex(self.owner.count() - 1)
        self.due = DateEdit()
        prepare_date_edit(self.due)
        due = action.due_date
        self.due.setDate(QDate(due.year, due.month, due.day) if due else NO_DATE)
        self.status = ComboBox()
        for s in ActionStatus:
            self.status.addItem(s.label, s)
        self.status.setCurrentIndex(self.status.findData(action.status))
        self.reason = QLineEdit(action.status_reason)
        self.reason.setPlaceholderText(_("Why it was dropped (said back to the group)"))
        self.decision = ComboBox()
        self.decision.addItem(_("On its own"), None)
        for d in decisions:
            self.decision.addItem(d.text[:80], d.id)
        self.decision.setCurrentIndex(max(0, self.decision.findData(action.decision_id)))
        buttons = QDialogButtonBox(QDialogButtonBox.Save | QDialogButtonBox.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(_("&What"), self.what)
        form.addRow(_("&Owner"), self.owner)
        form.addRow("", self.owner_text)
        form.addRow(_("&Due"), self.due)
        form.addRow(_("&Status"), self.status)
        form.addRow(_("&Reason"), self.reason)
        form.addRow(_("&From decision"), self.decision)
        form.addRow(buttons)
        self.retranslate()

    def retranslate(self) -> None:
        """The roles offered as owners, again in the language now in use."""
        for r in Role:
            self.owner.setItemText(self.owner.findData(f"role:{r.value}"), _("{role} (role)").format(role=r.label))

    def result_record(self) -> Action:
        kind, _colon, value = str(self.owner.currentData()).partition(":")
        if kind == "role":
            value = Role(value)
        qdate = self.due.date()
        due = None if qdate == NO_DATE else date(qdate.year(), qdate.month(), qdate.day())
        # Only an owner in words is kept as text: a person's name is looked up, never copied,
        # so it cannot outlive them on the roster (or their choice not to be named).
        owner_name = self.owner_text.text().strip() if kind == "text" else ""
        return replace(
            self.action,
            what=self.what.toPlainText().strip(),
            owner=owner_name,
            owner_participant_id=value if kind == "person" else None,
            owner_role=value if kind == "role" else None,
            due_date=due,
            status=ActionStatus(self.status.currentData()),
            status_reason=self.reason.text() if ActionStatus(self.status.currentData()) is ActionStatus.DROPPED else "",
            decision_id=self.decision.currentData(),
        )

    @classmethod
    def ask(cls, parent, action: Action, present, decisions) -> Action | None:
        dialog = cls(parent, action, present, decisions)
        while dialog.exec() == QDialog.Accepted:
            record = dialog.result_record()
            if record.what:
                return record
            dialog.what.setPlaceholderText(_("Write what will be done first"))
        return None
