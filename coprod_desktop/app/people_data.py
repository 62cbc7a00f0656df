"""A data-protection officer's duties, as operations: what is held about a person
(subject access), erasing a person, and the groups kept past their retention period."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from coprod_desktop.app.changes import Change
from coprod_desktop.app.content import support_need_checklist
from coprod_desktop.app.export import ExportError, write_atomically
from coprod_desktop.domain.records import Group, Participant
from coprod_desktop.domain.retention import Kept, kept_until
from coprod_desktop.language import _, ngettext, pgettext
from coprod_desktop.storage import Archive, errors
from coprod_desktop.storage.person_data import Erased
from coprod_desktop.storage.safety_copies import remove_safety_copies


@dataclass(frozen=True)
class SubjectAccess:
    person: Participant
    group: Group
    held: dict[str, list[dict]]


def subject_access(archive: Archive, person_id: str) -> SubjectAccess:
    person = archive.find(Participant, person_id)
    if person is None:
        raise ExportError(
            _("There is no one with the id {id} on any roster in this archive.").format(id=repr(person_id))
        )
    held = archive.everything_about(person_id)
    labels = {n.key: pgettext("content", n.label) for n in support_need_checklist()}  # in the language spoken
    for row in held["participant"]:  # the checklist's words, not its keys
        keys = json.loads(row.get("support_needs") or "[]")
        row["support_needs"] = json.dumps([labels.get(k, k) for k in keys], ensure_ascii=False)
    return SubjectAccess(person, archive.get(Group, person.group_id), held)


def write_subject_access(found: SubjectAccess, folder: Path | str, today: date) -> tuple[Path, Path]:
    """The PDF to hand over and the same as JSON (for the person's own tools), in ``folder``;
    both readable by their owner only."""
    from coprod_desktop.reports.subject_access import subject_access_pdf

    folder = Path(folder).expanduser().absolute()
    if not folder.is_dir():
        raise ExportError(_("The folder {folder} does not exist.").format(folder=folder))
    stem = _safe(found.person.preferred_name) + f"-everything-we-hold-{today.isoformat()}"
    document = {
        "about": found.person.preferred_name,
        "group": found.group.name,
        "as_kept_on": today.isoformat(),
        "held": found.held,
    }
    data = json.dumps(document, ensure_ascii=False, indent=2).encode("utf-8")
    pdf = subject_access_pdf(found.held, group_name=found.group.name, today=today.isoformat())
    return write_atomically(pdf, folder / f"{stem}.pdf"), write_atomically(data, folder / f"{stem}.json")


class NameMismatch(ValueError):
    """The name typed to confirm an erasure is not the person's."""


def confirms(person: Participant, typed: str) -> bool:
    """An erasure is confirmed by typing the person's name (any case, spaces trimmed)."""
    return " ".join(typed.split()).casefold() == " ".join(person.preferred_name.split()).casefold() != ""


@dataclass(frozen=True)
class Erasure:
    person_name: str
    erased: Erased
    copies_removed: int
    change: Change

    def told(self) -> str:
        """What was done, in words, for the screen and the command line."""
        e = self.erased
        if e.contributions_anonymised and not e.contributions_deleted:
            n = e.contributions_anonymised
            said = ngettext(
                "{n} contribution kept with nothing linking them", "{n} contributions kept with nothing linking them", n
            ).format(n=n)
        else:
            n = e.contributions_deleted
            said = ngettext("{n} contribution deleted", "{n} contributions deleted", n).format(n=n)
        n = e.actions_unowned
        parts = [said, ngettext("{n} action without an owner now", "{n} actions without an owner now", n).format(n=n)]
        n = e.sessions_attended
        parts.append(ngettext("{n} attendance removed", "{n} attendances removed", n).format(n=n))
        if n := e.mentions_removed:
            parts.append(
                ngettext(
                    "their name taken out of other notes ({n} time)",
                    "their name taken out of other notes ({n} times)",
                    n,
                ).format(n=n)
            )
        if n := self.copies_removed:
            parts.append(ngettext("{n} safety copy removed", "{n} safety copies removed", n).format(n=n))
        if not e.log_emptied:
            parts.append(_("the write-ahead log is still in use by another program: close it, then open and quit"))
        return "; ".join(parts) + "."


def erase_person(archive: Archive, person_id: str, typed_name: str, *, delete_words: bool) -> Erasure:
    """Erase a person for good (after ``typed_name`` confirms it): from the roster and
    every record, the search index, the write-ahead log and the safety copies made before
    updates (which hold them too). Screens must forget any undo that could bring them back."""
    person = archive.find(Participant, person_id)
    if person is None:
        raise errors.RecordNotFound(_("That person is no longer on the roster."))
    if not confirms(person, typed_name):
        raise NameMismatch(_("Type {name} exactly to confirm; nothing was erased.").format(name=person.preferred_name))
    erased = archive.erase_person(person_id, delete_words=delete_words)
    copies = remove_safety_copies(archive.path) if archive.path else 0
    return Erasure(person.preferred_name, erased, copies, Change.all())


def erase_group(archive: Archive, group_id: str, typed_name: str) -> Erasure:
    """Erase a whole group (past its retention period, say): every session and person in it."""
    group = archive.find(Group, group_id)
    if group is None:
        raise errors.RecordNotFound(_("That group no longer exists."))
    if " ".join(typed_name.split()).casefold() != " ".join(group.name.split()).casefold():
        raise NameMismatch(_("Type {name} exactly to confirm; nothing was erased.").format(name=group.name))
    archive.erase_group(group_id)
    copies = remove_safety_copies(archive.path) if archive.path else 0
    return Erasure(group.name, Erased(log_emptied=archive.empty_log()), copies, Change.all())


def retention(archive: Archive) -> list[Kept]:
    """Every group with the day its notes fall due for erasure, soonest first."""
    kept = [kept_until(g, (s.date for s in archive.sessions(g.id))) for g in archive.groups()]
    return sorted(kept, key=lambda k: k.until)


def overdue(archive: Archive, today: date) -> list[Kept]:
    return [k for k in retention(archive) if k.overdue(today)]


def _safe(name: str) -> str:
    import re

    return re.sub(r"[^\w\-]+", "-", name, flags=re.UNICODE).strip("-")[:40] or "person"
