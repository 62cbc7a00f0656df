"""The facilitator's screen while a session runs: agenda and timer, capture, and the tools of the room."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from coprod_desktop.app.changes import Change
from coprod_desktop.app.live import LiveRunner
from coprod_desktop.domain.records import AgendaItem, Attendance, CardDraw, Group, Participant, Session
from coprod_desktop.domain.timing import Band
from coprod_desktop.domain.values import SessionState
from coprod_desktop.language import N_, _
from coprod_desktop.ui.keys import WHERE, shortcut
from coprod_desktop.ui.live.agenda_column import AgendaColumn
from coprod_desktop.ui.live.capture_panel import CapturePanel
from coprod_desktop.ui.live.run_steps import RunSteps
from coprod_desktop.ui.live.tools import RunTools
from coprod_desktop.ui.settings import remembered_splitter


class RunView(RunSteps, QWidget):
    roomViewRequested = Signal(object)  # a QScreen, or None for "another screen if there is one"
    planRequested = Signal()

    def __init__(self, undoable, parent=None):
        super().__init__(parent)
        self.undoable = undoable
        self.archive = undoable.archive
        self.runner = LiveRunner(undoable.context)
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
        self.start_button = QPushButton(_("&Start session"), clicked=self.start)
        self.reopen_button = QPushButton(_("Re&open session"), clicked=self.reopen)
        self.end_button = QPushButton(_("E&nd session"), clicked=self.end)
        self.room_button = QPushButton(_("&Room view"), clicked=self.choose_room_screen)
        self.room_button.setToolTip(_("Open the projector window (F5); F11 there toggles full screen"))
        self.plan_button = QPushButton(_("&Plan"), clicked=lambda: self.planRequested.emit())
        self.plan_button.setToolTip(_("Back to planning this session (details, agenda, rules, people)"))

        self.column = AgendaColumn(self.step, self.go_to, self.toggle_pause, self.extend, browse=self.browse)
        c = self.column
        self.agenda, self.current_title, self.timer_label = c.agenda, c.current_title, c.timer_label
        self.pause_button, self.next_button, self.prev_button = c.pause_button, c.next_button, c.prev_button

        self.capture = CapturePanel(undoable)
        self.tools = RunTools(undoable)
        self.tools.built.connect(
            lambda _index, widget: self.session and widget.show_session(self.session, self.present)
        )

        header = QHBoxLayout()
        heading = QVBoxLayout()
        heading.addWidget(self.title)
        heading.addWidget(self.status)
        header.addLayout(heading, 1)
        for b in (self.start_button, self.reopen_button, self.room_button, self.plan_button, self.end_button):
            header.addWidget(b)

        split = remembered_splitter(
            self.undoable.settings, "run", self.column, self.capture, self.tools, stretch=(2, 5, 3)
        )
        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(split, 1)

        self.setProperty(WHERE, N_("Run view"))  # translated where it is shown (ui/keys.py)
        for keys, slot, says in (
            ("Ctrl+PgDown", lambda: self.step(+1), N_("Next agenda item")),
            ("Ctrl+PgUp", lambda: self.step(-1), N_("Previous agenda item")),
            ("F8", self.toggle_pause, N_("Pause or resume the timer")),
            ("F9", self.extend, N_("Five more minutes on this item")),
            ("F5", lambda: self.roomViewRequested.emit(None), N_("Open the room view")),
            ("Ctrl+D", lambda: self.deck.draw(), N_("Draw a card")),
            ("Ctrl+Shift+D", self._new_decision, N_("New decision")),
        ):
            shortcut(keys, self, slot, says, Qt.WidgetWithChildrenShortcut)

        self.ticker = QTimer(self)
        self.ticker.setInterval(200)
        self.ticker.timeout.connect(self.tick)
        undoable.hub.changed.connect(self._on_changed)

    def tab_chain(self) -> list[QWidget]:
        """Tab follows the layout: the header's buttons, the agenda column, the capture box
        and what goes with it, then the tools."""
        c, cap = self.column, self.capture
        return [
            self.start_button, self.reopen_button, self.room_button, self.plan_button, self.end_button,
            c.agenda, c.prev_button, c.next_button, c.pause_button, c.extend_button,
            cap.text, cap.who, *cap.kinds.buttons(), cap.quote, cap.list, self.tools,
        ]  # fmt: skip

    deck = property(lambda self: self.tools.deck)
    decide = property(lambda self: self.tools.decide)
    rules = property(lambda self: self.tools.rules)
    balance = property(lambda self: self.tools.balance)
    since = property(lambda self: self.tools.since)
    self_check = property(lambda self: self.tools.self_check)
    phones = property(lambda self: self.tools.phones)

    # -- showing -----------------------------------------------------------------

    def show_session(self, session: Session | None, *, take_focus: bool = True) -> None:
        self.session = session
        self.reload()
        self.tools.page(self.tools.currentIndex())
        if session is not None and session.state is SessionState.LIVE:
            self.ticker.start()
            if take_focus:
                self.capture.focus_capture()
        else:
            self.ticker.stop()

    def reload(self) -> None:
        """Read everything the view shows afresh (a session opened, or everything changed)."""
        if self.session is None:
            return
        self.session = self.archive.find(Session, self.session.id)
        if self.session is None:
            self.ticker.stop()
            return
        self.items = self.archive.agenda(self.session.id)
        self.present = self.archive.present(self.session)
        group = self.archive.find(Group, self.session.group_id)
        self._group_name = group.name if group else ""
        table = self.archive.card_on_table(self.session.id)
        self._card_key = table.card_key if table else None
        self._show_state()
        self.tools.show_session(self.session, self.present)

    def retranslate(self) -> None:
        """The session's state in the language now (the column, the capture box and the
        tools say their own words again)."""
        if self.session is not None:
            self._show_status()

    def _show_status(self) -> None:
        self.status.setText(f"{self._group_name} · {self.session.state.label}")

    def _show_state(self) -> None:
        s = self.session
        self.title.setText(s.title)
        self._show_status()
        live_now = s.state is SessionState.LIVE
        self.start_button.setVisible(s.state is SessionState.PLANNED)
        self.reopen_button.setVisible(s.state is SessionState.CLOSED)
        self.end_button.setVisible(live_now)
        self.column.set_live(live_now)
        self.capture.set_live(live_now)
        self.column.fill(self.items, s.current_item_id)
        self.capture.set_context(s, s.current_item_id, self.present, self._card_key)
        if not live_now:
            self.column.choose(self._first_to_read())
        self.tick()
        if live_now and not self.ticker.isActive():
            self.ticker.start()

    def show_contribution(self, contribution) -> None:
        """Show the item a contribution was filed under, with it selected (search results)."""
        title = next((i.title for i in self.items if i.id == contribution.agenda_item_id), None)
        title = _("no agenda item") if title is None else title
        self.capture.read_item(contribution.agenda_item_id, title)
        row = self.capture.model.row_of(contribution.id)
        while row < 0 and self.capture.model.canFetchMore():
            self.capture.model.fetchMore()
            row = self.capture.model.row_of(contribution.id)
        if row >= 0:
            self.capture.list.setCurrentIndex(self.capture.model.index(row))
            self.capture.list.scrollTo(self.capture.model.index(row))

    def browse(self, item_id: str) -> None:
        """A planned or ended session, read item by item: what was said under ``item_id``."""
        if self.session is not None and self.session.state is not SessionState.LIVE:
            title = next((i.title for i in self.items if i.id == item_id), "")
            self.capture.read_item(item_id, title)

    def _first_to_read(self) -> str | None:
        """The item to open an ended session on: where it ended, else the first with words."""
        if self.session.current_item_id:
            return self.session.current_item_id
        said = self.archive.items_with_words(self.session.id)
        return next((i.id for i in self.items if i.id in said), self.items[0].id if self.items else None)

    def current_item(self):
        return next((i for i in self.items if self.session and i.id == self.session.current_item_id), None)

    def tick(self) -> None:
        self.column.show_clock(self.current_item(), self.runner.clock.now_iso(), no_items=not self.items)

    @property
    def timer_band(self) -> Band:
        return self.timer_label.band

    def _on_changed(self, change: Change) -> None:
        """Refresh only what the notice concerns: a live step re-reads the session and its
        agenda; the roster, attendance or the group reload the whole view."""
        if self.session is None or not change.touches(Session, AgendaItem, Group, Participant, Attendance, CardDraw):
            return
        if not self.isVisible():
            self._stale = True  # planning in the other page: catch up when shown again
        elif change.everything or change.touches(Group, Participant, Attendance):
            self.reload()
        else:
            state = self.session.state
            if change.touches(Session, AgendaItem):
                self.session = self.archive.find(Session, self.session.id)
                if self.session is None:
                    self.ticker.stop()
                    return
                self.items = self.archive.agenda(self.session.id)
            if change.touches(CardDraw):
                table = self.archive.card_on_table(self.session.id)
                self._card_key = table.card_key if table else None
            self._show_state()
            if self.session.state is not state:  # started, ended or reopened: the tools follow
                self.tools.show_session(self.session, self.present)

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
