"""The projector's view: large, high contrast, readable from the back of a room.

It shows the session, the current item and its timer, the card on the table,
the ground rules (G toggles) and recent contributions by role or anonymously
(a phone's words only if quotable). A name appears only if that person chose to
be named and names are on (N). F11: full screen; the run view picks the screen.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from coprod_desktop.app.changes import Change
from coprod_desktop.app.deck import card_by_key
from coprod_desktop.app.room import REMINDER, heard
from coprod_desktop.domain import privacy
from coprod_desktop.domain.records import (
    AgendaItem,
    CardDraw,
    Contribution,
    GroundRule,
    Group,
    GroupCard,
    Participant,
    Session,
    SessionEvent,
)
from coprod_desktop.domain.timing import Band, item_clock
from coprod_desktop.language import N_, _, in_both
from coprod_desktop.ui.keys import WHERE, shortcut
from coprod_desktop.ui.live.room_text import fit, room_label, takes_its_share

RECENT = 5
BAND_COLOURS = {
    Band.NOT_STARTED: ("#ffffff", "#000000"),
    Band.NORMAL: ("#ffffff", "#000000"),
    Band.AMBER: ("#000000", "#ffd166"),
    Band.RED: ("#ffffff", "#c1121f"),
}


class RoomView(QWidget):
    def __init__(self, context, hub, door=None, parent=None):
        super().__init__(parent, Qt.Window)
        archive, self.context = context.archive, context
        self.setWindowTitle(_("coprod-desktop — room view"))
        self.archive, self.hub = archive, hub
        self.session_id: str | None = None
        self._session: Session | None = None
        self._item = None
        self.names_on = False
        self.both_languages = False  # the projector's own words in Cymraeg and English (L)
        self.rules_on = True
        self.locked = False  # the app is locked: only the session's title shows
        self.setAutoFillBackground(True)
        self.setStyleSheet("RoomView { background: #000000; }")

        self.title = room_label(0.045, bold=True, colour="#ffd166")
        self.item = room_label(0.06, bold=True)
        self.timer = room_label(0.11, bold=True)
        self.timer.setAlignment(Qt.AlignRight | Qt.AlignVCenter)
        self.timer.setAccessibleName(_("Time left"))
        self.card = room_label(0.045, colour="#ffffff")
        self.card_frame = QFrame()
        self.card_frame.setObjectName("card")
        self.card_frame.setStyleSheet("QFrame#card { border: 3px solid #ffd166; border-radius: 12px; }")
        card_layout = QVBoxLayout(self.card_frame)
        card_layout.addWidget(self.card)
        takes_its_share(self.card_frame)  # else its size follows the card's font, and the font its size
        self.rules = room_label(0.03, colour="#e0e0e0")
        self.pointed = room_label(0.04, bold=True, colour="#ffd166")  # the rule just pointed to
        self.pointed.setAccessibleName(_("The ground rule we have just pointed to"))
        self.recent = room_label(0.035, colour="#ffffff")
        for label in (self.rules, self.recent, self.pointed):
            label.setAlignment(Qt.AlignTop | Qt.AlignLeft)
        self._rules: list[str] = []
        self._heard: list[str] = []
        self._door, self._heard_due = door, False  # phones' batches: what was heard, once a tick

        top = QHBoxLayout()
        left = QVBoxLayout()
        left.addWidget(self.title, 1)
        left.addWidget(self.item, 2)
        top.addLayout(left, 3)
        top.addWidget(self.timer, 2)
        from coprod_desktop.ui.live.room_phones import RoomPhones

        self.phones = RoomPhones(door, archive, hub, lambda: self.both_languages)  # QR code and rounds
        self.side = side = QVBoxLayout()
        side.addWidget(self.pointed, 1)
        side.addWidget(self.rules, 4)
        side.addWidget(self.phones, 4)
        self.phones.round_shown.connect(self._round_shown)
        body = QHBoxLayout()
        body.addWidget(self.recent, 3)
        body.addLayout(side, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(40, 30, 40, 30)
        layout.addLayout(top, 3)
        layout.addWidget(self.card_frame, 2)
        layout.addLayout(body, 6)

        self.setProperty(WHERE, N_("Room view"))  # translated where it is shown (ui/keys.py)
        shortcut("F11", self, self.toggle_full_screen, N_("Full screen, or not"))
        shortcut("F5", self, self.close, N_("Close the room view"))  # F5 opened it
        shortcut("Escape", self, self.showNormal, N_("Leave full screen"))
        shortcut("G", self, self.toggle_rules, N_("Show or hide the ground rules"))
        shortcut("N", self, self.toggle_names, N_("Show or hide the names of those who chose to be named"))
        shortcut("L", self, self.toggle_languages, N_("Show the room view's words in one language or in both"))
        self.ticker = QTimer(self)
        self.ticker.setInterval(250)
        self.ticker.timeout.connect(self.tick)
        self.ticker.timeout.connect(self._heard_at_tick)
        self.ticker.start()
        hub.changed.connect(self._on_changed)

    def set_locked(self, locked: bool) -> None:
        self.locked = locked
        for widget in (self.item, self.timer, self.card_frame, self.rules, self.recent):
            widget.setVisible(not locked)
        self.phones.setVisible(False)  # shown again, if it should be, by refresh
        self.pointed.setVisible(False)  # shown again, if it should be, by refresh
        if not locked:
            self.refresh()
            QTimer.singleShot(0, self._fit_all)  # once the layout has given back each share

    def show_session(self, session_id: str) -> None:
        self.session_id = session_id
        self.phones.session_id = session_id
        self.refresh()

    def toggle_full_screen(self) -> None:
        self.showNormal() if self.isFullScreen() else self.showFullScreen()

    def _round_shown(self, shown: bool) -> None:
        """A phones' round on screen takes the ground rules' place, and gives it back."""
        self.side.setStretchFactor(self.phones, 12 if shown else 4)
        self.refresh()

    def toggle_rules(self) -> None:
        self.rules_on = not self.rules_on
        self.refresh()

    def toggle_names(self) -> None:
        self.names_on = not self.names_on
        self.refresh()

    def place_on(self, screen) -> None:
        """Move to ``screen`` (a QScreen) and fill it."""
        self.setScreen(screen)
        self.setGeometry(screen.availableGeometry())
        self.showFullScreen()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        QTimer.singleShot(0, self._fit_all)  # once the layout has given each label its share

    def _most_px(self, label: QLabel) -> int:
        return int(max(300, self.height()) * label.property("scale"))

    def _fit_all(self) -> None:
        for label in (self.title, self.item, self.timer, self.card, self.pointed):
            fit(label, self._most_px(label))
        fit(self.rules, self._most_px(self.rules), self._rules, self._say(N_("Our ground rules")) + "\n")
        fit(self.recent, self._most_px(self.recent), self._heard, self._say(N_("What we have heard")), "\n\n")

    def _say(self, message: str) -> str:
        """One of the projector's own words: in the app's language, or in both (Welsh first)."""
        if not self.both_languages:
            return _(message)
        return in_both(lambda: [_(message)])[0]

    def _agreed(self, rule: str) -> str:
        if self.both_languages:
            return _("{words}: {rule}").format(words=self._say(N_("We agreed")), rule=rule)
        return _("We agreed: {rule}").format(rule=rule)

    def toggle_languages(self) -> None:
        self.both_languages = not self.both_languages
        self.refresh()

    def retranslate(self) -> None:
        """The projector's headings and timer in the language now, each fitted again once the
        layout has taken in the new words."""
        self.refresh()
        QTimer.singleShot(0, self._fit_all)

    def refresh(self) -> None:
        """Read everything the projector shows afresh."""
        if self.locked:
            self._read_session()
            return
        session = self._read_session()
        self.phones.refresh()
        if session is not None:
            self._show_card(session)
            self._show_rules(session)
            self._show_recent(session)
        self.tick()

    def _read_session(self) -> Session | None:
        session = self.archive.find(Session, self.session_id) if self.session_id else None
        self._session, self._item = session, None
        if session is None:  # deleted (or its group was): nothing of it stays on the projector
            for label in (self.title, self.card, self.rules, self.recent, self.pointed):
                label.setText("")
            self.pointed.setVisible(False)
            self.card_frame.setVisible(False)
            self.rules.setVisible(False)
            return None
        self._item = next((i for i in self.archive.agenda(session.id) if i.id == session.current_item_id), None)
        if self.title.text() != session.title:
            self.title.setText(session.title)
            fit(self.title, self._most_px(self.title))
        return session

    def _show_card(self, session: Session) -> None:
        table = self.archive.card_on_table(session.id)
        card = card_by_key(self.archive, session.group_id, table.card_key) if table else None
        self.card_frame.setVisible(card is not None)
        self.card.setText(f"❝ {card.text} ❞" if card else "")
        fit(self.card, self._most_px(self.card))

    def _show_rules(self, session: Session) -> None:
        rules = self.archive.ground_rules(session.id)
        self.rules.setVisible(self.rules_on and bool(rules) and not self.phones.round_on)  # a round's room
        self._rules = [f"• {r.text}" for r in rules]
        fit(self.rules, self._most_px(self.rules), self._rules, self._say(N_("Our ground rules")) + "\n")
        pointed = [e for e in self.archive.events(session.id, REMINDER) if e.agenda_item_id == session.current_item_id]
        self.pointed.setText(self._agreed(pointed[-1].detail) if pointed else "")
        self.pointed.setVisible(bool(pointed))
        fit(self.pointed, self._most_px(self.pointed))

    def _show_recent(self, session: Session) -> None:
        """The last few things said, each speaker as privacy allows on the projector."""
        people = {p.id: p for p in self.archive.participants(session.group_id)}
        audience = privacy.Audience.ROOM_NAMES_ON if self.names_on else privacy.Audience.ROOM
        recent = heard(self.archive, session.id, RECENT)
        self._heard = [f"{privacy.speaker(c, people.get(c.participant_id), audience)}: {c.text}" for c in recent]
        if self._heard:
            fit(self.recent, self._most_px(self.recent), self._heard, self._say(N_("What we have heard")), "\n\n")
        else:
            self.recent.setText("")

    def _heard_at_tick(self) -> None:
        if self._heard_due and self._session is not None and not self.locked:
            self._heard_due = False
            self._show_recent(self._session)

    def tick(self) -> None:
        if self.locked:
            return
        item = getattr(self, "_item", None)  # kept fresh by refresh(); the tick only does arithmetic
        if item is None:
            self.item.setText("")
            self.timer.setText("")
            return
        clock = item_clock(item, self.context.clock.now_iso())
        if self.item.text() != item.title:
            self.item.setText(item.title)
            fit(self.item, self._most_px(self.item))
        text = "\n".join((clock.display(), self._say(N_("paused")))) if clock.paused else clock.display()
        if self.timer.text() != text:
            self.timer.setText(text)
            fit(self.timer, self._most_px(self.timer))
        fg, bg = BAND_COLOURS[clock.band]
        style = f"color: {fg}; background: {bg}; border-radius: 12px; padding: 8px;"
        if self.timer.styleSheet() != style:
            self.timer.setStyleSheet(style)

    def _on_changed(self, change: Change) -> None:
        """Only what the notice concerns: a live step moves the item and its timer; a
        contribution changes what was heard; a card, the card on the table."""
        if self.session_id is None or self.locked:
            return
        if change.everything or change.touches(Group, Participant, GroundRule):
            self.refresh()
            return
        if not change.touches(Session, AgendaItem, Contribution, CardDraw, GroupCard, SessionEvent):
            return
        had = self._session
        session = self._read_session() if change.touches(Session, AgendaItem) else had
        if session is None or had is None:  # gone, or back (an undone delete): all of it
            self.refresh()
            return
        if change.touches(CardDraw, GroupCard):
            self._show_card(session)
        if change.touches(Contribution) and self._door is not None and change.source is self._door:
            self._heard_due = True  # straight in from phones, batch after batch: at the next tick
        elif change.touches(Contribution):
            self._show_recent(session)
        if change.touches(SessionEvent, Session):  # a rule pointed to; another item
            self._show_rules(session)
        self.tick()
