from __future__ import annotations

import random
from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

from coprod_desktop.domain import live
from coprod_desktop.domain.attribution import resolve
from coprod_desktop.domain.balance import balance
from coprod_desktop.domain.deck import Card, draw
from coprod_desktop.domain.privacy import ANONYMOUS, Audience, quote_by_default, speaker
from coprod_desktop.domain.records import AgendaItem, Contribution, Participant, Session
from coprod_desktop.domain.timing import Band, item_clock
from coprod_desktop.domain.values import CoproductionValue, Role, SessionState, ShownInPrint

T0 = datetime(2026, 11, 23, 10, 0, tzinfo=UTC)


def at(minutes: float) -> str:
    return (T0 + timedelta(minutes=minutes)).isoformat()


def apply(session, items, change):
    session = replace(session, **change.session)
    items = [replace(i, **change.items.get(i.id, {})) for i in items]
    return session, items


@pytest.fixture
def planned():
    session = Session("g", "s")
    items = [AgendaItem(session.id, "Welcome", 10), AgendaItem(session.id, "Stories", 30)]
    return session, items


def test_clock_counts_down_turns_amber_then_red(planned):
    session, items = planned
    session, items = apply(session, items, live.start(session, items, at(0)))
    assert session.state is SessionState.LIVE and items[0].actual_start == at(0)
    assert item_clock(items[0], at(5)).display() == "05:00"
    assert item_clock(items[0], at(5)).band is Band.NORMAL
    assert item_clock(items[0], at(8.5)).band is Band.AMBER  # 1:30 of 10:00 left
    over = item_clock(items[0], at(12))
    assert over.band is Band.RED and over.display() == "+02:00"
    assert item_clock(items[1], at(12)).band is Band.NOT_STARTED


def test_pause_resume_and_plus_five(planned):
    session, items = planned
    session, items = apply(session, items, live.start(session, items, at(0)))
    session, items = apply(session, items, live.pause(items[0], at(2)))
    assert item_clock(items[0], at(30)).display() == "08:00"  # paused: frozen
    assert item_clock(items[0], at(30)).paused
    session, items = apply(session, items, live.resume(items[0], at(30)))
    assert item_clock(items[0], at(31)).display() == "07:00"
    session, items = apply(session, items, live.extend(items[0]))
    assert item_clock(items[0], at(31)).display() == "12:00"


def test_next_and_previous_record_times_and_time_away_is_a_pause(planned):
    session, items = planned
    session, items = apply(session, items, live.start(session, items, at(0)))
    session, items = apply(session, items, live.step(session, items, +1, at(12)))
    assert items[0].actual_end == at(12) and items[1].actual_start == at(12)
    assert session.current_item_id == items[1].id
    assert live.step(session, items, +1, at(13)) is None  # no item after the last
    session, items = apply(session, items, live.step(session, items, -1, at(20)))
    assert items[0].actual_end is None and items[0].paused_seconds == 8 * 60
    assert item_clock(items[0], at(20)).elapsed == 12 * 60
    assert items[1].actual_end == at(20)


def test_end_and_reopen(planned):
    session, items = planned
    session, items = apply(session, items, live.start(session, items, at(0)))
    session, items = apply(session, items, live.end(session, items, at(50)))
    assert session.state is SessionState.CLOSED and session.actual_end == at(50)
    assert items[0].actual_end == at(50)
    with pytest.raises(ValueError):
        live.end(session, items, at(51))
    change = live.reopen(session, items, at(60))
    assert change.events[-1][0] == "reopened"
    session, items = apply(session, items, change)
    assert session.state is SessionState.LIVE and items[0].actual_end is None


def test_starting_twice_is_refused(planned):
    session, items = planned
    session, items = apply(session, items, live.start(session, items, at(0)))
    with pytest.raises(ValueError, match="Only a planned session"):
        live.start(session, items, at(1))


def test_draw_never_repeats_and_filters():
    cards = [
        Card(
            f"k{i}",
            "q",
            "strengths" if i % 2 else "connections",
            CoproductionValue.STRENGTHS if i % 2 else CoproductionValue.NETWORKS,
        )
        for i in range(10)
    ]
    rng = random.Random(4)
    drawn = []
    while (card := draw(cards, drawn, rng)) is not None:
        drawn.append(card.key)
    assert sorted(drawn) == sorted(c.key for c in cards)
    only = draw(cards, [], rng, category="connections")
    assert only.category == "connections"
    assert draw(cards, [], rng, value=CoproductionValue.TRUST_POWER) is None
    retired = [replace(c, retired=True) for c in cards]
    assert draw(retired, [], rng) is None


def people():
    return [
        Participant("g", "Rhiannon", roles=(Role.CARER,), shown_in_print=ShownInPrint.BY_NAME),
        Participant("g", "Rhys", roles=(Role.PROFESSIONAL,), shown_in_print=ShownInPrint.ROLE_ONLY),
        Participant("g", "Amira", roles=(Role.PATIENT,), shown_in_print=ShownInPrint.NOT_AT_ALL),
    ]


def test_resolve_who_by_number_name_role_or_anonymous():
    present = people()
    assert resolve("1", present).participant_id == present[0].id
    assert resolve("amir", present).participant_id == present[2].id
    assert resolve("rh", present) is None  # Rhiannon or Rhys: not clear
    assert (
        resolve("carer (role only)", present).role is Role.CARER
        and resolve("carer (role only)", present).participant_id is None
    )
    assert resolve("prof", present).role is Role.PROFESSIONAL
    assert resolve("", present).anonymous and resolve("anon", present).anonymous
    assert resolve("9", present) is None


def test_the_speaker_shown_respects_each_choice():
    rhiannon, rhys, amira = people()
    said = lambda p: Contribution("s", "x", participant_id=p.id, role=p.roles[0])  # noqa: E731
    assert speaker(said(rhiannon), rhiannon, Audience.ROOM_NAMES_ON) == "Rhiannon"
    assert speaker(said(rhiannon), rhiannon, Audience.ROOM) == "Carer"
    assert speaker(said(rhys), rhys, Audience.ROOM_NAMES_ON) == "Professional"
    assert speaker(said(amira), amira, Audience.ROOM_NAMES_ON) == ANONYMOUS
    assert speaker(Contribution("s", "x"), None, Audience.ROOM_NAMES_ON) == ANONYMOUS
    assert quote_by_default(rhiannon) and not quote_by_default(rhys)


def test_balance_counts_roles_people_and_who_is_unheard():
    rhiannon, rhys, amira = people()
    counts = [(rhiannon.id, Role.CARER, 3), (None, Role.PROFESSIONAL, 1), (None, None, 2)]
    result = balance(counts, [rhiannon, rhys, amira])
    assert result.by_role == {Role.CARER: 3, Role.PROFESSIONAL: 1, None: 2}
    assert result.by_person[rhiannon.id] == 3 and result.unheard == (rhys.id, amira.id)
    assert result.total == 6


def test_who_by_full_name_wins_over_a_longer_name_and_odd_digits_are_unclear():
    from coprod_desktop.domain.attribution import resolve
    from coprod_desktop.domain.records import Participant

    ann, joanne = Participant("g", "Ann"), Participant("g", "Joanne")
    assert resolve("ann", [ann, joanne]).participant_id == ann.id
    assert resolve("an", [ann, joanne]) is None  # still unclear: asked back
    assert resolve("²", [ann, joanne]) is None  # a digit int() refuses (AZERTY's top-left key)
    assert resolve("٢", [ann, joanne]).participant_id == joanne.id  # Arabic-Indic 2
    twins = [Participant("g", "Sam"), Participant("g", "Sam")]
    assert resolve("sam", twins) is None


def test_who_ignores_accents_lists_who_it_could_be_and_knows_another_spelling():
    from coprod_desktop.app.capture import WhoUnclear, capture
    from coprod_desktop.domain.attribution import candidates, resolve
    from coprod_desktop.domain.records import Participant, Session
    from coprod_desktop.domain.values import ContributionKind

    present = [
        Participant("g", "Gŵyr"),
        Participant("g", "José"),
        Participant("g", "فاطمة", known_as="Fatima"),
        Participant("g", "Gwenllian"),
    ]
    assert resolve("gwyr", present).participant_id == present[0].id
    assert resolve("JOSE", present).participant_id == present[1].id
    assert resolve("fatima", present).participant_id == present[2].id  # the spelling to type
    assert resolve("فاطمة", present).participant_id == present[2].id
    assert [w.participant_id for w in candidates("gw", present)] == [present[0].id, present[3].id]
    assert resolve("gw", present) is None
    try:
        capture(Session("g", "s"), "Said", "gw", ContributionKind.IDEA, quote_allowed=False, item_id=None,
                card_key=None, present=present)  # fmt: skip
    except WhoUnclear as unclear:
        assert "could be 1 Gŵyr or 4 Gwenllian" in str(unclear)
    else:
        raise AssertionError("an unclear who was kept")
