"""Edit what came from a phone before it goes into the record: the words only (who it is
from stays as the sender chose)."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPlainTextEdit, QVBoxLayout

from coprod_desktop.language import _


class EditPost(QDialog):
    def __init__(self, parent, text: str):
        super().__init__(parent)
        self.setWindowTitle(_("Edit and accept"))
        self.text = QPlainTextEdit(text)
        self.text.setAccessibleName(_("What was sent"))
        label = QLabel(_("&What was sent (who it is from stays as the sender chose):"))
        label.setWordWrap(True)
        label.setBuddy(self.text)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.button(QDialogButtonBox.Ok).setText(_("&Accept"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.text)
        layout.addWidget(buttons)

    @classmethod
    def ask(cls, parent, text: str) -> str | None:
        dialog = cls(parent, text)
        if dialog.exec() != QDialog.Accepted:
            return None
        return dialog.text.toPlainText().strip() or None


class PersonalCodes(QDialog):
    """The codes to hand out, one a person, privately."""

    def __init__(self, parent, pairs: list[tuple[str, str]]):
        super().__init__(parent)
        self.setWindowTitle(_("Personal codes"))
        told = QLabel(
            _(
                "Give each person their own code, quietly. With it they can send things from their phone "
                "as themselves; without it, everything is anonymous. Only people who chose to be named "
                "have a code. A new set is made each time the room opens to phones."
            )
        )
        told.setWordWrap(True)
        self.codes = QPlainTextEdit(
            "\n".join(f"{name}: {code}" for name, code in pairs) or _("No one here has a code.")
        )
        self.codes.setReadOnly(True)
        self.codes.setAccessibleName(_("Personal codes"))
        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(told)
        layout.addWidget(self.codes)
        layout.addWidget(buttons)

    @classmethod
    def ask(cls, parent, pairs: list[tuple[str, str]]) -> None:
        cls(parent, pairs).exec()
