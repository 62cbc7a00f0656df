"""The run view's big timer: time left on the item, coloured by how much is left."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent, QFont
from PySide6.QtWidgets import QLabel

from coprod_desktop.domain.timing import BAND_WORDS, Band, spoken_time
from coprod_desktop.language import N_, _

BAND_STYLE = {
    Band.NOT_STARTED: "color: palette(window-text);",  # any palette, dark too
    Band.NORMAL: "color: #0b3d0b; background: #e6f4e6;",
    Band.AMBER: "color: #3d2a00; background: #ffd166;",
    Band.RED: "color: #ffffff; background: #b00020;",
}
PAUSED_WORDS = {  # the state of a paused clock, each said whole
    Band.NOT_STARTED: N_("not started, paused"),
    Band.NORMAL: N_("on time, paused"),
    Band.AMBER: N_("nearly out of time, paused"),
    Band.RED: N_("over time, paused"),
}
WARNINGS = {  # what a screen reader is told when the colour turns
    Band.AMBER: N_("Nearly out of time: {time}."),
    Band.RED: N_("Over time: {time}."),
}


class TimerLabel(QLabel):
    def __init__(self, parent=None):
        super().__init__("--:--", parent)
        self.band = Band.NOT_STARTED
        self._time, self._paused = "--:--", False
        self.setAlignment(Qt.AlignCenter)
        self.setWordWrap(True)  # "paused" goes under the time in a narrow column
        self.setAccessibleName(_("Time left on this item: no item running"))
        self.setAccessibleDescription(BAND_WORDS[Band.NOT_STARTED])
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * 3.2)
        font.setBold(True)
        font.setStyleHint(QFont.Monospace)
        self.setFont(font)

    def show_time(self, text: str, band: Band, *, paused: bool = False) -> None:
        """``text`` on show; a screen reader hears it in words with the state ("3 minutes
        left, nearly out of time, paused"), and is told when it turns amber or red."""
        changed = (text, paused) != (self._time, self._paused)
        self._time, self._paused = text, paused
        self._say(band, name_too=changed)
        style = BAND_STYLE[band] + " border-radius: 6px; padding: 6px;"
        if self.styleSheet() != style:
            self.setStyleSheet(style)
        if band is not self.band and band in WARNINGS:
            self._announce(_(WARNINGS[band]).format(time=spoken_time(text)))
        self.band = band

    def _say(self, band: Band, *, name_too: bool = True) -> None:
        """The time on show, its name and its state, in the language now."""
        text = self._time
        shown = _("{time}  (paused)").format(time=text) if self._paused else text
        if self.text() != shown:
            self.setText(shown)
        if name_too:
            if text[:1].isdigit() or text.startswith("+"):
                name = _("Time left on this item: {time}").format(time=spoken_time(text))
            else:
                name = _("Time left on this item: no item running")
            if self.accessibleName() != name:
                self.setAccessibleName(name)
        state = _(PAUSED_WORDS[band]) if self._paused else BAND_WORDS[band]  # BAND_WORDS says it in the language now
        if self.accessibleDescription() != state:
            self.setAccessibleDescription(state)

    def retranslate(self) -> None:
        self._say(self.band)

    def _announce(self, message: str) -> None:
        event = QAccessibleAnnouncementEvent(self, message)
        event.setPoliteness(QAccessible.AnnouncementPoliteness.Assertive)
        QAccessible.updateAccessibility(event)
