"""Exporting a session's documents: gather from the archive, build, write safely.

The PDF is written to a temporary file beside the target and renamed over it
only when complete, so a failed export never leaves a broken file behind.
"""

from __future__ import annotations

import os
import re
import tempfile
from dataclasses import replace
from pathlib import Path

from coprod_desktop.app.content import support_need_checklist
from coprod_desktop.app.deck import group_deck
from coprod_desktop.app.room import REMINDER
from coprod_desktop.domain.clock import Clock
from coprod_desktop.domain.loop import held_order, latest_reports
from coprod_desktop.domain.records import Group, Session
from coprod_desktop.domain.values import SessionState
from coprod_desktop.language import _, pgettext
from coprod_desktop.reports.data import Document, Options, SessionReport
from coprod_desktop.storage import Archive, errors


class ExportError(Exception):
    """A plain-words reason the document could not be written."""


def gather(archive: Archive, session_id: str, clock: Clock | None = None) -> SessionReport:
    """What a session's documents need; ``clock`` says how long an item still running has run."""
    session = archive.find(Session, session_id)
    if session is None:
        raise ExportError(_("There is no session with the id {id} in this archive.").format(id=repr(session_id)))
    group = archive.get(Group, session.group_id)
    later = [
        s
        for s in archive.sessions(group.id)
        if s.id != session.id
        and s.state is SessionState.PLANNED
        and s.date
        and (not session.date or s.date > session.date)
    ]
    deck = {c.key: _shipped(c) for c in group_deck(archive, group.id, include_retired=True)}
    owed = {a.id: a.what for a in archive.group_actions(group.id)} | {
        d.id: d.text for d in archive.group_decisions(group.id)
    }
    # What was said of each item at this meeting, last word only: "in progress" then "done" prints "done".
    since = [(owed.get(key, ""), rb) for key, rb in latest_reports(archive.report_backs(session_id=session.id)).items()]
    return SessionReport(
        group=group,
        session=session,
        items=archive.agenda(session.id),
        rules=archive.ground_rules(session.id),
        people=archive.participants(group.id),
        attending=archive.attending(session.id),
        contributions=archive.contributions(session.id),
        decisions=archive.decisions(session.id),
        actions=archive.actions(session.id),
        draws=archive.draws(session.id),
        cards=deck,
        reminders=archive.events(session.id, REMINDER),
        next_session=min(later, key=held_order) if later else None,
        support_labels={n.key: pgettext("content", n.label) for n in support_need_checklist()},
        since_last_time=[(text, rb) for text, rb in since if text],
        self_check=archive.self_check(session.id),
        now=(clock or Clock()).now_iso(),
    )


def _shipped(card):
    """A card of the shipped deck in the language spoken; the group's own cards as written."""
    return card if card.own else replace(card, text=pgettext("content", card.text))


def gather_group(archive: Archive, group_id: str):
    from coprod_desktop.reports.data import GroupReport

    group = archive.find(Group, group_id)
    if group is None:
        raise ExportError(_("There is no group with the id {id} in this archive.").format(id=repr(group_id)))
    sessions = sorted(archive.sessions(group.id), key=held_order)
    outcomes = archive.outcomes(group.id)
    return GroupReport(
        group=group,
        sessions=sessions,
        people=archive.participants(group.id),
        attendance={s.id: archive.attending(s.id) for s in sessions},
        contributions={s.id: archive.contributions(s.id) for s in sessions},
        decisions=archive.group_decisions(group.id),
        actions=archive.group_actions(group.id),
        report_backs=archive.report_backs(group_id=group.id),
        outcomes=outcomes,
        evidence={o.id: archive.evidence(o.id) for o in outcomes},
        self_checks={s.id: c for s in sessions if (c := archive.self_check(s.id)) is not None},
    )


def build(report, options: Options) -> bytes:
    """The document ``options`` ask for, in its language (or both); for ``each``, a
    participant summary for each person present in the language on their record."""
    from coprod_desktop.reports.languages import EACH, in_copies, in_languages
    from coprod_desktop.reports.layout import render

    if options.language == EACH and options.document in (Document.PARTICIPANT, Document.EASY_READ):
        return in_copies(lambda: _build(report, options), copies_wanted(report), render)
    return in_languages(lambda: _build(report, options), options.language, render)


def copies_wanted(report: SessionReport) -> list[tuple[str, int]]:
    """How many copies in each language the people present asked for (Welsh, English,
    both); those who said none, the language being spoken; one copy at least."""
    from coprod_desktop.domain.values import PaperLanguage
    from coprod_desktop.language import current
    from coprod_desktop.reports.languages import BOTH

    wanted: dict[str, int] = {}
    for person in report.present:
        said = PaperLanguage(person.language)
        code = current() if said is PaperLanguage.NOT_SAID else said.value
        wanted[code] = wanted.get(code, 0) + 1
    order = ["cy", "en", BOTH]
    return sorted(wanted.items(), key=lambda kv: order.index(kv[0])) or [(current(), 1)]


def _build(report, options: Options) -> bytes:
    if options.document is Document.GROUP_REPORT:
        from coprod_desktop.reports.group_report import group_report

        return group_report(report, options)
    if options.document is Document.PARTICIPANT:
        from coprod_desktop.reports.summary import participant_summary

        return participant_summary(report, options)
    if options.document is Document.EASY_READ:
        from coprod_desktop.reports.easy_read import easy_read

        return easy_read(report, options)
    from coprod_desktop.reports.record import full_record

    return full_record(report, options)


def write_atomically(data: bytes, out: Path) -> Path:
    out = Path(out).expanduser().absolute()
    if out.is_dir():
        raise ExportError(_("{path} is a folder; give a file name ending in .pdf.").format(path=out))
    if not out.parent.is_dir():
        raise ExportError(_("The folder {folder} does not exist.").format(folder=out.parent))
    try:
        fd, temp = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".part", dir=out.parent)
    except OSError as e:
        raise ExportError(
            _("Cannot write in {folder}: {reason}. Choose another folder.").format(folder=out.parent, reason=e.strerror)
        ) from e
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(temp, out)
    except OSError as e:
        Path(temp).unlink(missing_ok=True)
        raise ExportError(
            _("Cannot write {path}: {reason}. Nothing was changed.").format(path=out, reason=e.strerror)
        ) from e
    return out


def check_not_the_archive(archive: Archive, out: Path | str) -> None:
    """ExportError if ``out`` is the archive itself (or its -wal/-shm): a PDF written there
    would replace everything the group has kept."""
    if archive.path is None:
        return
    target = Path(out).expanduser().absolute().resolve()
    kept = archive.path.expanduser().absolute().resolve()
    if target in (kept, kept.with_name(kept.name + "-wal"), kept.with_name(kept.name + "-shm")):
        raise ExportError(_("{name} is the archive itself; choose another name for the PDF.").format(name=target.name))


def export_group(archive: Archive, group_id: str, options: Options, out: Path) -> Path:
    check_not_the_archive(archive, out)
    return write_atomically(build(gather_group(archive, group_id), options), out)


def export_session(archive: Archive, session_id: str, options: Options, out: Path) -> Path:
    """Build and write one document; ExportError or ArchiveError on failure."""
    check_not_the_archive(archive, out)
    try:
        report = gather(archive, session_id)
    except errors.RecordNotFound as e:
        raise ExportError(str(e)) from e
    return write_atomically(build(report, options), out)


def default_file_name(title: str, document: Document, day=None) -> str:
    """e.g. "Monthly-meeting-2026-11-23-summary.pdf": the date keeps apart sessions with one title."""
    safe = re.sub(r"[^\w\- ]+", "", title, flags=re.UNICODE).strip().replace(" ", "-")[:60] or "session"
    suffix = {
        Document.PARTICIPANT: "summary",
        Document.RECORD: "full-record",
        Document.GROUP_REPORT: "group-report",
        Document.EASY_READ: "easy-read",
    }
    dated = f"-{day.isoformat()}" if day else ""
    return f"{safe}{dated}-{suffix[document]}.pdf"
