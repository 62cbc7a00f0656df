"""No write to an archive before its full check has passed.

An archive opens after the quick checks (and, up to FULL_CHECK_AT_OPEN_BYTES, SQLite's
integrity check); the rest (the integrity check of a big archive, and the values check of
every archive) runs in the background. The first write waits for it (it runs the check
itself if no one has started it), and a damaged archive is never written."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

from coprod_desktop.storage.keys import ArchiveKey


def structure_and_values(path: Path, key: ArchiveKey | None, *, structure: bool) -> str | None:
    """What is still to check, on its own connections: None if the archive is sound."""
    from coprod_desktop.storage.open_checks import check_integrity, problem_found
    from coprod_desktop.storage.value_check import check_values

    return problem_found(path, key, (check_integrity, check_values) if structure else (check_values,))


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

    @property
    def started(self) -> bool:
        return self._started

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
