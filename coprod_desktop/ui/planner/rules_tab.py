from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QPalette
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from coprod_desktop.app.content import ground_rule_library
from coprod_desktop.app.edits import AddRecord, Together
from coprod_desktop.app.next_session import own_rules
from coprod_desktop.domain.records import GroundRule
from coprod_desktop.domain.values import RuleOrigin
from coprod_desktop.language import N_, _, ngettext, pgettext
from coprod_desktop.ui.colours import QUIET, readable
from coprod_desktop.ui.models.rules import RulesModel
from coprod_desktop.ui.planner.lists import button, select_row, view_action
from coprod_desktop.ui.planner.ordered_tab import OrderedTab
from coprod_desktop.ui.retranslate import PEOPLES_WORDS
from coprod_desktop.ui.settings import remembered_splitter
from coprod_desktop.ui.undo_keys import LineEdit

KeyRole = Qt.UserRole + 1
ChosenRole = Qt.UserRole + 2
TextRole = Qt.UserRole + 3


class RulesTab(OrderedTab):
    """The session's ground rules: chosen from the library or written by the group."""

    kind = GroundRule
    words = {
        "list": N_("Ground rules of this session"),
        "delete": N_("Delete ground rule"),
        "edit": N_("Edit ground rule"),
        "move": N_("Move ground rule"),
        "deleted": N_("Deleted the ground rule. Ctrl+Z brings it back."),
    }

    def __init__(self, undoable, parent=None):
        super().__init__(undoable, RulesModel(), parent)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeToContents)
        self.view.setWordWrap(True)
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeToContents)

        self.own = LineEdit(placeholderText=_("Write the group's own rule, then press Enter"))
        # Ctrl+Z undoes the typing while there is some, then (box empty after Enter) the add.
        self.own.app_undo, self.own.local_first = undoable.stack, True
        self.own.returnPressed.connect(self.add_own)

        self.library = QListWidget()
        self._chosen_brush = QBrush(readable(QUIET, self.library.palette().color(QPalette.Base)))
        self.library.setWordWrap(True)
        self.library.setAlternatingRowColors(True)
        self.library.setProperty(PEOPLES_WORDS, True)  # the group's own rules too: retranslate() labels it
        for rule in ground_rule_library():
            item = QListWidgetItem()
            item.setData(KeyRole, rule.key)
            self._label_library_rule(item, rule)
            self.library.addItem(item)
        self.library.itemActivated.connect(self.add_from_library)
        view_action(self.library, _("Add to this session"), "Return", lambda: self.add_from_library())

        session_box = QWidget()
        left = QVBoxLayout(session_box)
        left.setContentsMargins(0, 0, 0, 0)
        title = QLabel(_("Ground rules for this &session"))
        title.setBuddy(self.view)
        left.addWidget(title)
        left.addWidget(self.view, 1)
        row = QHBoxLayout()
        row.addWidget(button(_("Move &up"), lambda: self.shift(-1), "Alt+Up"))
        row.addWidget(button(_("Move do&wn"), lambda: self.shift(+1), "Alt+Down"))
        row.addWidget(
            button(_("Delete rule"), self.delete_current, _("Delete the selected rule (Delete); Ctrl+Z undoes"))
        )
        row.addStretch(1)
        left.addLayout(row)
        own_label = QLabel(_("The &group's own rule"))
        own_label.setBuddy(self.own)
        left.addWidget(own_label)
        own_row = QHBoxLayout()
        own_row.addWidget(self.own, 1)
        own_row.addWidget(button(_("Add rule"), self.add_own))
        left.addLayout(own_row)

        library_box = QWidget()
        right = QVBoxLayout(library_box)
        right.setContentsMargins(0, 0, 0, 0)
        lib_title = QLabel(_("&Library of rules: the defaults, then the group's own (Enter or double-click adds one)"))
        lib_title.setBuddy(self.library)
        right.addWidget(lib_title)
        right.addWidget(self.library, 1)
        lib_buttons = QHBoxLayout()
        lib_buttons.addWidget(button(_("Add selected"), lambda: self.add_from_library()))
        lib_buttons.addWidget(button(_("Add all not yet chosen"), self.add_all_defaults))
        lib_buttons.addStretch(1)
        right.addLayout(lib_buttons)

        split = remembered_splitter(self.undoable.settings, "rules", session_box, library_box, stretch=(3, 2))
        layout = QVBoxLayout(self)
        layout.addWidget(split)

    @staticmethod
    def _label_library_rule(item: QListWidgetItem, rule) -> None:
        """A library rule's words in the language now in use: what is shown, and what a choice adds."""
        text = pgettext("content", rule.text)
        item.setData(TextRole, text)
        chosen = item.data(ChosenRole)  # None until a session is shown
        item.setText(_("✓ {rule}").format(rule=text) if chosen else text)
        item.setToolTip(_("Theme: {theme}").format(theme=pgettext("content", rule.theme)))
        if chosen is not None:
            said = _("already in this session") if chosen else _("not yet chosen")
            item.setData(Qt.AccessibleDescriptionRole, said)

    def retranslate(self) -> None:
        """The library's rules and their marks again, in the language now in use."""
        rules = {rule.key: rule for rule in ground_rule_library()}
        for i in range(self.library.count()):
            item = self.library.item(i)
            if item.data(KeyRole) in rules:
                self._label_library_rule(item, rules[item.data(KeyRole)])
        if self.session is not None:
            self._show_own_rules({r.text for r in self.model.records})

    def load(self) -> None:
        rules = self.undoable.archive.ground_rules(self.session.id)
        self.model.set_records(rules)
        self._show_own_rules({r.text for r in rules})
        chosen = {r.library_key for r in rules if r.library_key}
        library = {rule.key: rule for rule in ground_rule_library()}
        for i in range(self.library.count()):
            item = self.library.item(i)
            if item.data(KeyRole) is None:
                continue  # the group's own, listed only while not in this session
            is_chosen = item.data(KeyRole) in chosen
            if item.data(ChosenRole) == is_chosen:
                continue
            item.setData(ChosenRole, is_chosen)
            self._label_library_rule(item, library[item.data(KeyRole)])
            font = item.font()
            font.setItalic(is_chosen)
            item.setFont(font)
            item.setForeground(self._chosen_brush if is_chosen else self.palette().text())

    def _show_own_rules(self, in_session: set[str]) -> None:
        """The group's own rules from its other sessions, after the library: its own to reuse."""
        for row in reversed(range(self.library.count())):
            if self.library.item(row).data(KeyRole) is None:
                self.library.takeItem(row)
        for text in own_rules(self.undoable.archive, self.session.group_id):
            if text in in_session:
                continue
            item = QListWidgetItem(_("The group's own: {rule}").format(rule=text))
            item.setData(TextRole, text)
            item.setToolTip(_("Written by this group at an earlier session"))
            self.library.addItem(item)

    def _chosen_keys(self) -> set[str]:
        return {r.library_key for r in self.model.records if r.library_key}

    def add_own(self) -> None:
        text = self.own.text().strip()
        if not text or self.session is None:
            return
        rule = GroundRule(self.session.id, text, RuleOrigin.GROUP)
        if self.undoable.run(AddRecord(rule, _("Add the group's own rule"))):
            self.own.setText("")  # unlike clear(), also forgets the box's own undo history
            select_row(self.view, self.model.row_of(rule.id))

    def add_from_library(self, item: QListWidgetItem | None = None) -> None:
        item = item or self.library.currentItem()
        if item is None or self.session is None:
            return
        key = item.data(KeyRole)
        if key in self._chosen_keys() or (key is None and item.data(TextRole) in {r.text for r in self.model.records}):
            self.undoable.hub.notice.emit(_("That rule is already in this session."))
            return
        origin = RuleOrigin.LIBRARY if key else RuleOrigin.GROUP  # the group's own, reused
        rule = GroundRule(self.session.id, item.data(TextRole), origin, key)
        if self.undoable.run(AddRecord(rule, _("Add ground rule"))):
            select_row(self.view, self.model.row_of(rule.id))

    def add_all_defaults(self) -> None:
        if self.session is None:
            return
        chosen = self._chosen_keys()
        missing = [r for r in ground_rule_library() if r.key not in chosen]
        if not missing:
            self.undoable.hub.notice.emit(_("Every library rule is already in this session."))
            return
        adds = [
            AddRecord(
                GroundRule(self.session.id, pgettext("content", rule.text), RuleOrigin.LIBRARY, rule.key),
                _("Add ground rule"),
            )
            for rule in missing
        ]
        n = len(missing)
        self.undoable.run(
            Together(ngettext("Add {n} ground rule", "Add {n} ground rules", n).format(n=n), adds), source=self
        )
