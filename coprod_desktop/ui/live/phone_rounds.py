"""Rounds for the phones: open one (fist of five, consent, a vote, the ladder), close it,
reveal its answers on the room view, and add its counts to a decision or the self-check.
Until revealed, the facilitator sees only how many have answered, as the room does."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout

from coprod_desktop.app import decide, room
from coprod_desktop.app.phone_room import Rounds, answered, decision_from, objections, round_title
from coprod_desktop.domain import rounds
from coprod_desktop.domain.records import PhoneRound, RoundAnswer, SelfCheck
from coprod_desktop.domain.values import RoundKind
from coprod_desktop.language import _
from coprod_desktop.storage import ArchiveError
from coprod_desktop.ui.commands import report_failure
from coprod_desktop.ui.flow_layout import FlowLayout
from coprod_desktop.ui.inputs import ComboBox
from coprod_desktop.ui.live.panel import LivePanel


class RoundsBox(LivePanel):
    watches = (PhoneRound, RoundAnswer)

    def __init__(self, undoable, door=None, parent=None):
        super().__init__(undoable, parent)
        self.steps, self.door = Rounds(undoable.context), door
        self.kind = ComboBox()
        self.kind.setAccessibleName(_("Kind of round"))
        self.question = QLineEdit(placeholderText=_("The question or proposal (optional)"))
        self.question.setAccessibleName(_("The round's question"))
        self.open_button = QPushButton(_("Open round"), clicked=self.open_round)
        self.close_button = QPushButton(_("Close round"), clicked=self.close_round)
        self.reveal_button = QPushButton(_("Reveal on the room view"), clicked=self.reveal)
        self.take_off_button = QPushButton(_("Take off the room view"), clicked=self.take_off)
        self.decision_button = QPushButton(_("Add to a decision…"), clicked=self.to_decision)
        self.ladder_button = QPushButton(_("Add to the self-check"), clicked=self.to_self_check)
        self.state = QLabel()
        self.state.setWordWrap(True)
        self.state.setTextFormat(Qt.PlainText)
        self.state.setAccessibleName(_("The round"))
        self._name_kinds()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addWidget(QLabel(_("<b>A round for the phones</b>")))
        row = QHBoxLayout()
        row.addWidget(QLabel(_("Kind:"), buddy=self.kind))
        row.addWidget(self.kind, 1)
        layout.addLayout(row)
        layout.addWidget(self.question)
        buttons = FlowLayout()
        shown = (self.open_button, self.close_button, self.reveal_button, self.take_off_button)
        for b in (*shown, self.decision_button, self.ladder_button):
            buttons.addWidget(b)
        layout.addLayout(buttons)
        layout.addWidget(self.state)
        self.current: PhoneRound | None = None
        self._open = False

    def set_open(self, is_open: bool) -> None:
        """Rounds only while the room is open to phones (what was answered stays readable)."""
        self._open = is_open
        self.refresh()

    def _name_kinds(self) -> None:
        chosen = self.kind.currentData()
        self.kind.clear()
        for k in RoundKind:
            self.kind.addItem(k.label, k.value)
        self.kind.setCurrentIndex(max(0, self.kind.findData(chosen)))

    def retranslate(self) -> None:
        self._name_kinds()
        super().retranslate()

    def fill(self) -> None:
        found = self.archive.phone_rounds(self.session.id)
        self.current = found[-1] if found else None
        r = self.current
        is_open = r is not None and r.closed_at is None
        for widget in (self.kind, self.question, self.open_button):
            widget.setEnabled(self._open)
        self.close_button.setEnabled(is_open)
        self.reveal_button.setEnabled(r is not None and r.closed_at is not None and r.revealed_at is None)
        on_room_view = r is not None and r.revealed_at is not None and self.door is not None
        self.take_off_button.setEnabled(on_room_view and r.id not in self.door.off_room_view)
        self.decision_button.setEnabled(r is not None and r.kind in rounds.METHOD)
        self.ladder_button.setEnabled(r is not None and r.kind is RoundKind.LADDER)
        if r is None:
            self.state.setText(_("No round yet."))
            return
        answers = self.archive.round_answers(r.id)
        head = _("Open: {round}") if is_open else _("Closed: {round}")
        lines = [head.format(round=round_title(r)), answered(len(answers))]
        if r.revealed_at is None:
            lines.append(_("The answers stay hidden until you reveal them."))
        else:
            lines += rounds.results_in_words(r.kind, rounds.tally(r.kind, answers))
            lines += [_("Objection: {reason}").format(reason=why) for why in objections(answers)]
        self.state.setText("\n".join(lines))

    def _step(self, step) -> None:
        """A round's step: its notice, or what went wrong said plainly (nothing half done)."""
        try:
            change = step()
        except (ArchiveError, ValueError) as error:
            report_failure(self.undoable.hub, error)
            return
        if change is not None:
            self.undoable.hub.announce(change)

    def open_round(self) -> None:
        if self.session is None:
            return
        item, kind = self.session.current_item_id, RoundKind(self.kind.currentData())
        self._step(lambda: self.steps.open(self.session.id, kind, self.question.text(), item)[1])
        self.question.clear()

    def close_round(self) -> None:
        if self.session is not None:
            self._step(lambda: self.steps.close(self.session.id))

    def reveal(self) -> None:
        """Only once the round has closed: while answers still come, the room would see who
        answered what as they tap."""
        if self.current is not None and self.current.closed_at is not None:
            found = self.current
            self._step(lambda: self.steps.reveal(found.id))

    def take_off(self) -> None:
        """The revealed answers off the projector, the ground rules back; the next round
        shows as it opens."""
        if self.current is not None and self.door is not None:
            self.door.take_off_room_view(self.current.id)
            self.refresh()

    def to_decision(self) -> None:
        from coprod_desktop.ui.dialogs.decision import DecisionDialog

        r = self.current
        if r is None or r.kind not in rounds.METHOD:
            return
        blank = decision_from(r, self.steps.counts(r))
        contributions = list(reversed(self.archive.recent_contributions(self.session.id, 300)))
        made = DecisionDialog.ask(self, blank, self.present, contributions)
        if made is not None:
            self.undoable.run(decide.record(made), source=self)

    def to_self_check(self) -> None:
        """The ladder round's counts join the hands counted for each rung (once: adding the
        same round again replaces the phones' share)."""
        r = self.current
        if r is None or r.kind is not RoundKind.LADDER:
            return
        check: SelfCheck | None = self.archive.self_check(self.session.id)
        phones = self.steps.counts(r)
        totals, before = (check.ladder_counts, check.phone_ladder_counts) if check else ((), ())
        edit = room.self_check(
            self.archive,
            self.session.id,
            ladder_counts=rounds.ladder_with_phones(totals, before, phones),
            phone_ladder_counts=phones,
        )
        if edit is not None:
            self.undoable.run(edit, source=self)
            self.undoable.hub.notice.emit(_("The phones' answers are in the self-check."))
