""" "Remember on this laptop": the archive's key kept in the operating system's keyring
(Keychain, Windows Credential Locker, the Secret Service), through ``keyring``.

What is kept is the archive's raw key (as its recovery key is written), never the
passphrase itself, which may open other things too. Where there is no keyring, or it
is locked or refuses, nothing is kept and the passphrase is asked as before. ``keyring``
is imported only when this is used: it takes a third of a second to look for backends.
"""

from __future__ import annotations

import contextlib
import logging
from pathlib import Path

from coprod_desktop.storage import Archive
from coprod_desktop.storage.keys import RecoveryCode

SERVICE = "coprod-desktop"
log = logging.getLogger(__name__)


def account(path: Path) -> str:
    """The keyring entry's name for an archive: from its full path, not showing it."""
    import hashlib  # loads OpenSSL: not at start-up

    return "archive-" + hashlib.sha256(str(Path(path).expanduser().absolute()).encode("utf-8")).hexdigest()[:24]


def _keyring():
    """The keyring module if there is a usable backend here, else None."""
    try:
        import keyring
        from keyring.backends import fail

        backend = keyring.get_keyring()
    except Exception:  # no module, a broken backend: as if there were none
        return None
    if isinstance(backend, fail.Keyring) or getattr(backend, "priority", 0) <= 0:
        return None
    return keyring


def remember(archive: Archive) -> bool:
    """Keep the archive's key in the keyring; False if there is none or it refused."""
    keyring = _keyring()
    if keyring is None or archive.path is None or not archive.encrypted:
        return False
    try:
        keyring.set_password(SERVICE, account(archive.path), archive.recovery_code())
    except Exception as error:  # locked, refused, no D-Bus: say no, never fail the app
        log.warning("the keyring did not keep the key (%s)", type(error).__name__)
        return False
    return True


def remembered(path: Path) -> RecoveryCode | None:
    keyring = _keyring()
    if keyring is None:
        return None
    try:
        code = keyring.get_password(SERVICE, account(path))
    except Exception as error:
        log.warning("the keyring could not be read (%s)", type(error).__name__)
        return None
    return RecoveryCode(code) if code else None


def forget(path: Path) -> None:
    keyring = _keyring()
    if keyring is None:
        return
    with contextlib.suppress(Exception):  # not there, or the keyring refused: nothing more to do
        keyring.delete_password(SERVICE, account(path))
