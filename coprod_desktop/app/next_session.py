"""Planning the next session from the last, as every meeting app does: the same place,
time, length, facilitators, ground rules (the group's own too) and the agenda's shape;
and agendas to start from, shipped or saved."""

from __future__ import annotations

from coprod_desktop.app.content import AgendaShape, shipped_agendas
from coprod_desktop.app.context import Context
from coprod_desktop.app.edits import AddRecord, Edit, Together
from coprod_desktop.app.plan import NEW_SESSION_IN
from coprod_desktop.domain.loop import held_order
from coprod_desktop.domain.records import AgendaItem, AgendaTemplate, GroundRule, Session
from coprod_desktop.language import _, pgettext
from coprod_desktop.storage import Archive


def last_session(archive: Archive, group_id: str) -> Session | None:
    sessions = archive.sessions(group_id)
    return max(sessions, key=held_order) if sessions else None


def from_the_last(context: Context, group_id: str) -> Together | None:
    """A new session a week from today shaped like the group's last one; None if it has none."""
    archive = context.archive
    last = last_session(archive, group_id)
    if last is None:
        return None
    new = Session(
        group_id,
        _("New session"),
        date=context.clock.today() + NEW_SESSION_IN,
        start_time=last.start_time,
        length_minutes=last.length_minutes,
        place=last.place,
        facilitators=last.facilitators,
    )
    steps: list[Edit] = [AddRecord(new, _("New session from the last"))]
    steps += [AddRecord(AgendaItem(new.id, i.title, i.planned_minutes), _("Add item")) for i in archive.agenda(last.id)]
    steps += [
        AddRecord(GroundRule(new.id, r.text, r.origin, r.library_key), _("Add rule"))
        for r in archive.ground_rules(last.id)
    ]
    return Together(_("New session from the last"), steps)


def own_rules(archive: Archive, group_id: str) -> list[str]:
    """The rules the group wrote itself, at any of its sessions, each once, oldest first:
    a library of its own to reuse."""
    return archive.group_own_rules(group_id)


def agendas(archive: Archive) -> list[AgendaShape]:
    """Agendas to start from: the ones the app ships, then those saved in this archive."""
    saved = [AgendaShape(t.id, t.name, tuple(zip(t.titles, t.minutes))) for t in archive.agenda_templates()]
    return [*shipped_agendas(), *saved]


def use_agenda(session: Session, shape: AgendaShape) -> Together:
    """``shape``'s items added after the session's own (one step, one undo); a shipped
    agenda's in the language being spoken, a saved one's as it was saved."""
    said = (lambda words: pgettext("content", words)) if shape in shipped_agendas() else (lambda words: words)
    items = [AddRecord(AgendaItem(session.id, said(title), minutes), _("Add item")) for title, minutes in shape.items]
    return Together(_("Agenda from “{name}”").format(name=said(shape.name)), items)


def save_agenda(archive: Archive, session: Session, name: str) -> AddRecord:
    items = archive.agenda(session.id)
    template = AgendaTemplate(name.strip(), tuple(i.title for i in items), tuple(i.planned_minutes for i in items))
    return AddRecord(template, _("Save agenda as a template"))
