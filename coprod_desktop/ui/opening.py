"""Opening the archive at start: the passphrase asked first where one may open it, a new
archive made encrypted, a plain one offered encryption, and clear words for every problem."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from coprod_desktop.app import remembered
from coprod_desktop.domain.clock import Clock
from coprod_desktop.language import _
from coprod_desktop.storage import Archive, ArchiveError, errors
from coprod_desktop.storage.keys import RecoveryCode
from coprod_desktop.ui.dialogs.simple import offer
from coprod_desktop.ui.settings import AppSettings

log = logging.getLogger("coprod_desktop")


def _is_new(path: Path) -> bool:
    try:
        return not path.exists() or (path.is_file() and path.stat().st_size == 0)
    except OSError:
        return False  # Archive.open says why it cannot be reached


def open_archive_interactively(
    path: Path, passphrase: str | None = None, settings: AppSettings | None = None
) -> Archive | None:
    """Open ``path``, asking for its passphrase if it is encrypted (unless its key is
    remembered on this laptop); on failure explain and offer another file. None if the
    user quits."""
    from coprod_desktop.ui.dialogs.passphrase import NewPassphraseDialog, PassphraseDialog
    from coprod_desktop.ui.dialogs.simple import ArchiveProblem

    settings = settings or AppSettings()
    secret: str | RecoveryCode | None = passphrase
    from_keyring = secret is None and settings.remembers_key(remembered.account(path))
    if from_keyring:
        secret = remembered.remembered(path)
        from_keyring = secret is not None
    remember = False
    while True:
        new = _is_new(path)
        if new and secret is None:
            secret = NewPassphraseDialog.ask(
                None,
                _("A new archive, {name}, will be made. It is encrypted with a passphrase you choose.").format(
                    name=path.name
                ),
            )
            if secret is None:
                return None
        try:
            archive = Archive.open(path, passphrase=secret)
        except ArchiveError as error:
            if isinstance(error, errors.NeedsPassphrase | errors.WrongPassphrase):
                wrong = isinstance(error, errors.WrongPassphrase) and not from_keyring
                if from_keyring:  # the key kept is an old one (the passphrase changed elsewhere)
                    settings.set_remembers_key(remembered.account(path), False)
                    from_keyring = False
                secret, remember = PassphraseDialog.ask_remembering(path, str(error) if wrong else None)
                if secret is not None:
                    continue
            log.warning("cannot open %s: %s", path, error)
            if ArchiveProblem.ask(error.title, str(error)) != ArchiveProblem.CHOOSE:
                return None
            chosen = ArchiveProblem.choose_file(path.parent)
            if chosen is None:
                return None
            path, secret = chosen, None
            continue
        if isinstance(secret, RecoveryCode) and not from_keyring:
            choose_new_passphrase_after_recovery(archive)
        if remember and archive.encrypted:
            remember_on_this_laptop(archive, settings)
        if new and archive.encrypted:
            RecoverySheet.offer(None, archive)
        if not new and not archive.encrypted:
            archive = offer_encryption(archive)
        return archive


def remember_on_this_laptop(archive: Archive, settings: AppSettings, parent: QWidget | None = None) -> bool:
    """Put the archive's key in the keyring, or say plainly why it could not be."""
    if archive.path is None:
        return False
    kept = remembered.remember(archive)
    settings.set_remembers_key(remembered.account(archive.path), kept)
    if not kept:
        QMessageBox.information(
            parent,
            _("Not remembered"),
            _(
                "This laptop has no keyring that coprod-desktop can use (or it refused), so the "
                "passphrase will be asked each time, as before."
            ),
        )
    return kept


def choose_new_passphrase_after_recovery(archive: Archive) -> None:
    from coprod_desktop.ui.dialogs.passphrase import NewPassphraseDialog

    chosen = NewPassphraseDialog.ask(
        None,
        _("The recovery key opened the archive. Choose a new passphrase for it now; a new recovery sheet follows."),
    )
    if chosen is None:
        return
    try:
        archive.change_passphrase(chosen)
    except ArchiveError as error:
        QMessageBox.warning(None, _("The passphrase was not changed"), str(error))
        return
    RecoverySheet.offer(None, archive)


def offer_encryption(archive: Archive) -> Archive:
    """A plain archive (made before encryption came): encrypt it, with consent. The plain
    file is replaced only once the encrypted one is verified (storage.encryption)."""
    from coprod_desktop.ui.dialogs.passphrase import NewPassphraseDialog

    if not EncryptOffer.ask(None, archive.path):
        return archive
    intro = _("{name} will be encrypted with the passphrase you choose.").format(name=archive.path.name)
    chosen = NewPassphraseDialog.ask(None, intro)
    if chosen is None:
        return archive
    path = archive.path
    archive.close()
    try:
        encrypted = Archive.encrypt(path, chosen)
    except ArchiveError as error:
        said = _("{error}\n\nIt opens as it was, unencrypted.").format(error=error)
        QMessageBox.warning(None, _("The archive was not encrypted"), said)
        return Archive.open(path, create=False)
    RecoverySheet.offer(None, encrypted)
    return encrypted


class EncryptOffer:
    @classmethod
    def ask(cls, parent: QWidget | None, path: Path | None) -> bool:
        if path:
            text = _(
                "{name} is not encrypted: whoever has this laptop can read every name, support need and story "
                "in it.\n\nEncrypt it now with a passphrase? It takes a moment; the unencrypted file is "
                "replaced only once the encrypted one has been checked."
            ).format(name=path.name)
        else:
            text = _(
                "This archive is not encrypted: whoever has this laptop can read every name, support need and "
                "story in it.\n\nEncrypt it now with a passphrase? It takes a moment; the unencrypted file is "
                "replaced only once the encrypted one has been checked."
            )
        return offer(parent, _("Encrypt this archive?"), text, _("Encrypt it"), _("Not now (ask again next time)"))


class RecoverySheet:
    """Offers to save the recovery sheet as a PDF to print."""

    @classmethod
    def offer(cls, parent: QWidget | None, archive: Archive) -> None:
        if offer(
            parent,
            _("Print the recovery sheet"),
            _(
                "The recovery sheet holds a key that opens the archive if the passphrase is forgotten. "
                "Save it, print it, keep it locked away from the laptop, then delete the file."
            ),
            _("Save the sheet…"),
            _("Not now"),
            QMessageBox.Information,
        ):
            cls.save(parent, archive)

    @classmethod
    def save(cls, parent: QWidget | None, archive: Archive) -> None:
        from coprod_desktop.app.export import ExportError
        from coprod_desktop.app.protection import write_recovery_sheet

        start = str(Path.home() / "recovery-key.pdf")
        out, _chosen = QFileDialog.getSaveFileName(parent, _("Save the recovery sheet"), start, "PDF (*.pdf)")
        if not out:
            return
        try:
            write_recovery_sheet(archive, out, Clock().today())
        except (ExportError, ArchiveError) as error:
            QMessageBox.warning(parent, _("The sheet was not saved"), str(error))
