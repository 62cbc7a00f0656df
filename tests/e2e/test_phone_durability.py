"""Kill -9 the app while 30 phones post: every post a phone was told was sent is in the
archive when it is opened again (a post is acknowledged only after its commit, and every
commit is synchronous=FULL in WAL). The app is two processes, the window's and the phones'
server's: both are killed at the same instant."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from tests.phone_load import MARKER, run_phones

ROOT = Path(__file__).resolve().parents[2]
APP = ROOT / "tests" / "benchmarks" / "phones_load.py"
PASSPHRASE = "benchmark passphrase, long enough"  # as phones_load.py's --encrypted


@pytest.mark.parametrize("encrypted", [False, True], ids=["plain", "encrypted"])
def test_every_acknowledged_post_survives_kill_9(tmp_path, encrypted):
    archive_path, url_file = tmp_path / "room.coprod.sqlite", tmp_path / "join.txt"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path / "config")}
    command = [sys.executable, str(APP), "--serve", str(url_file), "--archive", str(archive_path)]
    app = subprocess.Popen(
        command + (["--encrypted"] if encrypted else []), env=env, stdin=subprocess.DEVNULL, start_new_session=True
    )
    try:
        deadline = time.monotonic() + 60
        while not url_file.exists() or not url_file.read_text():
            assert app.poll() is None, "the app stopped before opening the room"
            assert time.monotonic() < deadline, "the room did not open"
            time.sleep(0.05)
        results: list = []
        phones = threading.Thread(target=run_phones, args=(url_file.read_text(), 30, 20), kwargs={"results": results})
        phones.start()
        deadline = time.monotonic() + 60
        while sum(1 for s in list(results) if s.acknowledged) < 100:  # well under way, however fast the machine
            assert time.monotonic() < deadline, "the phones' posts were not acknowledged"
            time.sleep(0.01)
        os.killpg(app.pid, signal.SIGKILL)  # the window and the server together
        app.wait(10)
        phones.join(120)
    finally:
        if app.poll() is None:
            os.killpg(app.pid, signal.SIGKILL)
    acknowledged = {s.marker for s in results if s.acknowledged}
    assert len(acknowledged) > 60, "the load was not under way when the app was killed"
    assert len(acknowledged) < len(results), "the app was killed after every post was sent"

    from coprod_desktop.storage import Archive

    archive = Archive.open(archive_path, create=False, passphrase=PASSPHRASE if encrypted else None)
    try:
        kept = {m.group(0) for p in archive.conn.execute("SELECT text FROM phone_posts") if (m := MARKER.search(p[0]))}
    finally:
        archive.close()
    print(f"{len(results)} posts sent, {len(acknowledged)} acknowledged before kill -9, {len(kept)} in the archive")
    assert acknowledged <= kept, f"{len(acknowledged - kept)} acknowledged posts lost"
