"""Documents in Welsh, in English and in both (issue 13): a Welsh document holds none of the
documents' fixed English; a bilingual one holds both, Welsh first, the English pages marked
as English; /Lang is right for each. What people said stays as they said it."""

from __future__ import annotations

import io
import re
from functools import cache

import pytest
from babel.messages.pofile import read_po
from pypdf import PdfReader

from coprod_desktop import language
from coprod_desktop.app.export import build, gather, gather_group
from coprod_desktop.app.sample import add_sample_group
from coprod_desktop.domain.values import SessionState
from coprod_desktop.reports.data import Document, Options
from tools.catalogue import PO

PLACEHOLDER = re.compile(r"\{[^{}]*\}")
PRINTED_FROM = ("coprod_desktop/reports/", "coprod_desktop/domain/wording.py", "coprod_desktop/domain/privacy.py")


@cache
def fixed_english() -> tuple[tuple[str, str], ...]:
    """(English, Welsh) pieces of every message the documents print, as long runs of words
    between placeholders (short ones could be anyone's words)."""
    with PO.open("rb") as f:
        catalog = read_po(f)
    pieces = []
    for message in catalog:
        if not message.id or not any(where.startswith(PRINTED_FROM) for where, _ in message.locations):
            continue
        english = message.id[0] if isinstance(message.id, tuple) else message.id
        welsh = message.string[1] if isinstance(message.string, tuple) else message.string
        for piece in PLACEHOLDER.split(english):
            piece = " ".join(piece.split()).strip(" .,:;—()")
            if len(piece.split()) >= 3 and piece not in welsh:
                pieces.append((piece, welsh))
    return tuple(pieces)


def _text(pdf: bytes) -> list[str]:
    return [" ".join((page.extract_text() or "").split()) for page in PdfReader(io.BytesIO(pdf)).pages]


@pytest.fixture
def documents(archive, today):
    group = add_sample_group(archive, today)
    closed = next(s for s in archive.sessions(group.id) if s.state is SessionState.CLOSED)

    def made(choice: str):
        for document in (Document.PARTICIPANT, Document.EASY_READ, Document.RECORD):
            options = Options(document, support_needs=document is Document.RECORD, language=choice)
            yield document.value, build(gather(archive, closed.id), options)
        yield "group report", build(gather_group(archive, group.id), Options(Document.GROUP_REPORT, language=choice))

    return made


def test_the_fixed_english_is_many_pieces():
    assert len(fixed_english()) > 100  # the check below has something to find


def test_a_welsh_document_holds_none_of_the_fixed_english(documents):
    left = {}
    for name, pdf in documents(language.WELSH):
        text = " ".join(_text(pdf))
        if found := [english for english, _ in fixed_english() if english in text]:
            left[name] = found
        assert PdfReader(io.BytesIO(pdf)).trailer["/Root"]["/Lang"] == "cy-GB"
        assert "Tudalen 1" in text
    assert not left, left


def test_an_english_document_says_it_is_english(documents):
    for _name, pdf in documents(language.ENGLISH):
        reader = PdfReader(io.BytesIO(pdf))
        assert reader.trailer["/Root"]["/Lang"] == "en-GB"
        assert "Page 1" in " ".join(_text(pdf))
        assert not any(b"/Span" in page.get_contents().get_data() for page in reader.pages)


def test_a_bilingual_document_is_welsh_first_then_english_with_its_pages_marked(documents):
    for name, pdf in documents("both"):
        reader = PdfReader(io.BytesIO(pdf))
        assert reader.trailer["/Root"]["/Lang"] == "cy-GB", name
        pages = _text(pdf)
        english_from = next(n for n, text in enumerate(pages) if re.search(r"\bPage \d+\b", text))
        assert english_from > 0, name  # Welsh first
        for n, page in enumerate(reader.pages):
            marked = b"/Span <</Lang (en-GB)>> BDC" in page.get_contents().get_data()
            assert marked == (n >= english_from), (name, n)
            assert ("Tudalen" in pages[n]) == (n < english_from), (name, n)
        welsh_text, english_text = " ".join(pages[:english_from]), " ".join(pages[english_from:])
        assert not [e for e, _ in fixed_english() if e in welsh_text], name
        assert [e for e, _ in fixed_english() if e in english_text], name


def test_what_people_said_is_never_translated(documents, archive):
    """The sample's words are English: a Welsh full record prints them as they were said."""
    group = archive.groups()[0]
    closed = next(s for s in archive.sessions(group.id) if s.state is SessionState.CLOSED)
    said = [" ".join(c.text.split()) for c in archive.contributions(closed.id)]
    record = dict(documents(language.WELSH))["record"]
    text = " ".join(_text(record))
    assert said and all(words in text for words in said)


def test_a_copy_for_each_person_present_in_the_language_on_their_record(archive, today):
    from coprod_desktop.domain.records import Participant
    from coprod_desktop.domain.values import PaperLanguage

    group = add_sample_group(archive, today)
    closed = next(s for s in archive.sessions(group.id) if s.state is SessionState.CLOSED)
    present = [p for p in archive.participants(group.id) if p.id in archive.attending(closed.id)]
    wants = [PaperLanguage.WELSH, PaperLanguage.BOTH, PaperLanguage.WELSH, PaperLanguage.ENGLISH]
    for person, wanted in zip(present, wants):
        archive.update(Participant, person.id, language=wanted)
    assert archive.get(Participant, present[1].id).language is PaperLanguage.BOTH  # kept on their record
    unsaid = len(present) - len(wants)  # the rest said nothing: the language the app is in
    with language.speaking(language.ENGLISH):
        pdf = build(gather(archive, closed.id), Options(Document.PARTICIPANT, language="each"))
    pages = _text(pdf)
    firsts = [
        re.search(r"\b(Tudalen|Page) 1\b", text).group(1) for text in pages if re.search(r"\b(Tudalen|Page) 1\b", text)
    ]
    # Two Welsh copies, then each English one (one asked for, the rest unsaid), then the
    # bilingual one: its Welsh half numbered from 1, its English half going on from there.
    assert firsts == ["Tudalen"] * 2 + ["Page"] * (1 + unsaid) + ["Tudalen"]
    assert re.search(r"\bPage \d+\b", pages[-1]) and not re.search(r"\bPage 1\b", pages[-1])
