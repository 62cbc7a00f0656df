"""Phones in the run view: open the room to phones on the hotspot's address (with its QR
code), and the queue of what they sent, to accept into the record, edit, or set aside.
Rounds are below (ui/live/phone_rounds.py)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent
from PySide6.QtNetwork import QAbstractSocket, QNetworkInterface
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
)

from coprod_desktop.app.changes import Change
from coprod_desktop.app.phone_room import AcceptPosts, SetAside, nothing_waiting
from coprod_desktop.domain.records import Participant, PhonePost
from coprod_desktop.domain.values import PostState, SessionState
from coprod_desktop.language import _, ngettext, pgettext
from coprod_desktop.storage import ArchiveError
from coprod_desktop.ui.colours import WARNING, hint, text_colour
from coprod_desktop.ui.flow_layout import FlowLayout
from coprod_desktop.ui.inputs import ComboBox
from coprod_desktop.ui.live.panel import LivePanel
from coprod_desktop.ui.planner.lists import view_action
from coprod_desktop.ui.qr import qr_pixmap
from coprod_desktop.ui.wrapping_check import WrappingCheck

PostRole = Qt.UserRole + 1
LOOPBACK = "127.0.0.1"


def local_addresses() -> list[str]:
    """This laptop's IPv4 addresses, the network ones first (a hotspot's is among them)."""
    found = [
        a.toString()
        for a in QNetworkInterface.allAddresses()
        if a.protocol() == QAbstractSocket.NetworkLayerProtocol.IPv4Protocol
    ]
    outside = sorted(a for a in set(found) if not a.startswith("127."))
    return [*outside, LOOPBACK]


class PhonesPanel(LivePanel):
    watches = (PhonePost, Participant)

    def __init__(self, undoable, parent=None):
        super().__init__(undoable, parent)
        self.door = undoable.phones
        self._seen: set[str] = set()
        self.address = ComboBox()
        self.address.setAccessibleName(_("The address phones join on"))
        self.open_button = QPushButton(_("Open the roo&m to phones"), clicked=self.toggle_open)
        self.qr = QLabel()
        self.qr.setAlignment(Qt.AlignCenter)
        self.link = QLabel()
        self.link.setWordWrap(True)
        self.link.setTextFormat(Qt.PlainText)
        self.url = QLineEdit(readOnly=True)  # a long address scrolls in its field, not the pane sideways
        self.url.setAccessibleName(_("The join address"))
        self.status = QLabel()
        self.status.setWordWrap(True)
        hint(self.status)
        self.guessed = QLabel(wordWrap=True, visible=False)  # someone trying personal codes
        text_colour(self.guessed, WARNING, " font-weight: bold;")
        self.auto = WrappingCheck(_("Put what phones send straight into the record"))
        self.auto.toggled.connect(self.door.set_auto_accept)
        self.codes_button = QPushButton(_("Personal codes…"), clicked=self.show_codes)
        self.queue = QListWidget()
        self.queue.setWordWrap(True)
        # Laid out a few rows per pass: each row added re-lays out every row otherwise, which
        # at a few hundred waiting held the window for tens of milliseconds a post.
        self.queue.setLayoutMode(QListWidget.Batched)
        self.queue.setBatchSize(25)
        self.queue.setSelectionMode(QListWidget.ExtendedSelection)
        self.queue.setAccessibleName(_("Waiting from phones"))
        self.queue.itemActivated.connect(lambda _item: self.accept())
        self.aside_action = view_action(self.queue, pgettext("verb", "Set aside"), "Delete", self.set_aside)
        view_action(self.queue, _("Edit and accept"), "F2", self.edit_and_accept)
        self.waiting_label = QLabel()
        self.waiting_label.setBuddy(self.queue)

        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        on = QLabel(_("Address:"), buddy=self.address)
        row.addWidget(on)
        row.addWidget(self.address, 1)
        layout.addLayout(row)
        layout.addWidget(self.open_button)
        layout.addWidget(self.qr)
        layout.addWidget(self.link)
        layout.addWidget(self.url)
        layout.addWidget(self.status)
        layout.addWidget(self.guessed)
        layout.addWidget(self.auto)
        layout.addWidget(self.codes_button)
        layout.addWidget(self.waiting_label)
        layout.addWidget(self.queue, 1)
        actions = FlowLayout()
        self.accept_button = QPushButton(_("Accep&t"), clicked=self.accept)
        self.edit_button = QPushButton(_("Edit and accept… (F2)"), clicked=self.edit_and_accept)
        self.aside_button = QPushButton(_("Set aside (Delete)"), clicked=self.set_aside)
        self.all_button = QPushButton(_("Accept all"), clicked=self.accept_all)
        for b in (self.accept_button, self.edit_button, self.aside_button, self.all_button):
            actions.addWidget(b)
        layout.addLayout(actions)
        from coprod_desktop.ui.live.phone_rounds import RoundsBox

        self.rounds = RoundsBox(undoable, self.door)
        layout.addWidget(self.rounds)

        self.door.opened.connect(lambda _url: self._opened())
        self.door.refused.connect(lambda why: self.undoable.hub.failed.emit(_("The room is not open to phones"), why))
        self.door.closed.connect(self._show_door)
        self.door.arrived.connect(self._arrived)
        self.door.joined_now.connect(lambda _n: self._show_status())
        self.door.codes_guessed.connect(self._codes_guessed)
        self._fill_addresses()
        self._show_door()

    # -- the door --------------------------------------------------------------

    def _fill_addresses(self) -> None:
        self.address.clear()
        found = local_addresses()
        for a in found:
            self.address.addItem(_("{address} (this laptop only)").format(address=a) if a == LOOPBACK else a, a)
        chosen = self.undoable.settings.phones_address
        self.address.setCurrentIndex(max(0, self.address.findData(chosen)))

    def toggle_open(self) -> None:
        if self.door.is_open or self.door.opening:  # this session's room (another's closes as this one opens)
            self.door.close()
            if self.door.session_id == getattr(self.session, "id", None):
                return
        if self.session is None or self.session.state is not SessionState.LIVE:
            self.undoable.hub.failed.emit(_("The room is not open to phones"), _("Start the session first."))
            return
        try:
            self.door.open(self.session.id, self.address.currentData() or LOOPBACK)
        except ArchiveError as error:
            self.undoable.hub.failed.emit(_("The room is not open to phones"), str(error))
            return
        self._show_door()  # opening: the server's process starts, and ``opened`` follows

    def _opened(self) -> None:
        self.undoable.settings.phones_address = self.door.opening_on
        self._show_door()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not (self.door.is_open or self.door.opening):  # a hotspot switched on since: its address is listed
            self._fill_addresses()

    def _show_door(self) -> None:
        here = self.session is not None and self.door.session_id == self.session.id
        is_open, opening = here and self.door.is_open, here and self.door.opening
        shut = not (is_open or opening)
        self.open_button.setText(_("Open the roo&m to phones") if shut else _("Close the roo&m to phones"))
        self.address.setEnabled(shut)
        self.codes_button.setEnabled(is_open)
        self.qr.setVisible(is_open)
        self.url.setVisible(is_open)
        if is_open:
            url = self.door.join_url
            self.qr.setPixmap(qr_pixmap(url, 150))  # the room view's is the big one
            self.qr.setAccessibleName(_("QR code to join: {address}").format(address=url))
            self.link.setText(_("Phones join the laptop's hotspot, then scan the code or open:"))
            self.url.setText(url)
            self.url.setCursorPosition(0)
        else:
            self.qr.clear()
            self.url.clear()
            self.link.setText(
                _("Phones join the laptop's Wi-Fi hotspot (no internet needed); the room's page is served from here.")
            )
        self._show_status()
        self.rounds.set_open(is_open)

    def _codes_guessed(self) -> None:
        self._show_status()
        if not self.door.codes_resting():  # told late: the room has closed (or opened anew) since
            return
        told = _("Phones: too many wrong personal codes; none is checked for a minute or more.")
        self.undoable.hub.notice.emit(told)
        event = QAccessibleAnnouncementEvent(self.guessed, told)  # a screen reader says it now
        event.setPoliteness(QAccessible.AnnouncementPoliteness.Polite)
        QAccessible.updateAccessibility(event)  # the server says when a guess is back: shown then

    def _show_status(self) -> None:
        self.guessed.setVisible(self.door.codes_resting())
        if self.door.opening:
            self.status.setText(_("Opening the room to phones…"))
            return
        if not self.door.is_open:
            self.status.setText(_("Closed to phones."))
            return
        n = self.door.joined()
        self.status.setText(ngettext("{n} phone has joined.", "{n} phones have joined.", n).format(n=n))
        self.guessed.setText(
            _(
                "Someone is trying personal codes that were not given out, so none is checked for a minute "
                "or more (anonymous posts still come). If it goes on, close the room and open it again: "
                "new codes and a new QR code."
            )
        )

    def show_codes(self) -> None:
        from coprod_desktop.ui.dialogs.phone_post import PersonalCodes

        PersonalCodes.ask(self, self.door.code_list())

    # -- the queue -------------------------------------------------------------

    def show_session(self, session, present) -> None:
        self._seen: set[str] = set()  # posts read or told of in this session (never shown twice)
        super().show_session(session, present)
        self.rounds.show_session(session, present)
        self._show_door()

    def fill(self) -> None:
        self.queue.clear()
        self._people = {p.id: p for p in self.archive.participants(self.session.group_id)}
        self._add(self.archive.phone_posts(self.session.id))

    def concerns(self, change: Change) -> bool:
        return change.source is not self.door and super().concerns(change)

    def _arrived(self, records) -> None:
        if self.session is None:
            return
        posts = [r for r in records if isinstance(r, PhonePost) and r.session_id == self.session.id]
        # Only what no refresh has read yet (a refresh may come between the commit and this notice).
        self._add([p for p in posts if p.state is PostState.WAITING and p.id not in self._seen])

    def _add(self, posts) -> None:
        people = getattr(self, "_people", {})
        for post in posts:
            self._seen.add(post.id)
            person = people.get(post.participant_id or "")
            sender = person.preferred_name if person is not None else _("Anonymous")
            # Quotable words go up on the room view once accepted; others stay off it.
            who = (_("{kind} · {who} · may be quoted") if post.quote_allowed else _("{kind} · {who}")).format(
                kind=post.kind.label, who=sender
            )
            item = QListWidgetItem(_("{details}: {text}").format(details=who, text=post.text))
            item.setData(PostRole, post)
            self.queue.addItem(item)
        self._show_waiting()

    def _show_waiting(self) -> None:
        n = self.queue.count()
        words = ngettext("Waiting from phones ({n}):", "Waiting from phones ({n}):", n).format(n=n)
        self.waiting_label.setText(words if n else nothing_waiting())

    def _chosen(self) -> list[PhonePost]:
        items = self.queue.selectedItems() or ([self.queue.currentItem()] if self.queue.currentItem() else [])
        return [i.data(PostRole) for i in items if i is not None]

    def _run(self, edit) -> None:
        if self.undoable.run(edit, source=self):
            self.refresh()

    def accept(self) -> None:
        chosen = self._chosen()
        if chosen:
            self._run(AcceptPosts(chosen, self._people))

    def accept_all(self) -> None:
        posts = [self.queue.item(i).data(PostRole) for i in range(self.queue.count())]
        if posts:
            self._run(AcceptPosts(posts, self._people))

    def edit_and_accept(self) -> None:
        from coprod_desktop.ui.dialogs.phone_post import EditPost

        chosen = self._chosen()[:1]
        if chosen:
            text = EditPost.ask(self, chosen[0].text)
            if text is not None:
                self._run(AcceptPosts(chosen, self._people, edited=text))

    def set_aside(self) -> None:
        chosen = self._chosen()
        if chosen:
            self._run(SetAside(chosen))

    def retranslate(self) -> None:
        self.aside_action.setText(pgettext("verb", "Set aside"))  # a word with a context: said again here
        self._fill_addresses()
        self._show_door()
        super().retranslate()
