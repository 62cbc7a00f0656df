"""Carries out live steps (start, next, pause, end...) against the archive and tells every screen.

Live steps are not on the undo stack: time moved on, and "previous item" is the
way back. Each step is one transaction with its log entry.
"""

from __future__ import annotations

from coprod_desktop.domain import live
from coprod_desktop.domain.records import AgendaItem, Session
from coprod_desktop.storage import ArchiveError


class LiveRunner:
    def __init__(self, context, hub):
        self.context, self.archive, self.hub = context, context.archive, hub

    @property
    def clock(self):
        return self.context.clock

    def _state(self, session_id: str):
        session = self.archive.get(Session, session_id)
        return session, self.archive.agenda(session_id)

    def current_item(self, session_id: str) -> AgendaItem | None:
        session, items = self._state(session_id)
        return next((i for i in items if i.id == session.current_item_id), None)

    def _apply(self, session_id: str, make) -> bool:
        try:
            change = make()
            if change is None:
                return False
            self.archive.apply_live(session_id, change)
        except (ArchiveError, ValueError) as error:
            self.hub.failed.emit(getattr(error, "title", "That could not be done"), str(error))
            return False
        self.hub.announce(Session, session_id)
        self.hub.announce(AgendaItem, "")
        self.hub.announce("SessionEvent", "")
        return True

    def start(self, session_id: str) -> bool:
        return self._apply(session_id, lambda: live.start(*self._state(session_id), self.clock.now_iso()))

    def step(self, session_id: str, offset: int) -> bool:
        return self._apply(session_id, lambda: live.step(*self._state(session_id), offset, self.clock.now_iso()))

    def go_to(self, session_id: str, item_id: str) -> bool:
        return self._apply(session_id, lambda: live.go_to(*self._state(session_id), item_id, self.clock.now_iso()))

    def toggle_pause(self, session_id: str) -> bool:
        item = self.current_item(session_id)
        if item is None:
            return False
        step = live.resume if item.paused_at else live.pause
        return self._apply(session_id, lambda: step(item, self.clock.now_iso()))

    def extend(self, session_id: str, minutes: int = 5) -> bool:
        item = self.current_item(session_id)
        return item is not None and self._apply(session_id, lambda: live.extend(item, minutes))

    def end(self, session_id: str) -> bool:
        return self._apply(session_id, lambda: live.end(*self._state(session_id), self.clock.now_iso()))

    def reopen(self, session_id: str) -> bool:
        return self._apply(session_id, lambda: live.reopen(*self._state(session_id), self.clock.now_iso()))
