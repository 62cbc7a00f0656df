"""Reading every word a screen shows, as a person meets it, to find any left in English
when the app speaks Welsh: the app's own words (its catalogue's English, said as is or
with its placeholders filled) that have Welsh of their own."""

from __future__ import annotations

import re
from functools import cache

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QTableView,
    QTabWidget,
    QTextEdit,
    QTreeView,
    QWidget,
)

from coprod_desktop import language
from coprod_desktop.ui.retranslate import PEOPLES_WORDS

PLACEHOLDER = re.compile(r"\{[a-z_0-9]*(?:![rsa])?(?::[^{}]*)?\}")
# A template with fewer letters than this outside its placeholders matches too much.
ENOUGH_LETTERS = 8


def _plain(text: str) -> str:
    text = re.sub(r"<[^>]+>", "", text).replace("&&", "\0")
    return text.replace("&", "").replace("\0", "&").strip()


@cache
def english_words() -> tuple[frozenset[str], tuple[re.Pattern, ...]]:
    """The catalogue's English with Welsh that differs: whole texts, and templates."""
    welsh = language.catalogue(language.WELSH)
    whole: set[str] = set()
    templates: list[re.Pattern] = []
    for key, value in getattr(welsh, "_catalog", {}).items():
        context, _sep, english = (key[0] if isinstance(key, tuple) else key).rpartition("\x04")
        if not english or not value or _plain(english) == _plain(value):
            continue
        if context in ("content", "sample"):  # once in a group's records they are its own words
            continue
        if PLACEHOLDER.search(english):
            if isinstance(key, tuple):  # a plural: check its English singular and plural
                continue
            literal = PLACEHOLDER.sub("", english)
            if sum(c.isalpha() for c in literal) >= ENOUGH_LETTERS:
                parts = [re.escape(_plain(p)) for p in PLACEHOLDER.split(english)]
                templates.append(re.compile("^" + "(.+?)".join(parts) + "$", re.S))
        else:
            whole.add(_plain(english))
    return frozenset(w for w in whole if w), tuple(templates)


def _texts(top: QWidget):
    """(where, text) for every word ``top`` shows or a screen reader reads."""
    for w in [top, *top.findChildren(QWidget)]:
        if w.window() is not top or not w.isVisibleTo(top) and w is not top:
            continue
        name = type(w).__name__ + (f" {w.objectName()}" if w.objectName() else "")
        yield name + " title", w.windowTitle() if w is top else ""
        yield name + " tooltip", w.toolTip()
        yield name + " accessible name", w.accessibleName()
        yield name + " accessible description", w.accessibleDescription()
        if isinstance(w, (QLabel, QAbstractButton)):
            yield name, w.text()
        if isinstance(w, QGroupBox):
            yield name, w.title()
        if isinstance(w, (QLineEdit, QPlainTextEdit, QTextEdit)):
            yield name + " placeholder", w.placeholderText()
        if isinstance(w, QTabWidget):
            for i in range(w.count()):
                yield f"{name} tab {i}", w.tabText(i)
        if isinstance(w, QComboBox) and not w.isEditable():
            for i in range(w.count()):
                yield f"{name} item {i}", w.itemText(i)
        if isinstance(w, QMenu):
            yield name, w.title()
        if isinstance(w, QAbstractItemView) and not w.property(PEOPLES_WORDS) and w.model() is not None:
            header = (
                w.header() if isinstance(w, QTreeView) else w.horizontalHeader() if isinstance(w, QTableView) else None
            )
            if header is not None and not header.isHidden():
                for c in range(header.count()):
                    yield f"{name} header {c}", str(w.model().headerData(c, Qt.Horizontal, Qt.DisplayRole) or "")
    for action in top.findChildren(QAction):
        yield f"action {action.objectName() or action.text()}", action.text()
        yield f"action {action.objectName() or action.text()} tip", action.statusTip()


def english_left(top: QWidget) -> list[str]:
    """Texts on ``top`` that are still the app's English."""
    whole, templates = english_words()
    found = []
    for where, text in _texts(top):
        shown = _plain(text or "")
        if not shown:
            continue
        if shown in whole or any(t.match(shown) for t in templates):
            found.append(f"{where}: {shown!r}")
    return sorted(set(found))
