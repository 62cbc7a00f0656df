"""Export…, preview and print from the app, with the PDF built off the GUI thread."""

from __future__ import annotations

import io
import threading
import time

import pytest
from PySide6.QtCore import QTimer
from pypdf import PdfReader

import coprod_desktop.exporting as exporting
from coprod_desktop.domain.values import SessionState
from coprod_desktop.ui.dialogs.export import ExportDialog, PreviewDialog, paint_pages


@pytest.fixture
def dialog(qtbot, window, tmp_path):
    window.add_sample_group()
    session = next(s for s in window.archive.sessions() if s.state is SessionState.CLOSED)
    window.select(session.id)
    assert window.export_action.isEnabled()
    d = ExportDialog(window, window.archive.path, session, tmp_path)
    qtbot.addWidget(d)
    d.show()
    return d


def pdf_text(data: bytes) -> str:
    return " ".join(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages).split())


def test_save_builds_off_the_gui_thread_and_the_window_keeps_going(qtbot, dialog, tmp_path, monkeypatch):
    real_build, threads = exporting.build, []

    def slow_build(report, options):
        threads.append(threading.get_ident())
        time.sleep(0.4)
        return real_build(report, options)

    monkeypatch.setattr(exporting, "build", slow_build)
    ticks = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(time.monotonic()))
    timer.start(20)
    dialog.record.setChecked(True)
    dialog.large.setChecked(True)
    dialog.path.setText(str(tmp_path / "record.pdf"))
    dialog.save()
    assert dialog.busy.isVisible() and not dialog.save_button.isEnabled()
    qtbot.waitUntil(lambda: dialog.status.text().startswith("Saved"), timeout=10_000)
    timer.stop()
    assert threads and threads[0] != threading.get_ident()
    assert len(ticks) >= 10  # the event loop ran all through the build
    text = pdf_text((tmp_path / "record.pdf").read_bytes())
    assert "Every contribution" in text and dialog.open_folder.isVisible()


def test_default_name_and_support_needs_only_for_the_record(dialog):
    assert dialog.path.text().endswith("-summary.pdf")
    assert not dialog.needs.isEnabled()
    dialog.record.setChecked(True)
    assert dialog.needs.isEnabled() and dialog.path.text().endswith("-full-record.pdf")
    dialog.needs.setChecked(True)
    dialog.participant.setChecked(True)
    assert not dialog.options().support_needs


def test_failure_is_explained(qtbot, dialog, tmp_path):
    dialog.path.setText(str(tmp_path / "missing" / "x.pdf"))
    dialog.save()
    qtbot.waitUntil(lambda: "was not made" in dialog.status.text(), timeout=10_000)
    assert "does not exist" in dialog.status.text() and dialog.save_button.isEnabled()


def test_preview_shows_every_page(qtbot, dialog, monkeypatch):
    shown = []
    monkeypatch.setattr(PreviewDialog, "show_pdf", classmethod(lambda cls, parent, pdf, title: shown.append(cls(parent, pdf, title))))
    dialog.preview()
    qtbot.waitUntil(lambda: bool(shown), timeout=10_000)
    preview = shown[0]
    qtbot.addWidget(preview)
    pages = len(PdfReader(io.BytesIO(dialog.last_pdf)).pages)
    assert len(preview.images) == pages and all(not img.isNull() for img in preview.images)
    assert preview.images[0].width() > 500


def test_printing_draws_every_page(qtbot, dialog, tmp_path):
    from PySide6.QtPrintSupport import QPrinter

    dialog.preview_button.setEnabled(True)
    pdf = exporting.build(exporting.gather(dialog.parent().archive, dialog.session.id), dialog.options())
    printer = QPrinter(QPrinter.HighResolution)
    printer.setOutputFormat(QPrinter.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    assert paint_pages(printer, pdf)
    printed = PdfReader(str(tmp_path / "printed.pdf"))
    assert len(printed.pages) == len(PdfReader(io.BytesIO(pdf)).pages)


def test_closing_while_building_is_safe(qtbot, dialog, tmp_path, monkeypatch):
    real_build = exporting.build
    monkeypatch.setattr(exporting, "build", lambda r, o: (time.sleep(0.3), real_build(r, o))[1])
    dialog.path.setText(str(tmp_path / "late.pdf"))
    dialog.save()
    dialog.reject()
    qtbot.waitUntil(lambda: (tmp_path / "late.pdf").exists(), timeout=10_000)
    qtbot.wait(50)
    assert dialog.job is None and not dialog.isVisible()


def test_group_report_from_the_app(qtbot, window, tmp_path):
    window.add_sample_group()
    group = window.archive.groups()[0]
    window.select(group.id)
    assert window.export_action.isEnabled()
    d = ExportDialog(window, window.archive.path, group, tmp_path, group=True)
    qtbot.addWidget(d)
    d.show()
    assert d.path.text().endswith("-group-report.pdf") and not d.record.isVisible()
    d.save()
    qtbot.waitUntil(lambda: d.status.text().startswith("Saved"), timeout=10_000)
    assert "Group report: we asked, you said, we did" in pdf_text(d.saved_to.read_bytes())
