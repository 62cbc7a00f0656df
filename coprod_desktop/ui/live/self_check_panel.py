"""The end-of-session self-check: where the session sat on the ladder of co-production,
by show of hands beside the facilitator's own rating, and short checks against tokenism."""

from __future__ import annotations

from PySide6.QtWidgets import QButtonGroup, QGridLayout, QLabel, QRadioButton, QVBoxLayout

from coprod_desktop.app import room
from coprod_desktop.domain.records import SelfCheck
from coprod_desktop.domain.values import LADDER_CREDIT, LadderRung, TokenismCheck
from coprod_desktop.language import _
from coprod_desktop.ui.colours import hint as quiet
from coprod_desktop.ui.inputs import ComboBox, SpinBox
from coprod_desktop.ui.live.panel import LivePanel

ANSWERS = ("", "yes", "no")  # as kept in the record, never shown


class SelfCheckPanel(LivePanel):
    watches = (SelfCheck,)

    def __init__(self, undoable, parent=None):
        super().__init__(undoable, parent)
        self.hands = {rung: SpinBox(maximum=999) for rung in LadderRung}
        self.rating = ComboBox()
        self.rating.addItem(_("Not rated yet"), None)
        for rung in LadderRung:
            self.rating.addItem(rung.label, rung.value)
        self.checks: dict[TokenismCheck, dict[str, QRadioButton]] = {}
        self._groups: dict[TokenismCheck, QButtonGroup] = {}
        self._rungs: dict[LadderRung, QLabel] = {}
        self._questions: dict[TokenismCheck, QLabel] = {}
        grid = QGridLayout()
        ladder = _("<b>Ladder of co-production</b> (hands raised for each rung, lowest first)")
        grid.addWidget(QLabel(ladder), 0, 0, 1, 3)
        for row, rung in enumerate(LadderRung, start=1):
            self._rungs[rung] = QLabel(buddy=self.hands[rung])
            grid.addWidget(self._rungs[rung], row, 0)
            grid.addWidget(self.hands[rung], row, 1)
            self.hands[rung].valueChanged.connect(self._save_hands)
        grid.addWidget(QLabel(_("Your own rating:"), buddy=self.rating), 8, 0)
        self.rating.setAccessibleName(_("Your own rating of the session on the ladder"))
        grid.addWidget(self.rating, 8, 1)
        self.rating.activated.connect(self._save_rating)
        self.credit = QLabel()
        quiet(self.credit)
        grid.addWidget(self.credit, 9, 0, 1, 3)
        row = 10
        grid.addWidget(QLabel(_("<b>Checks against tokenism</b>")), row, 0, 1, 3)
        for check in TokenismCheck:
            row += 1
            self._questions[check] = QLabel()
            grid.addWidget(self._questions[check], row, 0)
            group = QButtonGroup(self)
            buttons = {}
            for col, answer in enumerate(("yes", "no"), start=1):
                b = QRadioButton()
                group.addButton(b)
                grid.addWidget(b, row, col)
                b.clicked.connect(lambda _=False, c=check, a=answer: self._save_answer(c, a))
                buttons[answer] = b
            self.checks[check] = buttons
            self._groups[check] = group
        layout = QVBoxLayout(self)
        layout.addLayout(grid)
        layout.addStretch(1)
        self._name_all()

    def _name_all(self) -> None:
        """The rungs, the checks and their answers named in the language now."""
        for row, rung in enumerate(LadderRung, start=1):
            self._rungs[rung].setText(f"{row}. {rung.label}")
            self.hands[rung].setAccessibleName(_("Hands raised for rung {n}: {rung}").format(n=row, rung=rung.label))
        for index, rung in enumerate(LadderRung, start=1):
            self.rating.setItemText(index, rung.label)
        self.rating.setItemText(0, _("Not rated yet"))
        self.credit.setText(_(LADDER_CREDIT))
        for check, buttons in self.checks.items():
            self._questions[check].setText(check.label)
            buttons["yes"].setText(_("Yes"))
            buttons["yes"].setAccessibleName(_("{question} yes").format(question=check.label))
            buttons["no"].setText(_("No"))
            buttons["no"].setAccessibleName(_("{question} no").format(question=check.label))

    def retranslate(self) -> None:
        self._name_all()

    def current(self) -> SelfCheck | None:
        return self.archive.self_check(self.session.id) if self.session else None

    def fill(self) -> None:
        check = self.current()
        counts = check.ladder_counts if check else (0,) * 7
        for rung, n in zip(LadderRung, counts):
            spin = self.hands[rung]
            spin.blockSignals(True)
            spin.setValue(n)
            spin.blockSignals(False)
        self.rating.setCurrentIndex(
            max(0, self.rating.findData(check.facilitator_rung.value if check and check.facilitator_rung else None))
        )
        given = room.answers(check)
        for c, buttons in self.checks.items():
            group = self._groups[c]
            group.setExclusive(False)  # an exclusive group will not show "not answered"
            for answer, b in buttons.items():
                b.setChecked(given.get(c.value) == answer)
            group.setExclusive(True)

    def _change(self, **fields) -> None:
        edit = room.self_check(self.archive, self.session.id, **fields)
        if edit is not None:
            self.undoable.run(edit, source=self)

    def _save_hands(self, *_):
        if self.session is not None:
            self._change(ladder_counts=tuple(self.hands[r].value() for r in LadderRung))

    def _save_rating(self, *_):
        value = self.rating.currentData()
        self._change(facilitator_rung=LadderRung(value) if value else None)

    def _save_answer(self, check: TokenismCheck, answer: str) -> None:
        self._change(answers=room.with_answer(self.current(), check.value, answer))
