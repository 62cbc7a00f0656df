"""The projector's corner for phones: the QR code and address to join while the room is
open to phones, and the round being answered: how many have answered, and the answers
only once the facilitator reveals them.

It lays itself out in whatever space the room view gives it (a small projector, a scaled
screen): the QR code takes a share of the height (less while a round is on screen), and
the words take the largest size at which every line fits in the rest. Never a least size
that would squeeze the card or the title above it."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel, QWidget

from coprod_desktop.app.changes import Change
from coprod_desktop.app.phone_room import answered, round_title
from coprod_desktop.domain import rounds
from coprod_desktop.domain.records import PhoneRound, RoundAnswer
from coprod_desktop.language import _, in_both
from coprod_desktop.ui.qr import qr_pixmap

SMALLEST = 12  # pixels: the words' least size, on a small projector in both languages
SMALLEST_QR = 72  # pixels: two a module for a join address's code, still read across a room


class RoomPhones(QWidget):
    round_shown = Signal(bool)  # a round's lines came on screen, or went: it wants more room, or less

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
        for child in (self.qr, self.join, self.round):
            child.setParent(self)  # placed by _fit, not by a layout
        self._qr_for: tuple[str, int] = ("", 0)
        self.round_on = False
        if door is not None:
            door.opened.connect(self._on_opened)  # a method, not a lambda: let go when this is deleted
            door.closed.connect(self.refresh)
            door.taken_off.connect(self.refresh)
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
        if is_open:
            url = self.door.join_url
            self.qr.setAccessibleName(_("QR code to join: {address}").format(address=url))
        self.qr.setVisible(is_open)
        self.join.setVisible(is_open)
        lines = self._in_both(self._round_lines)
        if is_open:  # while a round is on screen, the address alone: its answers need the room
            join = [] if lines else self._in_both(self._how_to_join)
            self.join.setText("\n".join([*join, url]))
        self.round.setText("\n".join(lines))
        self.round.setVisible(bool(lines))
        if self.round_on != bool(lines):
            self.round_on = bool(lines)
            self.round_shown.emit(self.round_on)
        self.setVisible(is_open or bool(lines))
        self._fit()

    def sizeHint(self) -> QSize:
        return QSize(240, 240)

    def minimumSizeHint(self) -> QSize:
        return QSize(120, 120)  # what it shows is fitted to what it gets

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        width, height = self.width(), self.height()
        top = 0
        labels = [label for label in (self.join, self.round) if label.isVisibleTo(self)]
        if self.qr.isVisibleTo(self):
            share = 0.34 if self.round.isVisibleTo(self) else 0.6  # a round's answers come first
            words = sum(self._text_height(label, SMALLEST, width) + 6 for label in labels)
            px = max(SMALLEST_QR, min(width, int(height * share), height - words - 6))
            url = self.door.join_url
            if self._qr_for[0] != url or abs(self._qr_for[1] - px) > px // 8:
                self.qr.setPixmap(qr_pixmap(url, px))
                self._qr_for = (url, px)
            self.qr.setGeometry(0, 0, width, self.qr.pixmap().height())
            top = self.qr.height() + 6
        if not labels:
            return
        size = self._largest_size(labels, width, height - top - 6 * (len(labels) - 1))
        for label in labels:
            needed = self._text_height(label, size, width)  # the label left at that size
            label.setGeometry(0, top, width, needed)
            top += needed + 6

    @staticmethod
    def _text_height(label: QLabel, px: int, width: int) -> int:
        """How tall ``label`` is at ``px`` pixels, wrapped to ``width``, by its own reckoning."""
        font = QFont(label.font())
        if font.pixelSize() != px:
            font.setPixelSize(px)
            label.setFont(font)
        return label.heightForWidth(max(1, width))

    def _largest_size(self, labels: list[QLabel], width: int, room: int) -> int:
        """The largest pixel size (SMALLEST at least, a twentieth of the height at most) at which
        every label's words, wrapped to ``width``, fit in ``room``."""
        low, high = SMALLEST, max(SMALLEST, self.window().height() // 20)
        while low < high:
            mid = (low + high + 1) // 2
            if sum(self._text_height(label, mid, width) for label in labels) <= room:
                low = mid
            else:
                high = mid - 1
        return low

    def _in_both(self, lines: Callable[[], list[str]]) -> list[str]:
        """``lines`` in the language spoken, or in both while the room view shows both (L)."""
        return in_both(lines) if self.both_languages() else lines()

    @staticmethod
    def _how_to_join() -> list[str]:
        return [_("Join from your phone: connect to the laptop's Wi-Fi, then scan.")]

    def _round_lines(self) -> list[str]:
        if self.session_id is None:
            return []
        found = self.archive.phone_rounds(self.session_id)
        r = found[-1] if found else None
        if r is None or (r.closed_at is not None and r.revealed_at is None):
            return []
        if self.door is not None and r.id in self.door.off_room_view:
            return []
        answers = self.archive.round_answers(r.id)
        lines = [round_title(r), answered(len(answers))]
        if r.revealed_at is not None:
            lines += rounds.results_in_words(r.kind, rounds.tally(r.kind, answers))
        return lines
