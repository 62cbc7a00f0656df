"""Change notices for a screen that may be hidden (a planner page behind the run view):
while hidden it only keeps what it missed, merged into one notice, and answers that
when it is shown again. A live session's steps then cost the hidden planner nothing."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QWidget

from coprod_desktop.app.changes import Change


class WhenShown(QObject):
    def __init__(self, widget: QWidget, handler: Callable[[Change], None]):
        super().__init__(widget)
        self.widget, self.handler = widget, handler
        self.missed: Change | None = None
        widget.installEventFilter(self)

    def __call__(self, change: Change) -> None:
        if self.widget.isVisible():
            self.handler(change)
        else:
            self.missed = change if self.missed is None else self.missed | change

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.widget and event.type() == QEvent.Show and self.missed is not None:
            missed, self.missed = self.missed, None
            self.handler(missed)
        return False
