"""A laptop that dies mid-session loses nothing that was on screen.

The app runs in its own process and captures continuously; it is killed with
SIGKILL at a random moment after at least 500 captures. Every contribution it
had shown must be in the archive, and the archive must pass integrity_check.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from coprod_desktop.app.sample import add_sample_group
from coprod_desktop.domain import live
from coprod_desktop.domain.clock import Clock
from coprod_desktop.domain.records import Session
from coprod_desktop.storage import Archive

DRIVER = Path(__file__).with_name("capture_driver.py")


def _live_archive(path: Path) -> str:
    archive = Archive.open(path)
    group = add_sample_group(archive, Clock().today())
    session = next(s for s in archive.sessions(group.id) if s.state.value == "planned")
    archive.apply_live(session.id, live.start(session, archive.agenda(session.id), "2026-11-23T10:00:00+00:00"))
    archive.close()
    return session.id


@pytest.mark.parametrize("run", range(3))
def test_sigkill_mid_capture_loses_nothing_shown(tmp_path, run):
    path = tmp_path / "room.sqlite"
    session_id = _live_archive(path)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path / "config")}
    target = 500 + random.randrange(300)
    proc = subprocess.Popen(
        [sys.executable, str(DRIVER), str(path)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        stdin=subprocess.DEVNULL,
        env=env,
        text=True,
    )
    shown: list[str] = []
    deadline = time.monotonic() + 240
    try:
        while len(shown) < target and time.monotonic() < deadline:
            line = proc.stdout.readline()
            if not line:
                break
            if line.startswith("SHOWN "):
                shown.append(line[6:].rstrip("\n"))
        time.sleep(random.random() * 0.05)  # a random moment, mid-capture or between
        proc.send_signal(signal.SIGKILL)
        rest, err = proc.communicate(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
    shown += [line[6:] for line in rest.splitlines() if line.startswith("SHOWN ")]
    assert proc.returncode == -signal.SIGKILL
    assert len(shown) >= 500, f"only {len(shown)} captures before the deadline: {err[-2000:]}"

    archive = Archive.open(path)  # also runs integrity_check, and raises if it fails
    try:
        assert archive.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        kept = {c.text for c in archive.contributions(session_id)}
        missing = [text for text in shown if text not in kept]
        assert not missing, f"{len(missing)} shown captures lost, first {missing[:3]}"
        assert archive.get(Session, session_id).state.value == "live"
    finally:
        archive.close()
