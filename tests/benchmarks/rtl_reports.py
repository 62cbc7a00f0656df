"""PDF build time with right-to-left text: 300 contributions in Arabic and Hebrew (some
with Latin inside, some wrapping over several lines, some beside a Chinese name or an
emoji), each put in order and joined, for the participant summary and the full record,
in English, Welsh and both.

    python tests/benchmarks/rtl_reports.py

Target: at most 0.5 s a document (issue 13). Not a test: figures only.
"""

from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path

from coprod_desktop.app.export import build, gather
from coprod_desktop.app.sample import add_sample_group
from coprod_desktop.domain.clock import Clock
from coprod_desktop.domain.records import Contribution, Participant
from coprod_desktop.domain.values import ContributionKind, ShownInPrint
from coprod_desktop.reports.data import Document, Options
from coprod_desktop.storage import Archive

SAID = (
    "الممرضة كانت لطيفة جداً لكن لم يشرح أحد الأدوية، ولم يتصل بنا أحد بعد ذلك.",
    "הצוות עזר לי עם ה-NHS, אבל אף אחד לא התקשר אחרי השחרור.",
    "قالوا إن الـ NHS سيتصل بنا (خلال 3 أيام) لكن لم يحدث شيء 🙂",
    "لم يخبرنا أحد بموعد النقل. " * 6,
)
NAMES = ("فاطمة الزهراء", "שרה כהן", "李小龍", "Sam 🙂")


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        archive = Archive.open(Path(tmp) / "bench.sqlite")
        group = add_sample_group(archive, Clock().today())
        session = next(s for s in archive.sessions(group.id) if s.state.value == "closed")
        item = archive.agenda(session.id)[0].id
        people = []
        for name in NAMES:
            person = archive.add(Participant(group.id, name, shown_in_print=ShownInPrint.BY_NAME))
            archive.set_attending(session.id, person.id, True)
            people.append(person)
        with archive.transaction():
            for i in range(300):
                person = people[i % len(people)]
                words = SAID[i % len(SAID)]
                archive.add(Contribution(session.id, words, ContributionKind.IDEA, item, person.id, quote_allowed=True))
        report = gather(archive, session.id)
        build(report, Options())  # fonts registered, modules loaded
        for document in (Document.PARTICIPANT, Document.RECORD):
            for language in ("en", "cy", "both"):
                times = []
                for _ in range(3):
                    start = time.perf_counter()
                    pdf = build(report, Options(document=document, language=language))
                    times.append(time.perf_counter() - start)
                print(
                    f"{document.value:12} {language:5} 300 RTL contributions: median {statistics.median(times):.3f} s "
                    f"(best {min(times):.3f}), {len(pdf) // 1024} KiB"
                )
        archive.close()


if __name__ == "__main__":
    main()
