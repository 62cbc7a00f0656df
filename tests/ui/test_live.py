"""Running a session: timer, steps, capture, deck, decisions, rules, balance and the room view."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from coprod_desktop.domain.records import Action, AgendaItem, Contribution, Decision, Participant, Session
from coprod_desktop.domain.timing import Band
from coprod_desktop.domain.values import ContributionKind, DecisionMethod, Role, SessionState
from coprod_desktop.ui.dialogs.decision import IdRole

from .conftest import MIXED, RTL, WELSH, FakeClock, type_text


@pytest.fixture
def clock():
    """A clock that moves only when a test says so."""
    return FakeClock()


def test_start_timer_bands_steps_pause_and_plus_five(running, clock):
    window, run, session, _ = running
    archive = window.archive
    assert session.state is SessionState.LIVE and session.actual_start == clock()
    assert run.timer_label.text() == "10:00" and run.timer_band is Band.NORMAL
    clock.minutes = 8.5
    run.tick()
    assert run.timer_label.text() == "01:30" and run.timer_band is Band.AMBER
    clock.minutes = 12
    run.tick()
    assert run.timer_label.text() == "+02:00" and run.timer_band is Band.RED
    run.extend()
    run.tick()
    assert run.timer_label.text() == "03:00"
    run.toggle_pause()
    clock.minutes = 40
    run.tick()
    assert run.timer_label.text().startswith("03:00") and "paused" in run.timer_label.text()
    run.toggle_pause()
    clock.minutes = 41
    run.step(+1)
    items = archive.agenda(session.id)
    assert items[0].actual_end == clock() and items[1].actual_start == clock()
    assert archive.get(Session, session.id).current_item_id == items[1].id
    assert run.agenda.currentItem().text().startswith("▶ You said")
    run.step(-1)
    assert archive.get(Session, session.id).current_item_id == items[0].id
    kinds = [e.kind for e in archive.events(session.id)]
    assert kinds == ["started", "extended", "paused", "resumed", "moved", "moved"]


def test_end_reopen_and_restart_returns_to_the_live_session(running, clock, qtbot):
    from coprod_desktop.ui.main_window import MainWindow

    window, run, session, _ = running
    archive = window.archive
    clock.minutes = 5
    run.step(+1)
    # A fresh window on the same archive, as after the laptop died: back in the room.
    again = MainWindow(archive)
    qtbot.addWidget(again)
    assert again.selected() == ("session", session.id)
    assert again.pages.currentWidget() is again.run_view
    assert again.run_view.current_title.text() == archive.agenda(session.id)[1].title
    clock.minutes = 60
    run.end()
    closed = archive.get(Session, session.id)
    assert closed.state is SessionState.CLOSED and closed.actual_end == clock()
    assert run.reopen_button.isVisibleTo(run) and not run.capture.text.isEnabled() and run.capture.list.isEnabled()
    clock.minutes = 70
    run.reopen()
    assert archive.get(Session, session.id).state is SessionState.LIVE
    assert [e.kind for e in archive.events(session.id)][-2:] == ["ended", "reopened"]


def test_capture_by_keyboard_with_any_script(running, qtbot):
    window, run, session, present = running
    capture = run.capture
    qtbot.keyClick(run, Qt.Key_K, Qt.ControlModifier)
    type_text(capture.text, f"{WELSH} {RTL} 😀 <i>&</i>")
    type_text(capture.who, "3")  # Gwenllian, who chose to be named
    assert capture.quote.isChecked()
    qtbot.keyClick(capture.text, Qt.Key_3, Qt.AltModifier)  # concern
    qtbot.keyClick(capture.who, Qt.Key_Return)
    saved = window.archive.contributions(session.id)
    assert len(saved) == 1
    c = saved[0]
    assert c.text == f"{WELSH} {RTL} 😀 <i>&</i>"
    assert c.participant_id == present[2].id and c.role is Role.PROFESSIONAL
    assert c.kind is ContributionKind.CONCERN and c.quote_allowed
    assert c.agenda_item_id == session.current_item_id
    assert capture.text.text() == "" and capture.who.text() == ""
    # Role only, then anonymous; newest first on screen.
    for text, who in (("Second", "carer"), ("Third", "")):
        capture.text.setText(text)
        capture.who.setText(who)
        assert not capture.quote.isChecked()
        capture.capture()
    shown = [capture.model.index(r).data() for r in range(capture.model.rowCount())]
    assert shown[0].endswith("Third") and "Anonymous" in shown[0]
    assert "Carer (role only)" in shown[1] and shown[2].endswith("😀 <i>&</i>")
    roles = [c.role for c in window.archive.item_contributions(session.id, session.current_item_id)]
    assert roles == [None, Role.CARER, Role.PROFESSIONAL]


def test_unclear_who_is_asked_and_nothing_is_saved(running):
    window, run, session, _ = running
    run.capture.text.setText("Something")
    run.capture.who.setText("ir")  # Mair and Amira
    assert not run.capture.capture()
    assert "“ir” could be 1 Amira or 4 Mair" in run.capture.problem.text() and run.capture.text.text() == "Something"
    assert window.archive.contributions(session.id) == []


def test_edit_and_delete_contributions_with_undo(running, qtbot, monkeypatch):
    from coprod_desktop.ui.dialogs.contribution import ContributionDialog

    window, run, session, _ = running
    capture = run.capture
    capture.text.setText("Frist draft")
    capture.capture()
    c = window.archive.contributions(session.id)[0]
    monkeypatch.setattr(
        ContributionDialog,
        "ask",
        classmethod(lambda cls, *a: {"text": "First draft", "kind": ContributionKind.QUESTION}),
    )
    capture.list.setCurrentIndex(capture.model.index(0))
    capture.edit(c)
    assert window.archive.get(Contribution, c.id).text == "First draft"
    assert "First draft" in capture.model.index(0).data()
    window.undo_action.trigger()
    assert window.archive.get(Contribution, c.id).text == "Frist draft"
    capture.list.setFocus()
    capture.list.setCurrentIndex(capture.model.index(0))
    qtbot.keyClick(capture.list, Qt.Key_Delete)
    assert window.archive.contributions(session.id) == [] and capture.model.rowCount() == 0
    window.undo_action.trigger()
    assert window.archive.get(Contribution, c.id).text == "Frist draft" and capture.model.rowCount() == 1


def test_deck_draw_without_repeats_link_mark_and_put_down(running, monkeypatch):
    import random

    window, run, session, _ = running
    window.context.rng = random.Random(7)
    deck = run.deck
    deck.category.setCurrentIndex(deck.category.findData("strengths"))
    drawn = []
    for _ in range(7):
        deck.draw()
        table = window.archive.card_on_table(session.id)
        if table is not None and table.card_key not in drawn:
            drawn.append(table.card_key)
    assert len(drawn) == 6 and all(k.startswith("deck:strengths") for k in drawn)  # six cards, then none left
    run.capture.text.setText("Drawn out by the card")
    run.capture.capture()
    assert window.archive.contributions(session.id)[0].card_key == drawn[-1]
    deck.mark_asked()
    assert window.archive.card_on_table(session.id).asked_at
    deck.put_down()
    assert window.archive.card_on_table(session.id) is None
    assert "1 drew from it" in deck.drawn.item(5).text()


def test_groups_add_edit_and_retire_cards(running, qtbot):
    from coprod_desktop.app.deck import group_deck
    from coprod_desktop.ui.dialogs.cards import CardsDialog

    window, run, session, _ = running
    dialog = CardsDialog(run, window.undoable, session.group_id)
    qtbot.addWidget(dialog)
    dialog.text.setText(f"Beth sy'n bwysig i chi? {WELSH}")
    dialog.add_own()
    own = [c for c in group_deck(window.archive, session.group_id) if c.own]
    assert [c.text for c in own] == [f"Beth sy'n bwysig i chi? {WELSH}"]
    first = dialog.list.item(0)
    key = first.data(Qt.UserRole + 1)[0]
    first.setCheckState(Qt.Unchecked)  # retire a default card
    assert key not in {c.key for c in group_deck(window.archive, session.group_id)}
    assert dialog.list.item(0).checkState() == Qt.Unchecked
    window.undo_action.trigger()
    assert len(group_deck(window.archive, session.group_id)) == 43


def test_decisions_and_actions(running, monkeypatch):
    from coprod_desktop.ui.dialogs.decision import ActionDialog, DecisionDialog

    window, run, session, present = running
    run.capture.text.setText("Give the checklist out at admission")
    run.capture.capture()
    said = window.archive.contributions(session.id)[0]

    def decide(cls, parent, decision, people, contributions):
        assert contributions[-1].id == said.id
        from dataclasses import replace

        return replace(
            decision,
            text="Pilot it on Ward 7",
            method=DecisionMethod.FIST_OF_FIVE,
            fist_counts=(0, 0, 1, 1, 2, 0),
            agreed_by=tuple(p.id for p in people[:3]),
            cannot_change="Ward staffing is set by the health board.",
            contribution_ids=(said.id,),
        )

    monkeypatch.setattr(DecisionDialog, "ask", classmethod(decide))
    panel = run.decide
    panel.new_decision()
    decision = window.archive.decisions(session.id)[0]
    assert decision.fist_counts == (0, 0, 1, 1, 2, 0) and decision.contribution_ids == (said.id,)
    assert "fist of five" in panel.decisions.item(0).text()

    def act(cls, parent, action, people, decisions):
        from dataclasses import replace

        return replace(
            action, what="Print 50 copies", owner=people[2].preferred_name, owner_participant_id=people[2].id
        )

    monkeypatch.setattr(ActionDialog, "ask", classmethod(act))
    panel.decisions.setCurrentRow(0)
    panel.action_from_decision()
    action = window.archive.actions(session.id)[0]
    assert action.decision_id == decision.id and action.owner_participant_id == present[2].id
    assert action.due_date is not None
    panel.actions.setCurrentRow(0)
    panel._delete(panel.actions, Action)
    assert window.archive.actions(session.id) == []
    window.undo_action.trigger()
    assert window.archive.actions(session.id) == [action]


def test_decision_dialog_builds_a_vote(qtbot, running):
    from coprod_desktop.ui.dialogs.decision import DecisionDialog

    window, run, session, present = running
    dialog = DecisionDialog(run, Decision(session.id, ""), present, [])
    qtbot.addWidget(dialog)
    dialog.text.setPlainText(MIXED)
    dialog.method.setCurrentIndex(dialog.method.findData(DecisionMethod.VOTE))
    for spin, n in zip(dialog.votes, (5, 1, 2)):
        spin.setValue(n)
    dialog.counts_only.setChecked(True)
    dialog.agreed_count.setValue(5)
    record = dialog.result_record()
    assert (record.votes_for, record.votes_against, record.votes_abstain) == (5, 1, 2)
    assert record.agreed_count == 5 and record.agreed_by == () and record.text == MIXED
    assert dialog.counts.currentIndex() == 1


def test_pointing_to_a_rule_logs_time_and_rule_only(running):
    window, run, session, _ = running
    panel = run.rules
    panel.list.setCurrentRow(1)
    panel.point()
    events = window.archive.events(session.id, "rule_reminder")
    assert len(events) == 1
    rule = window.archive.ground_rules(session.id)[1]
    assert events[0].detail == rule.text and events[0].agenda_item_id == session.current_item_id
    assert "pointed to 1×" in panel.list.item(1).text()


def test_balance_shows_roles_people_and_who_is_unheard(running):
    window, run, session, present = running
    for who in ("3", "3", "carer"):
        run.capture.text.setText("x")
        run.capture.who.setText(who)
        run.capture.capture()
    text = run.balance.summary.text()
    assert "3 contributions so far" in text and "Professional: 2" in text and "Carer: 1" in text
    assert "Gwenllian: 2" in text
    assert "Not heard yet: Amira, Dafydd, Mair" in text


def test_room_view_shows_names_only_when_chosen_and_switched_on(running, qtbot):
    window, run, session, present = running
    amira, dafydd, gwenllian, _mair = present
    for text, who in (("From Amira", "amira"), ("From Dafydd", "dafydd"), ("From Gwenllian", "gwen")):
        run.capture.text.setText(text)
        run.capture.who.setText(who)
        assert run.capture.capture()
    window.open_room_view()
    room = window.room_view
    qtbot.addWidget(room)
    shown = room.recent.text()
    assert "Anonymous: From Amira" in shown and "Carer: From Dafydd" in shown
    assert "Professional: From Gwenllian" in shown and "Gwenllian" not in shown.replace("From Gwenllian", "")
    room.toggle_names()
    shown = room.recent.text()
    assert "Gwenllian: From Gwenllian" in shown
    assert "Amira:" not in shown and "Dafydd:" not in shown
    assert "Not heard" not in shown  # balance is never on the projector
    from coprod_desktop.app.edits import DeleteRecord

    window.undoable.run(DeleteRecord(Participant, amira.id, "Remove Amira"))  # she leaves the group
    assert "Anonymous: From Amira" in room.recent.text()
    window.undo_stack.undo()
    assert "Anonymous: From Amira" in room.recent.text()
    assert room.item.text() == window.archive.agenda(session.id)[0].title
    assert room.rules.isVisibleTo(room)
    room.toggle_rules()
    assert not room.rules.isVisibleTo(room)
    room.toggle_full_screen()
    assert room.isFullScreen()


def test_action_dialog_owner_by_role_and_dropped_reason(qtbot, running):
    from coprod_desktop.domain.values import ActionStatus
    from coprod_desktop.ui.dialogs.decision import ActionDialog

    window, run, session, present = running
    dialog = ActionDialog(run, Action(session.id, ""), present, [])
    qtbot.addWidget(dialog)
    dialog.what.setPlainText(f"Ask transport {WELSH}")
    dialog.owner.setCurrentIndex(dialog.owner.findText("Carer (role)"))
    dialog.status.setCurrentIndex(dialog.status.findText("Dropped"))
    dialog.reason.setText("The contract ends in March")
    record = dialog.result_record()
    assert record.owner_role is Role.CARER and record.owner_participant_id is None
    assert record.status is ActionStatus.DROPPED and record.status_reason == "The contract ends in March"


def test_editing_an_action_keeps_its_owner(qtbot, running):
    """Opening an action and changing only its status keeps who owns it: a person here,
    a person not here today, or a role."""
    from coprod_desktop.domain.values import ActionStatus
    from coprod_desktop.ui.dialogs.decision import ActionDialog

    window, run, session, present = running
    absent = window.archive.participants(present[0].group_id)[5]
    owners = (
        dict(owner_participant_id=present[2].id),
        dict(owner_participant_id=absent.id),
        dict(owner_role=Role.CARER),
        dict(owner="Ward 7 discharge team"),
    )
    chosen = ActionDialog(run, Action(session.id, "Ring"), present, [])
    qtbot.addWidget(chosen)
    chosen.owner.setCurrentIndex(chosen.owner.findText(present[0].preferred_name))
    record = chosen.result_record()  # a person's name is looked up when shown, never copied
    assert (record.owner, record.owner_participant_id) == ("", present[0].id)
    for owner in owners:
        action = Action(session.id, "Phone the ward", **owner)
        dialog = ActionDialog(run, action, present, [])
        qtbot.addWidget(dialog)
        dialog.status.setCurrentIndex(dialog.status.findData(ActionStatus.DONE))
        record = dialog.result_record()
        assert record.status is ActionStatus.DONE
        assert (record.owner, record.owner_participant_id, record.owner_role) == (
            action.owner,
            action.owner_participant_id,
            action.owner_role,
        ), owner


def test_editing_a_decision_keeps_people_and_links_the_dialog_did_not_list(qtbot, running):
    from coprod_desktop.ui.dialogs.decision import DecisionDialog

    window, run, session, present = running
    absent = window.archive.participants(present[0].group_id)[5]
    decision = Decision(
        session.id,
        "Send papers a week ahead",
        agreed_by=(absent.id, present[1].id),
        contribution_ids=("older-contribution",),
    )
    dialog = DecisionDialog(run, decision, present, [])
    qtbot.addWidget(dialog)
    dialog.text.setPlainText("Send papers ten days ahead")
    record = dialog.result_record()
    assert record.text == "Send papers ten days ahead"
    assert set(record.agreed_by) == {absent.id, present[1].id}
    assert record.contribution_ids == ("older-contribution",)
    listed = [dialog.agreed.item(i) for i in range(dialog.agreed.count())]
    next(i for i in listed if i.data(IdRole) == present[1].id).setCheckState(Qt.Unchecked)
    assert dialog.result_record().agreed_by == (absent.id,)  # unticking still removes


def test_ctrl_z_in_the_capture_box_undoes_the_last_capture(running, qtbot):
    window, run, session, _ = running
    capture = run.capture
    type_text(capture.text, "Oops, wrong person")
    qtbot.keyClick(capture.text, Qt.Key_Return)
    assert len(window.archive.contributions(session.id)) == 1
    qtbot.keyClick(capture.text, Qt.Key_Z, Qt.ControlModifier)
    assert window.archive.contributions(session.id) == []
    qtbot.keyClick(capture.text, Qt.Key_Z, Qt.ControlModifier | Qt.ShiftModifier)
    assert len(window.archive.contributions(session.id)) == 1


def test_own_cards_edit_and_retire_and_draw_by_value(running, qtbot, monkeypatch):
    import random

    from coprod_desktop.app.deck import group_deck
    from coprod_desktop.domain.values import CoproductionValue
    from coprod_desktop.ui.dialogs.cards import CardsDialog

    window, run, session, _ = running
    dialog = CardsDialog(run, window.undoable, session.group_id)
    qtbot.addWidget(dialog)
    dialog.text.setText("Frist question")
    dialog.add_own()
    own_row = dialog.list.count() - 1
    dialog._edit_own(dialog.list.item(own_row))
    assert dialog.text.text() == "Frist question"
    dialog.text.setText("First question")
    dialog.add_own()
    own = [c for c in group_deck(window.archive, session.group_id, include_retired=True) if c.own]
    assert [c.text for c in own] == ["First question"]
    dialog.list.item(dialog.list.count() - 1).setCheckState(Qt.Unchecked)
    assert all(not c.own for c in group_deck(window.archive, session.group_id))

    window.context.rng = random.Random(1)
    deck = run.deck
    deck.value.setCurrentIndex(deck.value.findData(CoproductionValue.NETWORKS))
    deck.draw()
    key = window.archive.card_on_table(session.id).card_key
    assert key.startswith("deck:connections")


def test_room_view_goes_to_the_chosen_screen(running, qtbot):
    from PySide6.QtGui import QGuiApplication

    window, run, session, _ = running
    screen = QGuiApplication.screens()[-1]
    window.open_room_view(screen)
    room = window.room_view
    qtbot.addWidget(room)
    assert room.screen() is screen and room.isFullScreen()


def test_room_view_button_and_f5_open_the_projector_window(running, qtbot):
    window, run, session, _ = running
    run.room_button.click()  # one screen here: no question asked
    room = window.room_view
    qtbot.addWidget(room)
    assert room.isVisible() and room.title.text() == session.title
    room.close()
    run.capture.text.setFocus()
    qtbot.keyClick(run.capture.text, Qt.Key_F5)
    assert room.isVisible()


def test_planning_while_live_then_back_to_the_run_view(running, clock):
    window, run, session, _ = running
    window.show_plan()
    assert window.pages.currentWidget() is window.session_page and not run.ticker.isActive()
    details = window.session_page.details
    details.title.setText("Renamed while live")
    details.form.edit("title", "Renamed while live", "title")
    window.show_run_view()
    assert run.title.text() == "Renamed while live" and run.ticker.isActive()


def test_starting_shows_what_is_owed_and_report_back_is_recorded(running, monkeypatch):
    import io

    from pypdf import PdfReader

    from coprod_desktop.app.export import build, gather
    from coprod_desktop.domain.values import ActionStatus, ReportBackStatus
    from coprod_desktop.reports.data import Options
    from coprod_desktop.ui.live.report_back_panel import ReasonDialog

    window, run, session, _ = running
    since = run.since
    assert run.tools.currentWidget() is since  # the sample group still owes 3 actions and a decision
    owed = since.owed_count()
    assert owed == 4
    first = since.owed.item(0).data(Qt.UserRole + 1)
    since.owed.setCurrentRow(0)
    monkeypatch.setattr(ReasonDialog, "ask", classmethod(lambda cls, *a, **k: ""))  # done: no words added
    assert since.report(ReportBackStatus.DONE)
    assert window.archive.get(Action, first.id).status is ActionStatus.DONE
    assert since.owed_count() == owed - 1 and since.given.count() == 1
    monkeypatch.setattr(ReasonDialog, "ask", classmethod(lambda cls, *a, **k: "The contract ended in March"))
    since.owed.setCurrentRow(0)
    second = since.owed.item(0).data(Qt.UserRole + 1)
    assert since.report(ReportBackStatus.NOT_POSSIBLE)
    assert window.archive.get(Action, second.id).status is ActionStatus.DROPPED
    assert "Not possible" in since.given.item(1).text() and "March" in since.given.item(1).text()
    monkeypatch.setattr(ReasonDialog, "ask", classmethod(lambda cls, *a, **k: None))  # cancelled: nothing recorded
    since.owed.setCurrentRow(0)
    assert not since.report(ReportBackStatus.DROPPED) and since.owed_count() == owed - 2
    window.undo_action.trigger()
    assert since.owed_count() == owed - 1 and window.archive.get(Action, second.id).status is ActionStatus.OPEN
    window.redo_action.trigger()
    text = " ".join(
        " ".join(
            p.extract_text() for p in PdfReader(io.BytesIO(build(gather(window.archive, session.id), Options()))).pages
        ).split()
    )
    assert "Since last time: you said, we did" in text
    assert f"{first.what} — Done." in text and "Not possible. The contract ended in March" in text


def test_self_check_at_the_end_of_the_session(running, qtbot):
    from coprod_desktop.domain.values import LADDER_CREDIT, LadderRung, TokenismCheck

    window, run, session, _ = running
    run.end()
    panel = run.self_check
    assert run.tools.currentWidget() is panel
    assert any(isinstance(w, QLabel) and w.text() == LADDER_CREDIT for w in panel.findChildren(QLabel))
    panel.hands[LadderRung.CO_DESIGN].setValue(5)
    panel.hands[LadderRung.CONSULTATION].setValue(2)
    panel.rating.setCurrentIndex(panel.rating.findData("engagement"))
    panel.rating.activated.emit(panel.rating.currentIndex())
    panel.checks[TokenismCheck.PRESSED_TO_SHARE]["no"].click()
    panel.checks[TokenismCheck.CONSTRAINTS_EXPLAINED]["yes"].click()
    check = window.archive.self_check(session.id)
    assert check.ladder_counts == (0, 0, 0, 2, 0, 5, 0)
    assert check.facilitator_rung is LadderRung.ENGAGEMENT
    assert set(check.answers) == {"pressed_to_share=no", "constraints_explained=yes"}
    window.undo_action.trigger()
    assert "constraints_explained=yes" not in window.archive.self_check(session.id).answers
    assert not panel.checks[TokenismCheck.CONSTRAINTS_EXPLAINED]["yes"].isChecked()


def test_trail_from_a_contribution_and_origin_of_an_action(running, monkeypatch):
    from dataclasses import replace as _replace

    from coprod_desktop.ui.dialogs.decision import ActionDialog, DecisionDialog

    window, run, session, present = running
    run.capture.text.setText("Text carers when transport leaves")
    run.capture.capture()
    said = window.archive.contributions(session.id)[0]
    monkeypatch.setattr(
        DecisionDialog,
        "ask",
        classmethod(lambda cls, p, d, people, cs: _replace(d, text="Ask for texts", contribution_ids=(said.id,))),
    )
    run.decide.new_decision()
    monkeypatch.setattr(
        ActionDialog, "ask", classmethod(lambda cls, p, a, people, ds: _replace(a, what="Write to transport"))
    )
    run.decide.decisions.setCurrentRow(0)
    run.decide.action_from_decision()
    run.decide.actions.setCurrentRow(0)
    run.decide.show_origin()
    assert "From the decision: Ask for texts" in run.decide.origin.text()
    assert "Text carers when transport leaves" in run.decide.origin.text()
    run.capture.list.setCurrentIndex(run.capture.model.index(0))
    assert "Answered by: Ask for texts" in run.capture.trail.text()
    assert "→ Write to transport (Open)" in run.capture.trail.text()


def test_unsaved_words_in_the_capture_box_survive_a_restart(running, qtbot):
    from coprod_desktop.ui.main_window import MainWindow

    window, run, session, _ = running
    type_text(run.capture.text, f"Half a sentence {WELSH}")
    again = MainWindow(window.archive)  # as after the laptop died mid-sentence
    qtbot.addWidget(again)
    assert again.run_view.capture.text.text() == f"Half a sentence {WELSH}"
    again.run_view.capture.capture()
    assert window.archive.contributions(session.id)[0].text == f"Half a sentence {WELSH}"
    third = MainWindow(window.archive)
    qtbot.addWidget(third)
    assert third.run_view.capture.text.text() == ""  # saved: no draft left behind


def test_closing_the_app_closes_the_room_view(running, qtbot):
    window, run, session, _ = running
    window.open_room_view()
    room = window.room_view
    qtbot.addWidget(room)
    assert room.isVisible()
    window.close()
    assert not room.isVisible()


def test_going_live_starts_the_undo_history_afresh(qtbot, window, clock):
    """Ctrl+Z pressed once too often in the room cannot undo planning steps from before
    the start (such as adding the item that is now running)."""
    from coprod_desktop.app.edits import AddRecord
    from coprod_desktop.domain.records import Group

    undoable = window.undoable
    group = Group("Undo group")
    assert undoable.run(AddRecord(group, "New group"))
    session = Session(group.id, "Undo session")
    assert undoable.run(AddRecord(session, "New session"))
    assert undoable.run(AddRecord(AgendaItem(session.id, "Only item", 10), "Add agenda item"))
    window.reload_tree()
    window.select(session.id)
    window.show_run_view()
    window.run_view.start()
    assert not window.undo_stack.canUndo()
    window.run_view.capture.text.setText("Said after the start")
    assert window.run_view.capture.capture()
    window.undo_action.trigger()
    window.undo_action.trigger()  # nothing more to undo
    live = window.archive.get(Session, session.id)
    assert live.state is SessionState.LIVE and window.archive.agenda(session.id)[0].id == live.current_item_id
    assert window.archive.contributions(session.id) == []


def test_redo_of_an_added_item_brings_back_what_it_gathered(window):
    """Undo of an add removes the record and what hangs from it; redo puts all of it back."""
    from coprod_desktop.app.edits import AddRecord
    from coprod_desktop.domain.records import Group

    undoable, archive = window.undoable, window.archive
    group = Group("Redo group")
    undoable.run(AddRecord(group, "New group"))
    session = archive.add(Session(group.id, "Redo session"))
    item = AgendaItem(session.id, "Item", 10)
    undoable.run(AddRecord(item, "Add agenda item"))
    archive.update(AgendaItem, item.id, notes="Notes written later")
    said = archive.add(Contribution(session.id, "Filed under it", agenda_item_id=item.id))
    window.undo_action.trigger()
    assert archive.agenda(session.id) == [] and archive.get(Contribution, said.id).agenda_item_id is None
    window.redo_action.trigger()
    assert archive.agenda(session.id)[0].notes == "Notes written later"
    assert archive.get(Contribution, said.id).agenda_item_id == item.id


@pytest.mark.parametrize("what", ["session", "group"])
def test_the_room_view_lets_go_of_a_deleted_session(running, qtbot, what):
    window, run, session, _ = running
    run.capture.text.setText("A private remark")
    assert run.capture.capture()
    window.open_room_view()
    room = window.room_view
    qtbot.addWidget(room)
    assert "A private remark" in room.recent.text() and room.rules.isVisibleTo(room)
    window.select(session.id if what == "session" else session.group_id)
    window.delete_selected()  # Confirm.ask answers yes in this fixture
    assert window.archive.find(Session, session.id) is None
    assert room.recent.text() == "" and room.title.text() == "" and room.timer.text() == ""
    assert not room.rules.isVisibleTo(room) and not room.card_frame.isVisibleTo(room)
    window.undo_action.trigger()
    assert "A private remark" in room.recent.text() and room.title.text() == session.title


def test_a_quote_tick_does_not_carry_over_to_the_next_anonymous_contribution(running):
    window, run, session, _ = running
    capture = run.capture
    capture.text.setText("Anonymous, and happy to be quoted")
    capture.quote.setChecked(True)
    assert capture.capture()
    assert not capture.quote.isChecked()
    capture.text.setText("Someone else, never asked")
    assert capture.capture()
    saved = {c.text: c.quote_allowed for c in window.archive.contributions(session.id)}
    assert saved == {"Anonymous, and happy to be quoted": True, "Someone else, never asked": False}


def test_reading_a_search_result_does_not_move_where_captures_go(running, clock):
    window, run, session, _ = running
    capture = run.capture
    capture.text.setText("Said under the first item")
    assert capture.capture()
    clock.minutes = 5
    run.step(+1)
    running_item = window.archive.get(Session, session.id).current_item_id
    hit = next(h for h in window.archive.search("first item") if h.kind == "Contribution")
    window.open_hit(hit)
    assert capture.model.item_id == session.current_item_id  # the list shows the first item...
    assert "New contributions still go to the current item" in capture.count.text()
    capture.text.setText("Said after looking something up")
    assert capture.capture()
    later = next(c for c in window.archive.contributions(session.id) if c.text.startswith("Said after"))
    assert later.agenda_item_id == running_item  # ...but what is said now goes to the running one
    assert capture.model.item_id == running_item


def test_each_session_keeps_its_own_unsaved_draft(running, qtbot):
    window, run, session, _ = running
    archive = window.archive
    type_text(run.capture.text, "Half a sentence for the first session")
    other = archive.add(Session(session.group_id, "Another session"))
    archive.add(AgendaItem(other.id, "Its item", 10))
    run.show_session(archive.get(Session, other.id))
    run.start()
    assert run.capture.text.text() == ""
    type_text(run.capture.text, "Words for the other one")
    run.show_session(archive.get(Session, session.id))
    assert run.capture.text.text() == "Half a sentence for the first session"
    run.show_session(archive.get(Session, other.id))
    assert run.capture.text.text() == "Words for the other one"


def test_room_view_follows_an_edit_of_the_card_on_the_table(running, qtbot):
    from coprod_desktop.app.edits import EditRecord
    from coprod_desktop.domain.records import CardDraw, GroupCard
    from coprod_desktop.domain.values import CoproductionValue

    window, run, session, present = running
    archive = window.archive
    card = archive.add(
        GroupCard(session.group_id, "What would make Tuesday easier?", "stories", list(CoproductionValue)[0])
    )
    archive.add(CardDraw(session.id, card.id))
    window.open_room_view()
    room = window.room_view
    qtbot.addWidget(room)
    assert "Tuesday" in room.card.text()
    window.undoable.run(
        EditRecord(GroupCard, card.id, {"text": card.text}, {"text": "What would make Wednesday easier?"}, "Edit card")
    )
    assert "Wednesday" in room.card.text()
