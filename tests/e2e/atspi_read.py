"""Read the running app from outside, as a screen reader does: through AT-SPI.

    /usr/bin/python3 tests/e2e/atspi_read.py [--python .venv/bin/python]

Run with the system Python, which has pyatspi (Debian: python3-pyatspi, at-spi2-core,
xvfb, dbus). It starts a private X server and session bus, opens the app on an archive
with a live session, then reads the accessibility tree: the timer's time and state in
words, and the names of the controls issue 12 found without one. Prints what it read as
JSON and exits 1 if anything is missing (tests/e2e/test_atspi.py runs it)."""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PASSPHRASE = "read from outside, a long passphrase"

SETUP = """
import sys
from datetime import date
from coprod_desktop.app.context import Context
from coprod_desktop.app.live import LiveRunner
from coprod_desktop.app.sample import add_sample_group
from coprod_desktop.domain.clock import Clock
from coprod_desktop.domain.values import SessionState
from coprod_desktop.storage import Archive
archive = Archive.open(sys.argv[1], passphrase=sys.argv[2])
group = add_sample_group(archive, Clock().today())
planned = next(s for s in archive.sessions(group.id) if s.state is SessionState.PLANNED)
for p in archive.participants(group.id)[:4]:
    archive.set_attending(planned.id, p.id, True)
LiveRunner(Context(archive, Clock(), None)).start(planned.id)
archive.close()
"""

# A role and the start of the name each control must be found by. On Linux a combo box's
# name is its current choice; a screen reader names it by the label it is "labelled by".
AT_START = {
    "timer": ("label", "Time left on this item: "),
    "agenda": ("list", "Agenda"),
    "capture box": ("text", "Contribution"),
    "who box": ("text", "Who said it"),
    "deck category": ("combo box", "Category"),
    "deck value": ("combo box", "Value"),
}
IN_THE_SELF_CHECK = {
    "self-check rung 1": ("spin button", "Hands raised for rung 1"),
    "self-check rung 7": ("spin button", "Hands raised for rung 7"),
    "own rating": ("combo box", "Your own rating"),
}
WANTED = {**AT_START, **IN_THE_SELF_CHECK}


def _label_of(node) -> str:
    """The name of what ``node`` is labelled by (a combo box's label), if anything."""
    import pyatspi

    for relation in node.getRelationSet():
        if relation.getRelationType() == pyatspi.RELATION_LABELLED_BY and relation.getNTargets():
            return relation.getTarget(0).name or ""
    return ""


def _walk(node, depth=0, seen=None):
    seen = seen if seen is not None else []
    if node is None or depth > 40:
        return seen
    try:
        role = node.getRoleName()
        name = _label_of(node) if role == "combo box" else node.name or ""
        seen.append((role, name, node.description or "", node))
        for i in range(node.childCount):
            _walk(node.getChildAtIndex(i), depth + 1, seen)
    except Exception:  # a node going away while read
        pass
    return seen


def read(python: str, timeout: float = 60.0) -> dict:
    import pyatspi

    found: dict = {}
    with tempfile.TemporaryDirectory() as tmp:
        archive = Path(tmp) / "archive.coprod.sqlite"
        env = {**os.environ, "XDG_CONFIG_HOME": str(Path(tmp) / "config"), "XDG_DATA_HOME": str(Path(tmp) / "data")}
        subprocess.run([python, "-c", SETUP, str(archive), PASSPHRASE], check=True, env=env, cwd=ROOT)
        env["COPROD_PASSPHRASE"] = PASSPHRASE  # encrypted, and no question before the window
        app = subprocess.Popen(
            [python, "-m", "coprod_desktop", "--archive", str(archive)],
            env={**env, "QT_QPA_PLATFORM": "xcb", "QT_LINUX_ACCESSIBILITY_ALWAYS_ON": "1", "QT_ACCESSIBILITY": "1"},
            cwd=ROOT,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        try:
            deadline = time.monotonic() + timeout
            nodes = []
            while time.monotonic() < deadline:
                desktop = pyatspi.Registry.getDesktop(0)
                apps = [desktop.getChildAtIndex(i) for i in range(desktop.childCount)]
                ours = [a for a in apps if a is not None and "coprod" in (a.name or "").lower()]
                if ours:
                    nodes = _walk(ours[0])
                    if any(name.startswith("Time left on this item: ") for _r, name, _d, _n in nodes):
                        break
                time.sleep(0.5)
            _find(nodes, AT_START, found)
            found["unnamed buttons"] = sum(1 for r, n, _d, _ in nodes if r in BUTTONS and not n.strip())
            _open_self_check(nodes)
            time.sleep(1.0)
            _find(_walk(ours[0]) if nodes else [], IN_THE_SELF_CHECK, found)
        finally:
            app.terminate()
            try:
                app.wait(10)
            except subprocess.TimeoutExpired:
                app.kill()
    return found


BUTTONS = ("push button", "check box", "radio button", "toggle button")


def _find(nodes, wanted: dict, found: dict) -> None:
    for what, (role, start) in wanted.items():
        hit = next(((r, n, d) for r, n, d, _ in nodes if r == role and n.startswith(start)), None)
        found[what] = {"role": hit[0], "name": hit[1], "description": hit[2]} if hit else None


def _open_self_check(nodes) -> None:
    """Choose the Self-check tab, as a screen reader user would: through its action."""
    for role, name, _d, node in nodes:
        if role == "page tab" and name.replace("&", "").startswith("Self-check"):
            node.queryAction().doAction(0)
            return


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--python", default=str(ROOT / ".venv" / "bin" / "python"))
    args = parser.parse_args()
    found = read(args.python)
    print(json.dumps(found, indent=2, ensure_ascii=False))
    timer = found.get("timer") or {}
    ok = (
        all(found.get(what) for what in WANTED)
        and found.get("unnamed buttons") == 0
        and timer.get("description") in ("on time", "nearly out of time", "over time")
        and ("left" in timer.get("name", "") or "over" in timer.get("name", ""))
    )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
