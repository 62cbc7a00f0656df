"""Days and times as a reader is told them, in the language being spoken: "Tuesday 1
December 2026", "Dydd Mawrth 1 Rhagfyr 2026". Babel's CLDR data supplies the names;
it is imported on first use (it costs ~45 ms) so start-up does not pay for it."""

from __future__ import annotations

from datetime import date
from functools import cache

from coprod_desktop.language import WELSH, current

_LOCALE = {WELSH: "cy_GB"}


@cache
def _formatter():
    from babel.dates import format_date

    return format_date


def _format(day: date, pattern: str) -> str:
    return _formatter()(day, pattern, locale=_LOCALE.get(current(), "en_GB"))


def _short(day: date, pattern: str) -> str:
    """Abbreviated: no full stops, and September's three letters as the others have."""
    return _format(day, pattern).replace(".", "").replace("Sept ", "Sep ")


def long_date(day: date) -> str:
    """Tuesday 1 December 2026 / Dydd Mawrth 1 Rhagfyr 2026."""
    return _format(day, "EEEE d MMMM y")


def short_date(day: date) -> str:
    """01 Dec 2026 / 01 Rhag 2026: lists, headings, table cells."""
    return _short(day, "dd MMM y")


def day_in_list(day: date) -> str:
    """Tue 01 Dec 2026 / Maw 01 Rhag 2026: the list of groups and sessions."""
    return _short(day, "EEE dd MMM y")
