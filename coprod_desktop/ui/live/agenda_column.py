"""The run view's left column: the agenda, the item being run with its timer, and the
buttons that move between items, pause and add time."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QPushButton, QVBoxLayout, QWidget

from coprod_desktop.domain.timing import Band, item_clock
from coprod_desktop.language import _
from coprod_desktop.ui.live.timer_label import TimerLabel

ItemIdRole = Qt.UserRole + 1


class AgendaColumn(QWidget):
    def __init__(
        self,
        step: Callable[[int], None],
        go_to: Callable[[str], None],
        toggle_pause: Callable[[], None],
        extend: Callable[[], None],
        parent=None,
        *,
        browse: Callable[[str], None] | None = None,
    ):
        super().__init__(parent)
        self.live = False
        self._items: dict = {}  # id -> item, as last filled (to say them again in another language)
        self._current_id: str | None = None
        self.agenda = QListWidget()
        self.agenda.setAccessibleName(_("Agenda"))
        self.agenda.setWordWrap(True)
        self.agenda.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.agenda.itemActivated.connect(lambda item: go_to(item.data(ItemIdRole)))
        if browse is not None:  # not live: choosing an item reads what was said under it
            self.agenda.currentItemChanged.connect(
                lambda item, _old: item is not None and not self.live and browse(item.data(ItemIdRole))
            )
        self.current_title = QLabel()
        self.current_title.setWordWrap(True)
        self.current_title.setTextFormat(Qt.PlainText)
        self.timer_label = TimerLabel()
        self.prev_button = QPushButton(_("◀ Previous"), clicked=lambda: step(-1))
        self.prev_button.setToolTip(_("Previous item (Ctrl+PgUp)"))
        self.next_button = QPushButton(_("Next ▶"), clicked=lambda: step(+1))
        self.next_button.setToolTip(_("Next item (Ctrl+PgDown)"))
        self.pause_button = QPushButton(_("Pause (F8)"), clicked=lambda: toggle_pause())
        self.extend_button = QPushButton(_("+5 minutes (F9)"), clicked=lambda: extend())

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.heading = QLabel(_("&Agenda (Enter jumps to an item)"), buddy=self.agenda)
        layout.addWidget(self.heading)
        layout.addWidget(self.agenda, 1)
        layout.addWidget(self.current_title)
        layout.addWidget(self.timer_label)
        for pair in ((self.prev_button, self.next_button), (self.pause_button, self.extend_button)):
            row = QHBoxLayout()
            for button in pair:
                row.addWidget(button)
            layout.addLayout(row)

    def set_live(self, live: bool) -> None:
        self.live = live
        for button in (self.prev_button, self.next_button, self.pause_button, self.extend_button):
            button.setEnabled(live)
        self.heading.setText(
            _("&Agenda (Enter jumps to an item)") if live else _("&Agenda (choose an item to read it)")
        )

    def choose(self, item_id: str | None) -> None:
        """Select ``item_id`` in the list (reading it, when not live)."""
        for row in range(self.agenda.count()):
            if self.agenda.item(row).data(ItemIdRole) == item_id:
                self.agenda.setCurrentRow(row)
                return

    @staticmethod
    def _entry_text(item, current: bool) -> str:
        mark = "▶ " if current else ("✓ " if item.actual_end else "   ")
        minutes = item.planned_minutes + item.extra_minutes
        return _("{mark}{title}  ({minutes} min)").format(mark=mark, title=item.title, minutes=minutes)

    def fill(self, items: list, current_id: str | None) -> None:
        self.agenda.clear()
        self._items, self._current_id = {item.id: item for item in items}, current_id
        for item in items:
            current = item.id == current_id
            entry = QListWidgetItem(self._entry_text(item, current))
            entry.setData(ItemIdRole, item.id)
            if current:
                font = entry.font()
                font.setBold(True)
                entry.setFont(font)
            self.agenda.addItem(entry)
            if current:
                self.agenda.setCurrentItem(entry)

    def show_clock(self, item, now: str, *, no_items: bool) -> None:
        """The running item's title and timer at ``now``; an empty clock with no item."""
        if item is None:
            self.current_title.setText(_("No agenda item") if no_items else "")
            self.timer_label.show_time("--:--", Band.NOT_STARTED)
            return
        clock = item_clock(item, now)
        self.current_title.setText(item.title)
        self.timer_label.show_time(clock.display(), clock.band, paused=clock.paused)
        self.pause_button.setText(_("Resume (F8)") if clock.paused else _("Pause (F8)"))

    def retranslate(self) -> None:
        """The agenda's entries again in the language now, the selection kept."""
        for row in range(self.agenda.count()):
            entry = self.agenda.item(row)
            item = self._items.get(entry.data(ItemIdRole))
            if item is not None:
                entry.setText(self._entry_text(item, item.id == self._current_id))
