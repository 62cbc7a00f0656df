"""Planning: a new group, a new session (a week from today by default), deleting either."""

from __future__ import annotations

from datetime import timedelta

from coprod_desktop.app.context import Context
from coprod_desktop.app.edits import AddRecord, DeleteRecord
from coprod_desktop.domain.records import Group, Session

NEW_SESSION_IN = timedelta(days=7)


def new_group() -> AddRecord:
    return AddRecord(Group("New group"), "New group")


def new_session(context: Context, group_id: str) -> AddRecord:
    return AddRecord(Session(group_id, "New session", date=context.clock.today() + NEW_SESSION_IN), "New session")


def delete_group(group: Group) -> DeleteRecord:
    return DeleteRecord(Group, group.id, f"Delete group {group.name}")


def delete_session(session: Session) -> DeleteRecord:
    return DeleteRecord(Session, session.id, f"Delete session {session.title}")
