"""Switching the language with no restart: every widget's words are mapped back through
the catalogue to the message that made them and shown in the new language; what was built
from data (counts, times, names) is made again by the widgets' own ``retranslate()``.

Only the app's own words move: editable text, and the rows of views that hold what people
said (a widget with the ``peoples_words`` property), are never touched.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QLocale, QObject
from PySide6.QtGui import QAction, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QCalendarWidget,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QMenu,
    QPlainTextEdit,
    QTableWidget,
    QTabWidget,
    QTextEdit,
    QToolBox,
    QTreeWidget,
    QWidget,
)

from coprod_desktop import language

PEOPLES_WORDS = "peoples_words"  # a view whose rows are what people said: never mapped


@cache
def _messages(source: str) -> dict[str, frozenset[tuple[str | None, str]]]:
    """Each text as shown in ``source`` → the messages (context, English) that say it."""
    welsh = language.catalogue(language.WELSH)
    found: dict[str, set[tuple[str | None, str]]] = {}
    for key, value in getattr(welsh, "_catalog", {}).items():
        if not isinstance(key, str) or not key or not value:
            continue  # plurals (key, n) come with a number: their widgets say them again
        context, _sep, english = key.rpartition("\x04")
        shown = english if source == language.ENGLISH else value
        found.setdefault(shown, set()).add((context or None, english))
    return {shown: frozenset(messages) for shown, messages in found.items()}


def _in(code: str, message: tuple[str | None, str]) -> str:
    context, english = message
    words = language.catalogue(code)
    return words.pgettext(context, english) if context else words.gettext(english)


class _Saying:
    """One switch, from ``source`` to ``target``. What a field was made from is kept on its
    widget (a property per field), so two messages that read alike in one language (Welsh
    "Statws" for "State" and "Status") each come back as they were."""

    def __init__(self, source: str, target: str):
        self.source, self.target = source, target
        self.messages = _messages(source)

    def __call__(self, text: str, holder: QObject | None = None, field: str = "") -> str | None:
        if not text:
            return None
        message = None
        kept = holder.property(f"said:{field}") if holder is not None and field else None
        if kept:
            context, _sep, english = str(kept).rpartition("\x04")
            if _in(self.source, (context or None, english)) == text:
                message = (context or None, english)
        if message is None:
            candidates = self.messages.get(text, frozenset())
            said = {_in(self.target, m) for m in candidates}
            if len(said) != 1:
                return None  # not the app's words, or words only its widget can say again
            message = next(iter(candidates))
        if holder is not None and field:
            holder.setProperty(f"said:{field}", f"{message[0] or ''}\x04{message[1]}")
        return _in(self.target, message)


def _fields(holder: QObject, say: _Saying, fields) -> None:
    """Each (field, getter, setter) of ``holder`` said again in the new language."""
    for field, get, put in fields:
        if said := say(get(), holder, field):
            put(said)


def _widget(widget: QWidget, say: _Saying) -> None:
    _fields(
        widget,
        say,
        (
            ("title", widget.windowTitle, widget.setWindowTitle),
            ("tip", widget.toolTip, widget.setToolTip),
            ("status", widget.statusTip, widget.setStatusTip),
            ("what", widget.whatsThis, widget.setWhatsThis),
            ("name", widget.accessibleName, widget.setAccessibleName),
            ("description", widget.accessibleDescription, widget.setAccessibleDescription),
        ),
    )
    if isinstance(widget, (QLabel, QAbstractButton)) and (said := say(widget.text(), widget, "text")):
        widget.setText(said)
    if isinstance(widget, QGroupBox) and (said := say(widget.title(), widget, "text")):
        widget.setTitle(said)
    if isinstance(widget, (QLineEdit, QPlainTextEdit, QTextEdit)) and (
        said := say(widget.placeholderText(), widget, "placeholder")
    ):
        widget.setPlaceholderText(said)
    if isinstance(widget, QTabWidget):
        for i in range(widget.count()):
            if said := say(widget.tabText(i), widget, f"tab{i}"):
                widget.setTabText(i, said)
            if said := say(widget.tabToolTip(i), widget, f"tabtip{i}"):
                widget.setTabToolTip(i, said)
    if isinstance(widget, QToolBox):
        for i in range(widget.count()):
            if said := say(widget.itemText(i), widget, f"item{i}"):
                widget.setItemText(i, said)
    if isinstance(widget, QMenu) and (said := say(widget.title(), widget, "menu")):
        widget.setTitle(said)
    if isinstance(widget, QComboBox) and not widget.isEditable():
        for i in range(widget.count()):
            if said := say(widget.itemText(i)):
                widget.setItemText(i, said)
    if isinstance(widget, (QAbstractSpinBox, QCalendarWidget)):
        widget.setLocale(QLocale())
    if isinstance(widget, QAbstractItemView) and not widget.property(PEOPLES_WORDS):
        _items(widget, say)


def _items(view: QAbstractItemView, say: _Saying) -> None:
    """Header labels, and the fixed rows of a view that offers the app's own choices."""
    if isinstance(view, QTreeWidget):
        header = view.headerItem()
        for c in range(header.columnCount()):
            if said := say(header.text(c)):
                header.setText(c, said)
    elif isinstance(view, QTableWidget):
        for c in range(view.columnCount()):
            item = view.horizontalHeaderItem(c)
            if item is not None and (said := say(item.text())):
                item.setText(said)
    elif isinstance(view, QListWidget):
        for r in range(view.count()):
            item = view.item(r)
            if said := say(item.text()):
                item.setText(said)
    model = view.model()
    if isinstance(model, QStandardItemModel):
        for c in range(model.columnCount()):
            item = model.horizontalHeaderItem(c)
            if item is not None and (said := say(item.text())):
                item.setText(said)


def _action(action: QAction, say: _Saying) -> None:
    fields = (
        ("text", action.text, action.setText),
        ("tip", action.toolTip, action.setToolTip),
        ("status", action.statusTip, action.setStatusTip),
        ("icon", action.iconText, action.setIconText),
    )
    _fields(action, say, fields)


SPOKEN_IN = "spoken_in"  # the language a window's words were last put in


def retranslate_window(window: QWidget, source: str, target: str) -> int:
    """Put ``window``'s words (now in ``source``) in ``target``; returns how many objects
    said theirs again."""
    window.setProperty(SPOKEN_IN, target)
    if source == target:
        return 0
    say = _Saying(source, target)
    objects: list[QObject] = [window, *window.findChildren(QObject)]
    for obj in objects:
        if isinstance(obj, QWidget):
            _widget(obj, say)
        elif isinstance(obj, QAction):
            _action(obj, say)
    told = 0
    for obj in objects:
        again = getattr(obj, "retranslate", None)
        if callable(again):
            again()
            told += 1
    return told


def retranslate_all(source: str, target: str) -> int:
    """Show every window's words in ``target`` (they are now in ``source``): those on
    screen, and those kept hidden by a window on screen (the room view when closed).
    A window made later is made in ``target``; a stray one nobody owns is left alone."""
    told = 0
    for window in QApplication.topLevelWidgets():
        owner = window.parentWidget()
        if window.isVisible() or (owner is not None and owner.window().isVisible()):
            told += retranslate_window(window, str(window.property(SPOKEN_IN) or source), target)
    return told
