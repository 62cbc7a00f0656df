"""Right-to-left text in the right order: ReportLab's bidi needs a ``log2vis`` from the
``rlbidi`` package, which is not on the package index; this gives it one, built on
python-bidi's implementation of the Unicode Bidirectional Algorithm (UAX #9), with the
visual-to-logical positions ReportLab asks for. Installed before ReportLab's text object
loads (reports/__init__.py)."""

from __future__ import annotations

import re
import sys
import types
from copy import copy
from functools import cache
from html import unescape

_LEVELS = {"LTR": 0, "RTL": 1}


def log2vis(text: str, base_direction: str | None = None, clean: bool = True, positions_V_to_L=None, **_ignored):  # noqa: N803 (ReportLab's names)
    """``text`` in visual order for a line whose base direction is ``base_direction``
    ("RTL", "LTR", or None: from its first strong character); ``positions_V_to_L``, if
    given, is filled with each visual position's index in ``text``."""
    uax9 = _uax9()
    storage = uax9.get_empty_storage()
    level = _LEVELS.get((base_direction or "").upper())
    storage["base_level"] = uax9.get_base_level(text, False) if level is None else level
    storage["base_dir"] = ("L", "R")[storage["base_level"]]
    uax9.get_embedding_levels(text, storage, False, False)
    for index, char in enumerate(storage["chars"]):
        char["index"] = index  # kept through the reordering below
        if not char["type"]:  # a character newer than Python's Unicode tables has no class: as a letter
            char["type"] = "L"
    uax9.explicit_embed_and_overrides(storage, False)  # drops the explicit marks (clean)
    uax9.resolve_weak_types(storage, False)
    uax9.resolve_neutral_types(storage, False)
    uax9.resolve_implicit_levels(storage, False)
    uax9.reorder_resolved_levels(storage, False)
    uax9.apply_mirroring(storage, False)
    if positions_V_to_L is not None:
        positions_V_to_L[:] = [char["index"] for char in storage["chars"]]
    return "".join(char["ch"] for char in storage["chars"])


@cache
def _uax9():
    """python-bidi's algorithm, loaded when first needed (not when the reports load)."""
    from bidi import algorithm

    return algorithm


def install() -> None:
    """Make ``import rlbidi`` give ReportLab this module's log2vis (once), and mend its
    splitting of a right-to-left paragraph across pages."""
    if "rlbidi" not in sys.modules:
        module = types.ModuleType("rlbidi", __doc__)
        module.log2vis = log2vis  # type: ignore[attr-defined]
        sys.modules["rlbidi"] = module
        from reportlab.platypus import paragraph

        paragraph._split_blParaSimple = _split_simple
        # A piece of a word broken over lines has no visual place: it comes first on its line
        # (where the rest of a broken word goes), instead of failing the sort.
        paragraph.sortBidiV = lambda word: getattr(word, "__bidiV__", -1)


def _split_simple(bl_para, start, stop):
    """ReportLab's _split_blParaSimple, mended: a word it had broken over lines comes back
    joined as a plain string without its place in visual order (``__bidiL__``), and sorting
    by that place failed (a long word in a right-to-left paragraph at a page's end). A
    joined word takes the place of the part before it."""
    from reportlab.platypus import paragraph

    f = bl_para.clone()
    for name in ("lines", "kind", "text"):
        if hasattr(f, name):
            delattr(f, name)
    words = list(paragraph._yieldBLParaWords(bl_para, start, stop))
    if isinstance(bl_para.lines, paragraph.BidiList):
        keyed, place = [], -1
        for n, word in enumerate(words):
            place = getattr(word, "__bidiL__", place)
            keyed.append((place, n, word))
        words = paragraph.BidiList([word for _place, _n, word in sorted(keyed, key=lambda k: k[:2])])
    f.words = words
    if isinstance(f.words[-1], paragraph._SplitWordHY):
        f.words[-1].__class__ = (
            paragraph._SHYSplit if isinstance(f.words[-1], paragraph._SHYStr) else paragraph._SplitWordLL
        )
    return [f]


def is_right_to_left(text: str) -> bool:
    """Whether ``text``'s first strong character is right-to-left (Arabic, Hebrew…)."""
    return _uax9().get_base_level(text, False) == 1


def has_right_to_left(text: str) -> bool:
    from unicodedata import bidirectional

    return any(bidirectional(c) in ("R", "AL") for c in text) if text else False


@cache
def _reshaper():
    """Arabic letters joined as they are written (their presentation forms, which DejaVu
    Sans has), with only the ligatures the font can draw."""
    from arabic_reshaper import ArabicReshaper, config_for_true_type_font

    from coprod_desktop.assets import resource

    return ArabicReshaper(config_for_true_type_font(str(resource("fonts", "DejaVuSans.ttf"))))


def joined(text: str) -> str:
    """``text`` with its Arabic letters in their joined forms (logical order kept)."""
    return (
        _reshaper().reshape(text) if any("\u0600" <= c <= "\u06ff" or "\u0750" <= c <= "\u077f" for c in text) else text
    )


def visual(text: str) -> str:
    """One line of ``text`` as it is drawn left to right: joined, and in visual order."""
    return log2vis(joined(text)) if has_right_to_left(text) else text


_TAG = re.compile(r"<[^>]*>")


def set_directions(story: list) -> None:
    """Each paragraph holding right-to-left text is laid out by the bidi algorithm, as a
    right-to-left paragraph (set to the right) when its first strong character is and it is
    not an item of a list, else as a left-to-right one with its right-to-left runs in
    order; one that also needs a
    fallback font is laid out by MixedParagraph. Into tables and kept groups too."""
    from reportlab.lib.enums import TA_LEFT, TA_RIGHT
    from reportlab.platypus import Paragraph

    from coprod_desktop.reports.mixed_paragraph import MixedParagraph

    for items in _lists(story):
        for index, flowable in enumerate(items):
            if not isinstance(flowable, Paragraph) or not has_right_to_left(text := flowable.text):
                continue
            # An item of a list keeps the list's direction (its bullet at the left, where the
            # others are); its right-to-left words are still put in order within it.
            listed = bool(getattr(flowable, "bulletText", None))
            right = not listed and is_right_to_left(unescape(_TAG.sub("", text)))
            if "<font face=" in text:  # several fonts: ReportLab would not reorder it
                items[index] = MixedParagraph.instead_of(flowable, right)
                continue
            style = copy(flowable.style)
            style.wordWrap = "RTL" if right else "LTR"
            if right and style.alignment == TA_LEFT:
                style.alignment = TA_RIGHT
            flowable.style = style


def _lists(items: list):
    """``items`` and every list of flowables inside it (table rows, kept groups)."""
    yield items
    for item in items:
        if hasattr(item, "_cellvalues"):  # a table
            for row in item._cellvalues:
                for n, cell in enumerate(row):
                    if isinstance(cell, list):
                        yield from _lists(cell)
                    elif hasattr(cell, "wrap"):
                        row[n] = [cell]  # a table takes a list of flowables in a cell too
                        yield from _lists(row[n])
        for inner in ("_content", "_flowables"):  # KeepTogether, list flowables
            if isinstance(getattr(item, inner, None), list):
                yield from _lists(getattr(item, inner))
