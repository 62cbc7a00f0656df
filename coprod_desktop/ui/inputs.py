"""Combo boxes, spin boxes and date and time fields that the mouse wheel changes only once
they have the focus (clicked or tabbed into). Qt's own change under a passing wheel, so
scrolling a form past "In printed summaries" could change a person's consent and save it.
Without the focus the wheel goes on to what holds them, which scrolls."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QDateEdit, QSpinBox, QTimeEdit


class _WheelNeedsFocus:
    def _calm(self) -> None:
        self.setFocusPolicy(Qt.StrongFocus)  # not WheelFocus: the wheel does not take it

    def wheelEvent(self, event) -> None:
        if self.hasFocus():
            super().wheelEvent(event)
        else:
            event.ignore()


class ComboBox(_WheelNeedsFocus, QComboBox):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._calm()


class SpinBox(_WheelNeedsFocus, QSpinBox):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._calm()


class DateEdit(_WheelNeedsFocus, QDateEdit):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._calm()


class TimeEdit(_WheelNeedsFocus, QTimeEdit):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._calm()
