"""Running and reading sessions (issue 12): counts checked against those present, ended
sessions read item by item, the card put down on moving on, no live steps once ended."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDialog

from coprod_desktop.app import deck as deck_ops
from coprod_desktop.app.export import Options, build, gather
from coprod_desktop.domain import wording
from coprod_desktop.domain.records import Decision, Session
from coprod_desktop.domain.values import DecisionMethod, SessionState
from coprod_desktop.ui.dialogs import decision as decision_dialog
from coprod_desktop.ui.dialogs.simple import Confirm

from .test_export import pdf_text


def test_counts_over_those_present_are_asked_about_then_kept_with_a_note(running, monkeypatch):
    window, run, session, people = running
    asked = []
    monkeypatch.setattr(QDialog, "exec", lambda self: QDialog.Accepted)
    monkeypatch.setattr(decision_dialog, "offer", lambda *a, **k: asked.append(a[2]) or len(asked) > 1)
    made = Decision(session.id, "Print the checklist in Welsh", DecisionMethod.VOTE, votes_for=4, votes_against=1)
    original = decision_dialog.DecisionDialog.result_record
    monkeypatch.setattr(decision_dialog.DecisionDialog, "result_record", lambda self: made)
    kept = decision_dialog.DecisionDialog.ask(window, Decision(session.id, ""), people, [])
    assert kept is made and len(asked) == 2  # "Change them" first: the dialog came back; then kept
    assert asked[0].startswith("5 counted, with 4 marked here.")
    monkeypatch.setattr(decision_dialog.DecisionDialog, "result_record", original)
    window.archive.add(made)
    summary = pdf_text(build(gather(window.archive, session.id), Options()))
    record = pdf_text(build(gather(window.archive, session.id), Options(document="record")))
    assert "5 counted, with 4 marked here." in summary and "Counts: 5 counted, with 4 marked here." in record
    assert wording.count_note(made, 5) == ""


def test_an_ended_session_is_read_item_by_item(window, monkeypatch):
    window.add_sample_group()
    closed = next(s for s in window.archive.sessions() if s.state is SessionState.CLOSED)
    window.select(closed.id)
    window.show_run_view()
    run = window.run_view
    items = window.archive.agenda(closed.id)
    said = {i.id: [c for c in window.archive.contributions(closed.id) if c.agenda_item_id == i.id] for i in items}
    first = next(i for i in items if said[i.id])
    assert run.capture.model.rowCount() == len(said[first.id]) > 0  # not "0 contributions"
    other = next(i for i in items if i.id != first.id and said[i.id])
    run.column.choose(other.id)
    assert {r.id for r in run.capture.model.records} == {c.id for c in said[other.id]}
    assert not run.capture.text.isEnabled() and window.archive.get(Session, closed.id).current_item_id is None


def test_moving_on_puts_the_card_down(running):
    window, run, session, _ = running
    run.deck.draw()
    table = window.archive.card_on_table(session.id)
    run.capture.text.setText("Said about the card")
    assert run.capture.capture()
    assert window.archive.contributions(session.id)[-1].card_key == table.card_key
    run.step(+1)
    assert window.archive.card_on_table(session.id) is None
    run.capture.text.setText("Said about the next item")
    assert run.capture.capture()
    assert window.archive.contributions(session.id)[-1].card_key is None


def test_an_ended_session_takes_no_live_step_and_reopening_asks(running, monkeypatch):
    window, run, session, _ = running
    run.end()
    ended = window.archive.get(Session, session.id)
    assert not run.deck.draw_button.isEnabled() and not run.rules.point_button.isEnabled()
    with pytest.raises(deck_ops.NotLive):
        deck_ops.draw_card(window.context, ended)
    before = len(window.archive.draws(session.id))
    run.deck.draw()  # Ctrl+D, say
    assert len(window.archive.draws(session.id)) == before
    asked = []
    monkeypatch.setattr(Confirm, "ask", classmethod(lambda cls, *a, **k: asked.append(a) or False))
    run.reopen()
    assert asked and window.archive.get(Session, session.id).state is SessionState.CLOSED
    monkeypatch.setattr(Confirm, "ask", classmethod(lambda cls, *a, **k: True))
    run.reopen()
    assert window.archive.get(Session, session.id).state is SessionState.LIVE
