"""Where the keyboard is, plain to see. Fusion marks a focused list, tree, table, check box
or radio button by a change of a few pixels (about 0.3% of them); a ring in the palette's
highlight colour, 2 pixels wide, follows the focus onto them, on any theme.

One small overlay for the whole app, moved onto the focused widget as the focus moves: a
style sheet or a Python style would do the same but cost 15–30 ms at every start, as Qt
then draws every widget through them."""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QPainter, QPalette, QPen
from PySide6.QtWidgets import QAbstractItemView, QApplication, QCheckBox, QRadioButton, QWidget

RING = 2
RINGED = (QAbstractItemView, QCheckBox, QRadioButton)  # what Fusion marks too faintly


class FocusRing(QWidget):
    """Drawn on top of the widget it rings, over its edge; never in the way of the mouse."""

    def __init__(self):
        super().__init__()
        self.setAttribute(Qt.WA_TransparentForMouseEvents)
        self.setAttribute(Qt.WA_NoSystemBackground)
        self.setFocusPolicy(Qt.NoFocus)

    def paintEvent(self, _event) -> None:  # noqa: N802 - Qt's name
        painter = QPainter(self)
        pen = QPen(self.palette().color(QPalette.Highlight))
        pen.setWidth(RING)
        painter.setPen(pen)
        painter.drawRect(self.rect().adjusted(1, 1, -1, -1))


class _Follower(QObject):
    def __init__(self, app: QApplication):
        super().__init__(app)
        self.ring: FocusRing | None = None
        self.target: QWidget | None = None
        app.focusChanged.connect(self.follow)

    def follow(self, _old, new) -> None:
        if self.target is not None and shiboken6.isValid(self.target):
            self.target.removeEventFilter(self)
        self.target = new if isinstance(new, RINGED) else None
        if self.ring is None or not shiboken6.isValid(self.ring):  # went with a closed dialog
            self.ring = FocusRing()
        if self.target is None:
            self.ring.hide()
            return
        self.ring.setParent(self.target)
        self._fit()
        self.target.installEventFilter(self)
        self.ring.show()
        self.ring.raise_()

    def _fit(self) -> None:
        if self.ring is not None and self.target is not None:
            self.ring.setGeometry(self.target.rect())

    def eventFilter(self, watched, event) -> bool:  # noqa: N802
        if event.type() == QEvent.Resize:
            self._fit()
        return False


def install(app: QApplication) -> None:
    """The ring follows the focus from now on (once, however often this is called)."""
    if getattr(app, "_focus_ring", None) is None:
        app._focus_ring = _Follower(app)
