"""The accessible digital summary: the participant summary (or the easy read) as one
self-contained HTML file, in Welsh, in English or both, written as safely as a PDF."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from coprod_desktop import language
from coprod_desktop.app.export import ExportError, check_not_the_archive, gather, write_atomically
from coprod_desktop.reports.data import SessionReport
from coprod_desktop.storage import Archive, errors


def languages_of(choice: str | None) -> list[str]:
    """The languages a page holds, in order: both (Welsh first), or one (else the app's)."""
    if choice == "both":
        return list(language.LANGUAGES)
    return [language.known(choice) or language.current()]


def html_summary(report: SessionReport, choice: str | None = None, easy_read: bool = False) -> str:
    from coprod_desktop.reports.html_page import document
    from coprod_desktop.reports.summary import summary_blocks

    make: Callable[[SessionReport], list] = summary_blocks
    pictures: Callable[[Any], str] | None = None
    if easy_read:
        from coprod_desktop.reports.easy_read import easy_read_blocks
        from coprod_desktop.reports.pictures import svg

        make, pictures = easy_read_blocks, svg
    parts = []
    for code in languages_of(choice):
        with language.speaking(code):
            parts.append((code, make(report)))
    title = parts[0][1][0].text if parts and parts[0][1] else ""
    return document(parts, title, pictures)


def export_html(
    archive: Archive, session_id: str, out: Path, choice: str | None = None, easy_read: bool = False
) -> Path:
    """Write the page to ``out`` (ExportError or ArchiveError on failure)."""
    check_not_the_archive(archive, out)
    try:
        report = gather(archive, session_id)
    except errors.RecordNotFound as e:
        raise ExportError(str(e)) from e
    return write_atomically(html_summary(report, choice, easy_read).encode("utf-8"), out)
