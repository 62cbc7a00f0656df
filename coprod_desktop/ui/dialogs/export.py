"""Export…: choose the document, paper and print size; preview, print or save as PDF.

The PDF is built off the GUI thread (ExportJob); the dialog shows that it is
working and stays responsive, as does the window behind it.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
)

from coprod_desktop import language
from coprod_desktop.app.export import default_file_name
from coprod_desktop.language import _
from coprod_desktop.reports.data import Document, Options, Paper
from coprod_desktop.reports.languages import EACH
from coprod_desktop.ui.background import ExportJob
from coprod_desktop.ui.dialogs.export_choices import document_language_box
from coprod_desktop.ui.dialogs.preview import PreviewDialog, paint_pages, print_pdf
from coprod_desktop.ui.inputs import ComboBox

__all__ = ["ExportDialog", "PreviewDialog", "paint_pages", "print_pdf"]  # the preview's, from here as before


class ExportDialog(QDialog):
    """For a session (summary or record), or for a group (``group=True``: its report)."""

    def __init__(self, parent, archive_path: Path, session, folder: Path, *, group: bool = False, key=None):
        super().__init__(parent)
        self.key = key  # an encrypted archive's, for the export's own connection
        self.for_group = group
        self.setWindowTitle(_("Export the group report as PDF") if group else _("Export the session as PDF"))
        self.archive_path, self.session, self.folder = archive_path, session, folder
        self.job: ExportJob | None = None
        self.last_pdf: bytes | None = None
        self._replace_agreed: Path | None = None  # an existing file the user agreed to replace

        self.participant = QRadioButton(_("&Participant summary — to print and hand to everyone who took part"))
        self.easy = QRadioButton(_("&Easy read summary — short sentences and pictures, in large print"))
        self.record = QRadioButton(_("&Full record — for the facilitator"))
        self.participant.setChecked(True)
        kinds = QButtonGroup(self)
        kinds.addButton(self.participant)
        kinds.addButton(self.easy)
        kinds.addButton(self.record)
        self.paper = ComboBox()
        self.paper.addItem("A4", Paper.A4.value)
        self.paper.addItem(_("US Letter"), Paper.LETTER.value)
        self.language = document_language_box(each=not group)
        self.large = QCheckBox(_("&Large print (16 pt text, generous spacing)"))
        self.needs = QCheckBox(_("Include support &needs (confidential)"))
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.Password)
        self.password.setPlaceholderText(_("Needed to open the PDF: leave empty for none"))
        self.password.setAccessibleName(_("Password to open the PDF"))
        self.password.setToolTip(
            _("The saved PDF opens only with this password (AES-256). Give it to the reader another way.")
        )
        self.path = QLineEdit()
        self.path.setAccessibleName(_("Save as"))
        browse = QPushButton(_("&Browse…"), clicked=self.browse)
        browse.setAccessibleName(_("Choose where to save the PDF…"))
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)  # working, no fixed length
        self.busy.hide()
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.PlainText)
        self.preview_button = QPushButton(_("Pre&view"), clicked=self.preview)
        self.print_button = QPushButton(_("P&rint…"), clicked=self.print_)
        self.save_button = QPushButton(_("&Save PDF"), clicked=self.save)
        self.web_button = QPushButton(_("Save a web page (&HTML)"), clicked=self.save_web_page)
        self.web_button.setToolTip(
            _("The summary as one accessible web page, for a screen reader, a phone or large text")
        )
        self.save_button.setDefault(True)
        self.open_folder = QPushButton(_("Open the &folder"), clicked=self._open_folder)
        self.open_folder.hide()
        close = QPushButton(_("Close"), clicked=self.reject)

        for control in (self.participant, self.easy, self.record):
            control.toggled.connect(self._document_changed)
            control.setVisible(not group)
        self.needs.setVisible(not group)
        self.password.setVisible(not group)
        self.needs.toggled.connect(self._needs_changed)
        self._document_changed()

        form = QFormLayout()
        group_report = QLabel(_("Group report: we asked, you said, we did")) if group else None
        form.addRow(_("Document"), group_report or self.participant)
        form.addRow("", self.easy)
        form.addRow("", self.record)
        form.addRow(_("Paper si&ze"), self.paper)
        form.addRow(QLabel(_("Lan&guage"), buddy=self.language), self.language)
        form.addRow("", self.large)
        form.addRow("", self.needs)
        if not group:
            form.addRow(QLabel(_("Pass&word"), buddy=self.password), self.password)
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        form.addRow(QLabel(_("Save &as"), buddy=self.path), row)
        buttons = QHBoxLayout()
        for b in (self.preview_button, self.print_button, self.save_button, self.web_button, self.open_folder):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.busy)
        layout.addWidget(self.status)
        layout.addLayout(buttons)

    # -- choices -----------------------------------------------------------------

    def options(self) -> Options:
        if self.for_group:
            return Options(
                Document.GROUP_REPORT,
                Paper(self.paper.currentData()),
                self.large.isChecked(),
                language=self.language.currentData(),
            )
        document = (
            Document.PARTICIPANT
            if self.participant.isChecked()
            else Document.EASY_READ
            if self.easy.isChecked()
            else Document.RECORD
        )
        return Options(
            document,
            Paper(self.paper.currentData()),
            self.large.isChecked(),
            self.needs.isChecked() and document is Document.RECORD,
            self.password.text() if document is Document.RECORD else "",
            language=self.language.currentData(),
        )

    def _needs_changed(self, needs: bool) -> None:
        if needs and not self.password.text():
            self.status.setText(
                _(
                    "Support needs are confidential: a password is recommended, so that only the people "
                    "you give it to can open the PDF."
                )
            )
        elif not needs:
            self.status.clear()

    def _document_changed(self, *_args):
        record = self.record.isChecked()
        self.web_button.setVisible(not self.for_group and not record)
        if record and self.language.currentData() == EACH:  # the full record is the facilitator's
            self.language.setCurrentIndex(self.language.findData(language.current()))
        self.needs.setEnabled(record)
        self.password.setEnabled(record)
        if not record:
            self.needs.setChecked(False)
        title = getattr(self.session, "title", None) or getattr(self.session, "name", "")
        day = getattr(self.session, "date", None)
        self.path.setText(str(self.folder / default_file_name(title, self.options().document, day)))

    def browse(self) -> None:
        path, _chosen = QFileDialog.getSaveFileName(
            self, _("Save the PDF as"), self.path.text(), _("PDF documents (*.pdf)")
        )
        if path:
            if path.lower().endswith(".pdf"):
                self._replace_agreed = Path(path)  # the file dialog has already asked
            self.path.setText(path if path.lower().endswith(".pdf") else path + ".pdf")

    # -- running -----------------------------------------------------------------

    def _run(self, out: Path | None, then) -> None:
        if self.job is not None:
            return
        self.job = ExportJob(self.archive_path, self.session.id, self.options(), out, self.key)
        self.job.signals.done.connect(lambda pdf, written: self._done(pdf, written, then))
        self.job.signals.failed.connect(self._failed)
        for b in (self.preview_button, self.print_button, self.save_button, self.web_button):
            b.setEnabled(False)
        self.busy.show()
        self.status.setText(_("Building the PDF…"))
        self.job.start()

    def _finish(self) -> None:
        self.job = None
        self.busy.hide()
        for b in (self.preview_button, self.print_button, self.save_button, self.web_button):
            b.setEnabled(True)

    def _done(self, pdf: bytes, written: str, then) -> None:
        self._finish()
        self.last_pdf = pdf
        then(pdf, written)

    def _failed(self, message: str) -> None:
        self._finish()
        self.status.setText(_("The PDF was not made. {message}").format(message=message))

    def save(self) -> None:
        out = Path(self.path.text().strip()).expanduser()
        if not self.path.text().strip():
            self.status.setText(_("Choose where to save the PDF first."))
            return
        if out.is_file() and out != self._replace_agreed and not self._may_replace(out):
            self.status.setText(_("Not saved. Choose another name, or agree to replace the file."))
            return

        def saved(_pdf, written):
            self.status.setText(_("Saved {path}").format(path=written))
            self.saved_to = Path(written)
            self.open_folder.show()

        self._run(out, saved)

    def save_web_page(self) -> None:
        """The summary (or easy read) as one accessible HTML file beside where the PDF goes."""
        if not self.path.text().strip():
            self.status.setText(_("Choose where to save the PDF first."))
            return
        out = Path(self.path.text().strip()).expanduser().with_suffix(".html")
        if out.is_file() and out != self._replace_agreed and not self._may_replace(out):
            self.status.setText(_("Not saved. Choose another name, or agree to replace the file."))
            return

        def saved(_page, written):
            self.status.setText(_("Saved {path}").format(path=written))
            self.saved_to = Path(written)
            self.open_folder.show()

        self._run(out, saved)

    def _may_replace(self, out: Path) -> bool:
        answer = QMessageBox.question(
            self,
            _("Replace the file?"),
            _("{name} already exists in {folder}.\n\nReplace it with this PDF?").format(
                name=out.name, folder=out.parent
            ),
            QMessageBox.Yes | QMessageBox.No,
            QMessageBox.No,
        )
        if answer == QMessageBox.Yes:
            self._replace_agreed = out
            return True
        return False

    def preview(self) -> None:
        title = getattr(self.session, "title", None) or getattr(self.session, "name", "")
        self._run(None, lambda pdf, _w: PreviewDialog.show_pdf(self, pdf, title))

    def print_(self) -> None:
        self._run(None, lambda pdf, _w: print_pdf(self, pdf))

    def _open_folder(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.saved_to.parent)))

    def done(self, result: int) -> None:
        # Closed while a PDF is still being built: let the job finish, but not call back.
        if self.job is not None:
            self.job.signals.done.disconnect()
            self.job.signals.failed.disconnect()
            self.job = None
        super().done(result)

    @classmethod
    def open_for(cls, parent, archive_path: Path, session, folder: Path, *, group: bool = False, key=None) -> None:
        cls(parent, archive_path, session, folder, group=group, key=key).exec()
