"""Every name printed right (issue 13): for names and words in Welsh, other Latin scripts
with diacritics, Arabic, Hebrew, Chinese, Japanese, Korean and emoji, every character drawn
in every document has a glyph in the font it is drawn in (read back from the PDF with
pdfplumber and checked against the font files with fontTools); none prints as a box."""

from __future__ import annotations

import io
from functools import cache
from pathlib import Path

import pdfplumber
import pytest
from fontTools.ttLib import TTFont

from coprod_desktop.app.export import build, gather, gather_group
from coprod_desktop.app.sample import add_sample_group
from coprod_desktop.assets import resource
from coprod_desktop.domain.records import AgendaItem, Contribution, Group, Participant, Session
from coprod_desktop.domain.values import ContributionKind, SessionState, ShownInPrint
from coprod_desktop.reports.data import Document, Options

NAMES = [
    "Siôn Ŵyn ap Gruffydd",
    "Zoë Łukasiewicz-Nguyễn",
    "فاطمة الزهراء",
    "שרה כהן",
    "李小龍",
    "山田 花子",
    "김민준",
    "Sam 🙂",
    "Alex 🏳️‍🌈",
]
SAID = [
    "Roedd y ward yn brysur — ond fe wnaethon nhw wrando 👍",
    "الممرضة كانت لطيفة جداً لكن لم يشرح أحد الأدوية",
    "הצוות עזר לי עם ה-NHS",
    "出院那天没有人告诉我们时间。",
    "퇴원 날에 아무도 연락하지 않았어요 😞",
]


@cache
def _cmaps() -> dict[str, frozenset[int]]:
    """Each bundled font's PostScript name → the characters it has."""
    found = {}
    for path in Path(resource("fonts")).glob("*.ttf"):
        font = TTFont(str(path), lazy=True)
        found[font["name"].getDebugName(6)] = frozenset(font.getBestCmap())
    return found


@pytest.fixture
def crowded(archive, today):
    group = add_sample_group(archive, today)
    archive.update(Group, group.id, name="Grŵp 🙂 李")
    closed = next(s for s in archive.sessions(group.id) if s.state is SessionState.CLOSED)
    archive.update(Session, closed.id, title="出院那天 · Diwrnod gadael 🏥")
    item = archive.add(AgendaItem(closed.id, "성공 사례 李 🙂", 10))
    for name in NAMES:
        person = archive.add(Participant(group.id, name, shown_in_print=ShownInPrint.BY_NAME))
        archive.set_attending(closed.id, person.id, True)
        for words in SAID:
            archive.add(
                Contribution(
                    closed.id, words, ContributionKind.IDEA, item.id, participant_id=person.id, quote_allowed=True
                )
            )
    return archive, group, closed


def _documents(archive, group, session):
    for choice in ("en", "cy", "both"):
        for large in (False, True):
            for document in (Document.PARTICIPANT, Document.EASY_READ, Document.RECORD):
                options = Options(document, large_print=large, support_needs=True, language=choice)
                yield f"{document.value} {choice} {large}", build(gather(archive, session.id), options)
            options = Options(Document.GROUP_REPORT, large_print=large, language=choice)
            yield f"group report {choice} {large}", build(gather_group(archive, group.id), options)


def test_every_character_drawn_has_a_glyph_in_its_font(crowded):
    archive, group, session = crowded
    missing = set()
    seen = set()
    for name, pdf in _documents(archive, group, session):
        with pdfplumber.open(io.BytesIO(pdf)) as doc:
            for page in doc.pages:
                for char in page.chars:
                    font = char["fontname"].split("+", 1)[-1]
                    for c in char["text"]:
                        seen.add(c)
                        if ord(c) not in _cmaps().get(font, frozenset()):
                            missing.add((name.split()[0], font, c, f"U+{ord(c):04X}"))
    assert not missing, sorted(missing)[:30]
    for name in ("李小龍", "山田", "김민준", "🙂", "Ŵ", "ễ"):  # and they were drawn
        assert all(c in seen for c in name.replace(" ", "")), name
