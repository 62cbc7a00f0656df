"""Asking for the archive's passphrase at start: calm, with show/hide and a Caps Lock warning."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QInputDialog,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from coprod_desktop.domain.passphrase import strength
from coprod_desktop.language import _
from coprod_desktop.storage.keys import RecoveryCode
from coprod_desktop.ui.colours import ERROR, WARNING, text_colour
from coprod_desktop.ui.fitting import tall_enough


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


def caps_lock_warning(*edits: QLineEdit) -> QLabel:
    """The hidden "Caps Lock seems to be on" line, shown while typing into ``edits`` suggests it."""
    warning = QLabel(_("Caps Lock seems to be on."))
    text_colour(warning, WARNING)
    warning.setVisible(False)
    for edit in edits:
        _CapsLockWatch(edit, warning)
    return warning


class PassphraseDialog(QDialog):
    def __init__(self, parent: QWidget | None, path: Path, problem: str | None):
        super().__init__(parent)
        self.setWindowTitle(_("Open the archive"))
        self.edit = QLineEdit()
        self.edit.setEchoMode(QLineEdit.Password)
        self.edit.setAccessibleName(_("Passphrase"))
        intro = QLabel(
            _(
                "{name} is encrypted: what people shared is kept safe if the laptop is lost.\n"
                "Type its passphrase to open it."
            ).format(name=path.name)
        )
        intro.setWordWrap(True)
        intro.setTextFormat(Qt.PlainText)
        self.problem = QLabel(problem or "")
        self.problem.setWordWrap(True)
        self.problem.setTextFormat(Qt.PlainText)
        text_colour(self.problem, ERROR)
        self.problem.setVisible(bool(problem))
        self.caps = caps_lock_warning(self.edit)
        show = QCheckBox(_("&Show the passphrase"))
        show.toggled.connect(lambda on: self.edit.setEchoMode(QLineEdit.Normal if on else QLineEdit.Password))
        self.remember = QCheckBox(_("Re&member on this laptop (in its keyring)"))
        self.remember.setToolTip(
            _(
                "Opens without asking next time, for whoever logs in as you on this laptop. "
                "Leave it off on a shared laptop. Ctrl+L still asks for the passphrase."
            )
        )
        buttons = QDialogButtonBox(QDialogButtonBox.Open | QDialogButtonBox.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.recovery: RecoveryCode | None = None
        recover = buttons.addButton(_("Use the &recovery key…"), QDialogButtonBox.ActionRole)
        recover.clicked.connect(self._use_recovery_key)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.problem)
        layout.addWidget(QLabel(_("&Passphrase:"), buddy=self.edit))
        layout.addWidget(self.edit)
        layout.addWidget(self.caps)
        layout.addWidget(show)
        layout.addWidget(self.remember)
        layout.addWidget(buttons)

    def _use_recovery_key(self) -> None:
        text, ok = QInputDialog.getText(
            self,
            _("Use the recovery key"),
            _("The recovery key from the printed sheet (spaces and dashes do not matter):"),
        )
        if ok and text.strip():
            self.recovery = RecoveryCode(text)
            self.accept()

    @classmethod
    def ask(cls, path: Path, problem: str | None = None) -> str | RecoveryCode | None:
        """The passphrase typed (or the recovery key), or None if the facilitator cancelled."""
        return cls.ask_remembering(path, problem)[0]

    @classmethod
    def ask_remembering(cls, path: Path, problem: str | None = None) -> tuple[str | RecoveryCode | None, bool]:
        """As ``ask``, and whether to remember the key on this laptop."""
        dialog = cls(None, path, problem)
        if dialog.exec() != QDialog.Accepted:
            return None, False
        return dialog.recovery or dialog.edit.text() or None, dialog.remember.isChecked()


class NewPassphraseDialog(QDialog):
    """Choosing a passphrase: typed twice, with a strength hint; OK only when it will do."""

    def __init__(self, parent: QWidget | None, intro: str):
        super().__init__(parent)
        self.setWindowTitle(_("Choose a passphrase"))
        self.edit, self.again = QLineEdit(), QLineEdit()
        for edit, name in ((self.edit, _("New passphrase")), (self.again, _("New passphrase again"))):
            edit.setEchoMode(QLineEdit.Password)
            edit.setAccessibleName(name)
            edit.textChanged.connect(self._check)
        text = QLabel(
            _(
                "{intro}\n\nIf the passphrase is forgotten, the archive can be opened only with its recovery "
                "key (you can print it next). Without either, no one can read it, including us."
            ).format(intro=intro)
        )
        text.setWordWrap(True)
        text.setTextFormat(Qt.PlainText)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.hint.setAccessibleName(_("Passphrase strength"))
        self.caps = caps_lock_warning(self.edit, self.again)
        show = QCheckBox(_("&Show the passphrase"))
        show.toggled.connect(self._show)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        self.ok = buttons.button(QDialogButtonBox.Ok)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(QLabel(_("&Passphrase:"), buddy=self.edit))
        layout.addWidget(self.edit)
        layout.addWidget(QLabel(_("&Again:"), buddy=self.again))
        layout.addWidget(self.again)
        layout.addWidget(self.hint)
        layout.addWidget(self.caps)
        layout.addWidget(show)
        layout.addWidget(buttons)
        self._check()

    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        tall_enough(self)  # the paragraph about the recovery key, whole

    def _show(self, on: bool) -> None:
        for edit in (self.edit, self.again):
            edit.setEchoMode(QLineEdit.Normal if on else QLineEdit.Password)

    def retranslate(self) -> None:
        """The strength hint, again in the language now in use."""
        self._check()

    def _check(self, *_args) -> None:
        chosen = strength(self.edit.text())
        matches = self.edit.text() == self.again.text()
        if not self.edit.text():
            words = _("Four unrelated words make a strong passphrase that is easy to remember.")
        elif chosen.acceptable and self.again.text() and not matches:
            words = _("{hint} The two do not match yet.").format(hint=chosen.hint)
        else:
            words = chosen.hint
        self.hint.setText(words)
        self.ok.setEnabled(chosen.acceptable and matches)

    @classmethod
    def ask(cls, parent: QWidget | None, intro: str) -> str | None:
        dialog = cls(parent, intro)
        return dialog.edit.text() if dialog.exec() == QDialog.Accepted else None
