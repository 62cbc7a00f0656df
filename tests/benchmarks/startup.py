"""Start-up of `coprod-desktop --quit-after-start` on an archive of 200 sessions,
against a bare PySide6 QMainWindow script, measured in one run, interleaved.

    python tests/benchmarks/startup.py [--runs 15]

Prints medians, and the app's against the same window built by hand (target: at most
1.3); and the app on the same archive encrypted, the passphrase given in
$COPROD_PASSPHRASE, against it plain (target: at most 1.2). Not a test: figures only.
A third line, same_window.py, builds the app's start-up window by hand with hard-coded
data and no archive: what separates it from the bare script is the cost of any PySide6
window with that content; what separates the app from it is the app's own work.

The app's modules are byte-compiled first, as installing the wheel does (pip
compiles every module it installs) and as the PyInstaller bundle ships them.
Without that, an editable install under PYTHONDONTWRITEBYTECODE=1 would compile
every module from source on every start and the figure would measure that.
"""

from __future__ import annotations

import argparse
import compileall
import os
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

BARE = """
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
window = QMainWindow()
window.show()
app.processEvents()
"""


PASSPHRASE = "benchmark passphrase, long enough"


def make_archive(path: Path, sessions: int, passphrase: str | None = None) -> None:
    from coprod_desktop.domain.records import AgendaItem, GroundRule, Group, Participant, Session
    from coprod_desktop.storage import Archive

    archive = Archive.open(path, passphrase=passphrase)
    with archive.transaction():
        groups = [archive.add(Group(f"Group {g}")) for g in range(10)]
        for g in groups:
            people = [archive.add(Participant(g.id, f"Person {p}")) for p in range(12)]
            for s in range(sessions // len(groups)):
                session = archive.add(Session(g.id, f"Session {s}", date=date(2025, 1, 1) + timedelta(days=7 * s)))
                for i in range(6):
                    archive.add(AgendaItem(session.id, f"Item {i}", 15))
                for r in range(6):
                    archive.add(GroundRule(session.id, f"Rule {r}"))
                for person in people[:8]:
                    archive.set_attending(session.id, person.id, True)
    archive.close()


def timed(cmd: list[str], env: dict) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, check=True, env=env, capture_output=True, stdin=subprocess.DEVNULL)
    return time.perf_counter() - start


class Command(list):
    """A command line and the environment it runs with."""

    def __init__(self, argv: list[str], env: dict):
        super().__init__(argv)
        self.env = env


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--sessions", type=int, default=200)
    args = parser.parse_args()
    import coprod_desktop

    compileall.compile_dir(Path(coprod_desktop.__file__).parent, quiet=1)
    with tempfile.TemporaryDirectory() as tmp:
        archive = Path(tmp) / "bench.sqlite"
        make_archive(archive, args.sessions)
        encrypted = Path(tmp) / "bench-encrypted.sqlite"
        make_archive(encrypted, args.sessions, PASSPHRASE)
        env = {
            **os.environ,
            "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
            "XDG_CONFIG_HOME": str(Path(tmp) / "config"),
        }
        app = [sys.executable, "-m", "coprod_desktop", "--quit-after-start", "--archive"]
        commands = {
            "bare QMainWindow": Command([sys.executable, "-c", BARE], env),
            "same window, by hand": Command([sys.executable, str(Path(__file__).with_name("same_window.py"))], env),
            "coprod-desktop": Command([*app, str(archive)], env),
            "encrypted": Command([*app, str(encrypted)], {**env, "COPROD_PASSPHRASE": PASSPHRASE}),
        }
        for cmd in commands.values():
            timed(cmd, cmd.env)  # warm the file cache
        times: dict[str, list[float]] = {name: [] for name in commands}
        for _ in range(args.runs):
            for name, cmd in commands.items():
                times[name].append(timed(cmd, cmd.env))
    medians = {name: statistics.median(t) * 1000 for name, t in times.items()}
    bare_ms = medians["bare QMainWindow"]
    print(f"archive: {args.sessions} sessions; runs: {args.runs} each, interleaved")
    for name, ms in medians.items():
        print(f"{name:22s} median {ms:7.1f} ms  (min {min(times[name]) * 1000:6.1f})  x{ms / bare_ms:.2f}")
    hand_ms = medians["same window, by hand"]
    print(f"app / same window      {medians['coprod-desktop'] / hand_ms:7.2f}  (target <= 1.3)")
    print(f"encrypted / plain      {medians['encrypted'] / medians['coprod-desktop']:7.2f}  (target <= 1.2)")


if __name__ == "__main__":
    main()
