"""The app read from outside through AT-SPI, as a screen reader reads it (issue 12): the
timer's time and state in words, and the names of controls that had none. Needs Xvfb, a
session bus, at-spi2-core and the system Python's pyatspi (.ci/run installs them)."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).parent


def _can_read() -> bool:
    if not (shutil.which("Xvfb") and shutil.which("dbus-run-session")):
        return False
    if not Path("/usr/libexec/at-spi-bus-launcher").exists():
        return False
    return subprocess.run(["/usr/bin/python3", "-c", "import pyatspi"], capture_output=True).returncode == 0


@pytest.mark.skipif(not _can_read(), reason="needs Xvfb, dbus-run-session, at-spi2-core and python3-pyatspi")
def test_a_screen_reader_hears_the_timer_and_every_name():
    done = subprocess.run(
        ["bash", str(HERE / "atspi_session.sh"), "--python", sys.executable],
        capture_output=True,
        text=True,
        timeout=240,
    )
    assert done.stdout.strip(), done.stderr[-2000:]
    read = json.loads(done.stdout)
    timer = read["timer"]
    assert timer and timer["name"].startswith("Time left on this item: ") and timer["name"].endswith(" left")
    assert timer["description"] == "on time"  # words, not "normal"
    for what in ("agenda", "capture box", "who box", "deck category", "self-check rung 1", "own rating"):
        assert read[what], what
    assert read["deck category"]["name"] == "Category"  # not its current choice, "Any category"
    assert read["unnamed buttons"] == 0
    assert done.returncode == 0, done.stdout
