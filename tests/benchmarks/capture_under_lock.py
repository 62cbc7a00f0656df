"""Capturing while another process holds the archive's write lock for 8 seconds.

    python tests/benchmarks/capture_under_lock.py [--hold 8] [--encrypted]

A second process opens the archive and holds BEGIN IMMEDIATE for --hold seconds while
the run view captures one contribution every 100 ms, keys typed one by one between
them. Prints the longest GUI-thread stall (5 ms heartbeat; target <= 50 ms), how many
captures waited as "not saved yet", and whether every one was kept, in order, each on
its own (none lost, none merged). Not a test: figures only.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).parent))

from capture import PASSPHRASE, make_archive  # noqa: E402

HOLDER = """
import sys, time
from coprod_desktop.storage import Archive
archive = Archive.open(sys.argv[1], passphrase=sys.argv[3] or None)
archive.conn.execute("BEGIN IMMEDIATE")
print("held", flush=True)
time.sleep(float(sys.argv[2]))
archive.conn.rollback()
archive.close()
"""


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--hold", type=float, default=8.0)
    parser.add_argument("--encrypted", action="store_true")
    args = parser.parse_args()
    passphrase = PASSPHRASE if args.encrypted else None
    tmp = Path(tempfile.mkdtemp())
    os.environ.setdefault("XDG_CONFIG_HOME", str(tmp / "config"))
    path = tmp / "bench.sqlite"
    make_archive(path, 500, passphrase)

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from coprod_desktop.storage import Archive
    from coprod_desktop.ui.app import make_application
    from coprod_desktop.ui.main_window import MainWindow

    app = make_application()
    window = MainWindow(Archive.open(path, passphrase=passphrase))
    window.remember_layout = False
    window.resize(1366, 768)
    window.show()
    app.processEvents()
    capture = window.run_view.capture
    session_id = capture.session.id
    before = len(window.archive.contributions(session_id))

    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(path), str(args.hold), passphrase or ""], stdout=subprocess.PIPE, text=True
    )
    assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
    started = time.monotonic()
    typed: list[str] = []
    most_waiting = [0]
    beats: list[float] = []
    heartbeat = QTimer(interval=5)
    heartbeat.timeout.connect(lambda: beats.append(time.perf_counter()))

    def step() -> None:
        if time.monotonic() - started > args.hold + 2:
            QTimer.singleShot(1500, app.quit)  # time for the last retries
            return
        text = f"c{len(typed):04d}"
        capture.text.setFocus()
        for char in text:  # key by key: each keystroke tries to keep the draft
            capture.text.insert(char)
            QApplication.processEvents()
        capture.capture()
        typed.append(text)
        most_waiting[0] = max(most_waiting[0], len(capture.pending))
        QTimer.singleShot(100, step)

    heartbeat.start()
    QTimer.singleShot(0, step)
    app.exec()
    heartbeat.stop()
    holder.wait()
    gaps = [b - a for a, b in zip(beats, beats[1:])]
    kept = [c.text for c in window.archive.contributions(session_id)][before:]
    print(f"lock held by another process for {args.hold:.0f} s ({'encrypted' if args.encrypted else 'plain'} archive)")
    print(f"captures typed: {len(typed)}; most waiting as 'not saved yet' at once: {most_waiting[0]}")
    print(f"kept in order, none lost or merged: {kept == typed} ({len(kept)} kept)")
    print(f"longest GUI-thread stall: {max(gaps) * 1000:.1f} ms (heartbeat 5 ms; target <= 50)")
    window.archive.close()


if __name__ == "__main__":
    main()
