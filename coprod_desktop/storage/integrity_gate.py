"""No write to a big archive before its full integrity check has passed.

An archive over FULL_CHECK_AT_OPEN_BYTES opens after the quick checks, and the full check
runs in the background. The first write waits for it (it runs the check itself if no one
has started it), and a damaged archive is never written."""

from __future__ import annotations

import threading
from collections.abc import Callable


class IntegrityGate:
    def __init__(self, check: Callable[[], str | None]):
        self._check = check
        self._lock = threading.Lock()
        self._done = threading.Event()
        self._started = False
        self.problem: str | None = None

    @property
    def done(self) -> bool:
        return self._done.is_set()

    def run(self) -> str | None:
        """The check's finding (None: sound), from any thread: the first caller does the
        work, later ones wait for it."""
        with self._lock:
            first, self._started = not self._started, True
        if first:
            try:
                self.problem = self._check()
            finally:
                self._done.set()
        else:
            self._done.wait()
        return self.problem
