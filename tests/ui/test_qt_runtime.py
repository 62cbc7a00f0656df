"""Guards against a Qt binding that would crash a long session."""

import sys

from PySide6.QtGui import QUndoCommand


def test_void_calls_keep_none_alive(qapp):
    # PySide6 6.12.0 on Python 3.11 loses a reference to None per void call;
    # after a few thousand edits the interpreter aborts. Python 3.12+ makes
    # None immortal, so this only bites on 3.11, where the pin excludes it.
    command = QUndoCommand("probe")
    before = sys.getrefcount(None)
    for _ in range(2000):
        command.setText("probe")
    assert before - sys.getrefcount(None) < 100
