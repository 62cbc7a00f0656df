"""The archive's passphrase over its life, for the screens and the command line: the
recovery sheet and changing the passphrase."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from coprod_desktop.app.export import check_not_the_archive, write_atomically
from coprod_desktop.domain.passphrase import strength
from coprod_desktop.storage import Archive


class WeakPassphrase(ValueError):
    """A new passphrase too short to protect anyone."""


def write_recovery_sheet(archive: Archive, out: Path | str, today: date) -> Path:
    """The printable sheet with the archive's recovery key (private to its owner)."""
    from coprod_desktop.reports.recovery_sheet import recovery_sheet_pdf

    check_not_the_archive(archive, out)
    name = archive.path.name if archive.path else "archive"
    pdf = recovery_sheet_pdf(archive.recovery_code(), archive_name=name, made_on=today.isoformat())
    return write_atomically(pdf, Path(out))


def change_passphrase(archive: Archive, new: str) -> None:
    """Re-key under ``new``; the old passphrase and the old recovery sheet stop working."""
    chosen = strength(new)
    if not chosen.acceptable:
        raise WeakPassphrase(chosen.hint)
    archive.change_passphrase(new)


def unlocks(archive: Archive, passphrase: str) -> bool:
    """Whether ``passphrase`` is the archive's own (to lift the lock): derived as at opening
    and compared in constant time; nothing is opened or written."""
    import hmac

    from coprod_desktop.storage.keys import derive

    if archive.key is None or not passphrase:
        return False
    return hmac.compare_digest(derive(passphrase, archive.key.salt).key, archive.key.key)
