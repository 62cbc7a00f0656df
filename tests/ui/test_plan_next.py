"""Planning the next session from the last (issue 12): the same place, time, length,
facilitators, ground rules (the group's own too) and agenda; agendas to start from."""

from __future__ import annotations

from coprod_desktop.app.content import shipped_agendas
from coprod_desktop.app.next_session import agendas, last_session, own_rules
from coprod_desktop.app.plan import NEW_SESSION_IN
from coprod_desktop.domain.records import AgendaTemplate, GroundRule, Session
from coprod_desktop.domain.values import RuleOrigin


def _shape(archive, session_id):
    return [(i.title, i.planned_minutes) for i in archive.agenda(session_id)]


def test_a_new_session_from_the_last_is_shaped_like_it_and_one_undo_takes_it_away(window):
    window.add_sample_group()
    archive = window.archive
    group = archive.groups()[0]
    last = last_session(archive, group.id)
    archive.add(GroundRule(last.id, "We bring biscuits 🍪", RuleOrigin.GROUP))
    window.select(group.id)
    before = {s.id for s in archive.sessions(group.id)}
    window.new_session_from_last()
    new = next(s for s in archive.sessions(group.id) if s.id not in before)
    assert window.selected() == ("session", new.id)
    for field in ("place", "start_time", "length_minutes", "facilitators"):
        assert getattr(new, field) == getattr(last, field), field
    assert new.date == window.context.clock.today() + NEW_SESSION_IN  # a week on, not the last one's date
    assert _shape(archive, new.id) == _shape(archive, last.id)
    rules = archive.ground_rules(new.id)
    assert [(r.text, r.origin) for r in rules] == [(r.text, r.origin) for r in archive.ground_rules(last.id)]
    assert "We bring biscuits 🍪" in [r.text for r in rules]
    window.select(group.id)
    window.undo_action.trigger()
    assert {s.id for s in archive.sessions(group.id)} == before and archive.find(Session, new.id) is None


def test_agendas_to_start_from_shipped_and_saved_in_the_archive(window, monkeypatch):
    from PySide6.QtWidgets import QInputDialog

    window.add_sample_group()
    archive = window.archive
    planned = last_session(archive, archive.groups()[0].id)
    window.select(planned.id)
    window.show_plan()
    tab = window.session_page.agenda
    window.session_page.tabs.setCurrentWidget(tab)
    shipped = shipped_agendas()
    assert len(shipped) >= 3 and all(s.items for s in shipped)
    had = _shape(archive, planned.id)
    tab.use_template(shipped[0])
    assert _shape(archive, planned.id) == had + list(shipped[0].items)
    window.undo_action.trigger()
    assert _shape(archive, planned.id) == had
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: ("Our usual <b>&amp;</b>", True)))
    tab.save_template()
    saved = archive.agenda_templates()
    assert [t.name for t in saved] == ["Our usual <b>&amp;</b>"] and isinstance(saved[0], AgendaTemplate)
    assert list(zip(saved[0].titles, saved[0].minutes)) == had
    assert agendas(archive)[-1].name == "Our usual <b>&amp;</b>"
    tab._list_templates()
    assert len(tab.from_template.menu().actions()) == len(shipped) + 1


def test_the_groups_own_rules_are_a_library_it_reuses(window):
    window.add_sample_group()
    archive = window.archive
    group = archive.groups()[0]
    closed = min(archive.sessions(group.id), key=lambda s: s.date)
    planned = last_session(archive, group.id)
    archive.add(GroundRule(closed.id, "Phones face down", RuleOrigin.GROUP))
    assert "Phones face down" in own_rules(archive, group.id)
    window.select(planned.id)
    window.show_plan()
    rules = window.session_page.rules
    window.session_page.tabs.setCurrentWidget(rules)
    rules.load()
    texts = [rules.library.item(i).text() for i in range(rules.library.count())]
    assert "The group's own: Phones face down" in texts, texts[-4:]
    rules.add_from_library(rules.library.item(texts.index("The group's own: Phones face down")))
    added = [r for r in archive.ground_rules(planned.id) if r.text == "Phones face down"]
    assert len(added) == 1 and added[0].origin is RuleOrigin.GROUP
