"""Proof: 300 damaged archives (byte flips, truncations, zeroed pages, damaged values,
another archive's or a damaged -wal; small and over 32 MB; plain and encrypted) through
`sessions`, `export-pdf` and `--quit-after-start`: no traceback, no exit 0 on damage, no
byte changed (a -wal kept aside keeps its bytes), and a stray -wal is always told."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

VARIANTS = int(os.environ.get("COPROD_DAMAGED_VARIANTS", "300"))


def test_damaged_archives_are_refused_plainly_and_left_as_they_were(tmp_path):
    script = Path(__file__).with_name("damaged_archives.py")
    figures = tmp_path / "figures.json"
    done = subprocess.run(
        [sys.executable, str(script), str(tmp_path / "run"), "--count", str(VARIANTS), "--json", str(figures)],
        capture_output=True, text=True, timeout=1800, stdin=subprocess.DEVNULL,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-3000:]
    summary = json.loads(figures.read_text())["summary"]
    print(done.stdout)
    assert summary["runs"] == VARIANTS * 3
    assert summary["detectably damaged"] > VARIANTS // 3  # the damage is real, not all in words
    assert summary["damaged values"] > 0 and summary["stray -wal"] > 0
    assert summary["tracebacks"] == []
    assert summary["exit 0 on damage"] == []
    assert summary["changed bytes"] == []
    assert summary["stray -wal not told"] == []
