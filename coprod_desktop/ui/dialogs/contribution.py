from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QDialog, QDialogButtonBox, QFormLayout, QPlainTextEdit

from coprod_desktop.domain import attribution
from coprod_desktop.domain.values import ContributionKind
from coprod_desktop.language import _
from coprod_desktop.ui.inputs import ComboBox


class ContributionDialog(QDialog):
    """Edit what was said, its kind, who said it and whether it may be quoted."""

    def __init__(self, parent, record, present):
        super().__init__(parent)
        self.setWindowTitle(_("Edit contribution"))
        self.text = QPlainTextEdit(record.text)
        self.kind = ComboBox()
        for k in ContributionKind:
            self.kind.addItem(k.label, k)
        self.kind.setCurrentIndex(self.kind.findData(record.kind))
        self.who = ComboBox()
        self.options = attribution.choices(present)
        for w in self.options:
            self.who.addItem(w.label)
        current = next(
            (
                i
                for i, w in enumerate(self.options)
                if (w.participant_id, w.role if not w.participant_id else None)
                == (record.participant_id, record.role if not record.participant_id else None)
            ),
            len(self.options) - 1,
        )
        self.who.setCurrentIndex(current)
        self._initial_who = current  # untouched, the attribution is kept even if they left
        self.quote = QCheckBox(_("May be quoted in print"))
        self.quote.setChecked(record.quote_allowed)
        buttons = QDialogButtonBox(QDialogButtonBox.Save | QDialogButtonBox.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(_("&Said"), self.text)
        form.addRow(_("&Kind"), self.kind)
        form.addRow(_("&Who"), self.who)
        form.addRow("", self.quote)
        form.addRow(buttons)
        self.record = record

    def changes(self) -> dict:
        new = {
            "text": self.text.toPlainText(),
            "kind": ContributionKind(self.kind.currentData()),
            "quote_allowed": self.quote.isChecked(),
        }
        if self.who.currentIndex() != self._initial_who:
            who = self.options[self.who.currentIndex()]
            new.update(participant_id=who.participant_id, role=who.role)
        return {k: v for k, v in new.items() if getattr(self.record, k) != v}

    @classmethod
    def ask(cls, parent, record, present) -> dict | None:
        dialog = cls(parent, record, present)
        return dialog.changes() if dialog.exec() == QDialog.Accepted else None
