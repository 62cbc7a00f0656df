"""Combo boxes, spin boxes and date and time fields that the mouse wheel changes only once
they have the focus (clicked or tabbed into). Qt's own change under a passing wheel, so
scrolling a form past "In printed summaries" could change a person's consent and save it.
Without the focus the wheel goes on to what holds them, which scrolls."""

from __future__ import annotations

from PySide6.QtCore import QDate, QSignalBlocker, Qt
from PySide6.QtWidgets import QComboBox, QDateEdit, QSpinBox, QTimeEdit

from coprod_desktop.language import _

NO_DATE = QDate(2000, 1, 1)  # an optional date not set: shown as "Not set" (specialValueText)


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
    """A date; ``make_optional`` lets it be "Not set". Not set, it shows today as soon as it
    is entered or its calendar opens (not January 2000), so what is typed edits a real date;
    left untouched it is not set again. Delete, with the whole date selected, unsets it."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._calm()
        self.optional = False
        self.today = QDate.currentDate  # the form gives the app's own clock
        self._offering_today = False  # today shown in place of "Not set", not yet chosen
        self.dateChanged.connect(self._chosen)

    def make_optional(self) -> None:
        self.optional = True
        self.setCalendarPopup(True)
        self.setMinimumDate(NO_DATE)
        self.setSpecialValueText(_("Not set"))

    def retranslate(self) -> None:
        """After a language switch: "Not set" in the language now."""
        if self.optional:
            self.setSpecialValueText(_("Not set"))

    def _chosen(self, _date) -> None:
        if not self.signalsBlocked():
            self._offering_today = False

    def _offer_today(self) -> None:
        if self.optional and self.date() == NO_DATE:
            today = self.today()
            with QSignalBlocker(self):
                self.setDate(today)
            self._offering_today = True
            self.calendarWidget().setSelectedDate(today)

    def focusInEvent(self, event) -> None:
        self._offer_today()
        super().focusInEvent(event)

    def mousePressEvent(self, event) -> None:
        self._offer_today()  # the calendar opens on today
        super().mousePressEvent(event)

    def focusOutEvent(self, event) -> None:
        super().focusOutEvent(event)
        looked = self._offering_today and self.date() == self.today()  # and nothing else set it meanwhile
        if looked and event.reason() != Qt.PopupFocusReason:  # looked, chose nothing: still not set
            self._offering_today = False
            with QSignalBlocker(self):
                self.setDate(NO_DATE)

    def keyPressEvent(self, event) -> None:
        if self.optional and event.key() in (Qt.Key_Delete, Qt.Key_Backspace) and self._all_selected():
            self._offering_today = False
            self.setDate(NO_DATE)  # unset, and saved as such
            return
        super().keyPressEvent(event)

    def _all_selected(self) -> bool:
        line = self.lineEdit()
        return line.hasSelectedText() and line.selectedText() == line.text()


class TimeEdit(_WheelNeedsFocus, QTimeEdit):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._calm()
