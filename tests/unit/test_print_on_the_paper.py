"""Large print never leaves the paper (issue 13): with long titles, long names and many
agenda items, no character of any document lies outside its page, the footer's title never
runs into "Page N", and every font is embedded (no Helvetica from ReportLab's defaults)."""

from __future__ import annotations

import io

import pdfplumber
import pytest
from pypdf import PdfReader

from coprod_desktop.app.export import build, gather, gather_group
from coprod_desktop.app.sample import add_sample_group
from coprod_desktop.domain.records import AgendaItem, Group, Participant, Session
from coprod_desktop.domain.values import SessionState
from coprod_desktop.reports.data import Document, Options, Paper

LONG = "Sesiwn adborth ar restr wirio'r diwrnod gadael ysbyty gyda gofalwyr, cleifion a staff y ward"


@pytest.fixture
def crowded(archive, today):
    group = add_sample_group(archive, today)
    archive.update(Group, group.id, name=f"{LONG} — grŵp")
    closed = next(s for s in archive.sessions(group.id) if s.state is SessionState.CLOSED)
    archive.update(Session, closed.id, title=LONG)
    for n in range(14):
        archive.add(AgendaItem(closed.id, f"Eitem {n}: {LONG[: 20 + n * 5]}", 5 + n))
    for p in archive.participants(group.id)[:2]:
        archive.update(Participant, p.id, preferred_name=f"{p.preferred_name} ap Gruffudd ab Owain Llewelyn-Jones")
    return archive, group, closed


def _documents(archive, group, session):
    for paper in (Paper.A4, Paper.LETTER):
        for document in (Document.PARTICIPANT, Document.EASY_READ, Document.RECORD):
            options = Options(document, paper, True, support_needs=document is Document.RECORD)
            yield f"{document.value} {paper.name}", build(gather(archive, session.id), options)
        yield (
            f"group report {paper.name}",
            build(gather_group(archive, group.id), Options(Document.GROUP_REPORT, paper, True)),
        )


def test_nothing_in_large_print_lies_off_the_page(crowded):
    archive, group, session = crowded
    off = []
    for name, pdf in _documents(archive, group, session):
        with pdfplumber.open(io.BytesIO(pdf)) as doc:
            for number, page in enumerate(doc.pages, start=1):
                for char in page.chars:
                    if (
                        char["x0"] < -0.5
                        or char["x1"] > page.width + 0.5
                        or char["top"] < -0.5
                        or char["bottom"] > page.height + 0.5
                    ):
                        off.append((name, number, char["text"], round(char["x0"]), round(char["x1"])))
                        break
    assert not off, off[:10]


def test_the_footer_title_never_runs_into_the_page_number(crowded):
    archive, group, session = crowded
    for name, pdf in _documents(archive, group, session):
        with pdfplumber.open(io.BytesIO(pdf)) as doc:
            for page in doc.pages:
                words = page.extract_words()
                number = next(w for w in reversed(words) if w["text"] == "Page")
                same_line = [w for w in words if abs(w["bottom"] - number["bottom"]) < 2 and w is not number]
                left = [w for w in same_line if w["x1"] <= number["x0"] + 0.5]
                assert all(w["x1"] < number["x0"] - 4 for w in left), name


def test_every_font_is_embedded(crowded):
    archive, group, session = crowded
    for name, pdf in _documents(archive, group, session):
        for page in PdfReader(io.BytesIO(pdf)).pages:
            fonts = page["/Resources"].get("/Font", {})
            for key, ref in fonts.items():
                font = ref.get_object()
                descendants = font.get("/DescendantFonts")
                described = (descendants[0].get_object() if descendants else font).get("/FontDescriptor")
                embedded = described is not None and any(
                    f in described.get_object() for f in ("/FontFile", "/FontFile2", "/FontFile3")
                )
                assert embedded, (name, key, font.get("/BaseFont"))
