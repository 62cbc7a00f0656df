"""Running a session: start, move between items, pause, add time, end, reopen.

Live steps are not undoable edits: time moved on, and "previous item" is the way
back. Each step is one transaction with its log entry, and returns the one change
notice to send; None when there was nothing to do (next at the last item).
"""

from __future__ import annotations

from collections.abc import Callable

from coprod_desktop.app.changes import Change
from coprod_desktop.app.context import Context
from coprod_desktop.domain import live
from coprod_desktop.domain.clock import Clock
from coprod_desktop.domain.records import AgendaItem, CardDraw, Session, SessionEvent


class LiveRunner:
    def __init__(self, context: Context):
        self.context = context

    @property
    def clock(self) -> Clock:
        return self.context.clock

    def _state(self, session_id: str) -> tuple[Session, list[AgendaItem]]:
        archive = self.context.archive
        return archive.get(Session, session_id), archive.agenda(session_id)

    def current_item(self, session_id: str) -> AgendaItem | None:
        session, items = self._state(session_id)
        return next((i for i in items if i.id == session.current_item_id), None)

    def _apply(
        self, session_id: str, make: Callable[[], live.LiveChange | None], *, card_down: bool = False
    ) -> Change | None:
        """One live step, in one transaction. ``card_down``: moving on (or ending) puts the
        card on the table down, so what is said next is not filed under the last item's card."""
        change = make()
        if change is None:
            return None
        archive = self.context.archive
        with archive.transaction():
            archive.apply_live(session_id, change)
            table = archive.card_on_table(session_id) if card_down else None
            if table is not None:
                archive.update(CardDraw, table.id, put_down_at=self.clock.now_iso())
        notice = Change.of(Session, session_id) | Change.of(AgendaItem, *change.items) | Change.of(SessionEvent)
        return notice | Change.of(CardDraw, table.id) if table is not None else notice

    def start(self, session_id: str) -> Change | None:
        return self._apply(session_id, lambda: live.start(*self._state(session_id), self.clock.now_iso()))

    def step(self, session_id: str, offset: int) -> Change | None:
        now = self.clock.now_iso()
        return self._apply(session_id, lambda: live.step(*self._state(session_id), offset, now), card_down=True)

    def go_to(self, session_id: str, item_id: str) -> Change | None:
        now = self.clock.now_iso()
        return self._apply(session_id, lambda: live.go_to(*self._state(session_id), item_id, now), card_down=True)

    def toggle_pause(self, session_id: str) -> Change | None:
        item = self.current_item(session_id)
        if item is None:
            return None
        step = live.resume if item.paused_at else live.pause
        return self._apply(session_id, lambda: step(item, self.clock.now_iso()))

    def extend(self, session_id: str, minutes: int = 5) -> Change | None:
        item = self.current_item(session_id)
        if item is None:
            return None
        return self._apply(session_id, lambda: live.extend(item, minutes))

    def end(self, session_id: str) -> Change | None:
        return self._apply(session_id, lambda: live.end(*self._state(session_id), self.clock.now_iso()), card_down=True)

    def reopen(self, session_id: str) -> Change | None:
        return self._apply(session_id, lambda: live.reopen(*self._state(session_id), self.clock.now_iso()))
