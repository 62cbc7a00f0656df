"""Asking for the archive's passphrase at start: calm, with show/hide and a Caps Lock warning."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QCheckBox, QDialog, QDialogButtonBox, QLabel, QLineEdit, QVBoxLayout, QWidget


class _CapsLockWatch(QObject):
    """Caps Lock cannot be read directly on every platform: a capital letter typed without
    Shift (or a small one with it) is the sign."""

    def __init__(self, edit: QLineEdit, warning: QLabel):
        super().__init__(edit)
        self.warning = warning
        edit.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.KeyPress:
            text = event.text()
            if len(text) == 1 and text.isalpha() and text.upper() != text.lower():
                shift = bool(event.modifiers() & Qt.ShiftModifier)
                self.warning.setVisible(text.isupper() != shift)
        return False


class PassphraseDialog(QDialog):
    def __init__(self, parent: QWidget | None, path: Path, problem: str | None):
        super().__init__(parent)
        self.setWindowTitle("Open the archive")
        self.edit = QLineEdit()
        self.edit.setEchoMode(QLineEdit.Password)
        self.edit.setAccessibleName("Passphrase")
        intro = QLabel(
            f"{path.name} is encrypted: what people shared is kept safe if the laptop is lost.\n"
            "Type its passphrase to open it."
        )
        intro.setWordWrap(True)
        intro.setTextFormat(Qt.PlainText)
        self.problem = QLabel(problem or "")
        self.problem.setWordWrap(True)
        self.problem.setTextFormat(Qt.PlainText)
        self.problem.setStyleSheet("color: #b00020;")
        self.problem.setVisible(bool(problem))
        self.caps = QLabel("Caps Lock seems to be on.")
        self.caps.setStyleSheet("color: #8a5a00;")
        self.caps.setVisible(False)
        _CapsLockWatch(self.edit, self.caps)
        show = QCheckBox("&Show the passphrase")
        show.toggled.connect(lambda on: self.edit.setEchoMode(QLineEdit.Normal if on else QLineEdit.Password))
        buttons = QDialogButtonBox(QDialogButtonBox.Open | QDialogButtonBox.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.problem)
        layout.addWidget(QLabel("&Passphrase:", buddy=self.edit))
        layout.addWidget(self.edit)
        layout.addWidget(self.caps)
        layout.addWidget(show)
        layout.addWidget(buttons)

    @classmethod
    def ask(cls, path: Path, problem: str | None = None) -> str | None:
        """The passphrase typed, or None if the facilitator cancelled."""
        dialog = cls(None, path, problem)
        if dialog.exec() != QDialog.Accepted or not dialog.edit.text():
            return None
        return dialog.edit.text()
