"""Capture speed in a session that already holds 5,000 contributions.

    python tests/benchmarks/capture.py [--existing 5000] [--captures 300] [--encrypted]

Prints, for captures typed into the run view: time from Enter to committed
and painted (median, p99; targets 10 ms and 50 ms), and the longest stall of
the GUI thread during a burst of captures (target 50 ms), measured by a 5 ms
heartbeat timer. With --encrypted, on an archive encrypted with SQLCipher (targets:
median 10 ms, p99 25 ms). Not a test: figures only. Offscreen unless a display is set.
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


PASSPHRASE = "benchmark passphrase, long enough"


def make_archive(path: Path, existing: int, passphrase: str | None = None) -> None:
    from coprod_desktop.app.sample import add_sample_group
    from coprod_desktop.domain import live
    from coprod_desktop.domain.records import Contribution
    from coprod_desktop.domain.values import ContributionKind
    from coprod_desktop.storage import Archive

    archive = Archive.open(path, passphrase=passphrase)
    group = add_sample_group(archive, date.today())
    session = next(s for s in archive.sessions(group.id) if s.state.value == "planned")
    items = archive.agenda(session.id)
    archive.apply_live(session.id, live.start(session, items, "2026-11-23T10:00:00+00:00"))
    kinds = list(ContributionKind)
    with archive.transaction():
        for n in range(existing):
            archive.add(
                Contribution(session.id, f"Earlier contribution {n}: " + "words " * 12, kinds[n % 5], items[0].id)
            )
    archive.close()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--existing", type=int, default=5000)
    parser.add_argument("--captures", type=int, default=300)
    parser.add_argument("--encrypted", action="store_true")
    args = parser.parse_args()
    passphrase = PASSPHRASE if args.encrypted else None
    tmp = Path(tempfile.mkdtemp())
    os.environ.setdefault("XDG_CONFIG_HOME", str(tmp / "config"))
    path = tmp / "bench.sqlite"
    make_archive(path, args.existing, passphrase)

    from PySide6.QtCore import QTimer

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
    capture.list.viewport().repaint()

    # 1. Enter -> committed and painted, one capture at a time.
    latencies = []
    for n in range(args.captures):
        text = f"Benchmark capture {n} — ŵ ŷ"
        capture.text.setText(text)
        start = time.perf_counter()
        capture.capture()
        capture.list.viewport().repaint()  # paint now, synchronously
        latencies.append(time.perf_counter() - start)
        assert capture.model.index(0).data().endswith(text)
        app.processEvents()

    # 2. A burst driven through the event loop, with a heartbeat watching for stalls.
    beats: list[float] = []
    heartbeat = QTimer()
    heartbeat.setInterval(5)
    heartbeat.timeout.connect(lambda: beats.append(time.perf_counter()))
    remaining = [args.captures]

    def burst_step():
        if remaining[0] == 0:
            app.quit()
            return
        remaining[0] -= 1
        capture.text.setText(f"Burst capture {remaining[0]}")
        capture.capture()
        QTimer.singleShot(0, burst_step)

    heartbeat.start()
    QTimer.singleShot(20, burst_step)
    app.exec()
    heartbeat.stop()
    gaps = [b - a for a, b in zip(beats, beats[1:])]

    ms = sorted(x * 1000 for x in latencies)
    p99 = ms[min(len(ms) - 1, int(len(ms) * 0.99))]
    in_session = window.archive.conn.execute("SELECT count(*) FROM contributions").fetchone()[0]
    print(f"contributions in the archive at the end: {in_session} ({'encrypted' if args.encrypted else 'plain'})")
    print(
        f"capture -> committed and painted: median {statistics.median(ms):.2f} ms, p99 {p99:.2f} ms, "
        f"max {ms[-1]:.2f} ms over {len(ms)} captures (targets: median <= 10, p99 <= 50; encrypted p99 <= 25)"
    )
    print(
        f"burst of {args.captures} captures: longest GUI-thread stall {max(gaps) * 1000:.1f} ms "
        f"(heartbeat 5 ms; target <= 50)"
    )
    window.archive.close()


if __name__ == "__main__":
    main()
