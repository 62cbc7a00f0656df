"""What the facilitator does with what comes from phones: accept posts into the record
(as they are, or edited), set them aside, and run rounds (open, close, reveal), whose
counts then join a decision's or the self-check's."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from coprod_desktop.app.changes import Change
from coprod_desktop.app.context import Context
from coprod_desktop.app.edits import Edit
from coprod_desktop.domain import privacy, rounds
from coprod_desktop.domain.records import Contribution, Decision, PhonePost, PhoneRound, RoundAnswer
from coprod_desktop.domain.values import PostState, RoundKind
from coprod_desktop.language import _, ngettext
from coprod_desktop.storage import Archive


def contribution_from(post: PhonePost, people_by_id: Mapping[str, Any], text: str | None = None) -> Contribution:
    """The contribution a post becomes: filed where it was sent from, shown as sent."""
    shown = privacy.as_sent(post, people_by_id.get(post.participant_id or ""))
    return Contribution(
        post.session_id,
        post.text if text is None else text,
        post.kind,
        post.agenda_item_id,
        card_key=post.card_key,
        created_at=post.created_at,
        **shown,
    )


class AcceptPosts(Edit):
    """Posts into the record, in one step (undo puts them back in the queue). Only those
    still waiting are accepted: one shown twice, or accepted meanwhile, is not kept twice."""

    kind = PhonePost

    def __init__(self, posts: Sequence[PhonePost], people_by_id: Mapping[str, Any], edited: str | None = None):
        self.posts = list({p.id: p for p in posts}.values())
        n = len(self.posts)
        super().__init__(ngettext("Accept a message from a phone", "Accept {n} messages from phones", n).format(n=n))
        self.people, self.edited = people_by_id, edited if n == 1 else None
        self.made: list[Contribution] = []

    def apply(self, archive: Archive) -> None:
        with archive.transaction():
            waiting = [p for p in archive.phone_posts_by_id([p.id for p in self.posts]) if p.state is PostState.WAITING]
            if not waiting:
                raise ValueError(_("That was accepted or set aside already."))
            self.posts = waiting
            self.made = [contribution_from(p, self.people, self.edited) for p in waiting]
            for post, made in zip(self.posts, self.made, strict=True):
                archive.add(made)
                archive.update(PhonePost, post.id, state=PostState.ACCEPTED, contribution_id=made.id)

    def revert(self, archive: Archive) -> None:
        with archive.transaction():
            for post, made in zip(self.posts, self.made, strict=True):
                archive.update(PhonePost, post.id, state=PostState.WAITING, contribution_id=None)
                archive.delete(Contribution, made.id)

    def change(self) -> Change:
        return Change.of(PhonePost, *(p.id for p in self.posts)) | Change.of(Contribution, *(c.id for c in self.made))


class SetAside(Edit):
    """Posts kept out of the record (still in the archive's inbox; undo brings them back)."""

    kind = PhonePost

    def __init__(self, posts: Sequence[PhonePost]):
        n = len(posts)
        super().__init__(ngettext("Set aside a message", "Set aside {n} messages", n).format(n=n))
        self.posts = list(posts)

    def apply(self, archive: Archive) -> None:
        with archive.transaction():
            for post in self.posts:
                archive.update(PhonePost, post.id, state=PostState.SET_ASIDE)

    def revert(self, archive: Archive) -> None:
        with archive.transaction():
            for post in self.posts:
                archive.update(PhonePost, post.id, state=PostState.WAITING)

    def change(self) -> Change:
        return Change.of(PhonePost, *(p.id for p in self.posts))


class Rounds:
    """Opening, closing and revealing rounds: steps of the live session, not undoable
    edits (the phones have answered meanwhile); each returns its change notice."""

    def __init__(self, context: Context):
        self.context = context

    @property
    def archive(self) -> Archive:
        return self.context.archive

    def open(self, session_id: str, kind: RoundKind, question: str, item_id: str | None) -> tuple[PhoneRound, Change]:
        """A new round; one that was open closes (a phone answers one round at a time)."""
        now = self.context.clock.now_iso()
        with self.archive.transaction():
            closed = self._close_open(session_id, now)
            made = self.archive.add(PhoneRound(session_id, kind, question.strip(), item_id, opened_at=now))
        return made, Change.of(PhoneRound, made.id, *closed)

    def close(self, session_id: str) -> Change | None:
        with self.archive.transaction():
            closed = self._close_open(session_id, self.context.clock.now_iso())
        return Change.of(PhoneRound, *closed) if closed else None

    def reveal(self, round_id: str) -> Change:
        self.archive.update(PhoneRound, round_id, revealed_at=self.context.clock.now_iso())
        return Change.of(PhoneRound, round_id)

    def _close_open(self, session_id: str, now: str) -> list[str]:
        found = self.archive.open_round(session_id)
        if found is None:
            return []
        self.archive.update(PhoneRound, found.id, closed_at=now)
        return [found.id]

    def counts(self, found: PhoneRound) -> tuple[int, ...]:
        return rounds.tally(found.kind, self.archive.round_answers(found.id))


def objections(answers: Sequence[RoundAnswer]) -> list[str]:
    """The reasons given with "I object", as sent (never linked to anyone)."""
    return [a.reason for a in answers if a.answer == rounds.OBJECT and a.reason.strip()]


def decision_from(found: PhoneRound, counts: Sequence[int], text: str = "") -> Decision:
    """A new decision with a round's counts as the phones' share (the dialog adds hands)."""
    return Decision(found.session_id, text or found.question, **rounds.decision_fields(found.kind, counts))


def round_title(found: PhoneRound) -> str:
    return found.question or found.kind.label


def answered(n: int) -> str:
    return ngettext("{n} answer so far", "{n} answers so far", n).format(n=n)


def nothing_waiting() -> str:
    return _("Nothing waiting from phones.")
