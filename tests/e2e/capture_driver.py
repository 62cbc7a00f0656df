"""Not a test: the app, driven by keyboard, capturing without end.

    python tests/e2e/capture_driver.py ARCHIVE

Opens ARCHIVE (which must hold a live session), shows the run view and types
one contribution after another into the capture box, pressing Enter. After
each one appears in the list on screen it prints ``SHOWN <text>`` and flushes,
so a test can kill it at any moment and know what the facilitator had seen.
"""

from __future__ import annotations

import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt, QTimer  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402


def main() -> None:
    from coprod_desktop.storage import Archive
    from coprod_desktop.ui.app import make_application
    from coprod_desktop.ui.main_window import MainWindow

    app = make_application()
    archive = Archive.open(sys.argv[1])
    window = MainWindow(archive)
    window.remember_layout = False
    window.show()
    run = window.run_view
    assert window.pages.currentWidget() is run, "the live session should open in the run view"
    capture = run.capture
    count = [0]

    def one() -> None:
        n = count[0]
        text = f"capture {n:05d} from the room"
        capture.text.setFocus()
        QTest.keyClicks(capture.text, text)
        QTest.keyClick(capture.text, Qt.Key_Return)
        top = capture.model.index(0).data() or ""
        if top.endswith(text):
            print(f"SHOWN {text}", flush=True)
            count[0] += 1
        QTimer.singleShot(0, one)

    QTimer.singleShot(0, one)
    app.exec()


if __name__ == "__main__":
    main()
