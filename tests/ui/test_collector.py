"""Garbage with Qt objects in it is freed on the GUI thread, never on a worker's.

The cause of a crash CI met: an export's thread crossed the collector's threshold and freed
ten thousand objects, widgets among them, left by earlier screens; Qt crashed at the next event.
"""

from __future__ import annotations

import gc
import threading

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QApplication

from coprod_desktop.ui.app import settle_memory
from coprod_desktop.ui.collector import collect_on_gui_thread


class _Cyclic(QObject):
    def __init__(self, freed_on: list[int]) -> None:
        super().__init__()
        self.me = self  # garbage only the cyclic collector frees
        self.destroyed.connect(lambda: freed_on.append(threading.get_ident()), Qt.DirectConnection)


def test_a_worker_that_allocates_a_lot_never_frees_the_gui_threads_garbage(qtbot):
    app = QApplication.instance()
    collector = collect_on_gui_thread(app)
    assert collect_on_gui_thread(app) is collector  # one, however often asked
    settle_memory()  # the window is up: frozen, and still not automatic
    assert not gc.isenabled()
    freed_on: list[int] = []
    _Cyclic(freed_on)  # unreachable at once, but in a cycle

    def allocate() -> None:  # far past every threshold, as building a PDF is
        for _ in range(50):
            cycles = [[] for _ in range(2_000)]
            for c in cycles:
                c.append(c)

    worker = threading.Thread(target=allocate)
    worker.start()
    worker.join()
    assert freed_on == []  # the worker collected nothing
    qtbot.waitUntil(lambda: bool(freed_on), timeout=5_000)  # the GUI thread's timer did
    assert freed_on == [threading.get_ident()]
