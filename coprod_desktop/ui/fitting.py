"""Screens that fit a small or scaled display: text wraps, long choices do not widen their
box, and what still does not fit scrolls rather than pushing the window past the screen."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QComboBox, QFrame, QLabel, QListView, QScrollArea, QStyledItemDelegate, QWidget

COMBO_CHARACTERS = 14  # a combo box is at least this wide; its list shows each choice whole


def let_it_fit(root: QWidget) -> None:
    """Wrap every label of ``root`` and keep long choices from widening their combo box."""
    for label in root.findChildren(QLabel):
        label.setWordWrap(True)
    for combo in root.findChildren(QComboBox):
        combo.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(COMBO_CHARACTERS)


def tall_enough(window: QWidget) -> None:
    """Grow ``window`` (a dialog, on show) to the height its wrapped text needs at its width:
    Qt sizes a top-level window without asking its labels how tall they wrap, so on a small
    or scaled screen a paragraph would be cut off."""
    layout = window.layout()
    if layout is not None and layout.hasHeightForWidth():
        needed = layout.totalHeightForWidth(window.width())
        if needed > window.height():
            window.resize(window.width(), needed)


def scrolling(widget: QWidget) -> QScrollArea:
    """``widget`` in a frameless scroll area that gives it all the room there is, and
    scrollbars only when there is less than it needs."""
    area = QScrollArea()
    area.setWidget(widget)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.NoFrame)
    area.setFocusPolicy(Qt.NoFocus)
    return area


class RowsFitTheWidth(QStyledItemDelegate):
    """Rows as wide as the list, not as their text: long words are then elided ("…"),
    not scrolled sideways (the whole text is in the tooltip and the edit dialog)."""

    def sizeHint(self, option, index):  # noqa: N802 - Qt's name
        return QSize(1, super().sizeHint(option, index).height())


def long_list(model) -> QListView:
    """A list of two-line rows that stays instant however long it grows: all rows alike, so
    Qt sizes one row, not thousands, and lays them out a batch a pass (phones may add rows
    many times a second). Long text is elided; it is whole in the tooltip and the edit dialog."""
    view = QListView()
    view.setModel(model)
    view.setWordWrap(False)
    view.setTextElideMode(Qt.ElideRight)
    view.setItemDelegate(RowsFitTheWidth(view))
    view.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
    view.setUniformItemSizes(True)
    view.setLayoutMode(QListView.Batched)
    view.setBatchSize(50)
    return view
