"""Right-to-left in print (issue 13): Arabic joined and in order, Hebrew in order, Latin
inside Hebrew ("ה-NHS") left to right inside it, a paragraph that wraps over several lines
read from the right on each line, and an Arabic name inside an English line in order.
Read back as a reader sees it: each line's characters from left to right (pdfplumber),
Arabic's joined forms folded back to letters (NFKC) so they can be compared."""

from __future__ import annotations

import io
import unicodedata

import pdfplumber
import pytest

from coprod_desktop.app.export import build, gather
from coprod_desktop.app.sample import add_sample_group
from coprod_desktop.domain.records import Contribution, Participant
from coprod_desktop.domain.values import ContributionKind, SessionState, ShownInPrint
from coprod_desktop.reports.data import Document, Options

NAME = "فاطمة الزهراء"
HEBREW = "הצוות עזר לי עם ה-NHS"
LONG = "الممرضة كانت لطيفة جداً لكن لم يشرح أحد الأدوية، ولم يتصل بنا أحد بعد ذلك. " * 4
JOINED = {"ﻓ", "ﻃ", "ﻤ", "ﺔ"}  # initial, medial and final forms: letters joined


def _lines(pdf: bytes) -> list[tuple[str, float, float]]:
    """Every line of every page: its text left to right, where it starts and ends."""
    found = []
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        for page in doc.pages:
            rows: dict[int, list] = {}
            for char in page.chars:
                rows.setdefault(round(char["top"]), []).append(char)
            for _top, chars in sorted(rows.items()):
                chars.sort(key=lambda c: c["x0"])
                found.append(("".join(c["text"] for c in chars), chars[0]["x0"], chars[-1]["x1"]))
    return found


def _folded(text: str) -> str:
    return unicodedata.normalize("NFKC", text)


@pytest.fixture
def record(archive, today):
    group = add_sample_group(archive, today)
    closed = next(s for s in archive.sessions(group.id) if s.state is SessionState.CLOSED)
    person = archive.add(Participant(group.id, NAME, shown_in_print=ShownInPrint.BY_NAME))
    archive.set_attending(closed.id, person.id, True)
    item = archive.agenda(closed.id)[0].id
    for words in (HEBREW, LONG, f"Sam said {NAME} helped."):
        archive.add(Contribution(closed.id, words, ContributionKind.IDEA, item, participant_id=person.id))
    return build(gather(archive, closed.id), Options(Document.RECORD))


def test_an_arabic_name_in_an_english_line_is_joined_and_in_order(record):
    lines = _lines(record)
    meta = [text for text, _x0, _x1 in lines if "Idea" in text and "ﺔ" in text]
    assert meta, "the Arabic name is on the contribution's line"
    assert "ءارهزلا ةمطاف" in _folded(meta[0])  # left to right: its last word first
    assert JOINED & set(meta[0])  # drawn in joined forms, not as separate letters


def test_latin_inside_hebrew_reads_left_to_right_inside_it(record):
    hebrew = [(text, x1) for text, _x0, x1 in _lines(record) if "ה" in text and "NHS" in text]
    assert hebrew and hebrew[0][0].strip() == "NHS-ה םע יל רזע תווצה"  # not "ה-SHN"


def test_a_wrapped_arabic_paragraph_reads_from_the_right_on_each_line(record):
    lines = [
        (t, x0, x1)
        for t, x0, x1 in _lines(record)
        if any("\ufe70" <= c <= "\ufeff" for c in t)
        and not any(c.isascii() and c.isalpha() for c in t)
        and "•" not in t
    ]
    assert len(lines) >= 3  # it wraps
    first = _folded(lines[0][0]).split()
    assert first[-1][::-1] == "الممرضة"  # the paragraph's first word is at the right of its first line
    right_edges = {round(x1) for _t, _x0, x1 in lines}
    assert max(right_edges) - min(right_edges) <= 2  # set to the right, every line


def test_a_name_in_a_list_keeps_the_list_s_direction(record):
    """In the list of who took part, an Arabic name is an item like the others: its
    bullet at the left, the name in order after it (not set to the right over its bullet)."""
    item = [
        (t, x0) for t, x0, _x1 in _lines(record) if _folded(t).strip().endswith("ءارهزلا ةمطاف") and "Idea" not in t
    ]
    assert item and _folded(item[0][0]).replace(" ", "") == "•ءارهزلاةمطاف"
    others = [x0 for t, x0, _x1 in _lines(record) if t.startswith("•") and "Gwenllian" in t]
    assert others and abs(item[0][1] - others[0]) < 1


def test_an_english_sentence_with_an_arabic_name_keeps_its_own_order(record):
    said = [t for t, _x0, _x1 in _lines(record) if t.startswith("Sam said")]
    assert said and _folded(said[0]).strip() == "Sam said ءارهزلا ةمطاف helped."
