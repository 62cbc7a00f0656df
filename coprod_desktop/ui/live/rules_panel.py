"""Ground rules on hand; pointing to one logs a reminder (time and rule, never a person)."""

from __future__ import annotations

from collections import Counter

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QPushButton, QVBoxLayout

from coprod_desktop.app import room
from coprod_desktop.app.deck import NotLive
from coprod_desktop.app.room import REMINDER
from coprod_desktop.domain.records import GroundRule, SessionEvent
from coprod_desktop.domain.values import SessionState
from coprod_desktop.language import _
from coprod_desktop.ui.live.panel import LivePanel

RuleRole = Qt.UserRole + 1


class RulesPanel(LivePanel):
    watches = (SessionEvent, GroundRule)

    def __init__(self, undoable, parent=None):
        super().__init__(undoable, parent)
        self.list = QListWidget()
        self.list.setWordWrap(True)
        self.list.setAccessibleName(_("Ground rules"))
        self.list.itemActivated.connect(lambda _item: self.point())
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(
                _(
                    "Ground rules. Enter points to the selected one: the time and the rule\n"
                    "are noted, never who it was about."
                )
            )
        )
        layout.addWidget(self.list, 1)
        self.point_button = QPushButton(_("Point &to this rule"), clicked=self.point)
        layout.addWidget(self.point_button)

    def fill(self) -> None:
        counts = Counter(e.detail for e in self.archive.events(self.session.id, REMINDER))
        row = self.list.currentRow()
        self.list.clear()
        for n, rule in enumerate(self.archive.ground_rules(self.session.id), start=1):
            times = counts.get(rule.text, 0)
            words = _("{n}. {rule}   (pointed to {times}×)") if times else "{n}. {rule}"
            item = QListWidgetItem(words.format(n=n, rule=rule.text, times=times))
            item.setData(RuleRole, rule)
            self.list.addItem(item)
        self.list.setCurrentRow(max(0, min(row, self.list.count() - 1)))
        self.point_button.setEnabled(self.session.state is SessionState.LIVE)

    def point(self) -> None:
        item = self.list.currentItem()
        if item is None or self.session is None:
            return
        try:
            edit = room.point_to_rule(self.archive, self.session.id, item.data(RuleRole))
        except NotLive as error:
            self.undoable.hub.notice.emit(str(error))
            return
        if self.undoable.run(edit, source=self):
            self.undoable.hub.notice.emit(_("Noted: the group was reminded of a ground rule."))
