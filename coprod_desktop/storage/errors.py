"""Archive failures, each with a message a facilitator can act on."""

from __future__ import annotations

from pathlib import Path

from coprod_desktop.language import N_, _


class Title:
    """A failure's title, in the language spoken when it is read (on the class or an error)."""

    def __init__(self, english: str):
        self.english = english

    def __get__(self, error: object, kind: type | None = None) -> str:
        return _(self.english)


class ArchiveError(Exception):
    """Base class: ``str(error)`` is a complete, plain-words message."""

    title = Title(N_("The archive could not be used"))

    def __init__(self, message: str, path: Path | str | None = None):
        super().__init__(message)
        self.path = Path(path) if path is not None else None


class NotAnArchive(ArchiveError):
    title = Title(N_("This file is not a coprod-desktop archive"))


class NeedsPassphrase(NotAnArchive):
    title = Title(N_("This archive needs its passphrase"))


class WrongPassphrase(ArchiveError):
    title = Title(N_("The passphrase does not open this archive"))


class CorruptArchive(ArchiveError):
    title = Title(N_("The archive is damaged"))


class ArchiveTooNew(ArchiveError):
    title = Title(N_("The archive was made by a newer version"))


class ArchiveReadOnly(ArchiveError):
    title = Title(N_("The archive cannot be written to"))


class ArchiveBusy(ArchiveError):
    title = Title(N_("The archive is in use"))


class ArchiveUnavailable(ArchiveError):
    title = Title(N_("The archive could not be read"))


class ArchiveWriteError(ArchiveError):
    title = Title(N_("Your last change could not be saved"))


class LockedElsewhere(ArchiveWriteError):
    """Another program holds the write lock: the change can be tried again later."""

    title = Title(N_("The archive is busy in another program"))


class RecordNotFound(ArchiveError):
    title = Title(N_("Not found"))


class NoArchive(ArchiveError):
    title = Title(N_("There is no archive there"))
