"""What the window shows while locked: nothing of the archive, only the way back in."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QCheckBox, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from coprod_desktop.domain.text import shorten
from coprod_desktop.language import _
from coprod_desktop.ui.colours import ERROR, text_colour
from coprod_desktop.ui.dialogs.passphrase import caps_lock_warning


class LockScreen(QWidget):
    unlockRequested = Signal(str)

    def __init__(self, archive_name: str = "", parent=None):
        """``archive_name`` the file's name; empty when the archive has none to show."""
        super().__init__(parent)
        self.setAccessibleName(_("coprod-desktop is locked"))
        title = QLabel(_("<h2>coprod-desktop is locked</h2>"))
        title.setAlignment(Qt.AlignCenter)
        self.archive_name = shorten(archive_name, 40) if archive_name else ""
        self.note = QLabel()
        self.note.setTextFormat(Qt.PlainText)
        self.note.setAlignment(Qt.AlignCenter)
        self.edit = QLineEdit()
        self.edit.setEchoMode(QLineEdit.Password)
        self.edit.setAccessibleName(_("Passphrase"))
        self.problem = QLabel()
        text_colour(self.problem, ERROR)
        self.caps = caps_lock_warning(self.edit)
        show = QCheckBox(_("&Show the passphrase"))
        show.toggled.connect(lambda on: self.edit.setEchoMode(QLineEdit.Normal if on else QLineEdit.Password))
        self.unlock = QPushButton(_("&Unlock"))
        self.unlock.setDefault(True)
        self.unlock.clicked.connect(self._unlock)
        self.edit.returnPressed.connect(self._unlock)
        label = QLabel(_("&Passphrase:"), buddy=self.edit)

        self.problem.setWordWrap(True)
        column = QWidget()
        column.setFixedWidth(440)  # word-wrapped labels need a width to wrap to
        inner = QVBoxLayout(column)
        for widget in (title, self.note, label, self.edit, self.caps, self.problem, show):
            inner.addWidget(widget)
        inner.addWidget(self.unlock, 0, Qt.AlignRight)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(column, 0, Qt.AlignHCenter)
        layout.addStretch(2)
        self._refused = False
        self.retranslate()

    def retranslate(self) -> None:
        """The words built around the archive's name, again in the language now in use."""
        if self.archive_name:
            note = _("{name} is hidden until its passphrase is typed.\nNothing has been lost.")
            self.note.setText(note.format(name=self.archive_name))
        else:
            self.note.setText(_("The archive is hidden until its passphrase is typed.\nNothing has been lost."))
        if self._refused:
            self.problem.setText(_("That is not the passphrase. Check it (is Caps Lock on?) and try again."))

    def _unlock(self) -> None:
        self.unlockRequested.emit(self.edit.text())

    def refuse(self) -> None:
        self._refused = True
        self.retranslate()
        self.edit.selectAll()
        self.edit.setFocus()
