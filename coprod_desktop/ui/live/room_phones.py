"""The projector's corner for phones: the QR code and address to join while the room is
open to phones, and the round being answered: how many have answered, and the answers
only once the facilitator reveals them."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from coprod_desktop.app.changes import Change
from coprod_desktop.app.phone_room import answered, round_title
from coprod_desktop.domain import rounds
from coprod_desktop.domain.records import PhoneRound, RoundAnswer
from coprod_desktop.language import LANGUAGES, _, speaking
from coprod_desktop.ui.qr import qr_pixmap


class RoomPhones(QWidget):
    def __init__(self, door, archive, hub, both_languages: Callable[[], bool] = lambda: False, parent=None):
        super().__init__(parent)
        self.door, self.archive, self.both_languages = door, archive, both_languages
        self.session_id: str | None = None
        self.qr = QLabel()
        self.qr.setAlignment(Qt.AlignCenter)
        self.join = QLabel()
        self.round = QLabel()
        for label in (self.join, self.round):
            label.setWordWrap(True)
            label.setTextFormat(Qt.PlainText)
            label.setStyleSheet("color: #ffffff;")
            label.setAlignment(Qt.AlignTop | Qt.AlignLeft)
        self.round.setAccessibleName(_("The round for phones"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.qr)
        layout.addWidget(self.join)
        layout.addWidget(self.round, 1)
        if door is not None:
            door.opened.connect(self._on_opened)  # a method, not a lambda: let go when this is deleted
            door.closed.connect(self.refresh)
        hub.changed.connect(self._on_changed)
        self.setVisible(False)

    def _on_opened(self, _url: str) -> None:
        self.refresh()

    def show_session(self, session_id: str | None) -> None:
        self.session_id = session_id
        self.refresh()

    def _on_changed(self, change: Change) -> None:
        if getattr(self.window(), "locked", False):
            return
        if change.everything or change.touches(PhoneRound, RoundAnswer):
            self.refresh()

    def refresh(self) -> None:
        """What to show now; nothing at all while the room is closed to phones and no round was opened."""
        is_open = self.door is not None and self.door.is_open and self.door.session_id == self.session_id
        px = max(120, int(self.window().height() * 0.28))
        if is_open:
            url = self.door.join_url
            self.qr.setPixmap(qr_pixmap(url, px))
            self.qr.setAccessibleName(_("QR code to join: {address}").format(address=url))
            join = self._in_both(lambda: [_("Join from your phone: connect to the laptop's Wi-Fi, then scan.")])
            self.join.setText("\n".join([*join, url]))
        self.qr.setVisible(is_open)
        self.join.setVisible(is_open)
        lines = self._in_both(self._round_lines)
        self.round.setText("\n".join(lines))
        self.round.setVisible(bool(lines))
        font = QFont(self.round.font())
        font.setPixelSize(max(14, int(self.window().height() * 0.035)))
        for label in (self.join, self.round):
            label.setFont(font)
        self.setVisible(is_open or bool(lines))

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if self.door is not None and self.door.is_open and self.qr.isVisible():
            px = max(120, int(self.window().height() * 0.28))
            if abs(self.qr.pixmap().height() - px) > px // 4:  # the projector's window was resized
                self.qr.setPixmap(qr_pixmap(self.door.join_url, px))

    def _in_both(self, lines: Callable[[], list[str]]) -> list[str]:
        """``lines`` in the language spoken, or, while the room view shows both (L), each
        line in Welsh and English (Welsh first; the same once where they read alike)."""
        if not self.both_languages():
            return lines()
        said = []
        for code in LANGUAGES:
            with speaking(code):
                said.append(lines())
        return [" · ".join(dict.fromkeys(parts)) for parts in zip(*said, strict=True)]

    def _round_lines(self) -> list[str]:
        if self.session_id is None:
            return []
        found = self.archive.phone_rounds(self.session_id)
        r = found[-1] if found else None
        if r is None or (r.closed_at is not None and r.revealed_at is None):
            return []
        answers = self.archive.round_answers(r.id)
        lines = [round_title(r), answered(len(answers))]
        if r.revealed_at is not None:
            lines += rounds.results_in_words(r.kind, rounds.tally(r.kind, answers))
        return lines
