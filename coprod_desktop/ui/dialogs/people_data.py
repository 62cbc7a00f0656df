"""The data-protection dialogs: erasing a person (confirmed by typing their name), and the
groups kept past the period their summaries promised."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from coprod_desktop.domain.records import Participant
from coprod_desktop.domain.retention import Kept
from coprod_desktop.domain.wording import long_date
from coprod_desktop.language import _


@dataclass(frozen=True)
class EraseChoice:
    typed_name: str
    delete_words: bool


def _plain(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextFormat(Qt.PlainText)  # names are shown as typed, "<b>" and all
    return label


def _same(name: str, typed: str) -> bool:
    return " ".join(typed.split()).casefold() == " ".join(name.split()).casefold() != ""


class EraseDialog(QDialog):
    """Says plainly that erasure cannot be undone; Erase is enabled only once the name is
    typed. For a person it also asks whether what they said is deleted or kept unlinked."""

    def __init__(self, parent: QWidget | None, name: str, explanation: str, *, ask_about_words: bool):
        super().__init__(parent)
        self.setWindowTitle(_("Erase {name}").format(name=name))
        self.typed = QLineEdit()
        self.typed.setAccessibleName(_("Type the name to confirm"))
        self.delete_words = QRadioButton(_("&Delete everything they said"))
        self.anonymise = QRadioButton(_("&Keep what they said, with nothing linking it to them"))
        self.delete_words.setChecked(True)
        buttons = QDialogButtonBox(QDialogButtonBox.Cancel)
        self.erase = buttons.addButton(_("Erase for good"), QDialogButtonBox.DestructiveRole)
        self.erase.setEnabled(False)
        self.erase.clicked.connect(self.accept)
        buttons.rejected.connect(self.reject)
        buttons.button(QDialogButtonBox.Cancel).setDefault(True)
        self.typed.textChanged.connect(lambda text: self.erase.setEnabled(_same(name, text)))

        layout = QVBoxLayout(self)
        layout.addWidget(_plain(_("{explanation}\n\nThis cannot be undone.").format(explanation=explanation)))
        if ask_about_words:
            layout.addWidget(self.delete_words)
            layout.addWidget(self.anonymise)
        typed = QLabel(_("&Type {name} to confirm:").format(name=name.replace("&", "&&")), buddy=self.typed)
        layout.addWidget(typed)
        layout.addWidget(self.typed)
        layout.addWidget(buttons)
        self.typed.setFocus()

    def choice(self) -> EraseChoice:
        return EraseChoice(self.typed.text(), self.delete_words.isChecked())

    @classmethod
    def ask_person(cls, parent: QWidget | None, person: Participant) -> EraseChoice | None:
        explanation = _(
            "This removes {name} from the roster and from every session's record: "
            "their attendance, support needs and consent, and their name wherever it was written. "
            "Actions they owned are kept without an owner. The search index, the undo history and "
            "the safety copies made before updates are cleared of them too."
        ).format(name=person.preferred_name)
        dialog = cls(parent, person.preferred_name, explanation, ask_about_words=True)
        return dialog.choice() if dialog.exec() == QDialog.Accepted else None

    @classmethod
    def ask_group(cls, parent: QWidget | None, group_name: str) -> str | None:
        """The name typed, or None if cancelled."""
        explanation = _(
            "This erases {name}: every session, everyone on its roster and everything they "
            "said, from the archive, its search index, the undo history and the safety copies."
        ).format(name=group_name)
        dialog = cls(parent, group_name, explanation, ask_about_words=False)
        return dialog.typed.text() if dialog.exec() == QDialog.Accepted else None


class FolderChoice:
    @classmethod
    def ask(cls, parent: QWidget | None, title: str) -> Path | None:
        folder = QFileDialog.getExistingDirectory(parent, title)
        return Path(folder) if folder else None


class KeptTooLong(QDialog):
    """At start: the groups past their period. Nothing is erased unless the facilitator picks
    a group and confirms again."""

    def __init__(self, parent: QWidget | None, overdue: list[Kept]):
        super().__init__(parent)
        self.setWindowTitle(_("Notes kept past their time"))
        self.list = QListWidget()
        self.list.setAccessibleName(_("Groups kept past their period"))
        self.overdue = overdue
        for kept in overdue:
            item = QListWidgetItem()
            item.setData(Qt.UserRole, kept.group.id)
            self.list.addItem(item)
        self.retranslate()
        self.list.setCurrentRow(0)
        buttons = QDialogButtonBox()
        self.erase = buttons.addButton(_("&Erase the selected group…"), QDialogButtonBox.DestructiveRole)
        later = buttons.addButton(_("&Later"), QDialogButtonBox.RejectRole)
        later.setDefault(True)
        self.erase.clicked.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(
            _plain(
                _(
                    "The summaries given to these groups promised their notes would be kept only for a set "
                    "time after the last meeting. That time has passed. Erase a group to keep the promise, "
                    "or change its period on the group's page if the group is still going."
                )
            )
        )
        layout.addWidget(self.list)
        layout.addWidget(buttons)

    def retranslate(self) -> None:
        """Each group's line (its dates), again in the language now in use."""
        for row, kept in enumerate(self.overdue):
            line = _("{group}: last met {last}, to be kept until {until}").format(
                group=kept.group.name, last=long_date(kept.last_meeting), until=long_date(kept.until)
            )
            self.list.item(row).setText(line)

    @classmethod
    def ask(cls, parent: QWidget | None, overdue: list[Kept]) -> str | None:
        """The id of the group to erase, or None."""
        dialog = cls(parent, overdue)
        if dialog.exec() != QDialog.Accepted or dialog.list.currentItem() is None:
            return None
        return dialog.list.currentItem().data(Qt.UserRole)
