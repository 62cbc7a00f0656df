"""Telling damage from a bug: a value the app never writes (text that is not UTF-8, a
state or role it does not know, broken JSON, a missing table) means the file was
damaged or changed by something else. It is said as damage, never as a traceback or
"please report it", and never quoting the value (it may be someone's words)."""

from __future__ import annotations

import re
from pathlib import Path

from coprod_desktop.language import _, pgettext
from coprod_desktop.storage import connection, errors


def _name(path: Path | None) -> str:
    # TRANSLATORS: stands for the file's name in "{name} is damaged…" when it is not known.
    return path.name if path is not None else pgettext("a damaged file", "The archive")


def damaged_value(what: str, path: Path | None = None) -> errors.CorruptArchive:
    """``what`` (a whole phrase, in words already translated) holds a value never written."""
    return errors.CorruptArchive(
        _(
            "{name} is damaged: {what} holds a value this app never writes. The file has not been "
            "changed. Copy it somewhere safe, then restore it from a backup copy."
        ).format(name=_name(path), what=what),
        path,
    )


def in_a_record(field: str, record: str) -> str:
    """The phrase for a field of a record, as damaged_value takes it (the names as kept)."""
    if not field:
        return _("a {record} record").format(record=record)
    return _("the {field} of a {record} record").format(field=field.replace("_", " "), record=record)


def as_damage(error: BaseException, path: Path | None = None) -> errors.ArchiveError | None:
    """The archive's own message for ``error`` if it comes from the file (damage, or the
    disk); None if it is the app's own bug."""
    if isinstance(error, errors.ArchiveError):
        return error
    if not isinstance(error, connection.DatabaseError):
        return None
    text = str(error)
    lower = text.lower()
    if "locked" in lower or "busy" in lower:
        return errors.ArchiveBusy(
            _("The archive is busy in another program. Close other copies of coprod-desktop and try again."), path
        )
    if "disk i/o" in lower or "unable to open" in lower:
        return errors.ArchiveUnavailable(
            _("The archive could not be read from the disk (was a USB stick removed?). Nothing was changed."), path
        )
    column = re.search(r"column '?([A-Za-z_]+)", text)  # "Could not decode to UTF-8 column 'text' with text …"
    if "utf-8" in lower or "decode" in lower:
        if column:
            return damaged_value(_("a text (in {column}), which is not UTF-8,").format(column=column.group(1)), path)
        return damaged_value(_("a text, which is not UTF-8,"), path)
    if "no such" in lower:  # a table or column gone: cut the reason to its kind, never the SQL
        return damaged_value(_("its layout of tables"), path)
    return errors.CorruptArchive(
        _(
            "{name} is damaged ({reason}). The file has not been changed. Copy it somewhere safe, "
            "then restore it from a backup copy."
        ).format(name=_name(path), reason=_short(lower)),
        path,
    )


def _short(reason: str) -> str:
    """SQLite's reason, without anything quoted from the file."""
    return re.split(r"[:'\"]", reason, maxsplit=1)[0].strip() or "unreadable"
