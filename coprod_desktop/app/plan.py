"""Planning: a new group, a new session (a week from today by default), deleting either;
someone leaving the roster."""

from __future__ import annotations

from datetime import date, timedelta

from coprod_desktop.app.context import Context
from coprod_desktop.app.edits import AddRecord, DeleteRecord, Edit, EditRecord
from coprod_desktop.domain.records import Group, Participant, Session
from coprod_desktop.language import _
from coprod_desktop.storage import Archive

NEW_SESSION_IN = timedelta(days=7)


def new_group() -> AddRecord:
    return AddRecord(Group(_("New group")), _("New group"))


def new_session(context: Context, group_id: str) -> AddRecord:
    when = context.clock.today() + NEW_SESSION_IN
    return AddRecord(Session(group_id, _("New session"), date=when), _("New session"))


def delete_group(group: Group) -> DeleteRecord:
    return DeleteRecord(Group, group.id, _("Delete group {name}").format(name=group.name))


def delete_session(session: Session) -> DeleteRecord:
    return DeleteRecord(Session, session.id, _("Delete session {title}").format(title=session.title))


def leave_or_remove(archive: Archive, person: Participant, today: date) -> Edit:
    """Someone leaving the roster. One who has taken part leaves the group and stays in the
    record of what they came to (their attendance, words and actions: "left the group");
    one added who never took part is simply removed. Neither is erasure (app.people_data)."""
    if archive.has_taken_part(person.id):
        left = _("{name} left").format(name=person.preferred_name)
        return EditRecord(Participant, person.id, {"left_on": person.left_on}, {"left_on": today}, left)
    return DeleteRecord(Participant, person.id, _("Remove {name}").format(name=person.preferred_name))


def rejoin(person: Participant) -> EditRecord:
    back = _("{name} rejoined").format(name=person.preferred_name)
    return EditRecord(Participant, person.id, {"left_on": person.left_on}, {"left_on": None}, back)
