"""Work off the GUI thread (building a PDF, checking a big archive), so the window and a live timer never wait."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from coprod_desktop.language import _
from coprod_desktop.reports.data import Options


class _Signals(QObject):
    done = Signal(bytes, str)  # the PDF, and the path it was written to ("" if not written)
    failed = Signal(str)


class ExportJob(QRunnable):
    """Gathers the session through its own read-only connection, builds, optionally writes."""

    def __init__(self, archive_path: Path, record_id: str, options: Options, out: Path | None = None, key=None):
        """``record_id`` is a session's id, or a group's for the group report; ``key`` that of
        an encrypted archive."""
        super().__init__()
        self.archive_path, self.record_id, self.options, self.out = archive_path, record_id, options, out
        self.key = key
        self.signals = _Signals()

    def run(self) -> None:
        from coprod_desktop.app.export import ExportError, build, gather, gather_group, write_atomically
        from coprod_desktop.reports.data import Document
        from coprod_desktop.storage import Archive, ArchiveError

        try:
            archive = Archive.read_only(self.archive_path, self.key)
            try:
                collect = gather_group if self.options.document is Document.GROUP_REPORT else gather
                report = collect(archive, self.record_id)
                if self.out and self.out.suffix.lower() in (".html", ".htm"):  # the accessible web page
                    from coprod_desktop.app.export_html import html_summary

                    easy = self.options.document is Document.EASY_READ
                    pdf = html_summary(report, self.options.language or None, easy_read=easy).encode("utf-8")
                else:
                    pdf = build(report, self.options)
            finally:
                archive.close()
            written = str(write_atomically(pdf, self.out)) if self.out else ""
        except (ExportError, ArchiveError, OSError) as error:
            self.signals.failed.emit(str(error))
            return
        except Exception as error:  # a bug: say so rather than leave the dialog waiting
            self.signals.failed.emit(
                _("The PDF could not be made ({error_type}: {error}).").format(
                    error_type=type(error).__name__, error=error
                )
            )
            return
        self.signals.done.emit(pdf, written)

    def start(self) -> None:
        QThreadPool.globalInstance().start(self)


class _CheckSignals(QObject):
    finished = Signal(str)  # "" when sound, else what to tell the facilitator


class IntegrityJob(QRunnable):
    """The full integrity check of a big archive, on its own connection, after the window is up."""

    def __init__(self, gate):
        super().__init__()
        self.gate = gate  # the archive's IntegrityGate: the first write waits for it
        self.signals = _CheckSignals()

    def run(self) -> None:
        self.signals.finished.emit(self.gate.run() or "")

    def start(self) -> None:
        QThreadPool.globalInstance().start(self)


class _CallSignals(QObject):
    done = Signal(object)
    failed = Signal(str)


class BackgroundCall(QRunnable):
    """``work()`` off the GUI thread; ``done`` with its result, or ``failed`` with the message of
    one of the ``expected`` errors (anything else is a bug, said as such). ``work`` must not
    touch the window's archive connection: give it what it needs, already read."""

    def __init__(self, work, expected: tuple[type[BaseException], ...]):
        super().__init__()
        self.work, self.expected = work, expected
        self.signals = _CallSignals()

    def run(self) -> None:
        try:
            result = self.work()
        except self.expected as error:
            self.signals.failed.emit(str(error))
            return
        except Exception as error:
            self.signals.failed.emit(_("It could not be done ({error_type}).").format(error_type=type(error).__name__))
            return
        self.signals.done.emit(result)

    def start(self) -> None:
        QThreadPool.globalInstance().start(self)
