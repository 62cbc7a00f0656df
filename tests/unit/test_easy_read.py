"""The easy-read summary (issue 13): at least 16 pt throughout (the footer apart), a
picture beside each section, what we agreed and what happens next first, short lines, in
Welsh and in English, never naming anyone who asked not to be."""

from __future__ import annotations

import io

import pdfplumber
import pytest

from coprod_desktop import language
from coprod_desktop.app.export import build, gather
from coprod_desktop.app.sample import add_sample_group
from coprod_desktop.domain.records import Participant
from coprod_desktop.domain.values import SessionState, ShownInPrint
from coprod_desktop.reports.data import Document, Options
from coprod_desktop.reports.easy_read import easy_read_blocks

HIDDEN = "Zylphia Quenby-Marsh"


@pytest.fixture
def report(archive, today):
    group = add_sample_group(archive, today)
    closed = next(s for s in archive.sessions(group.id) if s.state is SessionState.CLOSED)
    person = archive.add(Participant(group.id, HIDDEN, shown_in_print=ShownInPrint.NOT_AT_ALL))
    archive.set_attending(closed.id, person.id, True)
    return gather(archive, closed.id)


def _pdf(report, code: str) -> bytes:
    return build(report, Options(Document.EASY_READ, language=code))


@pytest.mark.parametrize("code", [language.ENGLISH, language.WELSH])
def test_every_word_is_at_least_16_pt_but_the_footer(report, code):
    with pdfplumber.open(io.BytesIO(_pdf(report, code))) as doc:
        for page in doc.pages:
            body = [c for c in page.chars if c["top"] < page.height - 60]
            assert body and min(c["size"] for c in body) >= 16 - 0.01


@pytest.mark.parametrize("code", [language.ENGLISH, language.WELSH])
def test_a_picture_beside_each_section_and_agreed_and_next_first(report, code):
    with language.speaking(code):
        blocks = easy_read_blocks(report)
    headings = [b.text for b in blocks if b.kind == "h1"]
    pictures = [b for b in blocks if b.kind == "picture"]
    assert len(pictures) == len(headings) >= 5 and all(p.label for p in pictures)
    with language.speaking(code):
        assert headings[:2] == [language._("What we agreed"), language._("What happens next")]
    with pdfplumber.open(io.BytesIO(_pdf(report, code))) as doc:
        drawn = sum(len(page.curves) + len(page.rects) + len(page.lines) for page in doc.pages)
        text = "\n".join(page.extract_text() for page in doc.pages)
    assert drawn >= len(pictures) * 2  # each picture is a few shapes
    for heading in headings:
        assert heading in text
    assert text.index(headings[0]) < text.index(headings[1]) < text.index(headings[2])


def test_lines_are_short_and_no_one_hidden_is_named(report):
    for code in language.LANGUAGES:
        with language.speaking(code):
            blocks = easy_read_blocks(report)
        ours = [b.text for b in blocks if b.kind in ("p", "h1") and not b.own_words]
        assert max(len(t.split()) for t in ours) <= 22  # one idea a line, in short sentences
        assert HIDDEN not in " ".join(b.text + b.attribution for b in blocks)
        with pdfplumber.open(io.BytesIO(_pdf(report, code))) as doc:
            assert HIDDEN not in " ".join(page.extract_text() for page in doc.pages)
