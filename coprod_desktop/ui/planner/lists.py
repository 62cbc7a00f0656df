"""Shared helpers for the planner's record lists: buttons with shortcuts, keyboard reordering."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QPushButton, QTableView, QWidget


def record_table(parent: QWidget, model, *, draggable: bool) -> QTableView:
    view = QTableView(parent)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectRows)
    view.setSelectionMode(QAbstractItemView.SingleSelection)
    view.setEditTriggers(
        QAbstractItemView.DoubleClicked | QAbstractItemView.EditKeyPressed | QAbstractItemView.AnyKeyPressed
    )
    view.verticalHeader().setVisible(False)
    view.horizontalHeader().setHighlightSections(False)
    view.setWordWrap(False)
    view.setTabKeyNavigation(False)  # Tab leaves the table, as keyboard users expect
    if draggable:
        view.setDragEnabled(True)
        view.setAcceptDrops(True)
        view.setDropIndicatorShown(True)
        view.setDragDropMode(QAbstractItemView.DragDrop)
        view.setDefaultDropAction(Qt.MoveAction)
        view.setDragDropOverwriteMode(False)
    return view


def view_action(view: QWidget, text: str, shortcut, slot) -> QAction:
    """An action whose shortcut works while ``view`` has focus."""
    action = QAction(text, view)
    action.setShortcut(QKeySequence(shortcut))
    action.setShortcutContext(Qt.WidgetWithChildrenShortcut)
    action.triggered.connect(slot)
    view.addAction(action)
    return action


def button(text: str, slot, tip: str = "") -> QPushButton:
    b = QPushButton(text)
    b.clicked.connect(slot)
    if tip:
        b.setToolTip(tip)
    return b


def current_row(view: QTableView) -> int:
    index = view.currentIndex()
    return index.row() if index.isValid() else -1


def select_row(view: QTableView, row: int, column: int = 0) -> None:
    model = view.model()
    if 0 <= row < model.rowCount():
        view.setCurrentIndex(model.index(row, column))
