"""The room's door to phones: opens and closes the web server (coprod_desktop/phones),
keeps it told what the room shows now, and brings what phones sent over to the window's
thread, where screens are told. The server stops when the door closes, when the session
is no longer live, and when the app quits."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QApplication

from coprod_desktop.app.changes import Change
from coprod_desktop.app.deck import card_by_key
from coprod_desktop.domain import privacy
from coprod_desktop.domain.records import (
    AgendaItem,
    Attendance,
    CardDraw,
    Contribution,
    Group,
    Participant,
    PhonePost,
    PhoneRound,
    RoundAnswer,
    Session,
)
from coprod_desktop.domain.values import SessionState
from coprod_desktop.language import _, current


class PhoneDoor(QObject):
    opened = Signal(str)  # the join address
    closed = Signal()
    arrived = Signal(object)  # the posts and answers just kept, on the window's thread
    joined_now = Signal(int)  # how many phones have joined, on the window's thread
    taken_off = Signal()  # a round's answers were taken off the room view
    codes_guessed = Signal()  # wrong personal codes used up the room's guesses, on the window's thread
    _kept = Signal(object)  # from the server's pipe
    _joined = Signal(int)  # from the server's pipe
    _not_kept = Signal(str)  # from the server's pipe: what went wrong, in words
    _resting = Signal()  # from the server's pipe
    _ready = Signal(str)  # from the server's pipe: the join address
    _refused = Signal(object, object)  # from the server's pipe: the server and why it did not open
    _gone = Signal(object)  # from the server's pipe: the server's process ended by itself
    refused = Signal(str)  # why the room did not open, in words

    def __init__(self, undoable, parent=None):
        super().__init__(parent)
        self.undoable, self.archive = undoable, undoable.archive
        self.server = None  # a RoomProcess, once asked to open
        self.opening_on = ""  # the address asked for
        self.session_id: str | None = None
        self.auto_accept = False
        self.codes: dict[str, str] = {}  # personal code -> participant id, for this opening
        self.off_room_view: set[str] = set()  # rounds the facilitator took off the projector
        self._kept.connect(self._on_kept, Qt.QueuedConnection)
        self._joined.connect(self.joined_now, Qt.QueuedConnection)
        self._not_kept.connect(self._tell_not_kept, Qt.QueuedConnection)
        self._resting.connect(self.codes_guessed, Qt.QueuedConnection)
        self._ready.connect(self._on_ready, Qt.QueuedConnection)
        self._refused.connect(self._on_refused, Qt.QueuedConnection)
        self._gone.connect(self._on_gone, Qt.QueuedConnection)
        undoable.hub.changed.connect(self._on_changed)
        app = QApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.close)

    @property
    def is_open(self) -> bool:
        return self.server is not None and self.server.running

    @property
    def join_url(self) -> str:
        return self.server.join_url if self.is_open else ""

    def joined(self) -> int:
        return self.server.joined() if self.is_open else 0

    def codes_resting(self) -> bool:
        return self.is_open and self.server.codes_resting()

    def open(self, session_id: str, address: str, port: int = 0) -> None:
        """Start opening the room to phones on ``address``: ``opened`` follows once phones
        can join, or ``refused`` (with what went wrong, in words) if the address cannot be
        listened on (not this computer's, or the port taken) or the archive cannot take
        posts. ArchiveError at once while a big archive is still being checked."""
        from coprod_desktop.phones.process import RoomProcess
        from coprod_desktop.storage import ArchiveError

        gate = self.archive.gate
        if gate is not None and not gate.done:  # a big archive's check: phones write only after it
            raise ArchiveError(_("The archive is still being checked after opening; try again soon."))
        if gate is not None and gate.run():
            raise ArchiveError(gate.problem or "")
        self.close()
        self.session_id = session_id
        self.codes = {}
        self.opening_on = address
        server = RoomProcess(
            address,
            self.now(),
            self.archive.path,
            self.archive.key,
            port=port,
            language=current(),
            on_ready=self._ready.emit,
            on_refused=lambda error: self._refused.emit(server, error),
            on_kept=self._kept.emit,
            on_join=self._joined.emit,
            on_failed=self._not_kept.emit,
            on_resting=self._resting.emit,
            on_gone=lambda: self._gone.emit(server),
        )
        self.server = server
        server.start()

    @property
    def opening(self) -> bool:
        """Asked to open, and not open yet."""
        return self.server is not None and not self.server.running

    def _on_ready(self, url: str) -> None:
        if self.server is None or self.server.join_url != url:  # closed (or opened anew) since
            return
        self.give_codes()
        self.opened.emit(url)

    def _on_refused(self, server, error: Exception) -> None:
        if server is not self.server:
            return
        self.server = None
        self.codes = {}
        server.stop()
        why = str(error)
        if isinstance(error, OSError):
            told = _("Phones cannot join on {address} ({error}). Choose another address: the hotspot's.")
            why = told.format(address=self.opening_on, error=error)
        self.refused.emit(why)
        self.closed.emit()

    def _on_gone(self, server) -> None:
        """The server's process ended by itself: said, and the door shows closed."""
        if server is not self.server:
            return
        self.close()
        self.undoable.hub.failed.emit(
            _("The room closed to phones"),
            _("The phones' server stopped unexpectedly. Open the room to phones again: a new QR code."),
        )

    def _tell_not_kept(self, why: str) -> None:
        told = _("What phones sent could not be kept, and they were told to send it again: {why}")
        self.undoable.hub.failed.emit(_("Not kept from phones"), told.format(why=why))

    def close(self) -> None:
        server, self.server = self.server, None
        if server is not None:
            server.stop()
            self.codes = {}
            self.closed.emit()

    def take_off_room_view(self, round_id: str) -> None:
        """The round's answers leave the projector (the ground rules come back); kept as they were."""
        self.off_room_view.add(round_id)
        self.taken_off.emit()

    def set_auto_accept(self, on: bool) -> None:
        self.auto_accept = on
        self.tell()

    # -- personal codes --------------------------------------------------------

    def give_codes(self) -> None:
        """A personal code for each person here who chose to be named (kept for those who
        have one already); only they can send as themselves."""
        from coprod_desktop.phones.room import make_codes

        session = self.archive.find(Session, self.session_id) if self.session_id else None
        if session is None or not self.is_open:
            return
        may = [p.id for p in self.archive.present(session) if privacy.may_post_as_themselves(p)]
        kept = {code: pid for code, pid in self.codes.items() if pid in may}
        given = set(kept.values())
        kept.update(make_codes([pid for pid in may if pid not in given]))
        self.codes = kept
        self.server.set_codes(kept)
        self.tell()

    def code_list(self) -> list[tuple[str, str]]:
        """(name, code) for the facilitator to hand out, by name."""
        people = {p.id: p for p in self.archive.participants(self._group_id())} if self.session_id else {}
        pairs = [(people[pid].preferred_name, code) for code, pid in self.codes.items() if pid in people]
        return sorted(pairs, key=lambda pair: pair[0].casefold())

    # -- what the room shows -----------------------------------------------------

    def _group_id(self) -> str:
        session = self.archive.find(Session, self.session_id)
        return session.group_id if session else ""

    def now(self):
        """What the phones see now, read from the archive on the window's thread."""
        from coprod_desktop.phones.room import RoomNow, ShownRound

        session = self.archive.find(Session, self.session_id) if self.session_id else None
        if session is None:
            return RoomNow(self.session_id or "", open=False)
        item = next((i for i in self.archive.agenda(session.id) if i.id == session.current_item_id), None)
        table = self.archive.card_on_table(session.id)
        card = card_by_key(self.archive, session.group_id, table.card_key) if table else None
        found = self.archive.open_round(session.id)
        shown = ShownRound(found.id, found.kind, found.question) if found else None
        by_id = {p.id: p for p in self.archive.participants(session.group_id)}
        people = {pid: by_id[pid] for pid in self.codes.values() if pid in by_id}
        return RoomNow(
            session.id,
            session.title,
            item.id if item else None,
            item.title if item else "",
            table.card_key if table else None,
            card.text if card else "",
            shown,
            open=session.state is SessionState.LIVE,
            auto_accept=self.auto_accept,
            people=people,
        )

    def tell(self) -> None:
        if self.is_open:
            self.server.show(self.now())

    def _on_changed(self, change: Change) -> None:
        if self.server is None or change.source is self:
            return
        if change.everything or change.touches(
            Group, Session, AgendaItem, CardDraw, PhoneRound, Participant, Attendance
        ):
            session = self.archive.find(Session, self.session_id) if self.session_id else None
            if session is None or session.state is not SessionState.LIVE:
                self.close()  # closed with the session: the port refuses from now on
                return
            if change.touches(Participant, Attendance) or change.everything:
                self.give_codes()
            else:
                self.tell()

    def _on_kept(self, batch) -> None:
        """A batch the writer committed: screens are told (the queue adds it as it is)."""
        records = [p.record for p in batch]
        made = [p.accepted for p in batch if p.accepted is not None]
        change = Change.of(PhonePost, *(r.id for r in records if isinstance(r, PhonePost)), source=self)
        answers = [r.id for r in records if isinstance(r, RoundAnswer)]
        if answers:
            change = change | Change.of(RoundAnswer, *answers)
        if made:
            change = change | Change.of(Contribution, *(c.id for c in made))
        self.arrived.emit(records)
        self.undoable.hub.announce(change)
