"""Phones under load while the facilitator captures.

    python tests/benchmarks/phones_load.py [--phones 30] [--posts 20] [--encrypted] [--auto-accept]

The app (a real window and its room view, offscreen) opens the room to phones on 127.0.0.1 and captures a
contribution every 200 ms; a separate process drives the phones (tests/phone_load.py),
each on its own loopback address, posting with 50–400 ms between posts. Prints: posts
acknowledged and lost (an acknowledged post missing from the archive; target 0), post →
visible in the run view's queue (p50, p99, max; target p99 ≤ 100 ms, on the system's
monotonic clock, the same in both processes), the longest GUI-thread stall (5 ms
heartbeat; target ≤ 50 ms), and the captures kept. With --auto-accept, what phones send goes
straight into the record: "visible" is then in the capture list, refreshed by the change
notice. Figures only, not a test.

    python tests/benchmarks/phones_load.py --serve URL_FILE --archive PATH [--encrypted]

opens the room and runs until killed (tests/e2e/test_phone_durability.py kills it with -9).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
PASSPHRASE = "benchmark passphrase, long enough"


def open_room(path: Path, passphrase: str | None):
    """The app's window on a sample group's live session, open to phones on 127.0.0.1."""
    from coprod_desktop.app.sample import add_sample_group
    from coprod_desktop.domain.values import SessionState
    from coprod_desktop.storage import Archive
    from coprod_desktop.ui.app import make_application
    from coprod_desktop.ui.main_window import MainWindow

    app = make_application()
    archive = Archive.open(path, passphrase=passphrase)
    group = add_sample_group(archive, date(2026, 11, 23))
    session = next(s for s in archive.sessions(group.id) if s.state is SessionState.PLANNED)
    for p in archive.participants(group.id)[:6]:
        archive.set_attending(session.id, p.id, True)
    window = MainWindow(archive)
    window.remember_layout = False
    window.resize(1366, 768)
    window.show()
    window.select(session.id)
    window.show_run_view()
    run = window.run_view
    run.start()
    run.tools.setCurrentWidget(run.tools.widget(6))
    panel = run.phones
    panel.address.setCurrentIndex(panel.address.findData("127.0.0.1"))
    panel.toggle_open()
    deadline = time.monotonic() + 30  # the server's process starts
    while not panel.url.text() and time.monotonic() < deadline:
        app.processEvents()
    window.open_room_view()  # the projector is on in a room: it answers each change too
    app.processEvents()
    return app, window, run, panel, session


def serve(url_file: Path, path: Path, passphrase: str | None) -> None:
    app, _window, _run, panel, _session = open_room(path, passphrase)
    url_file.write_text(panel.door.join_url)
    app.exec()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--phones", type=int, default=30)
    parser.add_argument("--posts", type=int, default=20)
    parser.add_argument("--encrypted", action="store_true")
    parser.add_argument("--auto-accept", action="store_true")
    parser.add_argument("--serve", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--archive", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--drive", help=argparse.SUPPRESS)  # the phones' process: the join address
    parser.add_argument(
        "--report", type=Path, help=argparse.SUPPRESS
    )  # the phones' process: where to say what was sent
    args = parser.parse_args()
    if args.drive:
        from tests.phone_load import run_phones

        sent = run_phones(args.drive, args.phones, args.posts)
        args.report.write_text(json.dumps([s.__dict__ for s in sent]))
        return
    passphrase = PASSPHRASE if args.encrypted else None
    tmp = Path(tempfile.mkdtemp())
    os.environ.setdefault("XDG_CONFIG_HOME", str(tmp / "config"))
    if args.serve:
        serve(args.serve, args.archive, passphrase)
        return
    measure(args, tmp / "bench.sqlite", passphrase)


def measure(args, path: Path, passphrase: str | None) -> None:
    from PySide6.QtCore import QTimer

    from tests.phone_load import MARKER

    app, window, run, panel, session = open_room(path, passphrase)
    seen: dict[str, float] = {}

    def rows_in(_parent, first, last):
        now = time.monotonic()
        for row in range(first, last + 1):
            found = MARKER.search(panel.queue.item(row).text())
            if found:
                seen.setdefault(found.group(0), now)

    panel.queue.model().rowsInserted.connect(rows_in)
    if args.auto_accept:
        panel.auto.setChecked(True)
        arrived: list = []
        panel.door.arrived.connect(arrived.extend)

        def shown(_change):  # connected last: the capture list has answered the notice
            now = time.monotonic()
            for post in arrived:
                found = MARKER.search(post.text)
                if found:
                    seen.setdefault(found.group(0), now)
            arrived.clear()

        window.hub.changed.connect(shown)
    beats: list[float] = []
    heartbeat = QTimer()
    heartbeat.setInterval(5)
    heartbeat.timeout.connect(lambda: beats.append(time.monotonic()))
    captured = [0]

    def capture():
        run.capture.text.setText(f"Facilitator's capture {captured[0]} — ŵ")
        run.capture.capture()
        captured[0] += 1

    capturing = QTimer()
    capturing.setInterval(200)
    capturing.timeout.connect(capture)
    report = path.with_name("phones.json")
    phones = subprocess.Popen(
        [
            sys.executable,
            __file__,
            "--drive",
            panel.door.join_url,
            "--phones",
            str(args.phones),
            "--posts",
            str(args.posts),
            "--report",
            str(report),
        ]
    )
    done: list = []
    closing: list[float] = []

    def finish():
        heartbeat.stop()
        began = time.monotonic()
        panel.door.close()  # as the facilitator would: the window waits until the port is closed
        closing.append((time.monotonic() - began) * 1000)
        app.quit()

    def check():  # the phones' report is read once the window's measuring is over: nothing of it is timed
        if phones.poll() is not None and not done:
            done.append(True)
            QTimer.singleShot(1000, finish)  # the last few reach the queue

    poll = QTimer()
    poll.setInterval(50)
    poll.timeout.connect(check)
    heartbeat.start()
    capturing.start()
    poll.start()
    app.exec()
    heartbeat.stop()
    capturing.stop()

    sent = json.loads(report.read_text())
    acknowledged = [s for s in sent if s["acknowledged"]]
    kept = {MARKER.search(p.text).group(0) for p in window.archive.phone_posts(session.id, None)}
    if args.auto_accept:  # in the record itself
        kept &= {m.group(0) for c in window.archive.contributions(session.id) if (m := MARKER.search(c.text))}
    lost = [s["marker"] for s in acknowledged if s["marker"] not in kept]
    visible = sorted((seen[s["marker"]] - s["at"]) * 1000 for s in acknowledged if s["marker"] in seen)
    told = sorted(s["took"] * 1000 for s in acknowledged)
    gaps = sorted((b - a) * 1000 for a, b in zip(beats, beats[1:]))
    said = sum(1 for c in window.archive.contributions(session.id) if c.text.startswith("Facilitator's capture"))

    def p(values, q):
        return values[min(len(values) - 1, int(len(values) * q))] if values else float("nan")

    kind = "encrypted" if passphrase else "plain"
    how = ", straight into the record" if args.auto_accept else ""
    print(f"{args.phones} phones × {args.posts} posts ({kind} archive{how}), the facilitator capturing every 200 ms")
    print(f"acknowledged {len(acknowledged)} of {len(sent)}; lost (acknowledged, not in the archive): {len(lost)}")
    where = "in the record" if args.auto_accept else "in the queue"
    print(f"{where}: {len(visible)}; never shown: {len(acknowledged) - len(visible)}")
    print(
        f"post -> visible in the run view: p50 {statistics.median(visible):.1f} ms, p99 {p(visible, 0.99):.1f} ms, "
        f"max {visible[-1]:.1f} ms (target p99 <= 100)"
    )
    print(f"post -> phone told 'sent': p50 {statistics.median(told):.1f} ms, p99 {p(told, 0.99):.1f} ms")
    print(
        f"longest GUI-thread stall: {gaps[-1] - 5:.1f} ms over a 5 ms heartbeat (target <= 50); p99 gap {p(gaps, 0.99):.1f} ms"
    )
    print(f"captures typed {captured[0]}, kept {said}")
    print(f"closing the room to phones held the window {closing[0]:.1f} ms")
    panel.door.close()
    window.archive.close()


if __name__ == "__main__":
    main()
