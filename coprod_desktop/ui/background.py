"""Work off the GUI thread (building a PDF, checking a big archive), so the window and a live timer never wait.

A job's results come back through one relay that lives on the GUI thread for the whole run,
never through a QObject made per job: such a QObject is freed wherever its last reference
goes (on the worker, or inside its own slot when the dialog lets the job go), and Qt does
not allow a QObject to be freed off its thread or while its signal is being delivered. A job
is plain Python on a thread of its own. (Garbage is another way Qt objects die off the GUI
thread: ui/collector.py.)
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal

from coprod_desktop.language import _
from coprod_desktop.reports.data import Options


class _Relay(QObject):
    """Calls, on the GUI thread, what a worker hands it."""

    call = Signal(object)

    def __init__(self) -> None:
        super().__init__()
        self.call.connect(self._call, Qt.ConnectionType.QueuedConnection)

    def _call(self, thunk) -> None:
        thunk()


_relay: _Relay | None = None


def _the_relay() -> _Relay:
    """Made once, on the GUI thread (a job's ``start`` asks for it there)."""
    global _relay
    if _relay is None:
        _relay = _Relay()
        app = QCoreApplication.instance()
        if app is not None and _relay.thread() is not app.thread():
            _relay.moveToThread(app.thread())
    return _relay


class Outlet:
    """A job's ``done`` or ``failed``: ``connect`` on the GUI thread, ``emit`` from the worker,
    and what was connected is called on the GUI thread, unless ``disconnect`` came first."""

    def __init__(self) -> None:
        self._slots: list[Callable] = []

    def connect(self, slot: Callable) -> None:
        self._slots.append(slot)

    def disconnect(self) -> None:
        self._slots = []

    def emit(self, *args) -> None:
        _the_relay().call.emit(functools.partial(self._deliver, args))

    def _deliver(self, args: tuple) -> None:
        for slot in list(self._slots):
            slot(*args)


class _Outlets:
    """What a job can say: ``done`` or ``failed``, or (the check) ``finished``."""

    def __init__(self) -> None:
        self.done, self.failed, self.finished = Outlet(), Outlet(), Outlet()


class _Job:
    """Runs ``run`` on a thread of its own; plain Python, so nothing Qt owns can be freed
    under a delivery. The GUI side keeps the job as long as it likes."""

    def __init__(self) -> None:
        self.signals = _Outlets()

    def run(self) -> None:  # pragma: no cover - each job says what it does
        raise NotImplementedError

    def start(self) -> None:
        _the_relay()  # made here, on the GUI thread, before the worker needs it
        threading.Thread(target=self.run, name=type(self).__name__, daemon=True).start()


class ExportJob(_Job):
    """Gathers the session through its own read-only connection, builds, optionally writes."""

    def __init__(self, archive_path: Path, record_id: str, options: Options, out: Path | None = None, key=None):
        """``record_id`` is a session's id, or a group's for the group report; ``key`` that of
        an encrypted archive."""
        super().__init__()  # done: the PDF, and where it went ("" if not written)
        self.archive_path, self.record_id, self.options, self.out = archive_path, record_id, options, out
        self.key = key

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


class IntegrityJob(_Job):
    """The full integrity check of a big archive, on its own connection, after the window is up."""

    def __init__(self, gate):
        super().__init__()  # finished: "" when sound, else what to tell the facilitator
        self.gate = gate  # the archive's IntegrityGate: the first write waits for it

    def run(self) -> None:
        self.signals.finished.emit(self.gate.run() or "")


class BackgroundCall(_Job):
    """``work()`` off the GUI thread; ``done`` with its result, or ``failed`` with the message of
    one of the ``expected`` errors (anything else is a bug, said as such). ``work`` must not
    touch the window's archive connection: give it what it needs, already read."""

    def __init__(self, work, expected: tuple[type[BaseException], ...]):
        super().__init__()
        self.work, self.expected = work, expected

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
