"""The run view's big timer: time left on the item, coloured by how much is left."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent, QFont
from PySide6.QtWidgets import QLabel

from coprod_desktop.domain.timing import BAND_WORDS, Band, spoken_time

BAND_STYLE = {
    Band.NOT_STARTED: "color: palette(window-text);",  # any palette, dark too
    Band.NORMAL: "color: #0b3d0b; background: #e6f4e6;",
    Band.AMBER: "color: #3d2a00; background: #ffd166;",
    Band.RED: "color: #ffffff; background: #b00020;",
}


class TimerLabel(QLabel):
    def __init__(self, parent=None):
        super().__init__("--:--", parent)
        self.band = Band.NOT_STARTED
        self.setAlignment(Qt.AlignCenter)
        self.setWordWrap(True)  # "paused" goes under the time in a narrow column
        self.setAccessibleName("Time left on this item: no item running")
        self.setAccessibleDescription(BAND_WORDS[Band.NOT_STARTED])
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * 3.2)
        font.setBold(True)
        font.setStyleHint(QFont.Monospace)
        self.setFont(font)

    def show_time(self, text: str, band: Band, *, paused: bool = False) -> None:
        """``text`` on show; a screen reader hears it in words with the state ("3 minutes
        left, nearly out of time, paused"), and is told when it turns amber or red."""
        shown = text + ("  (paused)" if paused else "")
        if self.text() != shown:
            self.setText(shown)
            words = spoken_time(text) if text[:1].isdigit() or text.startswith("+") else "no item running"
            self.setAccessibleName(f"Time left on this item: {words}")
        state = BAND_WORDS[band] + (", paused" if paused else "")
        if self.accessibleDescription() != state:
            self.setAccessibleDescription(state)
        style = BAND_STYLE[band] + " border-radius: 6px; padding: 6px;"
        if self.styleSheet() != style:
            self.setStyleSheet(style)
        if band is not self.band and band in (Band.AMBER, Band.RED):
            self._announce(f"{BAND_WORDS[band].capitalize()}: {spoken_time(text)}.")
        self.band = band

    def _announce(self, message: str) -> None:
        event = QAccessibleAnnouncementEvent(self, message)
        event.setPoliteness(QAccessible.AnnouncementPoliteness.Assertive)
        QAccessible.updateAccessibility(event)
