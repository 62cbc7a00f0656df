from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QToolButton


class MessageBar(QFrame):
    """A non-modal banner for problems: the room keeps going while it is read."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("messageBar")
        self.setStyleSheet(
            "#messageBar { background: #fdecea; border: 1px solid #b00020; border-radius: 4px; }"
            "#messageBar QLabel { color: #5f0010; }"
        )
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.PlainText)
        self.label.setTextInteractionFlags(Qt.TextSelectableByMouse)
        close = QToolButton(text="✕")
        close.setAccessibleName("Dismiss message")
        close.clicked.connect(self.hide)
        layout = QHBoxLayout(self)
        layout.addWidget(self.label, 1)
        layout.addWidget(close, 0, Qt.AlignTop)
        self.hide()

    def show_problem(self, title: str, message: str) -> None:
        self.label.setText(f"{title}\n{message}")
        self.setAccessibleDescription(self.label.text())
        self.show()

    def text(self) -> str:
        return self.label.text() if self.isVisible() else ""
