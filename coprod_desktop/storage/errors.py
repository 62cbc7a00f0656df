"""Archive failures, each with a message a facilitator can act on."""

from __future__ import annotations

from pathlib import Path


class ArchiveError(Exception):
    """Base class: ``str(error)`` is a complete, plain-words message."""

    title = "The archive could not be used"

    def __init__(self, message: str, path: Path | str | None = None):
        super().__init__(message)
        self.path = Path(path) if path is not None else None


class NotAnArchive(ArchiveError):
    title = "This file is not a coprod-desktop archive"


class NeedsPassphrase(NotAnArchive):
    title = "This archive needs its passphrase"


class WrongPassphrase(ArchiveError):
    title = "The passphrase does not open this archive"


class CorruptArchive(ArchiveError):
    title = "The archive is damaged"


class ArchiveTooNew(ArchiveError):
    title = "The archive was made by a newer version"


class ArchiveReadOnly(ArchiveError):
    title = "The archive cannot be written to"


class ArchiveBusy(ArchiveError):
    title = "The archive is in use"


class ArchiveUnavailable(ArchiveError):
    title = "The archive could not be read"


class ArchiveWriteError(ArchiveError):
    title = "Your last change could not be saved"


class LockedElsewhere(ArchiveWriteError):
    """Another program holds the write lock: the change can be tried again later."""

    title = "The archive is busy in another program"


class RecordNotFound(ArchiveError):
    title = "Not found"


class NoArchive(ArchiveError):
    title = "There is no archive there"
