"""Argon2id for an archive's key, and the one derivation started ahead on another thread.

Nothing heavier than ``threading`` is loaded here, so the command line can start it before
anything else loads (cli.early): Argon2 takes longer than loading Qt and the app together,
and it lets go of the GIL. storage.keys takes the result when the archive opens.
"""

from __future__ import annotations

import os
import threading

SALT_BYTES = 16
KEY_BYTES = 32
SQLITE_HEADER = b"SQLite format 3\x00"
# Argon2id: t=3 passes over 64 MiB, one lane (RFC 9106's second recommended option, but
# one lane): about a seventh of a second on a 2-core laptop. Changing these changes
# every key: archives made with them would no longer open.
TIME_COST, MEMORY_KIB, LANES = 3, 64 * 1024, 1


def argon2id(passphrase: str, salt: bytes) -> bytes:
    from argon2.low_level import Type, hash_secret_raw

    if not passphrase:
        from coprod_desktop.language import _  # only now: nothing but threading loads at start

        raise ValueError(_("An empty passphrase cannot protect an archive."))
    return hash_secret_raw(
        passphrase.encode("utf-8"), salt, time_cost=TIME_COST, memory_cost=MEMORY_KIB, parallelism=LANES,
        hash_len=KEY_BYTES, type=Type.ID,
    )  # fmt: skip


class _Early:
    """A key being derived on another thread (concurrent.futures costs more to import)."""

    def __init__(self) -> None:
        self.done = threading.Event()
        self.raw: bytes | None = None
        self.error: BaseException | None = None

    def run(self, passphrase: str, salt: bytes) -> None:
        try:
            self.raw = argon2id(passphrase, salt)
        except BaseException as error:
            self.error = error
        finally:
            self.done.set()

    def result(self) -> bytes:
        self.done.wait()
        if self.raw is None:
            raise self.error or ValueError("no key")
        return self.raw


_ahead: dict[tuple[str, bytes], _Early] = {}


def start(passphrase: str, path: str | os.PathLike[str]) -> None:
    """Start deriving the key of the encrypted archive at ``path``. Anything wrong (no
    file, a plain one) is left for the opening to say."""
    try:
        with open(path, "rb") as f:
            salt = f.read(len(SQLITE_HEADER))
    except (OSError, ValueError):
        return
    if not passphrase or len(salt) < SALT_BYTES or salt == SQLITE_HEADER or (passphrase, salt) in _ahead:
        return
    early = _Early()
    _ahead.clear()
    _ahead[(passphrase, salt)] = early
    threading.Thread(target=early.run, args=(passphrase, salt), name="derive-key", daemon=True).start()


def pending() -> bool:
    """True while a key started ahead is still being derived: time to load what the
    opening needs after it."""
    return any(not early.done.is_set() for early in _ahead.values())


def take(passphrase: str, salt: bytes) -> bytes | None:
    """The key started ahead for this passphrase and salt (waiting for it), or None."""
    early = _ahead.pop((passphrase, salt), None)
    return None if early is None else early.result()
