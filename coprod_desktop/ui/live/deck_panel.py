"""The curiosity-question deck: draw a card, put it on the table, mark it asked."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from coprod_desktop.app import deck as deck_ops
from coprod_desktop.app.deck import group_deck
from coprod_desktop.domain.deck import CATEGORIES
from coprod_desktop.domain.records import CardDraw, Contribution, GroupCard
from coprod_desktop.domain.values import CoproductionValue, SessionState
from coprod_desktop.language import _, ngettext
from coprod_desktop.ui.flow_layout import FlowLayout
from coprod_desktop.ui.inputs import ComboBox
from coprod_desktop.ui.live.panel import LivePanel


class DeckPanel(LivePanel):
    watches = (CardDraw, GroupCard, Contribution)

    def __init__(self, undoable, parent=None):
        super().__init__(undoable, parent)
        self._deck: dict = {}
        self._draws: list = []
        self.category = ComboBox()
        self.category.addItem(_("Any category"), None)
        for c in CATEGORIES:
            self.category.addItem(c.label, c.key)
        self.category.setAccessibleName(_("Category to draw from"))
        self.value = ComboBox()
        self.value.addItem(_("Any value"), None)
        for v in CoproductionValue:
            self.value.addItem(v.label, v)
        self.value.setAccessibleName(_("Value to draw for"))
        self.draw_button = QPushButton(_("Draw a card (Ctrl+D)"), clicked=self.draw)
        self.card_text = QLabel(_("No card on the table."))
        self.card_text.setWordWrap(True)
        self.card_text.setTextFormat(Qt.PlainText)
        font = QFont(self.card_text.font())
        font.setPointSizeF(font.pointSizeF() * 1.3)
        self.card_text.setFont(font)
        self.card_meta = QLabel()
        self.card_meta.setWordWrap(True)
        card = QFrame()
        card.setFrameShape(QFrame.StyledPanel)
        card_layout = QVBoxLayout(card)
        card_layout.addWidget(self.card_text)
        card_layout.addWidget(self.card_meta)
        self.asked_button = QPushButton(_("&Mark asked"), clicked=self.mark_asked)
        self.down_button = QPushButton(_("Pu&t down"), clicked=self.put_down)
        self.drawn = QListWidget()
        self.drawn.setAccessibleName(_("Cards drawn this session"))
        self.manage_button = QPushButton(_("Mana&ge the group's cards…"), clicked=self.manage)

        layout = QVBoxLayout(self)
        filters = FlowLayout()  # wraps in a narrow column
        for label, combo in ((_("Category"), self.category), (_("Value"), self.value)):
            # A visible label: on Linux a screen reader names a combo box by its label,
            # and reads the box itself as its current choice.
            pair = QWidget()
            line = QHBoxLayout(pair)
            line.setContentsMargins(0, 0, 0, 0)
            line.addWidget(QLabel(label, buddy=combo))
            line.addWidget(combo)
            filters.addWidget(pair)
        layout.addLayout(filters)
        layout.addWidget(self.draw_button)
        layout.addWidget(QLabel(_("On the table (what is captured now links to it):")))
        layout.addWidget(card)
        row = FlowLayout()  # wraps in a narrow column
        row.addWidget(self.asked_button)
        row.addWidget(self.down_button)
        layout.addLayout(row)
        layout.addWidget(QLabel(_("Drawn this session:")))
        layout.addWidget(self.drawn, 1)
        layout.addWidget(self.manage_button)

    def fill(self) -> None:
        table = self.archive.card_on_table(self.session.id)
        deck = {c.key: c for c in group_deck(self.archive, self.session.group_id, include_retired=True)}
        card = deck.get(table.card_key) if table else None
        if card is None:
            self.card_text.setText(_("No card on the table."))
            self.card_meta.clear()
        else:
            self.card_text.setText(card.text)
            meta = _("{category} · {value} · asked") if table.asked_at else "{category} · {value}"
            self.card_meta.setText(meta.format(category=card.category_label, value=card.value.label))
        live = self.session.state is SessionState.LIVE  # a planned or ended session takes no live steps
        self.draw_button.setEnabled(live)
        self.asked_button.setEnabled(live and table is not None and not table.asked_at)
        self.down_button.setEnabled(live and table is not None)
        self._deck, self._draws = deck, self.archive.draws(self.session.id)
        self._fill_drawn()

    def retranslate(self) -> None:
        """The filters' choices and the card's words in the language now."""
        self.category.setItemText(0, _("Any category"))
        for index, c in enumerate(CATEGORIES, start=1):
            self.category.setItemText(index, c.label)
        self.value.setItemText(0, _("Any value"))
        for index, v in enumerate(CoproductionValue, start=1):
            self.value.setItemText(index, v.label)
        super().retranslate()

    def _fill_drawn(self) -> None:
        """The cards drawn this session, each with how many contributions it drew."""
        self.drawn.clear()
        counts = self.archive.contributions_per_card(self.session.id)
        for d in self._draws:
            c = self._deck.get(d.card_key)
            mark = "✓ " if d.asked_at else "• "
            n = counts.get(d.card_key, 0)
            words = ngettext("{mark}{card}  ({n} drew from it)", "{mark}{card}  ({n} drew from it)", n)
            self.drawn.addItem(words.format(mark=mark, card=c.text if c else d.card_key, n=n))

    def _on_changed(self, change) -> None:
        """A contribution changes only the counts; a card drawn or edited, the whole panel."""
        if self.session is not None and change.touches(Contribution) and not change.touches(CardDraw, GroupCard):
            if self._draws:  # no card drawn yet: there is nothing to count
                self._fill_drawn()
        else:
            super()._on_changed(change)

    def draw(self) -> None:
        if self.session is None or not self.isEnabled():
            return
        value = self.value.currentData()
        value = CoproductionValue(value) if value else None  # Qt returns str-enums as str
        try:
            edit = deck_ops.draw_card(
                self.undoable.context, self.session, category=self.category.currentData(), value=value
            )
        except deck_ops.NotLive as error:
            self.undoable.hub.notice.emit(str(error))
            return
        if edit is None:
            self.undoable.hub.notice.emit(
                _("No card left to draw with that choice: every one has been drawn this session.")
            )
            return
        self.undoable.run(edit, source=self)

    def mark_asked(self) -> None:
        edit = deck_ops.mark_asked(self.undoable.context, self.session) if self.session else None
        if edit is not None:
            self.undoable.run(edit, source=self)

    def put_down(self) -> None:
        edit = deck_ops.put_down(self.undoable.context, self.session) if self.session else None
        if edit is not None:
            self.undoable.run(edit, source=self)

    def manage(self) -> None:
        from coprod_desktop.ui.dialogs.cards import CardsDialog

        if self.session is not None:
            CardsDialog.open_for(self, self.undoable, self.session.group_id)
