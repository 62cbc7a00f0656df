"""Phones in the run view, through the real window and the real server: open the room,
read the QR code back off the screen, send from a phone, and see it in the queue, the
record and the room view; rounds hidden until revealed; closed with the session."""

from __future__ import annotations

import socket

import pytest
import zxingcpp
from PySide6.QtGui import QImage

from coprod_desktop.domain.records import PhonePost
from coprod_desktop.domain.values import PostState, RoundKind, SessionState, ShownInPrint
from tests.phone_client import Phone


def open_to_phones(qtbot, run):
    panel = run.phones
    run.tools.setCurrentWidget(run.tools.widget(6))
    panel.address.setCurrentIndex(panel.address.findData("127.0.0.1"))
    with qtbot.waitSignal(panel.door.opened, timeout=20000):
        panel.open_button.click()
    assert panel.door.is_open
    return panel


def qr_address(label) -> str:
    """What a phone's camera reads off the QR code on screen."""
    image = label.pixmap().toImage().convertToFormat(QImage.Format_Grayscale8)
    from PIL import Image

    bits = image.constBits()
    pil = Image.frombytes("L", (image.width(), image.height()), bytes(bits), "raw", "L", image.bytesPerLine())
    found = zxingcpp.read_barcodes(pil)
    assert found, "no QR code found on screen"
    return found[0].text


def test_a_phone_joins_by_the_qr_code_and_what_it_sends_waits_then_is_accepted(qtbot, running):
    window, run, session, people = running
    panel = open_to_phones(qtbot, run)
    url = qr_address(panel.qr)
    assert url == panel.door.join_url and "/join?t=" in url
    phone = Phone(url)
    assert phone.page.status == 200 and "Say something" in phone.page.html
    for p in people:  # an anonymous phone never sees the list of names
        assert p.preferred_name not in phone.page.html
    sent = phone.say("More evening sessions, please 🙂 <b>", kind="idea")
    assert sent.status == 200 and "told=sent" in sent.url
    qtbot.waitUntil(lambda: panel.queue.count() == 1, timeout=3000)
    assert "Anonymous" in panel.queue.item(0).text()
    assert all(c.text != "More evening sessions, please 🙂 <b>" for c in window.archive.contributions(session.id))
    panel.queue.setCurrentRow(0)
    panel.accept()
    made = [c for c in window.archive.contributions(session.id) if c.text.startswith("More evening")]
    assert len(made) == 1 and made[0].participant_id is None and made[0].role is None
    assert panel.queue.count() == 0
    post = window.archive.phone_posts(session.id, None)[0]
    assert post.state is PostState.ACCEPTED and post.contribution_id == made[0].id
    window.undo_stack.undo()  # back in the queue, out of the record
    assert panel.queue.count() == 1
    assert not [c for c in window.archive.contributions(session.id) if c.text.startswith("More evening")]


def test_named_only_by_a_personal_code_and_only_for_those_who_chose_names(qtbot, running):
    window, run, session, people = running
    panel = open_to_phones(qtbot, run)
    named = {name for name, _code in panel.door.code_list()}
    chose_names = {p.preferred_name for p in people if p.shown_in_print is ShownInPrint.BY_NAME}
    assert named == chose_names and named  # Amira ("not at all") and role-only people have none
    name, code = panel.door.code_list()[0]
    phone = Phone(panel.door.join_url)
    wrong = phone.say("As me, with a wrong code", code="ZZZZZ")
    assert wrong.status == 400 and "As me, with a wrong code" in wrong.html  # the words are kept
    assert phone.say("As me", code=code).status == 200
    qtbot.waitUntil(lambda: panel.queue.count() == 1, timeout=3000)
    assert name in panel.queue.item(0).text()
    panel.accept_all()
    made = next(c for c in window.archive.contributions(session.id) if c.text == "As me")
    assert window.archive.get(type(people[0]), made.participant_id).preferred_name == name


def test_set_aside_and_auto_accept(qtbot, running):
    window, run, session, _people = running
    panel = open_to_phones(qtbot, run)
    phone = Phone(panel.door.join_url)
    phone.say("Not for the record")
    qtbot.waitUntil(lambda: panel.queue.count() == 1, timeout=3000)
    panel.queue.setCurrentRow(0)
    panel.set_aside()
    assert panel.queue.count() == 0
    assert window.archive.phone_posts(session.id, PostState.SET_ASIDE)[0].text == "Not for the record"
    panel.auto.setChecked(True)
    phone.say("Straight in", kind="concern")
    qtbot.waitUntil(
        lambda: any(c.text == "Straight in" for c in window.archive.contributions(session.id)), timeout=3000
    )
    model = run.capture.model
    qtbot.waitUntil(
        lambda: any("Straight in" in (model.data(model.index(r)) or "") for r in range(model.rowCount())), timeout=3000
    )
    assert panel.queue.count() == 0


def test_a_round_stays_hidden_until_revealed_and_its_counts_join_a_decision(qtbot, running, monkeypatch):
    window, run, session, _people = running
    panel = open_to_phones(qtbot, run)
    box = panel.rounds
    box.kind.setCurrentIndex(box.kind.findData(RoundKind.VOTE.value))
    box.question.setText("Meet on Thursdays?")
    box.open_round()
    window.open_room_view()
    room = window.room_view
    phones = [Phone(panel.door.join_url) for _ in range(3)]
    round_id = box.current.id
    assert "Meet on Thursdays?" in phones[0].page.html
    for phone, vote in zip(phones, ("for", "for", "against")):
        assert phone.answer(round_id, vote).status == 200
    qtbot.waitUntil(lambda: "3 answers so far" in room.phones.round.text(), timeout=3000)
    assert "For: 2" not in room.phones.round.text() and "For: 2" not in box.state.text()
    box.reveal()  # not while answers still come: the room would see who answered what
    assert "For: 2" not in room.phones.round.text() and not box.reveal_button.isEnabled()
    box.close_round()
    box.reveal()
    assert "For: 2" in room.phones.round.text() and "Against: 1" in room.phones.round.text()
    from coprod_desktop.ui.dialogs.decision import DecisionDialog

    def add_hands(cls, parent, decision, present, contributions):
        from dataclasses import replace

        return replace(decision, votes_for=decision.votes_for + 5)  # five hands for, in the room

    monkeypatch.setattr(DecisionDialog, "ask", classmethod(add_hands))
    box.to_decision()
    made = window.archive.decisions(session.id)[-1]
    assert (made.votes_for, made.votes_against, made.phone_counts) == (7, 1, (2, 1, 0))
    from coprod_desktop.domain import wording

    assert "3 by phone, 5 by hands" in wording.how_decided(made)


def test_the_port_refuses_once_the_session_ends(qtbot, running):
    window, run, session, _people = running
    panel = open_to_phones(qtbot, run)
    port = panel.door.server.port
    assert Phone(panel.door.join_url).page.status == 200
    run.end()  # the fixture answers yes to "End the session?"
    assert window.archive.get(type(session), session.id).state is SessionState.CLOSED
    assert not panel.door.is_open
    with pytest.raises(ConnectionRefusedError):
        socket.create_connection(("127.0.0.1", port), timeout=2)


def test_posts_are_kept_before_they_are_acknowledged(qtbot, running):
    """The post is in the archive (read through another connection) when the phone is told "sent"."""
    window, run, session, _people = running
    panel = open_to_phones(qtbot, run)
    phone = Phone(panel.door.join_url)
    assert phone.say("Kept first").status == 200
    from coprod_desktop.storage import Archive

    other = Archive.read_only(window.archive.path, window.archive.key)
    try:
        assert [p.text for p in other.phone_posts(session.id)] == ["Kept first"]
        assert isinstance(other.phone_posts(session.id)[0], PhonePost)
    finally:
        other.close()
    assert not any(c.text == "Kept first" for c in window.archive.contributions(session.id))  # until accepted


def test_a_ladder_round_joins_the_self_check_once(qtbot, running):
    window, run, session, _people = running
    panel = open_to_phones(qtbot, run)
    run.self_check.hands[list(run.self_check.hands)[5]].setValue(2)  # two hands for co-design, in the room
    box = panel.rounds
    box.kind.setCurrentIndex(box.kind.findData(RoundKind.LADDER.value))
    box.open_round()
    for rung in ("co_design", "co_production", "co_design"):
        assert Phone(panel.door.join_url).answer(box.current.id, rung).status == 200
    box.close_round()
    box.to_self_check()
    box.to_self_check()  # again: the phones' share is replaced, not added twice
    check = window.archive.self_check(session.id)
    assert check.ladder_counts == (0, 0, 0, 0, 0, 4, 1) and check.phone_ladder_counts == (0, 0, 0, 0, 0, 2, 1)


def test_the_keyboard_help_leaves_nothing_behind_to_fail_when_the_room_opens(qtbot, running):
    """F1 builds a room view for its keys and deletes it; opening to phones must not touch it."""
    window, run, _session, _people = running
    window.shortcuts_dialog().deleteLater()
    qtbot.wait(10)  # the deleteLater happens
    from PySide6.QtWidgets import QApplication

    QApplication.sendPostedEvents(None, 0)
    open_to_phones(qtbot, run)  # raised "Internal C++ object already deleted" before
    assert run.phones.door.is_open


def test_scanning_again_is_the_same_phone_and_answers_are_not_linked(qtbot, running):
    window, run, session, _people = running
    panel = open_to_phones(qtbot, run)
    phone = Phone(panel.door.join_url)
    again = phone.opener.open(panel.door.join_url).read()  # the same phone scans the code again
    assert b"Say something" in again and panel.door.joined() == 1
    box = panel.rounds
    for kind in (RoundKind.VOTE, RoundKind.CONSENT):
        box.kind.setCurrentIndex(box.kind.findData(kind.value))
        box.open_round()
        phone.refresh()
        phone.answer(box.current.id, "for" if kind is RoundKind.VOTE else "live_with")
    phone.say("Anonymous words")
    devices = [a.device for r in window.archive.phone_rounds(session.id) for a in window.archive.round_answers(r.id)]
    assert len(set(devices)) == 2 and all(devices)  # one id a round, unlike each other
    assert [p.device for p in window.archive.phone_posts(session.id, None)] == [""]  # a post carries none


def test_deleting_the_group_closes_the_room_to_phones(qtbot, running):
    window, run, session, _people = running
    panel = open_to_phones(qtbot, run)
    port = panel.door.server.port
    from coprod_desktop.app.edits import DeleteRecord
    from coprod_desktop.domain.records import Group

    window.undoable.run(DeleteRecord(Group, session.group_id, "Delete group"))
    assert not panel.door.is_open
    with pytest.raises(ConnectionRefusedError):
        socket.create_connection(("127.0.0.1", port), timeout=2)


def test_the_room_views_phone_corner_says_both_languages_with_l(qtbot, running):
    window, run, _session, _people = running
    panel = open_to_phones(qtbot, run)
    window.open_room_view()
    room = window.room_view
    assert "Join from your phone" in room.phones.join.text() and "Ymunwch" not in room.phones.join.text()
    room.toggle_languages()
    joined = room.phones.join.text()
    assert "Ymunwch o'ch ffôn" in joined and "Join from your phone" in joined
    assert joined.index("Ymunwch") < joined.index("Join") and panel.door.join_url in joined
    box = panel.rounds
    box.kind.setCurrentIndex(box.kind.findData(RoundKind.VOTE.value))
    box.open_round()
    said = room.phones.round.text()
    assert room.phones.join.text() == panel.door.join_url  # a round needs the room: the address alone
    from coprod_desktop.app.phone_room import answered
    from coprod_desktop.language import speaking

    with speaking("cy"):
        in_welsh = answered(0)
    assert f"{in_welsh} · 0 answers so far" in said and in_welsh != "0 answers so far"


def test_a_phones_words_go_on_the_room_view_only_if_its_sender_let_them_be_quoted(qtbot, running):
    """Words said aloud the room has heard; words typed on a phone it has not."""
    window, run, session, _people = running
    panel = open_to_phones(qtbot, run)
    window.open_room_view()
    room = window.room_view
    phone = Phone(panel.door.join_url)
    assert "shown on the big screen and quoted in the summary" in phone.page.html  # told where it goes
    phone.say("Quote me on the bus times", quote=True)
    phone.say("Only for the facilitator: I felt talked over")
    qtbot.waitUntil(lambda: panel.queue.count() == 2, timeout=3000)
    lines = [panel.queue.item(i).text() for i in range(2)]
    assert "may be quoted" in lines[0] and "may be quoted" not in lines[1]
    panel.accept_all()
    run.capture.text.setText("Said aloud, not for quoting")
    run.capture.quote.setChecked(False)
    assert run.capture.capture()
    heard = room.recent.text()
    assert "Quote me on the bus times" in heard and "Said aloud, not for quoting" in heard
    assert "I felt talked over" not in heard
    assert any("I felt talked over" in c.text for c in window.archive.contributions(session.id))  # kept
    panel.auto.setChecked(True)  # the same when it goes straight in
    phone.say("Also just for you")
    qtbot.waitUntil(lambda: any(c.text == "Also just for you" for c in window.archive.contributions(session.id)))
    phone.say("And this may go up", quote=True)
    qtbot.waitUntil(lambda: "And this may go up" in room.recent.text(), timeout=3000)
    assert "Also just for you" not in room.recent.text()


def test_the_facilitator_is_told_when_someone_guesses_personal_codes(qtbot, running, monkeypatch):
    from types import SimpleNamespace

    from PySide6.QtGui import QAccessible

    from coprod_desktop.ui.live import phones_panel

    said: list = []  # what a screen reader is told
    spoken = SimpleNamespace(updateAccessibility=said.append, AnnouncementPoliteness=QAccessible.AnnouncementPoliteness)
    monkeypatch.setattr(phones_panel, "QAccessible", spoken)
    window, run, _session, _people = running
    panel = open_to_phones(qtbot, run)
    assert not panel.guessed.isVisibleTo(panel)
    given = set(panel.door.codes)
    wrong = [c for c in ("ACDE" + x for x in "ACDEFGHJKLMNP") if c not in given][:10]
    for code in wrong:  # each from a phone of its own
        assert Phone(panel.door.join_url).say("Guess", code=code).status == 400
    qtbot.waitUntil(
        lambda: panel.guessed.isVisibleTo(panel) and "Someone is trying personal codes" in panel.guessed.text(),
        timeout=3000,
    )
    assert "wrong personal codes" in window.statusBar().currentMessage()
    assert [e.message() for e in said] == [window.statusBar().currentMessage()]
    panel.door.server._take(("resting", False))  # what the server says once a guess is back
    qtbot.waitUntil(lambda: not panel.guessed.isVisibleTo(panel), timeout=3000)
    assert len(said) == 1  # said once, not again as it clears


def test_the_room_view_shows_what_phones_send_straight_in_once_a_tick_not_once_a_batch(qtbot, running):
    from coprod_desktop.app.changes import Change
    from coprod_desktop.domain.records import Contribution

    window, run, _session, _people = running
    panel = open_to_phones(qtbot, run)
    window.open_room_view()
    room = window.room_view
    shown: list = []
    room._show_recent = lambda session: shown.append(session.id)  # what the projector redraws
    for n in range(10):  # batches from the phones, as auto-accept keeps them
        window.hub.announce(Change.of(Contribution, f"c{n}", source=panel.door))
    assert shown == []
    room._heard_at_tick()
    room._heard_at_tick()
    assert len(shown) == 1
    window.hub.announce(Change.of(Contribution, "typed"))  # the facilitator's own: at once
    assert len(shown) == 2


def test_an_address_not_this_laptops_is_refused_in_words_and_the_door_stays_shut(qtbot, running):
    window, run, _session, _people = running
    told: list = []
    window.hub.failed.connect(lambda title, text: told.append((title, text)))
    panel = run.phones
    run.tools.setCurrentWidget(run.tools.widget(6))
    panel.address.addItem("192.0.2.7", "192.0.2.7")  # a hotspot since switched off: nobody's address now
    panel.address.setCurrentIndex(panel.address.count() - 1)
    panel.open_button.click()
    assert panel.door.opening and "Opening the room to phones" in panel.status.text()
    assert panel.open_button.text().replace("&", "") == "Close the room to phones"  # a click stops it
    qtbot.waitUntil(lambda: bool(told), timeout=20000)
    title, text = told[0]
    assert title == "The room is not open to phones" and "Phones cannot join on 192.0.2.7" in text
    assert not panel.door.is_open and not panel.door.opening
    assert panel.open_button.text().replace("&", "") == "Open the room to phones" and panel.address.isEnabled()
    assert window.undoable.settings.phones_address != "192.0.2.7"  # not remembered


def test_if_the_phones_server_dies_the_facilitator_is_told_and_the_door_shows_shut(qtbot, running):
    window, run, _session, _people = running
    told: list = []
    window.hub.failed.connect(lambda title, text: told.append(title))
    panel = open_to_phones(qtbot, run)
    port = panel.door.server.port
    panel.door.server._process.kill()  # as if it crashed
    qtbot.waitUntil(lambda: told == ["The room closed to phones"], timeout=20000)
    assert not panel.door.is_open and not panel.qr.isVisibleTo(panel)
    assert panel.open_button.text().replace("&", "") == "Open the room to phones"
    with pytest.raises(ConnectionRefusedError):
        socket.create_connection(("127.0.0.1", port), timeout=2).close()
