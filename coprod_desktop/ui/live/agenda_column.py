"""The run view's left column: the agenda, the item being run with its timer, and the
buttons that move between items, pause and add time."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QPushButton, QVBoxLayout, QWidget

from coprod_desktop.domain.timing import Band, item_clock
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
        self.agenda = QListWidget()
        self.agenda.setAccessibleName("Agenda")
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
        self.prev_button = QPushButton("◀ Previous", clicked=lambda: step(-1))
        self.prev_button.setToolTip("Previous item (Ctrl+PgUp)")
        self.next_button = QPushButton("Next ▶", clicked=lambda: step(+1))
        self.next_button.setToolTip("Next item (Ctrl+PgDown)")
        self.pause_button = QPushButton("Pause (F8)", clicked=lambda: toggle_pause())
        self.extend_button = QPushButton("+5 minutes (F9)", clicked=lambda: extend())

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.heading = QLabel("&Agenda (Enter jumps to an item)", buddy=self.agenda)
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
        self.heading.setText("&Agenda (Enter jumps to an item)" if live else "&Agenda (choose an item to read it)")

    def choose(self, item_id: str | None) -> None:
        """Select ``item_id`` in the list (reading it, when not live)."""
        for row in range(self.agenda.count()):
            if self.agenda.item(row).data(ItemIdRole) == item_id:
                self.agenda.setCurrentRow(row)
                return

    def fill(self, items: list, current_id: str | None) -> None:
        self.agenda.clear()
        for item in items:
            current = item.id == current_id
            mark = "▶ " if current else ("✓ " if item.actual_end else "   ")
            entry = QListWidgetItem(f"{mark}{item.title}  ({item.planned_minutes + item.extra_minutes} min)")
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
            self.current_title.setText("No agenda item" if no_items else "")
            self.timer_label.show_time("--:--", Band.NOT_STARTED)
            return
        clock = item_clock(item, now)
        self.current_title.setText(item.title)
        self.timer_label.show_time(clock.display(), clock.band, paused=clock.paused)
        self.pause_button.setText("Resume (F8)" if clock.paused else "Pause (F8)")
