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
from coprod_desktop.ui.colours import QUIET, readable
from coprod_desktop.ui.models.rules import RulesModel
from coprod_desktop.ui.planner.lists import button, select_row, view_action
from coprod_desktop.ui.planner.ordered_tab import OrderedTab
from coprod_desktop.ui.settings import remembered_splitter
from coprod_desktop.ui.undo_keys import LineEdit

KeyRole = Qt.UserRole + 1
ChosenRole = Qt.UserRole + 2
TextRole = Qt.UserRole + 3


class RulesTab(OrderedTab):
    """The session's ground rules: chosen from the library or written by the group."""

    kind = GroundRule
    noun = "ground rule"

    def __init__(self, undoable, parent=None):
        super().__init__(undoable, RulesModel(), parent)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeToContents)
        self.view.setWordWrap(True)
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeToContents)

        self.own = LineEdit(placeholderText="Write the group's own rule, then press Enter")
        # Ctrl+Z undoes the typing while there is some, then (box empty after Enter) the add.
        self.own.app_undo, self.own.local_first = undoable.stack, True
        self.own.returnPressed.connect(self.add_own)

        self.library = QListWidget()
        self._chosen_brush = QBrush(readable(QUIET, self.library.palette().color(QPalette.Base)))
        self.library.setWordWrap(True)
        self.library.setAlternatingRowColors(True)
        for rule in ground_rule_library():
            item = QListWidgetItem(rule.text)
            item.setData(KeyRole, rule.key)
            item.setData(TextRole, rule.text)
            item.setToolTip(f"Theme: {rule.theme}")
            self.library.addItem(item)
        self.library.itemActivated.connect(self.add_from_library)
        view_action(self.library, "Add to this session", "Return", lambda: self.add_from_library())

        session_box = QWidget()
        left = QVBoxLayout(session_box)
        left.setContentsMargins(0, 0, 0, 0)
        title = QLabel("Ground rules for this &session")
        title.setBuddy(self.view)
        left.addWidget(title)
        left.addWidget(self.view, 1)
        row = QHBoxLayout()
        row.addWidget(button("Move &up", lambda: self.shift(-1), "Alt+Up"))
        row.addWidget(button("Move do&wn", lambda: self.shift(+1), "Alt+Down"))
        row.addWidget(button("Delete rule", self.delete_current, "Delete the selected rule (Delete); Ctrl+Z undoes"))
        row.addStretch(1)
        left.addLayout(row)
        own_label = QLabel("The &group's own rule")
        own_label.setBuddy(self.own)
        left.addWidget(own_label)
        own_row = QHBoxLayout()
        own_row.addWidget(self.own, 1)
        own_row.addWidget(button("Add rule", self.add_own))
        left.addLayout(own_row)

        library_box = QWidget()
        right = QVBoxLayout(library_box)
        right.setContentsMargins(0, 0, 0, 0)
        lib_title = QLabel("&Library of rules: the defaults, then the group's own (Enter or double-click adds one)")
        lib_title.setBuddy(self.library)
        right.addWidget(lib_title)
        right.addWidget(self.library, 1)
        lib_buttons = QHBoxLayout()
        lib_buttons.addWidget(button("Add selected", lambda: self.add_from_library()))
        lib_buttons.addWidget(button("Add all not yet chosen", self.add_all_defaults))
        lib_buttons.addStretch(1)
        right.addLayout(lib_buttons)

        split = remembered_splitter(self.undoable.settings, "rules", session_box, library_box, stretch=(3, 2))
        layout = QVBoxLayout(self)
        layout.addWidget(split)

    def load(self) -> None:
        rules = self.undoable.archive.ground_rules(self.session.id)
        self.model.set_records(rules)
        self._show_own_rules({r.text for r in rules})
        chosen = {r.library_key for r in rules if r.library_key}
        for i in range(self.library.count()):
            item = self.library.item(i)
            if item.data(KeyRole) is None:
                continue  # the group's own, listed only while not in this session
            is_chosen = item.data(KeyRole) in chosen
            if item.data(ChosenRole) == is_chosen:
                continue
            item.setData(ChosenRole, is_chosen)
            item.setText(("✓ " if is_chosen else "") + item.data(TextRole))
            font = item.font()
            font.setItalic(is_chosen)
            item.setFont(font)
            item.setForeground(self._chosen_brush if is_chosen else self.palette().text())
            label = "already in this session" if is_chosen else "not yet chosen"
            item.setData(Qt.AccessibleDescriptionRole, label)

    def _show_own_rules(self, in_session: set[str]) -> None:
        """The group's own rules from its other sessions, after the library: its own to reuse."""
        for row in reversed(range(self.library.count())):
            if self.library.item(row).data(KeyRole) is None:
                self.library.takeItem(row)
        for text in own_rules(self.undoable.archive, self.session.group_id):
            if text in in_session:
                continue
            item = QListWidgetItem(f"The group's own: {text}")
            item.setData(TextRole, text)
            item.setToolTip("Written by this group at an earlier session")
            self.library.addItem(item)

    def _chosen_keys(self) -> set[str]:
        return {r.library_key for r in self.model.records if r.library_key}

    def add_own(self) -> None:
        text = self.own.text().strip()
        if not text or self.session is None:
            return
        rule = GroundRule(self.session.id, text, RuleOrigin.GROUP)
        if self.undoable.run(AddRecord(rule, "Add the group's own rule")):
            self.own.setText("")  # unlike clear(), also forgets the box's own undo history
            select_row(self.view, self.model.row_of(rule.id))

    def add_from_library(self, item: QListWidgetItem | None = None) -> None:
        item = item or self.library.currentItem()
        if item is None or self.session is None:
            return
        key = item.data(KeyRole)
        if key in self._chosen_keys() or (key is None and item.data(TextRole) in {r.text for r in self.model.records}):
            self.undoable.hub.notice.emit("That rule is already in this session.")
            return
        origin = RuleOrigin.LIBRARY if key else RuleOrigin.GROUP  # the group's own, reused
        rule = GroundRule(self.session.id, item.data(TextRole), origin, key)
        if self.undoable.run(AddRecord(rule, "Add ground rule")):
            select_row(self.view, self.model.row_of(rule.id))

    def add_all_defaults(self) -> None:
        if self.session is None:
            return
        chosen = self._chosen_keys()
        missing = [r for r in ground_rule_library() if r.key not in chosen]
        if not missing:
            self.undoable.hub.notice.emit("Every library rule is already in this session.")
            return
        adds = [
            AddRecord(GroundRule(self.session.id, rule.text, RuleOrigin.LIBRARY, rule.key), "Add ground rule")
            for rule in missing
        ]
        self.undoable.run(Together(f"Add {len(missing)} ground rules", adds), source=self)
