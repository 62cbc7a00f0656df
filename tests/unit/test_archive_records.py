from __future__ import annotations

import pytest

from coprod_desktop.app.sample import add_sample_group
from coprod_desktop.domain.records import AgendaItem, Contribution, GroundRule, Group, Participant, Session
from coprod_desktop.domain.values import Role, RuleOrigin, SessionState, ShownInPrint
from coprod_desktop.storage import errors


def dump(archive):
    """Every row of every table, sorted: equal dumps mean an identical archive."""
    tables = [t for t in archive.db.table_names() if not t.startswith("_") and "_fts" not in t]
    return {t: sorted(map(repr, archive.db[t].rows)) for t in tables}


def titles(archive, session_id):
    return [(i.title, i.position) for i in archive.agenda(session_id)]


@pytest.fixture
def sample(archive, today):
    group = add_sample_group(archive, today)
    return archive, group


def test_records_round_trip_with_any_text(archive):
    name = "Gwŷn ŵ ŷ 😀🏳️‍🌈 مرحبا שלום <b>&amp; 'q' \"qq\""
    group = archive.add(Group(name, description="line 1\nline 2 <i>"))
    person = archive.add(
        Participant(
            group.id,
            name,
            roles=(Role.CARER, Role.PROFESSIONAL),
            support_needs=("bsl",),
            shown_in_print=ShownInPrint.BY_NAME,
        )
    )
    assert archive.get(Group, group.id) == group
    assert archive.get(Participant, person.id) == person
    assert archive.get(Participant, person.id).roles == (Role.CARER, Role.PROFESSIONAL)


def test_add_cleans_and_validates(archive):
    group = archive.add(Group("Bell\x07 ringers"))
    assert group.name == "Bell ringers"
    with pytest.raises(ValueError, match="most it can hold"):
        archive.add(Group("x" * 501))
    with pytest.raises(ValueError, match="no field colour"):
        archive.update(Group, group.id, colour="red")


def test_agenda_keeps_order_through_add_move_and_delete(archive):
    g = archive.add(Group("g"))
    s = archive.add(Session(g.id, "s"))
    a, b, c = (archive.add(AgendaItem(s.id, t)) for t in "abc")
    archive.add(AgendaItem(s.id, "first"), position=0)
    assert titles(archive, s.id) == [("first", 0), ("a", 1), ("b", 2), ("c", 3)]
    archive.move(AgendaItem, c.id, 0)
    assert [t for t, _ in titles(archive, s.id)] == ["c", "first", "a", "b"]
    archive.move(AgendaItem, c.id, 99)
    assert [t for t, _ in titles(archive, s.id)] == ["first", "a", "b", "c"]
    archive.delete(AgendaItem, a.id)
    assert titles(archive, s.id) == [("first", 0), ("b", 1), ("c", 2)]


@pytest.mark.parametrize(
    "kind, pick",
    [
        (Group, lambda a, g: g.id),
        (Session, lambda a, g: a.sessions(g.id)[1].id),
        (Participant, lambda a, g: a.participants(g.id)[0].id),
        (AgendaItem, lambda a, g: a.agenda(a.sessions(g.id)[1].id)[2].id),
        (GroundRule, lambda a, g: a.ground_rules(a.sessions(g.id)[0].id)[0].id),
    ],
)
def test_delete_then_restore_is_exact(sample, kind, pick):
    archive, group = sample
    before = dump(archive)
    snapshot = archive.delete(kind, pick(archive, group))
    assert dump(archive) != before
    archive.restore(snapshot)
    assert dump(archive) == before


def test_deleting_a_participant_keeps_their_contributions_unattributed(sample):
    archive, group = sample
    person = next(p for p in archive.participants(group.id) if p.preferred_name == "Dafydd")
    session = archive.sessions(group.id)[-1]
    archive.delete(Participant, person.id)
    assert archive.contributions(session.id)
    assert all(c.participant_id != person.id for c in archive.contributions(session.id))


def test_update_changes_only_what_was_asked(archive):
    g = archive.add(Group("g"))
    s = archive.add(Session(g.id, "s", place="Hall"))
    changed = archive.update(Session, s.id, title="New", state=SessionState.LIVE)
    assert (changed.title, changed.place, changed.state) == ("New", "Hall", SessionState.LIVE)
    assert changed.updated_at >= s.updated_at
    with pytest.raises(errors.RecordNotFound):
        archive.update(Session, "nope", title="x")


def test_attendance(archive):
    g = archive.add(Group("g"))
    s = archive.add(Session(g.id, "s"))
    p = archive.add(Participant(g.id, "Ann"))
    archive.set_attending(s.id, p.id, True)
    archive.set_attending(s.id, p.id, True)
    assert archive.attending(s.id) == {p.id}
    archive.set_attending(s.id, p.id, False)
    assert archive.attending(s.id) == frozenset()


def test_sessions_newest_first_undated_on_top(archive):
    from datetime import date

    g = archive.add(Group("g"))
    archive.add(Session(g.id, "old", date=date(2024, 1, 1)))
    archive.add(Session(g.id, "new", date=date(2026, 1, 1)))
    archive.add(Session(g.id, "undated"))
    assert [s.title for s in archive.sessions(g.id)] == ["undated", "new", "old"]


@pytest.mark.dated
def test_sample_group_has_closed_and_planned_sessions(sample):
    archive, group = sample
    sessions = archive.sessions(group.id)
    assert sorted(s.state.value for s in sessions) == ["closed", "closed", "planned"]
    closed = [s for s in sessions if s.state is SessionState.CLOSED]
    for s in closed:
        assert archive.agenda(s.id) and archive.attending(s.id)
        assert archive.contributions(s.id) and archive.decisions(s.id) and archive.actions(s.id)
    rules = archive.ground_rules(sessions[0].id)
    assert rules and all(r.origin is RuleOrigin.LIBRARY for r in rules)


def test_contribution_defaults_to_not_quotable(archive):
    g = archive.add(Group("g"))
    s = archive.add(Session(g.id, "s"))
    c = archive.add(Contribution(s.id, "said"))
    assert archive.contributions(s.id)[0].quote_allowed is False and c.participant_id is None


def test_undoing_a_delete_keeps_what_happened_to_the_other_rows_since(sample):
    """Undo puts back the deleted item and the siblings' order, but not their old timing,
    and the contributions filed under it come back under it with their later edits."""
    from coprod_desktop.domain import live

    archive, _group = sample
    session = next(s for s in archive.sessions() if s.state is SessionState.PLANNED)
    items = archive.agenda(session.id)
    doomed = items[2]
    said = archive.add(Contribution(session.id, "Under the third item", agenda_item_id=doomed.id))
    snapshot = archive.delete(AgendaItem, doomed.id)
    assert archive.get(Contribution, said.id).agenda_item_id is None
    archive.apply_live(
        session.id,
        live.start(archive.get(Session, session.id), archive.agenda(session.id), "2026-12-07T10:00:00+00:00"),
    )
    archive.update(Contribution, said.id, text="Under the third item, edited later")
    archive.restore(snapshot)
    after = archive.agenda(session.id)
    assert [i.id for i in after] == [i.id for i in items]
    assert [i.position for i in after] == list(range(len(items)))
    assert after[0].actual_start == "2026-12-07T10:00:00+00:00"  # live timing not rolled back
    assert archive.get(Session, session.id).state is SessionState.LIVE
    back = archive.get(Contribution, said.id)
    assert (back.agenda_item_id, back.text) == (doomed.id, "Under the third item, edited later")


def test_the_running_item_cannot_be_deleted(sample):
    from coprod_desktop.domain import live

    archive, _group = sample
    session = next(s for s in archive.sessions() if s.state is SessionState.PLANNED)
    archive.apply_live(
        session.id,
        live.start(archive.get(Session, session.id), archive.agenda(session.id), "2026-12-07T10:00:00+00:00"),
    )
    running = archive.get(Session, session.id).current_item_id
    before = dump(archive)
    with pytest.raises(ValueError, match="running now"):
        archive.delete(AgendaItem, running)
    assert dump(archive) == before
    archive.delete(AgendaItem, archive.agenda(session.id)[-1].id)  # any other item still can be


def test_an_update_the_record_cannot_hold_is_not_kept(sample):
    archive, _group = sample
    session = archive.sessions()[0]
    before = dump(archive)
    with pytest.raises(ValueError):
        archive.update(Session, session.id, state="Live")  # not a SessionState value
    assert dump(archive) == before
    assert archive.get(Session, session.id) == session
