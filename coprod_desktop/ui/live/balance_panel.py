"""Who has been heard so far, for the facilitator's eyes only (never on the room view)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout

from coprod_desktop.domain import privacy
from coprod_desktop.domain.balance import balance
from coprod_desktop.domain.records import Attendance, Contribution, Participant
from coprod_desktop.domain.values import Role
from coprod_desktop.language import _, ngettext
from coprod_desktop.ui.live.panel import LivePanel


class BalancePanel(LivePanel):
    watches = (Contribution, Participant, Attendance)

    def __init__(self, undoable, parent=None):
        super().__init__(undoable, parent)
        self.summary = QLabel()
        self.summary.setTextFormat(Qt.PlainText)
        self.summary.setWordWrap(True)
        self.summary.setAlignment(Qt.AlignTop | Qt.AlignLeft)
        self.summary.setTextInteractionFlags(Qt.TextSelectableByKeyboard | Qt.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(_("For your eyes only: not shown on the room view.")))
        layout.addWidget(self.summary, 1)

    def fill(self) -> None:
        result = balance(self.archive.contribution_counts(self.session.id), self.present)
        total = ngettext("{n} contribution so far", "{n} contributions so far", result.total)
        lines = [total.format(n=result.total), "", _("By role:")]
        for role in [*Role, None]:
            n = result.by_role.get(role, 0)
            if n:
                lines.append(f"  {role.label if role else _(privacy.ANONYMOUS)}: {n}  {'█' * min(n, 40)}")
        lines += ["", _("By person here:")]
        names = {p.id: privacy.person(p, privacy.Audience.FACILITATOR) for p in self.present}
        for pid, n in sorted(result.by_person.items(), key=lambda kv: -kv[1]):
            lines.append(f"  {names[pid]}: {n}  {'█' * min(n, 40)}")
        unheard = ", ".join(names[pid] for pid in result.unheard)
        lines += [
            "",
            _("Not heard yet: {names}").format(names=unheard)
            if unheard
            else _("Not heard yet: everyone here has spoken"),
        ]
        self.summary.setText("\n".join(lines))
