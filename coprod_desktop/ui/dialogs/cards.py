"""The group's deck: write its own cards, edit them, retire any card it does not want."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
)

from coprod_desktop.app.deck import group_deck
from coprod_desktop.app.edits import AddRecord, EditRecord, SetDeckCardRetired
from coprod_desktop.domain.deck import CATEGORIES, CATEGORY_BY_KEY
from coprod_desktop.domain.records import GroupCard
from coprod_desktop.language import _
from coprod_desktop.ui.inputs import ComboBox

KeyRole = Qt.UserRole + 1


class CardsDialog(QDialog):
    def __init__(self, parent, undoable, group_id: str):
        super().__init__(parent)
        self.setWindowTitle(_("The group's prompt cards"))
        self.resize(720, 560)
        self.undoable, self.group_id = undoable, group_id
        self.list = QListWidget()
        self.list.setWordWrap(True)
        self.list.setAccessibleName(_("Cards: ticked cards are in use"))
        self.list.itemChanged.connect(self._ticked)
        self.list.itemDoubleClicked.connect(self._edit_own)
        self.text = QLineEdit(placeholderText=_("Write a new question for this group, then press Enter"))
        self.text.setAccessibleName(_("New question for this group"))
        self.text.returnPressed.connect(self.add_own)
        self.category = ComboBox()
        for c in CATEGORIES:
            self.category.addItem(c.label, c.key)
        add = QPushButton(_("&Add card"), clicked=self.add_own)
        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.text, 1)
        row.addWidget(self.category)
        row.addWidget(add)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list, 1)
        layout.addLayout(row)
        layout.addWidget(buttons)
        undoable.hub.changed.connect(self._on_changed)
        self.load()

    def load(self) -> None:
        self.list.blockSignals(True)
        self.list.clear()
        for card in group_deck(self.undoable.archive, self.group_id, include_retired=True):
            if card.own:
                line = _("{text}\n    {category} · {value} · the group's own")
            else:
                line = _("{text}\n    {category} · {value} · default deck")
            item = QListWidgetItem(line.format(text=card.text, category=card.category_label, value=card.value.label))
            item.setData(KeyRole, (card.key, card.own, card.text))
            item.setFlags(item.flags() | Qt.ItemIsUserCheckable)
            item.setCheckState(Qt.Unchecked if card.retired else Qt.Checked)
            self.list.addItem(item)
        self.list.blockSignals(False)

    def retranslate(self) -> None:
        """Each card's line (its category, value and origin), again in the language now in use."""
        self.load()

    def _ticked(self, item: QListWidgetItem) -> None:
        key, own, _text = item.data(KeyRole)
        retired = item.checkState() != Qt.Checked
        verb = _("Retire card") if retired else _("Bring back card")
        if own:
            self.undoable.run(EditRecord(GroupCard, key, {"retired": not retired}, {"retired": retired}, verb))
        else:
            self.undoable.run(SetDeckCardRetired(self.group_id, key, retired, verb))

    def _edit_own(self, item: QListWidgetItem) -> None:
        key, own, text = item.data(KeyRole)
        if own:
            self.text.setText(text)
            self._editing = key

    def add_own(self) -> None:
        text = self.text.text().strip()
        if not text:
            return
        editing = getattr(self, "_editing", None)
        if editing:
            old = self.undoable.archive.get(GroupCard, editing).text
            kept = self.undoable.run(EditRecord(GroupCard, editing, {"text": old}, {"text": text}, _("Edit card")))
        else:
            category = self.category.currentData()
            value = CATEGORY_BY_KEY[category].values[0]
            kept = self.undoable.run(AddRecord(GroupCard(self.group_id, text, category, value), _("Add card")))
        if kept:  # else the message says why, and the text stays to be put right
            self._editing = None
            self.text.clear()

    def _on_changed(self, change) -> None:
        if change.touches(GroupCard):
            self.load()

    @classmethod
    def open_for(cls, parent, undoable, group_id: str) -> None:
        cls(parent, undoable, group_id).exec()
