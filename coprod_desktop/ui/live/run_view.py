"""The facilitator's screen while a session runs: agenda and timer, capture, and the tools of the room."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from coprod_desktop.domain.records import Group, Session
from coprod_desktop.domain.timing import Band, item_clock
from coprod_desktop.domain.values import SessionState
from coprod_desktop.ui.lazy_tabs import LazyTabs
from coprod_desktop.ui.live.capture_panel import CapturePanel
from coprod_desktop.ui.live.runner import LiveRunner
from coprod_desktop.ui.settings import remembered_splitter

BAND_STYLE = {
    Band.NOT_STARTED: "color: #555;",
    Band.NORMAL: "color: #0b3d0b; background: #e6f4e6;",
    Band.AMBER: "color: #3d2a00; background: #ffd166;",
    Band.RED: "color: #ffffff; background: #b00020;",
}
ItemIdRole = Qt.UserRole + 1


class RunView(QWidget):
    roomViewRequested = Signal(object)  # a QScreen, or None for "another screen if there is one"
    planRequested = Signal()

    def __init__(self, undoable, parent=None):
        super().__init__(parent)
        self.undoable = undoable
        self.archive = undoable.archive
        self.runner = LiveRunner(undoable.context, undoable.hub)
        self.session: Session | None = None
        self.items: list = []
        self.present: list = []

        self.title = QLabel()
        self.title.setWordWrap(True)
        self.title.setTextFormat(Qt.PlainText)
        title_font = QFont(self.title.font())
        title_font.setPointSizeF(title_font.pointSizeF() * 1.4)
        title_font.setBold(True)
        self.title.setFont(title_font)
        self.status = QLabel()
        self.start_button = QPushButton("&Start session", clicked=self.start)
        self.reopen_button = QPushButton("Re&open session", clicked=self.reopen)
        self.end_button = QPushButton("&End session", clicked=self.end)
        self.room_button = QPushButton("Room &view", clicked=self.choose_room_screen)
        self.room_button.setToolTip("Open the projector window (F5); F11 there toggles full screen")
        self.plan_button = QPushButton("&Plan", clicked=self.planRequested.emit)
        self.plan_button.setToolTip("Back to planning this session (details, agenda, rules, people)")

        self.agenda = QListWidget()
        self.agenda.setAccessibleName("Agenda")
        self.agenda.setWordWrap(True)
        self.agenda.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.agenda.itemActivated.connect(lambda item: self.go_to(item.data(ItemIdRole)))
        self.current_title = QLabel()
        self.current_title.setWordWrap(True)
        self.current_title.setTextFormat(Qt.PlainText)
        self.timer_label = QLabel("--:--")
        self.timer_label.setAlignment(Qt.AlignCenter)
        self.timer_label.setAccessibleName("Time left on this item")
        timer_font = QFont(self.timer_label.font())
        timer_font.setPointSizeF(timer_font.pointSizeF() * 3.2)
        timer_font.setBold(True)
        timer_font.setStyleHint(QFont.Monospace)
        self.timer_label.setFont(timer_font)
        self.prev_button = QPushButton("◀ Previous", clicked=lambda: self.step(-1))
        self.prev_button.setToolTip("Previous item (Ctrl+PgUp)")
        self.next_button = QPushButton("Next ▶", clicked=lambda: self.step(+1))
        self.next_button.setToolTip("Next item (Ctrl+PgDown)")
        self.pause_button = QPushButton("Pause (F8)", clicked=self.toggle_pause)
        self.extend_button = QPushButton("+5 minutes (F9)", clicked=self.extend)

        self.capture = CapturePanel(undoable)
        self.tools = LazyTabs()
        for title, factory in (
            ("&Deck", self._deck),
            ("De&cide", self._decide),
            ("&Rules", self._rules),
            ("&Balance", self._balance),
            ("Since &last time", self._since),
            ("Sel&f-check", self._self_check),
        ):
            self.tools.add_lazy(title, factory)
        self.tools.built.connect(
            lambda _index, widget: self.session and widget.show_session(self.session, self.present)
        )

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(QLabel("&Agenda (Enter jumps to an item)", buddy=self.agenda))
        left_layout.addWidget(self.agenda, 1)
        left_layout.addWidget(self.current_title)
        left_layout.addWidget(self.timer_label)
        row = QHBoxLayout()
        row.addWidget(self.prev_button)
        row.addWidget(self.next_button)
        left_layout.addLayout(row)
        row = QHBoxLayout()
        row.addWidget(self.pause_button)
        row.addWidget(self.extend_button)
        left_layout.addLayout(row)

        header = QHBoxLayout()
        heading = QVBoxLayout()
        heading.addWidget(self.title)
        heading.addWidget(self.status)
        header.addLayout(heading, 1)
        for b in (self.start_button, self.reopen_button, self.room_button, self.plan_button, self.end_button):
            header.addWidget(b)

        split = remembered_splitter("run", left, self.capture, self.tools, stretch=(2, 5, 3))
        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(split, 1)

        for keys, slot in (
            ("Ctrl+PgDown", lambda: self.step(+1)),
            ("Ctrl+PgUp", lambda: self.step(-1)),
            ("F8", self.toggle_pause),
            ("F9", self.extend),
            ("F5", lambda: self.roomViewRequested.emit(None)),
            ("Ctrl+D", lambda: self.deck.draw()),
        ):
            QShortcut(QKeySequence(keys), self, activated=slot, context=Qt.WidgetWithChildrenShortcut)

        self.ticker = QTimer(self)
        self.ticker.setInterval(200)
        self.ticker.timeout.connect(self.tick)
        undoable.hub.changed.connect(self._on_changed)

    # -- tools (built when first opened) -------------------------------------------

    def _deck(self):
        from coprod_desktop.ui.live.deck_panel import DeckPanel

        return DeckPanel(self.undoable)

    def _decide(self):
        from coprod_desktop.ui.live.decide_panel import DecidePanel

        return DecidePanel(self.undoable)

    def _rules(self):
        from coprod_desktop.ui.live.rules_panel import RulesPanel

        return RulesPanel(self.undoable)

    def _since(self):
        from coprod_desktop.ui.live.report_back_panel import ReportBackPanel

        return ReportBackPanel(self.undoable)

    def _self_check(self):
        from coprod_desktop.ui.live.self_check_panel import SelfCheckPanel

        return SelfCheckPanel(self.undoable)

    def _balance(self):
        from coprod_desktop.ui.live.balance_panel import BalancePanel

        return BalancePanel(self.undoable)

    deck = property(lambda self: self.tools.page(0))
    decide = property(lambda self: self.tools.page(1))
    rules = property(lambda self: self.tools.page(2))
    balance = property(lambda self: self.tools.page(3))
    since = property(lambda self: self.tools.page(4))
    self_check = property(lambda self: self.tools.page(5))

    # -- showing -----------------------------------------------------------------

    def show_session(self, session: Session | None) -> None:
        self.session = session
        self.reload()
        self.tools.page(self.tools.currentIndex())
        if session is not None and session.state is SessionState.LIVE:
            self.ticker.start()
            self.capture.focus_capture()
        else:
            self.ticker.stop()

    def reload(self) -> None:
        if self.session is None:
            return
        self.session = self.archive.find(Session, self.session.id)
        if self.session is None:
            self.ticker.stop()
            return
        s = self.session
        self.items = self.archive.agenda(s.id)
        attending = self.archive.attending(s.id)
        self.present = [p for p in self.archive.participants(s.group_id) if p.id in attending]
        group = self.archive.find(Group, s.group_id)
        self.title.setText(s.title)
        self.status.setText(f"{group.name if group else ''} · {s.state.label}")
        live_now = s.state is SessionState.LIVE
        self.start_button.setVisible(s.state is SessionState.PLANNED)
        self.reopen_button.setVisible(s.state is SessionState.CLOSED)
        self.end_button.setVisible(live_now)
        for w in (self.prev_button, self.next_button, self.pause_button, self.extend_button, self.capture):
            w.setEnabled(live_now)
        self._fill_agenda()
        table = self.archive.card_on_table(s.id)
        self.capture.set_context(s, s.current_item_id, self.present, table.card_key if table else None)
        for widget in self.tools.built_pages().values():
            widget.show_session(s, self.present)
        self.tick()
        if live_now and not self.ticker.isActive():
            self.ticker.start()

    def _fill_agenda(self) -> None:
        self.agenda.clear()
        for item in self.items:
            current = item.id == self.session.current_item_id
            done = bool(item.actual_end)
            mark = "▶ " if current else ("✓ " if done else "   ")
            entry = QListWidgetItem(f"{mark}{item.title}  ({item.planned_minutes + item.extra_minutes} min)")
            entry.setData(ItemIdRole, item.id)
            if current:
                font = entry.font()
                font.setBold(True)
                entry.setFont(font)
                self.agenda.addItem(entry)
                self.agenda.setCurrentItem(entry)
            else:
                self.agenda.addItem(entry)

    def show_contribution(self, contribution) -> None:
        """Show the item a contribution was filed under, with it selected (search results)."""
        title = next((i.title for i in self.items if i.id == contribution.agenda_item_id), "no agenda item")
        self.capture.read_item(contribution.agenda_item_id, title)
        row = self.capture.model.row_of(contribution.id)
        while row < 0 and self.capture.model.canFetchMore():
            self.capture.model.fetchMore()
            row = self.capture.model.row_of(contribution.id)
        if row >= 0:
            self.capture.list.setCurrentIndex(self.capture.model.index(row))
            self.capture.list.scrollTo(self.capture.model.index(row))

    def current_item(self):
        return next((i for i in self.items if self.session and i.id == self.session.current_item_id), None)

    def tick(self) -> None:
        item = self.current_item()
        if item is None:
            self.current_title.setText("No agenda item" if not self.items else "")
            self._set_timer("--:--", Band.NOT_STARTED)
            return
        clock = item_clock(item, self.runner.clock.now_iso())
        self.current_title.setText(item.title)
        text = clock.display() + ("  (paused)" if clock.paused else "")
        self._set_timer(text, clock.band)
        self.pause_button.setText("Resume (F8)" if clock.paused else "Pause (F8)")

    def _set_timer(self, text: str, band: Band) -> None:
        if self.timer_label.text() != text:
            self.timer_label.setText(text)
        style = BAND_STYLE[band] + " border-radius: 6px; padding: 6px;"
        if self.timer_label.styleSheet() != style:
            self.timer_label.setStyleSheet(style)
            self.timer_label.setAccessibleDescription(band.value)
        self.timer_band = band

    # -- actions -----------------------------------------------------------------

    def choose_room_screen(self) -> None:
        """With several screens, ask which one the projector is; otherwise just open it."""
        from PySide6.QtGui import QGuiApplication
        from PySide6.QtWidgets import QMenu

        screens = QGuiApplication.screens()
        if len(screens) < 2:
            self.roomViewRequested.emit(None)
            return
        menu = QMenu(self)
        for n, screen in enumerate(screens, start=1):
            size = screen.size()
            here = " (this window)" if screen is self.screen() else ""
            action = menu.addAction(f"Screen {n}: {screen.name()} {size.width()}×{size.height()}{here}")
            action.triggered.connect(lambda _=False, s=screen: self.roomViewRequested.emit(s))
        menu.exec(self.room_button.mapToGlobal(self.room_button.rect().bottomLeft()))

    def _forget_planning_undo(self) -> None:
        """Timing is not on the undo stack, so planning steps from before the session went live
        would undo against items that have run since (Ctrl+Z pressed once too often in the room
        could remove the item running now). The undo history starts afresh."""
        self.undoable.stack.clear()

    def start(self) -> None:
        if self.session and self.runner.start(self.session.id):
            self._forget_planning_undo()
            owed = self.since.owed_count()
            if owed:  # start with what is owed to the group: you said, we did
                self.tools.setCurrentWidget(self.since)
                self.undoable.hub.notice.emit(
                    f"The session is live. {owed} thing{'s' if owed != 1 else ''} to report back on from earlier sessions."
                )
            else:
                self.undoable.hub.notice.emit("The session is live. Everything captured is saved as you go.")
            self.capture.focus_capture()

    def reopen(self) -> None:
        if self.session and self.runner.reopen(self.session.id):
            self._forget_planning_undo()
            self.undoable.hub.notice.emit("The session is live again; the reopening is recorded.")

    def end(self) -> None:
        from coprod_desktop.ui.dialogs.simple import Confirm

        if self.session and Confirm.ask(
            self, "End session", "End the session now? You can reopen it later.", yes="End session"
        ):
            if self.runner.end(self.session.id):
                self.tools.setCurrentWidget(self.self_check)  # close with the self-check
                self.undoable.hub.notice.emit("Session ended. Take the self-check with the group before people leave.")

    def step(self, offset: int) -> None:
        if self.session and self.session.state is SessionState.LIVE:
            if not self.runner.step(self.session.id, offset):
                self.undoable.hub.notice.emit("That was the last item." if offset > 0 else "That was the first item.")

    def go_to(self, item_id: str) -> None:
        if self.session and self.session.state is SessionState.LIVE:
            self.runner.go_to(self.session.id, item_id)

    def toggle_pause(self) -> None:
        if self.session and self.session.state is SessionState.LIVE:
            self.runner.toggle_pause(self.session.id)

    def extend(self) -> None:
        if self.session and self.session.state is SessionState.LIVE:
            self.runner.extend(self.session.id)

    def _on_changed(self, kind: str, record_id: str) -> None:
        if self.session is None or kind not in ("Session", "AgendaItem", "Participant", "CardDraw", "*"):
            return
        if self.isVisible():
            self.reload()
        else:
            self._stale = True  # planning in the other page: catch up when shown again

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if getattr(self, "_stale", False) and self.session is not None:
            self._stale = False
            self.reload()  # restarts the ticker for a live session
        elif self.session is not None and self.session.state is SessionState.LIVE:
            self.tick()
            self.ticker.start()

    def hideEvent(self, event) -> None:
        super().hideEvent(event)
        self.ticker.stop()
