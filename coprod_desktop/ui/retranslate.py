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
def _mapping(source: str, target: str) -> dict[str, str]:
    """Shown in ``source`` → the same message in ``target``; a text two messages share
    with different words in ``target`` is left out (their widgets say it again)."""
    welsh = language.catalogue(language.WELSH)
    pairs: dict[str, set[str]] = {}
    for key, value in getattr(welsh, "_catalog", {}).items():
        if not isinstance(key, str) or not key or not value:
            continue  # plurals (key, n) come with a number: their widgets say them again
        english = key.split("\x04", 1)[-1]
        shown, wanted = (english, value) if source == language.ENGLISH else (value, english)
        pairs.setdefault(shown, set()).add(wanted)
    return {shown: next(iter(wanted)) for shown, wanted in pairs.items() if len(wanted) == 1}


def _say(mapping: dict[str, str], text: str) -> str | None:
    return mapping.get(text) if text else None


def _widget(widget: QWidget, mapping: dict[str, str]) -> None:
    for get, put in (
        (widget.windowTitle, widget.setWindowTitle),
        (widget.toolTip, widget.setToolTip),
        (widget.statusTip, widget.setStatusTip),
        (widget.whatsThis, widget.setWhatsThis),
        (widget.accessibleName, widget.setAccessibleName),
        (widget.accessibleDescription, widget.setAccessibleDescription),
    ):
        if (said := _say(mapping, get())) is not None:
            put(said)
    if isinstance(widget, (QLabel, QAbstractButton)) and (said := _say(mapping, widget.text())):
        widget.setText(said)
    if isinstance(widget, QGroupBox) and (said := _say(mapping, widget.title())):
        widget.setTitle(said)
    if isinstance(widget, (QLineEdit, QPlainTextEdit, QTextEdit)) and (said := _say(mapping, widget.placeholderText())):
        widget.setPlaceholderText(said)
    if isinstance(widget, QTabWidget):
        for i in range(widget.count()):
            if said := _say(mapping, widget.tabText(i)):
                widget.setTabText(i, said)
            if said := _say(mapping, widget.tabToolTip(i)):
                widget.setTabToolTip(i, said)
    if isinstance(widget, QToolBox):
        for i in range(widget.count()):
            if said := _say(mapping, widget.itemText(i)):
                widget.setItemText(i, said)
    if isinstance(widget, QMenu) and (said := _say(mapping, widget.title())):
        widget.setTitle(said)
    if isinstance(widget, QComboBox) and not widget.isEditable():
        for i in range(widget.count()):
            if said := _say(mapping, widget.itemText(i)):
                widget.setItemText(i, said)
    if isinstance(widget, (QAbstractSpinBox, QCalendarWidget)):
        widget.setLocale(QLocale())
    if isinstance(widget, QAbstractItemView) and not widget.property(PEOPLES_WORDS):
        _items(widget, mapping)


def _items(view: QAbstractItemView, mapping: dict[str, str]) -> None:
    """Header labels, and the fixed rows of a view that offers the app's own choices."""
    if isinstance(view, QTreeWidget):
        header = view.headerItem()
        for c in range(header.columnCount()):
            if said := _say(mapping, header.text(c)):
                header.setText(c, said)
    elif isinstance(view, QTableWidget):
        for c in range(view.columnCount()):
            item = view.horizontalHeaderItem(c)
            if item is not None and (said := _say(mapping, item.text())):
                item.setText(said)
    elif isinstance(view, QListWidget):
        for r in range(view.count()):
            item = view.item(r)
            if said := _say(mapping, item.text()):
                item.setText(said)
    model = view.model()
    if isinstance(model, QStandardItemModel):
        for c in range(model.columnCount()):
            item = model.horizontalHeaderItem(c)
            if item is not None and (said := _say(mapping, item.text())):
                item.setText(said)


def _action(action: QAction, mapping: dict[str, str]) -> None:
    for get, put in (
        (action.text, action.setText),
        (action.toolTip, action.setToolTip),
        (action.statusTip, action.setStatusTip),
        (action.iconText, action.setIconText),
    ):
        if said := _say(mapping, get()):
            put(said)


def retranslate_all(source: str, target: str) -> int:
    """Show every open window's words in ``target`` (they are now in ``source``); returns
    how many objects said theirs again."""
    if source == target:
        return 0
    mapping = _mapping(source, target)
    windows = [w for w in QApplication.topLevelWidgets()]
    told = 0
    for window in windows:
        objects: list[QObject] = [window, *window.findChildren(QObject)]
        for obj in objects:
            if isinstance(obj, QWidget):
                _widget(obj, mapping)
            elif isinstance(obj, QAction):
                _action(obj, mapping)
        for obj in objects:
            again = getattr(obj, "retranslate", None)
            if callable(again):
                again()
                told += 1
    return told
