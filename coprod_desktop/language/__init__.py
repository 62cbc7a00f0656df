"""The app's two languages, Welsh and English, from one gettext catalogue.

The code's own words are written in English and marked: ``_("Save")``,
``ngettext("{n} idea", "{n} ideas", n)``, ``pgettext("verb", "Close")``, and
``N_("…")`` where a word is kept in a table and translated where it is shown.
resources/i18n/cy/LC_MESSAGES/coprod.po holds the Welsh (compiled to .mo with
``python tools/catalogue.py compile``); English needs no catalogue.

The app's language is set once for the whole app (the View › Language menu, the
command line's --language); ``speaking(code)`` changes it for the code running
inside it only (one thread, one document), so a bilingual PDF can be built while
the window stays in the language it is in. This layer imports nothing of ours
but the assets lookup, and no Qt: the domain, reports, app and ui all read it.
"""

from __future__ import annotations

import gettext
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import cache

WELSH = "cy"
ENGLISH = "en"
LANGUAGES = (WELSH, ENGLISH)  # Welsh first, as Welsh public bodies publish
NAMES = {WELSH: "Cymraeg", ENGLISH: "English"}  # each in its own language
BCP47 = {WELSH: "cy-GB", ENGLISH: "en-GB"}  # for a PDF's /Lang and HTML's lang
DOMAIN = "coprod"

_app_language = ENGLISH
_speaking: ContextVar[str | None] = ContextVar("speaking", default=None)


def known(code: str | None) -> str | None:
    """``code`` as one of LANGUAGES ("cy_GB", "CY", "cy-GB" → "cy"), or None."""
    if not code:
        return None
    base = str(code).replace("-", "_").split("_")[0].strip().lower()
    return base if base in LANGUAGES else None


def set_language(code: str) -> str:
    """Make ``code`` the app's language; returns the language now in use."""
    global _app_language
    _app_language = known(code) or ENGLISH
    return _app_language


def current() -> str:
    """The language of what is being made now: ``speaking``'s, else the app's."""
    return _speaking.get() or _app_language


def other(code: str | None = None) -> str:
    return ENGLISH if (code or current()) == WELSH else WELSH


@contextmanager
def speaking(code: str) -> Iterator[str]:
    """Within this block (and this thread), words come in ``code``."""
    token = _speaking.set(known(code) or ENGLISH)
    try:
        yield current()
    finally:
        _speaking.reset(token)


@cache
def catalogue(code: str) -> gettext.NullTranslations:
    """The compiled catalogue for ``code`` (English: the words as written)."""
    if code == ENGLISH:
        return gettext.NullTranslations()
    from coprod_desktop.assets import resource

    return gettext.translation(DOMAIN, str(resource("i18n")), languages=[code], fallback=True)


def _(message: str) -> str:
    return catalogue(current()).gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """The form for ``n`` (Welsh has six: 0, 1, 2, 3, 6 and the rest)."""
    return catalogue(current()).ngettext(singular, plural, n)


def pgettext(context: str, message: str) -> str:
    """``message`` where its English is the same as another's with a different sense."""
    return catalogue(current()).pgettext(context, message)


def npgettext(context: str, singular: str, plural: str, n: int) -> str:
    return catalogue(current()).npgettext(context, singular, plural, n)


def N_(message: str) -> str:
    """Marks ``message`` for the catalogue without translating it here."""
    return message


def in_language(code: str, message: str) -> str:
    """``message`` (marked with N_) in ``code``, whatever the language now."""
    return catalogue(code).gettext(message)


def in_both(lines: Callable[[], list[str]]) -> list[str]:
    """Each of ``lines()`` said in every language (Welsh first), joined with " · ", and once
    where they read alike: the projector's words while the room view shows both (L)."""
    said = []
    for code in LANGUAGES:
        with speaking(code):
            said.append(lines())
    return [" · ".join(dict.fromkeys(parts)) for parts in zip(*said, strict=True)]
