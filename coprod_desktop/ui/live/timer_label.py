"""The run view's big timer: time left on the item, coloured by how much is left."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel

from coprod_desktop.domain.timing import Band

BAND_STYLE = {
    Band.NOT_STARTED: "color: #555;",
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
        self.setAccessibleName("Time left on this item")
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * 3.2)
        font.setBold(True)
        font.setStyleHint(QFont.Monospace)
        self.setFont(font)

    def show_time(self, text: str, band: Band) -> None:
        if self.text() != text:
            self.setText(text)
        style = BAND_STYLE[band] + " border-radius: 6px; padding: 6px;"
        if self.styleSheet() != style:
            self.setStyleSheet(style)
            self.setAccessibleDescription(band.value)
        self.band = band
