"""The group's outcomes in its own words, with evidence noted session by session."""

from __future__ import annotations

from PySide6.QtCore import QSignalBlocker, Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from coprod_desktop.app.edits import AddRecord, DeleteRecord, EditRecord
from coprod_desktop.domain.records import Outcome, OutcomeEvidence
from coprod_desktop.language import _
from coprod_desktop.language.dates import short_date
from coprod_desktop.ui.inputs import ComboBox
from coprod_desktop.ui.planner.lists import view_action
from coprod_desktop.ui.retranslate import PEOPLES_WORDS
from coprod_desktop.ui.undo_keys import LineEdit

RecordRole = Qt.UserRole + 1


class OutcomesPanel(QWidget):
    def __init__(self, undoable, parent=None):
        super().__init__(parent)
        self.undoable, self.archive = undoable, undoable.archive
        self.group_id: str | None = None
        self.outcomes = QListWidget()
        self.outcomes.setWordWrap(True)
        self.outcomes.setProperty(PEOPLES_WORDS, True)  # the group's own words: never mapped
        self.outcomes.setAccessibleName(_("Outcomes"))
        self.outcomes.currentRowChanged.connect(lambda _r: self._fill_evidence())
        view_action(self.outcomes, _("Edit outcome…"), "F2", self.edit_outcome)
        view_action(self.outcomes, _("Delete outcome"), "Delete", self.delete_outcome)
        self.outcomes.itemActivated.connect(lambda _item: self.edit_outcome())
        self.outcomes.setContextMenuPolicy(Qt.ActionsContextMenu)
        self.new_outcome = LineEdit(
            placeholderText=_("What would make a difference in people's lives, in the group's words — Enter adds")
        )
        self.new_outcome.setAccessibleName(_("New outcome"))
        self.new_outcome.returnPressed.connect(self.add_outcome)
        self.evidence = QListWidget()
        self.evidence.setWordWrap(True)
        self.evidence.setProperty(PEOPLES_WORDS, True)
        self.evidence.setAccessibleName(_("Evidence for the selected outcome"))
        self.evidence.setToolTip(_("F2 or Enter edits the selected note; Delete removes it (Ctrl+Z brings it back)"))
        view_action(self.evidence, _("Edit evidence…"), "F2", self.edit_evidence)
        view_action(self.evidence, _("Delete evidence"), "Delete", self.delete_evidence)
        self.evidence.itemActivated.connect(lambda _item: self.edit_evidence())
        self.evidence.setContextMenuPolicy(Qt.ActionsContextMenu)
        self.new_evidence = LineEdit(placeholderText=_("Evidence seen (what changed, for whom) — Enter adds"))
        self.new_evidence.setAccessibleName(_("New evidence for the selected outcome"))
        for box in (self.new_outcome, self.new_evidence):  # Ctrl+Z: the typing, then the add
            box.app_undo, box.local_first = undoable.stack, True
        self.new_evidence.returnPressed.connect(self.add_evidence)
        self.session = ComboBox()
        self.session.setAccessibleName(_("Session the evidence was noted at"))
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(_("Outcomes the group is &working towards"), buddy=self.outcomes))
        layout.addWidget(self.outcomes, 2)
        layout.addWidget(self.new_outcome)
        layout.addWidget(QLabel(_("Evi&dence over time"), buddy=self.evidence))
        layout.addWidget(self.evidence, 2)
        row = QHBoxLayout()
        row.addWidget(self.new_evidence, 3)
        row.addWidget(self.session, 1)
        layout.addLayout(row)
        undoable.hub.changed.connect(self._on_changed)

    def show_group(self, group_id: str | None) -> None:
        self.group_id = group_id
        self.session.clear()
        self.session.addItem(_("No particular session"), None)
        if group_id:
            for s in self.archive.sessions(group_id):
                when = _("{date} — {title}").format(date=short_date(s.date), title=s.title) if s.date else s.title
                self.session.addItem(when, s.id)
        self._fill()

    def retranslate(self) -> None:
        """The sessions' dates, which the walker cannot map back, keeping the one chosen."""
        chosen = self.session.currentData()
        self.show_group(self.group_id)
        self.session.setCurrentIndex(max(0, self.session.findData(chosen)))

    def _fill(self) -> None:
        row = self.outcomes.currentRow()
        with QSignalBlocker(self.outcomes):  # one evidence refill, keeping its selection
            self.outcomes.clear()
            for o in self.archive.outcomes(self.group_id) if self.group_id else []:
                item = QListWidgetItem(o.text)
                item.setData(RecordRole, o)
                self.outcomes.addItem(item)
            self.outcomes.setCurrentRow(max(0, min(row, self.outcomes.count() - 1)))
        self._fill_evidence()

    def select(self, record_id: str) -> None:
        """Select an outcome by its id, or the outcome an evidence note belongs to."""
        for row in range(self.outcomes.count()):
            outcome = self.outcomes.item(row).data(RecordRole)
            if outcome.id == record_id or any(e.id == record_id for e in self.archive.evidence(outcome.id)):
                self.outcomes.setCurrentRow(row)
                return

    def current(self) -> Outcome | None:
        item = self.outcomes.currentItem()
        return item.data(RecordRole) if item else None

    def _fill_evidence(self) -> None:
        row = self.evidence.currentRow()
        self.evidence.clear()
        outcome = self.current()
        titles = {self.session.itemData(i): self.session.itemText(i) for i in range(self.session.count())}
        for e in self.archive.evidence(outcome.id) if outcome else []:
            where = titles.get(e.session_id) or ""
            item = QListWidgetItem(f"{e.text}" + (f"   ({where})" if e.session_id else ""))
            item.setData(RecordRole, e)
            self.evidence.addItem(item)
        if self.evidence.count():
            self.evidence.setCurrentRow(max(0, min(row, self.evidence.count() - 1)))

    def current_evidence(self) -> OutcomeEvidence | None:
        item = self.evidence.currentItem()
        return item.data(RecordRole) if item else None

    def add_outcome(self) -> None:
        text = self.new_outcome.text().strip()
        if text and self.group_id and self.undoable.run(AddRecord(Outcome(self.group_id, text), _("Add outcome"))):
            self.new_outcome.setText("")  # setText, not clear(): forgets the box's undo history
            self.outcomes.setCurrentRow(self.outcomes.count() - 1)

    def add_evidence(self) -> None:
        outcome, text = self.current(), self.new_evidence.text().strip()
        if outcome and text:
            evidence = OutcomeEvidence(outcome.id, text, self.session.currentData())
            if self.undoable.run(AddRecord(evidence, _("Add evidence"))):
                self.new_evidence.setText("")

    def delete_outcome(self) -> None:
        outcome = self.current()
        if outcome and self.undoable.run(DeleteRecord(Outcome, outcome.id, _("Delete outcome"))):
            self.undoable.hub.notice.emit(_("Deleted the outcome and its evidence. Ctrl+Z brings them back."))

    def edit_outcome(self) -> None:
        outcome = self.current()
        if outcome is None:
            return
        text, ok = QInputDialog.getText(
            self, _("Edit the outcome"), _("The outcome, in the group's words:"), text=outcome.text
        )
        if ok and text.strip() and text.strip() != outcome.text:
            self.undoable.run(
                EditRecord(Outcome, outcome.id, {"text": outcome.text}, {"text": text.strip()}, _("Edit outcome"))
            )

    def edit_evidence(self) -> None:
        evidence = self.current_evidence()
        if evidence is None:
            return
        text, ok = QInputDialog.getMultiLineText(
            self, _("Edit the evidence"), _("What changed, for whom:"), evidence.text
        )
        if ok and text.strip() and text.strip() != evidence.text:
            self.undoable.run(
                EditRecord(
                    OutcomeEvidence, evidence.id, {"text": evidence.text}, {"text": text.strip()}, _("Edit evidence")
                )
            )

    def delete_evidence(self) -> None:
        evidence = self.current_evidence()
        if evidence and self.undoable.run(DeleteRecord(OutcomeEvidence, evidence.id, _("Delete evidence"))):
            self.undoable.hub.notice.emit(_("Deleted the evidence note. Ctrl+Z brings it back."))

    def _on_changed(self, change) -> None:
        if self.group_id and change.touches(Outcome, OutcomeEvidence):
            self._fill()
