"""What the documents say (issue 12): no double full stops, no "each action above" with
none above, the day a session ran, time added on the day shown as such, "Confidential" on
every page of a record with support needs, and no heading left alone at a page's foot."""

from __future__ import annotations

import io
import re
from datetime import UTC, datetime

import pytest
from pypdf import PdfReader
from reportlab.lib.pagesizes import A4
from reportlab.platypus import Paragraph

from coprod_desktop.domain import wording
from coprod_desktop.domain.records import Action, AgendaItem, Participant, Session
from coprod_desktop.domain.values import ActionStatus
from coprod_desktop.reports.data import Document
from coprod_desktop.reports.layout import make_styles, render

from .test_reports import export, flat, text_of, workshop  # noqa: F401 - the fixture

__all__ = ["workshop"]


def test_a_sentence_gets_one_full_stop():
    assert wording.sentence("Ended in March.") == "Ended in March."
    assert wording.sentence("Ended in March") == "Ended in March."
    assert wording.sentence("Why not?") == "Why not?" and wording.sentence("") == ""


def test_no_double_full_stop_and_no_actions_above_when_there_are_none(workshop):  # noqa: F811
    archive, s, _ = workshop
    dropped = next(a for a in archive.actions(s.id) if a.status is ActionStatus.DROPPED)
    archive.update(Action, dropped.id, what="Move the car park.", status_reason="The contract ended in March.")
    text = flat(text_of(export(archive, s, document=Document.PARTICIPANT)))
    assert "Move the car park. Why: The contract ended in March." in text and ".." not in text
    assert "each action above" in text
    for action in archive.actions(s.id):
        archive.delete(Action, action.id)
    text = flat(text_of(export(archive, s, document=Document.PARTICIPANT)))
    assert "each action above" not in text and "No actions were agreed at this meeting." in text


def test_the_record_gives_the_day_it_ran_and_time_added_on_the_day(workshop):  # noqa: F811
    archive, s, _ = workshop
    ran = datetime(2026, 11, 3, 10, 0, tzinfo=UTC).isoformat()  # a day after the planned 2 November
    archive.update(Session, s.id, actual_start=ran, actual_end=datetime(2026, 11, 3, 12, 0, tzinfo=UTC).isoformat())
    item = archive.agenda(s.id)[0]
    archive.update(AgendaItem, item.id, extra_minutes=5)
    record = flat(text_of(export(archive, s, document=Document.RECORD)))
    assert "Held: Tuesday 3 November 2026 (planned for Monday 2 November 2026)" in record
    assert f"{item.planned_minutes} min (+5)" in record
    summary = flat(text_of(export(archive, s, document=Document.PARTICIPANT)))
    assert "Tuesday 3 November 2026" in summary


def test_a_record_with_support_needs_says_confidential_on_every_page(workshop):  # noqa: F811
    archive, s, w = workshop
    for n in range(40):  # long enough for several pages
        archive.add(Participant(s.group_id, f"Person {n}", support_notes="Needs a quiet room " * 10))
    for p in archive.participants(s.group_id):
        archive.set_attending(s.id, p.id, True)
    pdf = export(archive, s, document=Document.RECORD, support_needs=True)
    pages = PdfReader(io.BytesIO(pdf)).pages
    assert len(pages) > 2
    assert all("Confidential: holds support needs" in page.extract_text() for page in pages)
    plain = PdfReader(io.BytesIO(export(archive, s, document=Document.RECORD))).pages
    assert not any("Confidential: holds" in page.extract_text() for page in plain)


@pytest.mark.parametrize("follows", ["paragraphs", "bullets", "subheading"])
def test_no_heading_is_left_at_the_foot_of_a_page(follows):
    st = make_styles(False)
    for filler in range(26, 36):  # the heading lands everywhere near the foot of the first page
        story = [Paragraph(f"Filler line {i}", st.body) for i in range(filler)]
        story.append(Paragraph("The heading to keep", st.h1))
        if follows == "subheading":
            story.append(Paragraph("A decision as its own heading", st.h2))
        style = st.bullet if follows != "paragraphs" else st.body
        story += [Paragraph(f"What follows it, line {i}", style) for i in range(30)]
        pdf = render(story, paper_size=A4, title="T", subject="S", large_print=False)
        for page in PdfReader(io.BytesIO(pdf)).pages[:-1]:
            lines = [line.strip() for line in page.extract_text().splitlines() if line.strip()]
            body = [line for line in lines if not re.fullmatch(r"(T ?)?(Page \d+)?", line)]  # not the footer
            assert body[-1] not in ("The heading to keep", "A decision as its own heading"), (follows, filler)


def test_every_chart_has_its_numbers_in_words(archive, today):
    from coprod_desktop.app.export import build, gather, gather_group
    from coprod_desktop.app.sample import add_sample_group
    from coprod_desktop.domain.values import SessionState
    from coprod_desktop.reports.data import Options

    group = add_sample_group(archive, today)
    closed = next(s for s in archive.sessions(group.id) if s.state is SessionState.CLOSED)
    summary = flat(text_of(build(gather(archive, closed.id), Options(Document.PARTICIPANT))))
    assert "In words: Carer " in summary  # contributions by role, as the chart counts them
    record = flat(text_of(build(gather(archive, closed.id), Options(Document.RECORD))))
    first = archive.agenda(closed.id)[0]
    assert f"In words: {first.title} — planned {first.planned_minutes}, actual " in record
    report = flat(text_of(build(gather_group(archive, group.id), Options(Document.GROUP_REPORT))))
    assert "In words: " in report and "hands on average at rung" in report and "the facilitator's rating" in report
