"""Cleaning of anything a person types, before it is kept.

Text is kept as typed (Welsh, emoji, right-to-left scripts, ``<`` and ``&`` are
all fine); only invisible control characters that would corrupt exports or
confuse a terminal are dropped. Over-long text is refused with a clear message
rather than silently cut.
"""

from __future__ import annotations

import re
import unicodedata

from coprod_desktop.language import _

SHORT_MAX = 500
LONG_MAX = 20_000

# C0 and C1 controls except tab and newline; also lone surrogates, which
# cannot be encoded to UTF-8 and would make the archive refuse the write.
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")


def clean_line(value: str, *, what: str | None = None, limit: int = SHORT_MAX) -> str:
    """One line: newlines and tabs become spaces, controls are dropped."""
    value = _CONTROLS.sub("", str(value)).replace("\r", "")
    value = re.sub(r"[\n\t\u2028\u2029]", " ", value)
    return _check_length(unicodedata.normalize("NFC", value), what, limit)


def clean_block(value: str, *, what: str | None = None, limit: int = LONG_MAX) -> str:
    """Several lines: keeps newlines and tabs, drops other controls."""
    value = str(value).replace("\r\n", "\n").replace("\r", "\n")
    value = _CONTROLS.sub("", value)
    return _check_length(unicodedata.normalize("NFC", value), what, limit)


def fold(value: str) -> str:
    """For matching what is typed, not for keeping: no case and no accents or other marks,
    so "gwyr" finds "Gŵyr" and "jose" finds "José" (and Arabic without its short vowels)."""
    decomposed = unicodedata.normalize("NFKD", value.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _check_length(value: str, what: str | None, limit: int) -> str:
    """``what``: the field, as the message names it (already in the language spoken)."""
    if len(value) > limit:
        raise ValueError(
            _("{what} is {length} characters long; the most it can hold is {limit}.").format(
                what=what or _("This text"), length=f"{len(value):,}", limit=f"{limit:,}"
            )
        )
    return value


def shorten(value: str, limit: int) -> str:
    """At most ``limit`` characters, on one line, with "…" where it was cut."""
    value = " ".join(value.split())
    return value if len(value) <= limit else value[: limit - 1].rstrip() + "…"
