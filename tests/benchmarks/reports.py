"""PDF build time: participant summary and full record for 300 and 10,000 contributions.

    python tests/benchmarks/reports.py

Targets: at most 0.5 s each for 300 contributions; 10,000 must finish (time and
peak memory reported). Not a test: figures only.
"""

from __future__ import annotations

import resource
import tempfile
import time
import tracemalloc
from pathlib import Path

from coprod_desktop.app.export import build, gather
from coprod_desktop.app.sample import add_sample_group
from coprod_desktop.domain.clock import Clock
from coprod_desktop.domain.records import Contribution
from coprod_desktop.domain.values import ContributionKind, Role
from coprod_desktop.reports.data import Document, Options
from coprod_desktop.storage import Archive


def session_with(archive: Archive, group_id: str, n: int) -> str:
    session = next(s for s in archive.sessions(group_id) if s.state.value == "closed")
    items = archive.agenda(session.id)
    people = archive.participants(group_id)
    kinds, roles = list(ContributionKind), list(Role)
    with archive.transaction():
        for i in range(n):
            person = people[i % len(people)]
            archive.add(
                Contribution(
                    session.id,
                    f"Contribution {i}: what it is like on the day, ŵ ŷ, and what would help. " * 2,
                    kinds[i % 5],
                    items[i % len(items)].id,
                    person.id,
                    roles[i % 5],
                    quote_allowed=i % 3 == 0,
                )
            )
    return session.id


def main() -> None:
    build(gather(*_warm()), Options())  # fonts registered, modules loaded
    for n in (300, 10_000):
        with tempfile.TemporaryDirectory() as tmp:
            archive = Archive.open(Path(tmp) / "bench.sqlite")
            group = add_sample_group(archive, Clock().today())
            session_id = session_with(archive, group.id, n)
            report = gather(archive, session_id)
            for document in (Document.PARTICIPANT, Document.RECORD):
                start = time.perf_counter()
                pdf = build(report, Options(document=document))
                elapsed = time.perf_counter() - start
                tracemalloc.start()  # a second build, for memory: tracing slows it down
                build(report, Options(document=document))
                _, peak = tracemalloc.get_traced_memory()
                tracemalloc.stop()
                print(
                    f"{n:>6} contributions · {document.value:<11} {elapsed:6.2f} s · "
                    f"{len(pdf) / 1e6:5.2f} MB PDF · peak Python memory {peak / 1e6:6.1f} MB"
                )
            archive.close()
    print(
        f"process peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB "
        "(target: 300 contributions <= 0.5 s each)"
    )


def _warm():
    tmp = tempfile.mkdtemp()
    archive = Archive.open(Path(tmp) / "warm.sqlite")
    group = add_sample_group(archive, Clock().today())
    return archive, archive.sessions(group.id)[1].id


if __name__ == "__main__":
    main()
