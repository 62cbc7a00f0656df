"""Python's cyclic garbage collector, run on the GUI thread and nowhere else.

Left automatic, the collector runs on whichever thread happens to allocate when a threshold
is crossed: an export's thread, a phone's request, the writer of the phones' inbox. Closed
dialogs and panels are often garbage in reference cycles (a lambda that names its widget),
so a collection on such a thread destroys Qt widgets off the GUI thread, and Qt then crashes
in the event loop. CI met exactly that: a PDF thread's collection freed ten thousand objects
left by earlier screens, and the next event crashed the run. So automatic collection is off,
and a timer on the GUI thread collects with the same thresholds.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QCoreApplication, QObject, QTimer

INTERVAL_MS = 500  # garbage waits at most this long; a young-generation pass takes well under a millisecond


def collect_due(threshold: tuple[int, int, int]) -> int:
    """Collect the oldest generation whose count is over its threshold (it takes the younger
    ones with it), as Python itself would have; how many objects were freed."""
    counts = gc.get_count()
    for generation in (2, 1, 0):
        if counts[generation] > threshold[generation]:
            return gc.collect(generation)
    return 0


class GuiThreadCollector(QObject):
    """Owned by the application; ``collect_on_gui_thread`` makes the one there is."""

    def __init__(self, app: QCoreApplication) -> None:
        super().__init__(app)
        self.setObjectName("gui-thread-collector")
        self.threshold = gc.get_threshold()
        gc.disable()
        self.timer = QTimer(self)
        self.timer.setInterval(INTERVAL_MS)
        self.timer.timeout.connect(self.check)
        self.timer.start()

    def check(self) -> int:
        return collect_due(self.threshold)


def collect_on_gui_thread(app: QCoreApplication) -> GuiThreadCollector:
    """Call on the GUI thread, before any other thread starts; safe to call again."""
    found = app.findChild(GuiThreadCollector, "gui-thread-collector")
    return found if found is not None else GuiThreadCollector(app)
