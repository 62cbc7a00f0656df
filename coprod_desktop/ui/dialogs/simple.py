from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from coprod_desktop.language import _


class Confirm:
    @classmethod
    def ask(cls, parent: QWidget | None, title: str, text: str, yes: str | None = None) -> bool:
        """``yes`` names the button that goes ahead ("Delete" unless said)."""
        box = QMessageBox(QMessageBox.Warning, title, text, QMessageBox.Cancel, parent)
        box.setTextFormat(Qt.PlainText)  # names are shown as typed, "<b>" and all
        accept = box.addButton(yes or _("Delete"), QMessageBox.DestructiveRole)
        box.setDefaultButton(QMessageBox.Cancel)
        box.exec()
        return box.clickedButton() is accept


def offer(parent: QWidget | None, title: str, text: str, yes: str, no: str, icon=QMessageBox.Question) -> bool:
    """A question with two named answers, ``yes`` the default; True if it was chosen."""
    box = QMessageBox(icon, title, text, QMessageBox.NoButton, parent)
    accept = box.addButton(yes, QMessageBox.AcceptRole)
    box.addButton(no, QMessageBox.RejectRole)
    box.setDefaultButton(accept)
    box.exec()
    return box.clickedButton() is accept


class SampleOffer:
    @classmethod
    def ask(cls, parent: QWidget | None) -> bool:
        return offer(
            parent,
            _("Welcome to coprod-desktop"),
            _(
                "Your archive is empty. Would you like to open a sample group to explore?\n\n"
                "It is a carers' group with two past sessions and one being planned. "
                "You can change or delete it at any time."
            ),
            _("Open the sample group"),
            _("Start empty"),
        )


class ArchiveProblem:
    """Shown when the archive cannot be opened: explain, then let the user choose another."""

    QUIT, CHOOSE = "quit", "choose"

    @classmethod
    def ask(cls, title: str, message: str) -> str:
        box = QMessageBox(QMessageBox.Critical, title, message, QMessageBox.NoButton)
        choose = box.addButton(_("Open or create another archive…"), QMessageBox.AcceptRole)
        box.addButton(_("Quit"), QMessageBox.RejectRole)
        box.setDefaultButton(choose)
        box.exec()
        return cls.CHOOSE if box.clickedButton() is choose else cls.QUIT

    @classmethod
    def choose_file(cls, start: Path) -> Path | None:
        path, _chosen = QFileDialog.getSaveFileName(
            None,
            _("Open or create an archive"),
            str(start),
            _("coprod-desktop archives (*.sqlite *.db);;All files (*)"),
            options=QFileDialog.DontConfirmOverwrite,
        )
        return Path(path) if path else None


class ErrorReport:
    """An unexpected failure: say so plainly; the archive already holds everything saved."""

    @classmethod
    def show(cls, parent: QWidget | None, summary: str, log_path: str) -> None:
        """``log_path`` empty when there is no log file to point to."""
        if log_path:
            text = _(
                "{summary}\n\nEverything you entered before this was already saved. "
                "Details for support are in {log_path}."
            ).format(summary=summary, log_path=log_path)
        else:
            text = _(
                "{summary}\n\nEverything you entered before this was already saved. Details for support are in the log."
            ).format(summary=summary)
        QMessageBox.critical(parent, _("Something went wrong"), text)
