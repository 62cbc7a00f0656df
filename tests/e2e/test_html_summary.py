"""The accessible digital summary (issue 13): the participant summary as one self-contained
HTML file, in English, in Welsh and in both, and the easy read, has 0 axe-core violations in
headless Chromium; holds the same people and words as the printed summary, never anyone
shown "not at all"; loads nothing from elsewhere; says each language's lang."""

from __future__ import annotations

import re

import pytest

from coprod_desktop.app.export import gather
from coprod_desktop.app.export_html import html_summary
from coprod_desktop.app.sample import add_sample_group
from coprod_desktop.domain.records import Contribution, Participant
from coprod_desktop.domain.values import ContributionKind, SessionState, ShownInPrint

from .axe import axe_script, violations

HIDDEN = "Zylphia Quenby-Marsh"  # shown "not at all": in no page


@pytest.fixture
def report(archive, today):
    group = add_sample_group(archive, today)
    closed = next(s for s in archive.sessions(group.id) if s.state is SessionState.CLOSED)
    item = archive.agenda(closed.id)[0].id
    for name, shown in (
        ("فاطمة الزهراء", ShownInPrint.BY_NAME),
        ("李小龍 🙂", ShownInPrint.BY_NAME),
        (HIDDEN, ShownInPrint.NOT_AT_ALL),
    ):
        person = archive.add(Participant(group.id, name, shown_in_print=shown))
        archive.set_attending(closed.id, person.id, True)
        archive.add(
            Contribution(
                closed.id,
                f"الممرضة كانت لطيفة — {name} <b>&amp;",
                ContributionKind.IDEA,
                item,
                person.id,
                quote_allowed=True,
            )
        )
    return gather(archive, closed.id)


PAGES = {
    "English": dict(choice="en"),
    "Welsh": dict(choice="cy"),
    "both": dict(choice="both"),
    "easy read English": dict(choice="en", easy_read=True),
    "easy read Welsh": dict(choice="cy", easy_read=True),
}


def test_every_page_has_no_axe_violations(report, chromium, tmp_path):
    found = {}
    for name, how in PAGES.items():
        page = tmp_path / f"{name}.html"
        page.write_text(html_summary(report, **how), encoding="utf-8")
        if problems := violations(chromium, page):
            found[name] = [(v["id"], v["help"], [n.get("target") for n in v["nodes"]][:3]) for v in problems]
    assert not found, (axe_script()[1], found)


def test_the_check_can_fail(chromium, tmp_path):
    page = tmp_path / "bad.html"
    page.write_text("<html><body><img src='x.png'><h3>Skipped levels</h3></body></html>", encoding="utf-8")
    assert {v["id"] for v in violations(chromium, page)} >= {"image-alt", "html-has-lang"}


def test_the_pages_say_their_languages_and_load_nothing(report):
    for name, how in PAGES.items():
        html = html_summary(report, **how)
        assert not re.search(r"""(src|href)=["'](https?:|//)""", html), name  # nothing from elsewhere
        assert "<script" not in html and "<link" not in html and "@import" not in html, name
        assert HIDDEN not in html and "Zylphia" not in html, name
        assert "&lt;b&gt;&amp;amp;" in html, name  # typed markup printed as typed, escaped
    both = html_summary(report, choice="both")
    assert both.startswith('<!DOCTYPE html>\n<html lang="cy-GB">')
    assert '<article id="en" lang="en-GB">' in both and both.index('id="cy"') < both.index('id="en"')
    assert '<html lang="en-GB">' in html_summary(report, choice="en")


def test_the_page_holds_what_the_printed_summary_says(report):
    """The same names and quotes as the PDF's content (made from the same blocks)."""
    from coprod_desktop.reports.summary import summary_blocks

    html = html_summary(report, choice="en")
    for block in summary_blocks(report):
        if block.kind in ("title", "h1", "quote"):
            assert (
                block.text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace('"', "&quot;")
                .replace("'", "&#x27;")
                in html
            )
