from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from coprod_desktop.domain.agenda import plan_timing
from coprod_desktop.domain.records import AgendaItem, Participant, Session
from coprod_desktop.domain.text import LONG_MAX, SHORT_MAX, clean_block, clean_line
from coprod_desktop.domain.validation import clean_value, cleaned
from coprod_desktop.domain.values import LadderRung, Role


def test_ladder_is_lowest_rung_first():
    assert [r.value for r in LadderRung] == [
        "coercion",
        "educating",
        "informing",
        "consultation",
        "engagement",
        "co_design",
        "co_production",
    ]


def test_parse_names_the_choices():
    with pytest.raises(ValueError, match="service_user, patient, carer"):
        Role.parse("nurse")
    assert Role.parse("carer") is Role.CARER


def test_clean_line_keeps_what_people_type():
    typed = "Gwŷn ŵ 😀 مرحبا שלום <b>&amp; \"quotes\" 'and' >"
    assert clean_line(typed) == typed


def test_clean_line_drops_controls_and_folds_lines():
    assert clean_line("a\x00b\x1bc\nd\te\r") == "abc d e"


def test_clean_block_keeps_newlines_and_tabs():
    assert clean_block("one\r\ntwo\tthree\x07") == "one\ntwo\tthree"


def test_over_long_text_gets_a_clear_message():
    with pytest.raises(ValueError, match="The title is 501 characters long; the most it can hold is 500"):
        clean_value("title", "x" * (SHORT_MAX + 1))
    assert len(clean_value("purpose", "y" * LONG_MAX)) == LONG_MAX


@given(st.text(max_size=SHORT_MAX))
def test_clean_line_never_raises_within_the_limit(text):
    result = clean_line(text)
    assert "\n" not in result and "\x00" not in result


def test_numbers_are_range_checked():
    with pytest.raises(ValueError, match="Planned minutes must be between 0 and 1440"):
        clean_value("planned_minutes", -5)
    with pytest.raises(ValueError, match="whole number"):
        clean_value("length_minutes", "90")


def test_cleaned_cleans_every_text_field_of_a_record():
    p = cleaned(Participant("g", "Ann\x00", roles=(Role.CARER,), strengths="line\none"))
    assert p.preferred_name == "Ann" and p.strengths == "line\none" and p.roles == (Role.CARER,)


def test_plan_timing_runs_from_the_session_start():
    items = [AgendaItem("s", "a", 30), AgendaItem("s", "b", 45), AgendaItem("s", "c", 60)]
    timing = plan_timing(items, "09:30", 120)
    assert timing.starts == ("09:30", "10:00", "10:45")
    assert timing.total_minutes == 135 and timing.spare_minutes == -15
    assert timing.summary() == "Planned 135 of 120 minutes · 15 over"
    assert plan_timing(items[:1], "bad", 60).summary() == "Planned 30 of 60 minutes · 30 to spare"


def test_records_get_distinct_uuids():
    assert Session("g", "a").id != Session("g", "a").id


def test_now_iso_is_strictly_increasing_even_within_a_microsecond():
    from coprod_desktop.domain.records import now_iso

    stamps = [now_iso() for _ in range(2000)]
    assert stamps == sorted(stamps) and len(set(stamps)) == len(stamps)


def test_every_record_is_an_ordinary_frozen_dataclass_importable_from_records():
    import dataclasses
    import inspect

    from coprod_desktop.domain import records
    from coprod_desktop.domain.records import live, loop, phones, plan

    classes = [getattr(records, name) for name in records.__all__ if inspect.isclass(getattr(records, name))]
    assert len(classes) == 20  # PhonePost, PhoneRound and RoundAnswer the last added
    for cls in classes:
        assert dataclasses.is_dataclass(cls) and cls.__dataclass_params__.frozen, cls
        assert cls.__module__ in (live.__name__, loop.__name__, phones.__name__, plan.__name__), cls
        assert "id" in {f.name for f in dataclasses.fields(cls)} or cls is records.Attendance, cls
