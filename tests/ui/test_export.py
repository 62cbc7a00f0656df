"""Export…, preview and print from the app, with the PDF built off the GUI thread."""

from __future__ import annotations

import io
import threading
import time

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QTimer

import coprod_desktop.app.export as exporting
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


def test_a_full_record_with_needs_saved_with_a_password_opens_only_with_it(qtbot, dialog, tmp_path):
    import pypdfium2

    assert not dialog.password.isEnabled()  # the summary is handed out: no password
    dialog.record.setChecked(True)
    dialog.needs.setChecked(True)
    assert "a password is recommended" in dialog.status.text()
    dialog.password.setText("Cwtch-2026")
    dialog.path.setText(str(tmp_path / "record.pdf"))
    dialog.save()
    qtbot.waitUntil(lambda: dialog.status.text().startswith("Saved"), timeout=10_000)
    data = (tmp_path / "record.pdf").read_bytes()
    with pytest.raises(pypdfium2.PdfiumError):
        pypdfium2.PdfDocument(data)
    opened = pypdfium2.PdfDocument(data, password="Cwtch-2026")
    assert "Support needs" in " ".join(page.get_textpage().get_text_range() for page in opened)
    dialog.participant.setChecked(True)
    assert dialog.options().password == ""


def test_failure_is_explained(qtbot, dialog, tmp_path):
    dialog.path.setText(str(tmp_path / "missing" / "x.pdf"))
    dialog.save()
    qtbot.waitUntil(lambda: "was not made" in dialog.status.text(), timeout=10_000)
    assert "does not exist" in dialog.status.text() and dialog.save_button.isEnabled()


def test_preview_shows_every_page(qtbot, dialog, monkeypatch):
    shown = []
    monkeypatch.setattr(
        PreviewDialog, "show_pdf", classmethod(lambda cls, parent, pdf, title: shown.append(cls(parent, pdf, title)))
    )
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


def test_an_existing_file_is_replaced_only_when_agreed(qtbot, dialog, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    existing = tmp_path / "other.pdf"
    existing.write_bytes(b"%PDF-1.4 another session's summary")
    answers = [QMessageBox.No, QMessageBox.Yes]
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: (asked.append(a), answers.pop(0))[1])
    dialog.path.setText(str(existing))
    dialog.save()
    assert dialog.job is None and "Not saved" in dialog.status.text()
    assert existing.read_bytes().startswith(b"%PDF-1.4 another")
    dialog.save()
    qtbot.waitUntil(lambda: dialog.status.text().startswith("Saved"), timeout=10_000)
    assert len(asked) == 2 and "We asked" in pdf_text(existing.read_bytes())


def test_sessions_with_one_title_get_their_own_file_names(qtbot, window, tmp_path):
    from datetime import date

    from coprod_desktop.domain.records import Group, Session

    g = window.archive.add(Group("G"))
    one, two = (window.archive.add(Session(g.id, "Monthly meeting", date=date(2026, m, 1))) for m in (10, 11))
    names = {ExportDialog(window, window.archive.path, s, tmp_path).path.text() for s in (one, two)}
    assert len(names) == 2 and any("2026-11-01" in n for n in names)


def test_printing_renders_one_page_at_a_time(monkeypatch):
    import pypdfium2

    from coprod_desktop.ui.pdf_pages import iter_pages

    pdf = exporting.build(exporting.SessionReport(*_long_report()), exporting.Options())
    rendered = []
    real_render = pypdfium2.PdfPage.render
    monkeypatch.setattr(
        pypdfium2.PdfPage, "render", lambda self, **kw: (rendered.append(1), real_render(self, **kw))[1]
    )
    pages = iter_pages(pdf, 30)
    next(pages)
    assert len(rendered) == 1  # a 300 dpi page is tens of MB: never all of them at once
    assert sum(1 for _ in pages) + 1 == len(PdfReader(io.BytesIO(pdf)).pages) > 1


def _long_report():
    from datetime import date

    from coprod_desktop.domain.records import AgendaItem, Contribution, Group, Session
    from coprod_desktop.domain.values import ContributionKind

    g = Group("G")
    s = Session(g.id, "Long", date=date(2026, 1, 1), state=SessionState.CLOSED)
    item = AgendaItem(s.id, "Stories", 30)
    said = [Contribution(s.id, f"Story {i} " + "words " * 40, ContributionKind.EXPERIENCE, item.id) for i in range(40)]
    return g, s, [item], said, [], frozenset(), [], [], []


def test_the_easy_read_and_its_web_page_in_welsh_from_the_dialog(qtbot, dialog, tmp_path):
    dialog.easy.setChecked(True)
    dialog.language.setCurrentIndex(dialog.language.findData("cy"))
    assert dialog.path.text().endswith("-easy-read.pdf") and dialog.web_button.isVisible()
    dialog.path.setText(str(tmp_path / "hawdd.pdf"))
    dialog.save()
    qtbot.waitUntil(lambda: (tmp_path / "hawdd.pdf").exists() and dialog.job is None, timeout=15000)
    assert "Beth wnaethon ni gytuno" in pdf_text((tmp_path / "hawdd.pdf").read_bytes())
    dialog.web_button.click()
    page = tmp_path / "hawdd.html"
    qtbot.waitUntil(lambda: page.exists() and dialog.job is None, timeout=15000)
    html = page.read_text(encoding="utf-8")
    assert (
        '<html lang="cy-GB">' in html
        and "Beth wnaethon ni gytuno" in html
        and '<svg class="picture" role="img"' in html
    )
    dialog.record.setChecked(True)
    assert not dialog.web_button.isVisible()  # the full record is the facilitator's: no web page
