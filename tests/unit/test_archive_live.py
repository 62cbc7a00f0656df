from __future__ import annotations

from coprod_desktop.app.deck import card_by_key, group_deck
from coprod_desktop.domain import live
from coprod_desktop.domain.records import AgendaItem, CardDraw, Contribution, Decision, Group, GroupCard, Session
from coprod_desktop.domain.values import CoproductionValue, DecisionMethod, Role, SessionState
from coprod_desktop.storage import Archive


def test_live_steps_are_kept_with_their_log(archive, archive_path):
    g = archive.add(Group("g"))
    s = archive.add(Session(g.id, "s"))
    items = [archive.add(AgendaItem(s.id, t, 10)) for t in ("a", "b")]
    archive.apply_live(s.id, live.start(s, items, "2026-11-23T10:00:00+00:00"))
    s = archive.get(Session, s.id)
    archive.apply_live(s.id, live.step(s, archive.agenda(s.id), +1, "2026-11-23T10:12:00+00:00"))
    archive.close()
    again = Archive.open(archive_path)  # as after a crash: everything is on disk
    try:
        s = again.get(Session, s.id)
        a, b = again.agenda(s.id)
        assert s.state is SessionState.LIVE and s.current_item_id == b.id
        assert (a.actual_start, a.actual_end, b.actual_start) == (
            "2026-11-23T10:00:00+00:00",
            "2026-11-23T10:12:00+00:00",
            "2026-11-23T10:12:00+00:00",
        )
        assert [e.kind for e in again.events(s.id)] == ["started", "moved"]
        assert again.live_sessions() == [s]
    finally:
        again.close()


def test_item_contributions_newest_first_and_counts(archive):
    g = archive.add(Group("g"))
    s = archive.add(Session(g.id, "s"))
    item = archive.add(AgendaItem(s.id, "a"))
    for i in range(5):
        archive.add(
            Contribution(
                s.id,
                f"c{i}",
                agenda_item_id=item.id,
                role=Role.CARER if i % 2 else None,
                created_at=f"2026-11-23T10:0{i}:00+00:00",
            )
        )
    archive.add(Contribution(s.id, "loose"))
    assert [c.text for c in archive.item_contributions(s.id, item.id)] == ["c4", "c3", "c2", "c1", "c0"]
    assert [c.text for c in archive.item_contributions(s.id, None)] == ["loose"]
    assert sorted(archive.contribution_counts(s.id), key=str) == sorted(
        [(None, Role.CARER, 2), (None, None, 4)], key=str
    )


def test_deck_retire_own_cards_and_the_table(archive):
    g = archive.add(Group("g"))
    s = archive.add(Session(g.id, "s"))
    deck = group_deck(archive, g.id)
    assert len(deck) >= 40
    archive.set_deck_card_retired(g.id, deck[0].key, True)
    assert deck[0].key not in {c.key for c in group_deck(archive, g.id)}
    own = archive.add(GroupCard(g.id, "Beth sy'n bwysig i chi? 😀", "what_matters", CoproductionValue.WHAT_MATTERS))
    assert card_by_key(archive, g.id, own.id).own
    draw = archive.add(CardDraw(s.id, own.id))
    assert archive.card_on_table(s.id) == draw
    archive.update(CardDraw, draw.id, put_down_at="2026-11-23T10:00:00+00:00")
    assert archive.card_on_table(s.id) is None


def test_decision_lists_round_trip(archive):
    g = archive.add(Group("g"))
    s = archive.add(Session(g.id, "s"))
    d = archive.add(
        Decision(
            s.id,
            "Do it",
            DecisionMethod.FIST_OF_FIVE,
            fist_counts=(0, 1, 0, 2, 3, 4),
            agreed_by=("p1", "p2"),
            contribution_ids=("c1",),
        )
    )
    assert archive.get(Decision, d.id) == d


def test_a_session_closed_months_ago_can_be_reopened(archive):
    g = archive.add(Group("g"))
    s = archive.add(Session(g.id, "s"))
    archive.add(AgendaItem(s.id, "a", 10))
    archive.apply_live(s.id, live.start(s, archive.agenda(s.id), "2026-01-05T10:00:00+00:00"))
    s = archive.get(Session, s.id)
    archive.apply_live(s.id, live.end(s, archive.agenda(s.id), "2026-01-05T12:00:00+00:00"))
    s = archive.get(Session, s.id)
    archive.apply_live(s.id, live.reopen(s, archive.agenda(s.id), "2026-11-23T10:00:00+00:00"))  # 322 days later
    assert archive.get(Session, s.id).state is SessionState.LIVE


def test_live_timing_leaves_the_search_index_alone_and_text_edits_reach_it(archive):
    """m006: an item's start, end or pause is not re-indexed; a new title is."""
    from coprod_desktop.domain import live
    from coprod_desktop.domain.records import AgendaItem, Group, Session

    g = archive.add(Group("g"))
    s = archive.add(Session(g.id, "s"))
    item = archive.add(AgendaItem(s.id, "Walk through the checklist", 30))
    trace: list[str] = []
    archive.conn.set_trace_callback(trace.append)
    archive.apply_live(s.id, live.start(s, archive.agenda(s.id), "2027-01-01T10:00:00+00:00"))
    archive.conn.set_trace_callback(None)
    assert trace and not [sql for sql in trace if "_fts" in sql]
    archive.update(AgendaItem, item.id, title="Walk through version two")
    assert [h.record_id for h in archive.search("version")] == [item.id]
    assert archive.search("checklist") == []
