from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QToolButton

from coprod_desktop.language import _


class MessageBar(QFrame):
    """A non-modal banner for problems: the room keeps going while it is read.

    A passing problem (a change not saved) goes with the next change; a lasting one
    (the archive is damaged, files were kept aside) stays until it is dismissed."""

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
        close.setAccessibleName(_("Dismiss message"))
        close.clicked.connect(self.dismiss)
        self._lasting: list[str] = []
        self._passing = ""
        layout = QHBoxLayout(self)
        layout.addWidget(self.label, 1)
        layout.addWidget(close, 0, Qt.AlignTop)
        self.hide()

    def show_problem(self, title: str, message: str, *, lasting: bool = False) -> None:
        text = f"{title}\n{message}"
        if not lasting:
            self._passing = text
        elif text not in self._lasting:  # said once, however often it is met
            self._lasting.append(text)
        self._refresh()

    def clear_passing(self) -> None:
        self._passing = ""
        self._refresh()

    def dismiss(self) -> None:
        self._lasting, self._passing = [], ""
        self._refresh()

    def _refresh(self) -> None:
        shown = [*self._lasting, self._passing] if self._passing else self._lasting
        self.label.setText("\n\n".join(shown))
        self.setAccessibleDescription(self.label.text())
        self.setVisible(bool(shown))

    def text(self) -> str:
        return self.label.text() if self.isVisible() else ""
