"""Full-text search and start-up on a large archive: 1,000 sessions, 500,000 contributions.

    python tests/benchmarks/search.py [--sessions 1000] [--per-session 500] [--keep PATH]

Prints: time to build the archive; top-20 search times over a mix of common,
rare and two-word queries (target: median <= 50 ms); and --quit-after-start on
this archive against an empty one (target ratio <= 1.2; --quit-after-start waits for the
full check, structure and values, before it exits, which the window does in the
background). With --encrypted, all of it on an archive encrypted with SQLCipher. Not a
test: figures only.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

WORDS = (
    "carer ward discharge transport checklist home nurse pharmacy letter phone wait hours "
    "family support key safe equipment stairs bed meals medicine Welsh English rota night "
    "doctor social worker council taxi lift weekend form leaflet visit volunteer respite "
    "trust listen explain decide change plan money benefit advocate interpreter"
).split()


PASSPHRASE = "benchmark passphrase, long enough"


def build(path: Path, sessions: int, per_session: int, passphrase: str | None = None) -> float:
    from coprod_desktop.domain.records import Group, Session, new_id
    from coprod_desktop.storage import Archive

    rng = random.Random(5)
    start = time.perf_counter()
    archive = Archive.open(path, passphrase=passphrase)
    groups = [archive.add(Group(f"Group {g}")) for g in range(max(1, sessions // 20))]
    kinds = ("idea", "experience", "concern", "question", "strength")
    with archive.transaction():
        for n in range(sessions):
            group = groups[n % len(groups)]
            session = archive.add(Session(group.id, f"Session {n}", date=date(2020, 1, 1) + timedelta(days=n)))
            rows = (
                {
                    "id": new_id(),
                    "session_id": session.id,
                    "agenda_item_id": None,
                    "text": " ".join(rng.choice(WORDS) for _ in range(rng.randint(6, 24))),
                    "kind": kinds[i % 5],
                    "participant_id": None,
                    "role": None,
                    "quote_allowed": 0,
                    "created_at": f"2020-01-01T10:{i // 60 % 60:02d}:{i % 60:02d}+00:00",
                    "card_key": None,
                }
                for i in range(per_session)
            )
            archive.db["contributions"].insert_all(rows, batch_size=500)
    archive.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    archive.close()
    return time.perf_counter() - start


def startup(archive: Path, runs: int, passphrase: str | None = None) -> float:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": tempfile.mkdtemp()}
    if passphrase:
        env["COPROD_PASSPHRASE"] = passphrase
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "coprod_desktop", "--archive", str(archive), "--quit-after-start"],
            check=True,
            env=env,
            capture_output=True,
            stdin=subprocess.DEVNULL,
        )
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sessions", type=int, default=1000)
    parser.add_argument("--per-session", type=int, default=500)
    parser.add_argument("--keep", type=Path, help="reuse (or keep) the big archive at this path")
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--encrypted", action="store_true", help="the archive encrypted with SQLCipher")
    args = parser.parse_args()
    passphrase = PASSPHRASE if args.encrypted else None
    folder = Path(tempfile.mkdtemp())
    path = args.keep or folder / "big.sqlite"
    if not path.exists():
        seconds = build(path, args.sessions, args.per_session, passphrase)
        print(
            f"built {args.sessions} sessions x {args.per_session} contributions in {seconds:.0f} s; "
            f"{path.stat().st_size / 1e6:.0f} MB"
        )

    from coprod_desktop.storage import Archive

    archive = Archive.open(path, passphrase=passphrase)
    queries = [
        "carer",
        "transport",
        "key safe",
        "discharge checklist",
        "interpreter weekend",
        "respite",
        "phone wait hours",
        "medicine",
        "social worker",
        "volunteer",
        "xylophone",
        "Welsh leaflet",
    ]
    for q in queries:  # warm the cache once
        archive.search(q)
    times = []
    for _ in range(5):
        for q in queries:
            t = time.perf_counter()
            hits = archive.search(q, limit=20)
            times.append((time.perf_counter() - t) * 1000)
            assert len(hits) <= 20
    archive.close()
    times.sort()
    print(
        f"search top 20: median {statistics.median(times):.1f} ms, p95 {times[int(len(times) * 0.95)]:.1f} ms, "
        f"max {times[-1]:.1f} ms over {len(times)} queries (target median <= 50)"
    )

    empty = folder / "empty.sqlite"
    Archive.open(empty, passphrase=passphrase).close()
    big_s, empty_s = startup(path, args.runs, passphrase), startup(empty, args.runs, passphrase)
    print(
        f"--quit-after-start: empty {empty_s * 1000:.0f} ms, big {big_s * 1000:.0f} ms, "
        f"ratio {big_s / empty_s:.2f} (target <= 1.2)"
    )


if __name__ == "__main__":
    main()
