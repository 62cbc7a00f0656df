"""Contributions typed while another program held the archive's write lock.

A capture never waits for the lock: it is tried once, at once; if the lock is held it
joins this queue, shown under the box as "not saved yet", and is tried again every
``RETRY_MS`` in the order it was typed, each on its own (never merged with the next).
The box is free for the next contribution meanwhile. A retry that fails for another
reason (a full disk) is reported once and waits for "Try again".
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from coprod_desktop.app.capture import Capture
from coprod_desktop.domain.text import shorten
from coprod_desktop.language import _, ngettext
from coprod_desktop.storage.errors import LockedElsewhere
from coprod_desktop.ui.colours import WARNING, text_colour

RETRY_MS = 500
BATCH_SECONDS = 0.02


class PendingCaptures(QWidget):
    """The queue, and the line under the capture box that shows it (hidden when empty)."""

    def __init__(self, run: Callable[[Capture], bool], box_text: Callable[[], str], parent=None):
        """``run`` saves one capture without waiting (raising LockedElsewhere if it
        cannot yet; False if it failed otherwise, reported); ``box_text`` is what is in
        the capture box at a retry, kept as the draft with the capture."""
        super().__init__(parent)
        self._run, self._box_text = run, box_text
        self._queue: deque[Capture] = deque()
        self._stopped = False  # the last try failed for a reason other than the lock
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.retry)
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.PlainText)
        text_colour(self.label, WARNING)
        self.label.setAccessibleName(_("Contributions not saved yet"))
        self.again = QPushButton(_("Try again"))
        self.again.clicked.connect(self.retry)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.label, 1)
        row.addWidget(self.again)
        self.hide()

    def __len__(self) -> int:
        return len(self._queue)

    def save(self, edit: Capture) -> bool | None:
        """Save ``edit`` now (True), queue it behind those still waiting or for the lock
        to go (None), or False if it failed otherwise (reported; the words stay typed)."""
        if self._queue:  # keep the order they were said in
            self._queue.append(edit)
            self._show()
            return None
        saved = self._try(edit, draft_left="")  # the box is emptied once it is kept
        if saved is None:
            self._queue.append(edit)
            self._timer.start(RETRY_MS)
            self._show()
        return saved

    def retry(self) -> None:
        """Keep those waiting, oldest first, for at most a blink; then let the window
        breathe and go on (a minute of captures must not freeze it when the lock goes)."""
        saved: bool | None = True
        until = time.monotonic() + BATCH_SECONDS
        while self._queue and time.monotonic() < until:
            saved = self._try(self._queue[0], draft_left=self._box_text())
            if not saved:
                break
            self._queue.popleft()
        if saved is None:
            self._timer.start(RETRY_MS)
        elif saved and self._queue:
            self._timer.start(0)  # the lock has gone: the rest at once, in turns
        else:
            self._timer.stop()  # all kept, or a failure to look at before trying again
        self._show(stopped=saved is False)

    def _try(self, edit: Capture, draft_left: str) -> bool | None:
        edit.draft_left = draft_left
        try:
            return self._run(edit)
        except LockedElsewhere:
            return None

    def retranslate(self) -> None:
        self._show(self._stopped)

    def _show(self, stopped: bool = False) -> None:
        self._stopped = stopped
        if not self._queue:
            self.hide()
            self.label.clear()
            return
        words = "\n".join(f"“{shorten(e.record.text, 80)}”" for e in self._queue)
        n, latest = len(self._queue), shorten(self._queue[-1].record.text, 40)
        if stopped:
            said = ngettext(
                "Not saved yet ({n} contribution): the last try failed; see the message above. Latest: “{latest}”",
                "Not saved yet ({n} contributions): the last try failed; see the message above. Latest: “{latest}”",
                n,
            )
        else:
            said = ngettext(
                "Not saved yet ({n} contribution): the archive is busy; trying again. Latest: “{latest}”",
                "Not saved yet ({n} contributions): the archive is busy; trying again. Latest: “{latest}”",
                n,
            )
        self.label.setText(said.format(n=n, latest=latest))
        self.label.setToolTip(words)  # all of them, one a line, on hover
        self.label.setAccessibleDescription(words)
        self.show()
