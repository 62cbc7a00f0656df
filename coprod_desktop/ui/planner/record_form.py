"""Binds editors to the fields of one record: every edit is saved at once as an
undoable command, and the editors follow the archive when it changes (undo,
redo, another screen) without moving the cursor of the field being typed in.

Each binding is given its undo text whole, marked with N_ ("Edit title"): the
form translates it when the edit is made, in the language then in use."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QDate, QObject, QSignalBlocker, QTime
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QTimeEdit,
    QWidget,
)

from coprod_desktop.app.edits import EditRecord
from coprod_desktop.language import _
from coprod_desktop.ui.commands import Undoable
from coprod_desktop.ui.inputs import NO_DATE, DateEdit
from coprod_desktop.ui.undo_keys import hand_undo_to_app
from coprod_desktop.ui.when_shown import WhenShown


def prepare_date_edit(edit: QDateEdit) -> None:
    if isinstance(edit, DateEdit):
        edit.make_optional()
    else:
        edit.setCalendarPopup(True)
        edit.setMinimumDate(NO_DATE)
        edit.setSpecialValueText(_("Not set"))
    edit.setDisplayFormat("ddd d MMM yyyy")


def _same_place(old: str, new: str, position: int) -> int:
    """Where the cursor goes when what was kept (``new``: control characters dropped,
    accents composed) replaces what was typed or pasted (``old``): as far from the end as
    it was, so typing carries on where it was going. Positions count UTF-16 units, as Qt does."""
    old_len, new_len = len(old.encode("utf-16-le")) // 2, len(new.encode("utf-16-le")) // 2
    return max(0, min(new_len, new_len - (old_len - position)))


@dataclass
class _Binding:
    field: str
    widgets: tuple[QWidget, ...]
    show: Callable[[object], None]


class RecordForm(QObject):
    def __init__(self, undoable: Undoable, kind: type, parent: QObject | None = None):
        super().__init__(parent)
        self.undoable, self.kind = undoable, kind
        self.record = None
        self._bindings: list[_Binding] = []
        self._choices: list[tuple[QComboBox, type]] = []  # combos listing an enum, to label again
        if isinstance(parent, QWidget):
            undoable.hub.changed.connect(WhenShown(parent, self._on_changed))
        else:
            undoable.hub.changed.connect(self._on_changed)

    # -- binding editors -------------------------------------------------------

    def line(self, edit: QLineEdit, field: str, label: str) -> None:
        edit.app_undo = self.undoable.stack
        edit.textEdited.connect(lambda text: self.edit(field, text, label))

        def show(value):
            old, new = edit.text(), value or ""
            if old != new:
                at = _same_place(old, new, edit.cursorPosition())
                edit.setText(new)
                edit.setCursorPosition(at)

        self._bind(field, (edit,), show)

    def text(self, edit: QPlainTextEdit, field: str, label: str) -> None:
        edit.setTabChangesFocus(True)
        edit.app_undo = self.undoable.stack
        edit.textChanged.connect(lambda: self.edit(field, edit.toPlainText(), label))

        def show(value):
            old, new = edit.toPlainText(), value or ""
            if old != new:
                cursor = edit.textCursor()
                at = _same_place(old, new, cursor.position())
                edit.setPlainText(new)
                cursor = edit.textCursor()
                cursor.setPosition(at)
                edit.setTextCursor(cursor)

        self._bind(field, (edit,), show)

    def number(self, spin: QSpinBox, field: str, label: str) -> None:
        hand_undo_to_app(spin, self.undoable.stack)
        spin.valueChanged.connect(lambda value: self.edit(field, int(value), label))
        self._bind(field, (spin,), lambda value: spin.setValue(int(value or 0)))

    def day(self, edit: QDateEdit, field: str, label: str) -> None:
        prepare_date_edit(edit)
        if isinstance(edit, DateEdit):
            clock = self.undoable.context.clock
            edit.today = lambda: QDate(*clock.today().timetuple()[:3])
        hand_undo_to_app(edit, self.undoable.stack)

        def edited(qdate: QDate):
            self.edit(field, None if qdate == NO_DATE else date(qdate.year(), qdate.month(), qdate.day()), label)

        edit.dateChanged.connect(edited)
        self._bind(field, (edit,), lambda v: edit.setDate(QDate(v.year, v.month, v.day) if v else NO_DATE))

    def clock(self, edit: QTimeEdit, field: str, label: str) -> None:
        edit.setDisplayFormat("HH:mm")
        hand_undo_to_app(edit, self.undoable.stack)
        edit.timeChanged.connect(lambda t: self.edit(field, t.toString("HH:mm"), label))
        self._bind(field, (edit,), lambda v: edit.setTime(QTime.fromString(v or "10:00", "HH:mm")))

    def choice(self, combo: QComboBox, field: str, label: str, enum) -> None:
        """A combo listing an enum's members by label."""
        if combo.count() == 0:
            for member in enum:
                combo.addItem(member.label, member)
        self._choices.append((combo, enum))
        # Qt hands str-based enums back as plain strings: turn them back into members.
        combo.activated.connect(lambda i: self.edit(field, enum(combo.itemData(i)), label))
        self._bind(field, (combo,), lambda v: combo.setCurrentIndex(max(0, combo.findData(v))))

    def several(self, boxes: dict, field: str, label: str) -> None:
        """Check boxes, one per possible value, kept as a tuple in choice order."""
        order = list(boxes)

        def clicked():
            chosen = tuple(key for key in order if boxes[key].isChecked())
            self.edit(field, chosen, label)

        for box in boxes.values():
            box.clicked.connect(clicked)

        def show(values):
            for key, box in boxes.items():
                box.setChecked(key in (values or ()))

        self._bind(field, tuple(boxes.values()), show)

    def _bind(self, field: str, widgets: tuple, show) -> None:
        self._bindings.append(_Binding(field, widgets, show))
        for w in widgets:
            w.setEnabled(self.record is not None)

    # -- showing and saving ----------------------------------------------------

    def retranslate(self) -> None:
        """The enum choices' labels again, in the language now in use."""
        for combo, enum in self._choices:
            for i in range(combo.count()):
                combo.setItemText(i, enum(combo.itemData(i)).label)

    def set_record(self, record) -> None:
        self.record = record
        for binding in self._bindings:
            blockers = [QSignalBlocker(w) for w in binding.widgets]
            if record is not None:
                binding.show(getattr(record, binding.field))
            for w in binding.widgets:
                w.setEnabled(record is not None)
            del blockers

    def edit(self, field: str, value, label: str) -> bool:
        """Save ``value`` as one undoable command named ``label`` (English, marked with N_)."""
        if self.record is None:
            return False
        old = getattr(self.record, field)
        if old == value:
            return True
        return self.undoable.run(EditRecord(self.kind, self.record.id, {field: old}, {field: value}, _(label)))

    def _on_changed(self, change) -> None:
        if self.record is None or not change.concerns(self.kind, self.record.id):
            return
        self.set_record(self.undoable.archive.find(self.kind, self.record.id))
