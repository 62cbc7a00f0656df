"""The key of an encrypted archive: derived once from the passphrase with Argon2id (slow on
purpose, and memory-hard), then given to SQLCipher as a raw key, so every later connection
(a background export, the integrity check) opens at once.

The salt is the first 16 bytes of the archive file itself: SQLCipher keeps it there, and a
raw key given with a salt makes a new archive with that salt.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from coprod_desktop.language import _
from coprod_desktop.storage import key_ahead
from coprod_desktop.storage.key_ahead import KEY_BYTES, SALT_BYTES, SQLITE_HEADER


@dataclass(frozen=True, repr=False)
class ArchiveKey:
    """A raw key and the archive's salt. ``repr`` never shows them."""

    key: bytes
    salt: bytes

    def __post_init__(self) -> None:
        if len(self.key) != KEY_BYTES or len(self.salt) != SALT_BYTES:
            raise ValueError("an archive key is 32 bytes and its salt 16")

    def pragma(self) -> str:
        """``PRAGMA key`` takes no parameters; this is hex digits only, made from bytes."""
        return f"PRAGMA key = \"x'{self.key.hex()}{self.salt.hex()}'\""

    def __repr__(self) -> str:
        return "ArchiveKey(…)"


def derive(passphrase: str, salt: bytes) -> ArchiveKey:
    """The key for this passphrase and salt: the one derived ahead if it was (key_ahead)."""
    raw = key_ahead.take(passphrase, salt)
    return ArchiveKey(raw if raw is not None else key_ahead.argon2id(passphrase, salt), salt)


def new_key(passphrase: str) -> ArchiveKey:
    """The key for a new archive, with a fresh random salt."""
    return derive(passphrase, os.urandom(SALT_BYTES))


def is_encrypted(path: Path) -> bool:
    """True if the file is not plain SQLite: an encrypted archive (or some other file)."""
    with path.open("rb") as f:
        header = f.read(len(SQLITE_HEADER))
    return len(header) == len(SQLITE_HEADER) and header != SQLITE_HEADER


def salt_of(path: Path) -> bytes:
    with path.open("rb") as f:
        return f.read(SALT_BYTES)


@dataclass(frozen=True, repr=False)
class RecoveryCode:
    """The archive's raw key written out for its printed recovery sheet: it opens the archive
    without the passphrase (the salt is in the file). Changing the passphrase changes the key,
    so a new sheet is made then."""

    text: str

    def key_for(self, path: Path) -> ArchiveKey:
        return ArchiveKey(parse_recovery(self.text), salt_of(path))

    def __repr__(self) -> str:
        return "RecoveryCode(…)"


def recovery_code(key: ArchiveKey) -> str:
    """64 hex digits in groups of four: easy to read aloud and to type back."""
    digits = key.key.hex().upper()
    return "-".join(digits[i : i + 4] for i in range(0, len(digits), 4))


def parse_recovery(text: str) -> bytes:
    digits = "".join(c for c in text if c not in " -\t\n").upper()
    if len(digits) != 2 * KEY_BYTES or any(c not in "0123456789ABCDEF" for c in digits):
        raise ValueError(
            _(
                "A recovery key is {count} letters and digits (0–9 and A–F, in groups of four); "
                "this has {n}. Check it against the sheet."
            ).format(count=2 * KEY_BYTES, n=len(digits))
        )
    return bytes.fromhex(digits)
