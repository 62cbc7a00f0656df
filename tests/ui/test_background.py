"""Work off the GUI thread hands its result back on the GUI thread, and nothing it made can
be freed under a delivery: the dialogs let a job go inside its own slot, again and again."""

from __future__ import annotations

import gc
import threading
import time

from coprod_desktop.ui.background import BackgroundCall


class _Holder:
    """Like the export dialog: keeps its one job, and lets it go inside the job's own slot."""

    def __init__(self) -> None:
        self.job: BackgroundCall | None = None
        self.results: list[int] = []
        self.threads: set[int] = set()

    def begin(self, n: int, pause: float) -> None:
        def work() -> int:
            if pause:
                time.sleep(pause)
            return n

        self.job = BackgroundCall(work, (ValueError,))
        self.job.signals.done.connect(self._done)
        self.job.start()

    def _done(self, value: int) -> None:
        self.threads.add(threading.get_ident())
        self.job = None  # the last reference from the GUI side, dropped during the delivery
        gc.collect()
        self.results.append(value)


def test_a_job_let_go_inside_its_own_slot_delivers_and_nothing_crashes(qtbot):
    holders = [_Holder() for _ in range(30)]
    for n, holder in enumerate(holders):
        holder.begin(n, pause=(n % 4) * 0.002)
    qtbot.waitUntil(lambda: all(h.results for h in holders), timeout=20_000)
    assert [h.results for h in holders] == [[n] for n in range(30)]
    assert {t for h in holders for t in h.threads} == {threading.get_ident()}  # on the GUI thread


def test_one_after_another_as_a_facilitator_saves_again_and_again(qtbot):
    holder = _Holder()
    for n in range(30):
        holder.begin(n, pause=0.0 if n % 2 else 0.001)
        qtbot.waitUntil(lambda n=n: holder.results[-1:] == [n], timeout=5_000)
    assert holder.results == list(range(30))


def test_an_expected_failure_is_said_and_a_bug_is_named_not_raised(qtbot):
    said: list[str] = []

    def refuses() -> None:
        raise ValueError("The folder is read-only.")

    def breaks() -> None:
        raise KeyError("x")

    jobs = [BackgroundCall(refuses, (ValueError,)), BackgroundCall(breaks, (ValueError,))]
    for job in jobs:
        job.signals.failed.connect(said.append)
        job.signals.done.connect(lambda _r: said.append("done?"))
        job.start()
    qtbot.waitUntil(lambda: len(said) == 2, timeout=5_000)
    assert sorted(said) == ["It could not be done (KeyError).", "The folder is read-only."]


def test_disconnected_before_the_result_comes_back_nothing_is_called(qtbot):
    called: list[object] = []
    gate = threading.Event()
    job = BackgroundCall(lambda: gate.wait(5) and 1, (ValueError,))
    job.signals.done.connect(called.append)
    job.start()
    job.signals.done.disconnect()  # as the export dialog does when closed mid-build
    gate.set()
    for worker in [t for t in threading.enumerate() if t.name == "BackgroundCall"]:
        worker.join(5)  # the result has been handed to the relay, however slow the machine
    qtbot.wait(50)  # and the relay has run
    assert called == []


def test_no_job_holds_a_qobject_that_a_worker_could_free(qtbot, tmp_path):
    """A job (and what it says through) is plain Python; the one QObject involved lives on
    the GUI thread for good."""
    from PySide6.QtCore import QObject
    from PySide6.QtWidgets import QApplication

    from coprod_desktop.reports.data import Options
    from coprod_desktop.ui import background
    from coprod_desktop.ui.background import ExportJob, IntegrityJob

    jobs = [
        ExportJob(tmp_path / "a.sqlite", "x", Options()),
        IntegrityJob(None),
        BackgroundCall(lambda: 1, ()),
    ]
    for job in jobs:
        held = [*vars(job).values(), *vars(job.signals).values()]
        assert not isinstance(job, QObject) and not any(isinstance(v, QObject) for v in held)
    BackgroundCall(lambda: 1, ()).start()
    assert background._relay is not None and background._relay.thread() is QApplication.instance().thread()
