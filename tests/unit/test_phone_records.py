"""What phones send, in the archive: accepted as sent and never more, erased with the
person, listed for a subject access request, put back with an undone delete; rounds
counted and joined to a decision with their source."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from datetime import date

import pytest
from sqlite_utils import Database

from coprod_desktop.app.edits import DeleteRecord
from coprod_desktop.app.phone_room import AcceptPosts, SetAside, decision_from
from coprod_desktop.app.sample import add_sample_group
from coprod_desktop.domain import rounds, wording
from coprod_desktop.domain.records import Contribution, PhonePost, PhoneRound, RoundAnswer, Session
from coprod_desktop.domain.values import DecisionMethod, PostState, RoundKind, ShownInPrint
from coprod_desktop.storage import Archive, ArchiveError
from coprod_desktop.storage.migrations import migration_set
from coprod_desktop.storage.phone_inbox import PhoneInbox


@pytest.fixture
def room(archive):
    group = add_sample_group(archive, date(2026, 11, 23))
    session = next(s for s in archive.sessions(group.id) if s.state.value == "planned")
    people = archive.participants(group.id)
    named = next(p for p in people if p.shown_in_print is ShownInPrint.BY_NAME)
    return archive, session, people, named


def _keep(archive, *records, also=()):
    inbox = PhoneInbox.open(archive.path, archive.key)
    try:
        inbox.keep(records, also)
    finally:
        inbox.close()


def test_a_post_is_accepted_as_sent_and_never_more(room):
    archive, session, people, named = room
    anonymous = PhonePost(session.id, "No name on this", quote_allowed=True, device="001")
    as_me = PhonePost(session.id, "From me", participant_id=named.id, device="002")
    _keep(archive, anonymous, as_me)
    by_id = {p.id: p for p in people}
    AcceptPosts([anonymous, as_me], by_id).apply(archive)
    made = {c.text: c for c in archive.contributions(session.id)}
    assert (made["No name on this"].participant_id, made["No name on this"].role) == (None, None)
    assert made["No name on this"].quote_allowed  # the sender said so
    assert made["From me"].participant_id == named.id and not made["From me"].quote_allowed
    # someone who has since chose "not at all" is not named by what they sent before
    later = PhonePost(session.id, "Sent as me, then I changed my mind", participant_id=named.id)
    _keep(archive, later)
    hidden = {**by_id, named.id: replace(named, shown_in_print=ShownInPrint.NOT_AT_ALL)}
    AcceptPosts([later], hidden).apply(archive)
    kept = next(c for c in archive.contributions(session.id) if c.text.startswith("Sent as me"))
    assert (kept.participant_id, kept.role) == (None, None)


def test_accepting_and_setting_aside_undo(room):
    archive, session, people, _named = room
    post = PhonePost(session.id, "Undo me")
    _keep(archive, post)
    accept = AcceptPosts([post], {p.id: p for p in people}, edited="Undo me, edited")
    accept.apply(archive)
    assert [c.text for c in archive.contributions(session.id) if c.text.startswith("Undo")] == ["Undo me, edited"]
    accept.revert(archive)
    assert not [c for c in archive.contributions(session.id) if c.text.startswith("Undo")]
    assert archive.phone_posts(session.id)[0].state is PostState.WAITING
    aside = SetAside([post])
    aside.apply(archive)
    assert archive.phone_posts(session.id) == []
    aside.revert(archive)
    assert [p.text for p in archive.phone_posts(session.id)] == ["Undo me"]


def test_erasing_a_person_erases_what_they_sent_as_themselves(room):
    archive, session, _people, named = room
    _keep(archive, PhonePost(session.id, "Mine", participant_id=named.id), PhonePost(session.id, "Anyone's"))
    held = archive.everything_about(named.id)
    assert [r["text"] for r in held["phone_posts"]] == ["Mine"]
    archive.erase_person(named.id, delete_words=True)
    assert [p.text for p in archive.phone_posts(session.id, None)] == ["Anyone's"]


def test_erasing_but_keeping_words_unlinks_them(room):
    archive, session, _people, named = room
    _keep(archive, PhonePost(session.id, "Mine, kept", participant_id=named.id, quote_allowed=True))
    archive.erase_person(named.id, delete_words=False)
    (post,) = archive.phone_posts(session.id, None)
    assert (post.text, post.participant_id, post.quote_allowed) == ("Mine, kept", None, False)


def test_a_deleted_session_comes_back_with_its_phones(room):
    archive, session, _people, _named = room
    found = archive.add(PhoneRound(session.id, RoundKind.VOTE, "Thursdays?"))
    _keep(archive, PhonePost(session.id, "Said"), RoundAnswer(found.id, session.id, "for", device="001"))
    snapshot = archive.delete(Session, session.id)
    assert archive.phone_posts(session.id, None) == [] and archive.round_answers(found.id) == []
    archive.restore(snapshot)
    assert [p.text for p in archive.phone_posts(session.id, None)] == ["Said"]
    assert [a.answer for a in archive.round_answers(found.id)] == ["for"]


def test_a_phone_answers_a_round_once_its_last_answer_counts(room):
    archive, session, _people, _named = room
    found = archive.add(PhoneRound(session.id, RoundKind.FIST_OF_FIVE))
    _keep(
        archive,
        RoundAnswer(found.id, session.id, "1", device="001"),
        RoundAnswer(found.id, session.id, "5", device="002"),
    )
    _keep(archive, RoundAnswer(found.id, session.id, "4", device="001"))  # changed their mind
    assert rounds.tally(RoundKind.FIST_OF_FIVE, archive.round_answers(found.id)) == (0, 0, 0, 0, 1, 1)


def test_counts_join_a_decision_with_their_source():
    found = PhoneRound("s", RoundKind.VOTE, "Meet on Thursdays?")
    made = replace(decision_from(found, (12, 2, 1)), **rounds.decision_fields(RoundKind.VOTE, (12, 2, 1), (5, 0, 0)))
    assert (made.method, made.votes_for, made.votes_against, made.votes_abstain) == (DecisionMethod.VOTE, 17, 2, 1)
    assert made.phone_counts == (12, 2, 1) and made.text == "Meet on Thursdays?"
    assert wording.how_decided(made) == "by a vote: 17 for, 2 against, 1 not voting (15 by phone, 5 by hands)"
    assert "15 by phone, 5 by hands" in wording.how_decided_briefly(made)
    consent = decision_from(PhoneRound("s", RoundKind.CONSENT), (9, 1))
    assert (consent.method, consent.agreed_count) == (DecisionMethod.CONSENT, 9)
    with_room = replace(consent, agreed_count=14)  # five more in the room
    assert "9 by phone, 5 by hands" in wording.how_decided(with_room)  # the objection is not counted as agreeing
    assert wording.how_decided(replace(made, phone_counts=())) == "by a vote: 17 for, 2 against, 1 not voting"


def test_only_known_answers_are_counted():
    answers = [RoundAnswer("r", "s", a) for a in ("for", "against", "for", "maybe", "abstain")]
    assert rounds.tally(RoundKind.VOTE, answers) == (2, 1, 1)
    assert not rounds.valid(RoundKind.VOTE, "maybe") and rounds.valid(RoundKind.LADDER, "co_design")


def test_the_inbox_refuses_what_the_app_would_not_keep(room):
    archive, session, _people, _named = room
    with pytest.raises(ArchiveError):  # no such person: the whole batch is refused
        _keep(archive, PhonePost(session.id, "fine"), PhonePost(session.id, "x", participant_id="not-a-person"))
    assert archive.phone_posts(session.id, None) == []


def test_one_bad_post_in_a_batch_does_not_refuse_the_rest(room):
    from coprod_desktop.phones.writer import InboxWriter, Pending

    archive, session, _people, _named = room
    told: list = []
    writer = InboxWriter(lambda: PhoneInbox.open(archive.path, archive.key), told.extend)
    batch = [Pending(PhonePost(session.id, "good")), Pending(PhonePost(session.id, "bad", participant_id="gone"))]
    inbox = PhoneInbox.open(archive.path, archive.key)
    try:
        writer._keep(inbox, batch)
    finally:
        inbox.close()
    assert [p.kept for p in batch] == [True, False] and all(p.done.is_set() for p in batch)
    assert [p.record.text for p in told] == ["good"]
    assert [p.text for p in archive.phone_posts(session.id, None)] == ["good"]


def test_a_deleted_contribution_takes_the_post_it_came_from_and_undo_brings_both(room):
    """Words accepted from a phone must not outlive the record's copy of them."""
    archive, session, people, _named = room
    post = PhonePost(session.id, "Please delete what I said")
    _keep(archive, post)
    accept = AcceptPosts([post], {p.id: p for p in people})
    accept.apply(archive)
    (made,) = accept.made
    assert archive.sent_by_phone([made.id]) == {made.id}
    delete = DeleteRecord(Contribution, made.id, "Delete contribution")
    delete.apply(archive)
    assert archive.phone_posts(session.id, None) == []
    rows = archive.conn.execute("SELECT count(*) FROM phone_posts WHERE text LIKE '%delete what I said%'")
    assert rows.fetchone()[0] == 0
    delete.revert(archive)
    (back,) = archive.phone_posts(session.id, None)
    assert (back.state, back.contribution_id) == (PostState.ACCEPTED, made.id)
    assert archive.sent_by_phone([made.id]) == {made.id}  # still off the room view


def test_the_update_drops_words_an_earlier_version_kept_after_their_contribution_went(tmp_path):
    path = tmp_path / "older.coprod.sqlite"
    db = Database(sqlite3.connect(path))
    db.conn.execute("PRAGMA foreign_keys = ON")
    migration_set().apply(db, stop_before="m015_phone_posts_go_with_their_contribution")
    now = "2026-11-23T10:00:00"
    db["groups"].insert({"id": "g", "name": "G", "description": "", "created_at": now, "updated_at": now})
    db["sessions"].insert({"id": "s", "group_id": "g", "title": "S", "created_at": now, "updated_at": now})
    db["contributions"].insert({"id": "c", "session_id": "s", "text": "Kept", "kind": "idea", "created_at": now})
    posts = [("kept", "accepted", "c"), ("orphan", "accepted", None), ("waiting", "waiting", None)]
    for pid, state, cid in posts:
        row = {"id": pid, "session_id": "s", "text": f"{pid} words", "kind": "idea", "state": state}
        db["phone_posts"].insert({**row, "contribution_id": cid, "created_at": now})
    db.conn.commit()
    db.close()
    archive = Archive.open(path)
    try:
        assert {p.id: p.contribution_id for p in archive.phone_posts("s", None)} == {"kept": "c", "waiting": None}
        archive.delete(Contribution, "c")
        assert [p.id for p in archive.phone_posts("s", None)] == ["waiting"]
    finally:
        archive.close()


def test_the_room_view_looks_past_a_run_of_phone_words_kept_off_it(room):
    """Spoken words stay on the projector however many unquotable phone posts came after."""
    from coprod_desktop.app.room import heard

    archive, session, people, _named = room
    for said in ("Said aloud first", "Said aloud second"):
        archive.add(Contribution(session.id, said))
    posts = [PhonePost(session.id, f"Typed {n}", quote_allowed=n == 7) for n in range(45)]
    _keep(archive, *posts)
    AcceptPosts(posts, {p.id: p for p in people}).apply(archive)
    assert [c.text for c in heard(archive, session.id, 3)] == ["Typed 7", "Said aloud second", "Said aloud first"]
    assert len(archive.recent_contributions(session.id, 50)) == 47
