"""What the window's start begins before the command line is parsed: an encrypted
archive's key, derived on another thread (storage.key_ahead) while argparse, Qt
and the app load (Argon2 takes longer than all of them); and the language the help and
every message are said in, which must be known before the parser is built.

A guess from the raw arguments, never a decision: parsing them properly still decides
everything, and a guess that was wrong (a subcommand, another archive) costs only the
thread's time, since the opening uses a key derived ahead only for the same passphrase
and salt.
"""

from __future__ import annotations

import os
from pathlib import Path

from coprod_desktop.assets import PASSPHRASE_ENV, default_archive_path

VALUED = ("--archive", "--passphrase-file", "--language")
# The person's locale, as gettext reads it: the first of these that is set.
LOCALE_ENV = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")


def derive_key_early(argv: list[str]) -> None:
    given: dict[str, str] = {}
    tokens = iter(argv)
    for token in tokens:
        name, equals, value = token.partition("=")
        if name in VALUED:
            given[name] = value if equals else next(tokens, "")
        elif not token.startswith("-"):
            return  # a subcommand: no window, and its own options
    try:
        passphrase = passphrase_given(given.get("--passphrase-file"))
        if not passphrase:
            return  # asked for in a dialog, once Qt is up
        path = Path(given["--archive"]) if given.get("--archive") else default_archive_path()
    except (OSError, ValueError):
        return
    from coprod_desktop.storage import key_ahead

    key_ahead.start(passphrase, path)


def choose_language(argv: list[str]) -> str | None:
    """Speak the language asked for with --language (anywhere on the line), else the
    person's locale if it is Welsh or English; otherwise leave it as it is (English).
    Returns the language asked for on the line, if one was."""
    from coprod_desktop.language import known, set_language  # stdlib gettext only: cheap

    asked: str | None = None
    tokens = iter(argv)
    for token in tokens:
        if token == "--":
            break
        name, equals, value = token.partition("=")
        if name == "--language":
            asked = value if equals else next(tokens, "")
    explicit = known(asked)
    if asked is None:
        locale = next((os.environ[v] for v in LOCALE_ENV if os.environ.get(v)), "")
        asked = locale.split(":")[0]
    if known(asked):
        set_language(str(asked))
    return explicit


def passphrase_given(file: str | None) -> str | None:
    """From --passphrase-file (its first line), else $COPROD_PASSPHRASE, else None (ask)."""
    if file:
        return read_secret(file)
    return os.environ.get(PASSPHRASE_ENV) or None


def read_secret(file: str) -> str:
    with open(file, encoding="utf-8") as f:
        return f.readline().rstrip("\r\n")
