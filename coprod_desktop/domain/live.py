"""Running a session: what changes when the facilitator starts, moves, pauses or ends.

Each function returns the field changes to keep (``{record id: {field: value}}``
for agenda items) so the archive can write one action in one transaction.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from coprod_desktop.domain.timing import seconds_between
from coprod_desktop.domain.values import SessionState
from coprod_desktop.language import _


@dataclass
class LiveChange:
    session: dict = field(default_factory=dict)
    items: dict[str, dict] = field(default_factory=dict)
    events: list[tuple[str, str | None, str]] = field(default_factory=list)  # kind, item id, detail

    def item(self, item_id: str) -> dict:
        return self.items.setdefault(item_id, {})


def _leave(item, now: str, change: LiveChange) -> None:
    if item.actual_start and not item.actual_end:
        fields = change.item(item.id)
        if item.paused_at:
            fields["paused_seconds"] = item.paused_seconds + seconds_between(item.paused_at, now)
            fields["paused_at"] = None
        fields["actual_end"] = now


def _enter(item, now: str, change: LiveChange) -> None:
    fields = change.item(item.id)
    if not item.actual_start:
        fields["actual_start"] = now
    elif item.actual_end:
        # Coming back to an item: the time away counts as a pause.
        fields["paused_seconds"] = item.paused_seconds + seconds_between(item.actual_end, now)
        fields["actual_end"] = None


def start(session, items, now: str) -> LiveChange:
    if session.state is not SessionState.PLANNED:
        raise ValueError(_("Only a planned session can be started."))
    change = LiveChange(session={"state": SessionState.LIVE, "actual_start": now, "actual_end": None})
    if items:
        change.session["current_item_id"] = items[0].id
        _enter(items[0], now, change)
    change.events.append(("started", items[0].id if items else None, ""))
    return change


def go_to(session, items, target_id: str, now: str) -> LiveChange:
    """Make ``target_id`` the current item, ending the one that was running."""
    if session.state is not SessionState.LIVE:
        raise ValueError(_("The session is not running."))
    by_id = {i.id: i for i in items}
    if target_id not in by_id:
        raise ValueError(_("That agenda item no longer exists."))
    change = LiveChange(session={"current_item_id": target_id})
    current = by_id.get(session.current_item_id)
    if current is not None and current.id != target_id:
        _leave(current, now, change)
    target = by_id[target_id]
    if current is None or current.id != target_id:
        _enter(target, now, change)
    change.events.append(("moved", target_id, by_id[target_id].title))
    return change


def step(session, items, offset: int, now: str) -> LiveChange | None:
    """Next (+1) or previous (-1) item; None at either end."""
    ids = [i.id for i in items]
    if session.current_item_id not in ids:
        return go_to(session, items, ids[0], now) if ids else None
    index = ids.index(session.current_item_id) + offset
    if not 0 <= index < len(ids):
        return None
    return go_to(session, items, ids[index], now)


def pause(item, now: str) -> LiveChange:
    change = LiveChange()
    if item.actual_start and not item.actual_end and not item.paused_at:
        change.item(item.id)["paused_at"] = now
        change.events.append(("paused", item.id, ""))
    return change


def resume(item, now: str) -> LiveChange:
    change = LiveChange()
    if item.paused_at:
        change.item(item.id).update(
            paused_at=None, paused_seconds=item.paused_seconds + seconds_between(item.paused_at, now)
        )
        change.events.append(("resumed", item.id, ""))
    return change


def extend(item, minutes: int = 5) -> LiveChange:
    change = LiveChange()
    change.item(item.id)["extra_minutes"] = item.extra_minutes + minutes
    change.events.append(("extended", item.id, f"+{minutes} minutes"))
    return change


def end(session, items, now: str) -> LiveChange:
    if session.state is not SessionState.LIVE:
        raise ValueError(_("The session is not running."))
    change = LiveChange(session={"state": SessionState.CLOSED, "actual_end": now})
    current = next((i for i in items if i.id == session.current_item_id), None)
    if current is not None:
        _leave(current, now, change)
    change.events.append(("ended", None, ""))
    return change


def reopen(session, items, now: str) -> LiveChange:
    """A closed session runs again from its current item; the reopening is logged."""
    if session.state is not SessionState.CLOSED:
        raise ValueError(_("Only a closed session can be reopened."))
    change = LiveChange(session={"state": SessionState.LIVE, "actual_end": None})
    current = next((i for i in items if i.id == session.current_item_id), None)
    if current is None and items:
        current = items[0]
        change.session["current_item_id"] = current.id
    if current is not None:
        _enter(current, now, change)
    if not session.actual_start:
        change.session["actual_start"] = now
    change.events.append(("reopened", current.id if current else None, ""))
    return change
