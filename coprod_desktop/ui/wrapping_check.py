"""A check box whose words wrap, for narrow panes.

Qt's QCheckBox never wraps its text, so one long sentence made the run view's tools scroll
sideways at 1024×600. Here the box is a real QCheckBox, named with the words (what a screen
reader says); the words beside it are a label that wraps and, clicked, ticks the box.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QSizePolicy, QWidget


class _Words(QLabel):
    def __init__(self, text: str, box: QCheckBox) -> None:
        super().__init__(text)
        self.box = box
        self.setWordWrap(True)
        self.setTextFormat(Qt.PlainText)
        self.setSizePolicy(QSizePolicy.Preferred, QSizePolicy.Minimum)

    def mouseReleaseEvent(self, event) -> None:
        if event.button() == Qt.LeftButton and self.box.isEnabled():
            self.box.toggle()
            self.box.setFocus(Qt.MouseFocusReason)
        super().mouseReleaseEvent(event)


class WrappingCheck(QWidget):
    """``box`` is the QCheckBox; ``toggled``, ``isChecked`` and ``setChecked`` are its own."""

    def __init__(self, text: str, parent=None) -> None:
        super().__init__(parent)
        self.box = QCheckBox()
        self.box.setAccessibleName(text)
        self.words = _Words(text, self.box)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.box, 0, Qt.AlignTop)
        layout.addWidget(self.words, 1)
        self.toggled = self.box.toggled
        self.isChecked, self.setChecked = self.box.isChecked, self.box.setChecked
