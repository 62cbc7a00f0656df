"""Every way a person can be shown, through every output: by name / role only / not at all,
quotable or not, still on the roster or removed, and a person of another group.

The outputs read here without Qt: the participant summary, the full record, the group
report (PDFs, read back as text) and the group's "you said, we did". The room view and
the balance panel are fed the same people in tests/ui/test_privacy_outputs.py.
"""

from __future__ import annotations

import io
import itertools
from dataclasses import dataclass
from datetime import date

import pytest
from pypdf import PdfReader

from coprod_desktop.app.export import build, gather, gather_group
from coprod_desktop.app.loop import you_said_we_did
from coprod_desktop.domain import privacy
from coprod_desktop.domain.records import Action, Contribution, Decision, Group, Participant, Session
from coprod_desktop.domain.values import ContributionKind, DecisionMethod, Role, SessionState, ShownInPrint
from coprod_desktop.reports.data import Document, Options

CHOICES = (ShownInPrint.BY_NAME, ShownInPrint.ROLE_ONLY, ShownInPrint.NOT_AT_ALL)
ROLES = {
    ShownInPrint.BY_NAME: Role.CARER,
    ShownInPrint.ROLE_ONLY: Role.PROFESSIONAL,
    ShownInPrint.NOT_AT_ALL: Role.PATIENT,
}


@dataclass(frozen=True)
class Case:
    choice: ShownInPrint
    quotable: bool
    removed: bool
    other_group: bool = False

    @property
    def name(self) -> str:  # a word found nowhere else
        return f"Pers{'abc'[CHOICES.index(self.choice)]}{'Q' if self.quotable else 'N'}{'R' if self.removed else 'S'}{'X' if self.other_group else ''}zz"

    @property
    def words(self) -> str:
        return f"words of {self.name.lower()} here"

    def shown_in_print(self) -> str | None:
        """How their words are attributed in print; None where a label would identify them."""
        if self.choice is ShownInPrint.NOT_AT_ALL and not self.other_group:
            return privacy.ANONYMOUS
        if self.choice is ShownInPrint.BY_NAME and not self.removed and not self.other_group:
            return self.name
        return ROLES[self.choice].label

    def quoted(self) -> bool:
        """Their words printed word for word in the summary and the group report."""
        hidden = self.choice is ShownInPrint.NOT_AT_ALL and not self.other_group
        return self.quotable and not hidden

    def named(self) -> bool:
        return self.choice is ShownInPrint.BY_NAME and not self.removed and not self.other_group


CASES = [Case(c, q, r) for c, q, r in itertools.product(CHOICES, (True, False), (False, True))]
CASES += [Case(c, q, False, other_group=True) for c, q in itertools.product(CHOICES, (True, False))]


def text_of(pdf: bytes) -> str:
    return " ".join(" ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages).split())


@pytest.fixture
def matrix(archive):
    """One closed session of group G: each case says something, agrees to a decision and
    owns an action; then the "removed" cases leave the roster."""
    g = archive.add(Group("Gee group"))
    h = archive.add(Group("Aitch group"))
    session = archive.add(Session(g.id, "Matrix session", date=date(2027, 3, 4), state=SessionState.CLOSED))
    archive.add(Session(g.id, "Next", date=date(2027, 4, 1)))
    people = {}
    for case in CASES:
        person = archive.add(
            Participant(
                h.id if case.other_group else g.id, case.name, roles=(ROLES[case.choice],), shown_in_print=case.choice
            )
        )
        people[case] = person
        if not case.other_group:
            archive.set_attending(session.id, person.id, True)
        archive.add(
            Contribution(
                session.id,
                case.words,
                ContributionKind.IDEA,
                None,
                person.id,
                ROLES[case.choice],
                quote_allowed=case.quotable,
            )
        )
    said = archive.contributions(session.id)
    archive.add(
        Decision(
            session.id,
            "Agree the plan",
            DecisionMethod.CONSENSUS,
            agreed_by=tuple(p.id for p in people.values()),
            contribution_ids=tuple(c.id for c in said),
        )
    )
    decision = archive.decisions(session.id)[0]
    for case, person in people.items():
        archive.add(
            Action(session.id, f"task of {case.name.lower()}", owner_participant_id=person.id, decision_id=decision.id)
        )
    for case, person in people.items():
        if case.removed:
            archive.delete(Participant, person.id)
    return archive, g, session


def _documents(archive, g, session) -> dict[str, str]:
    return {
        "summary": text_of(build(gather(archive, session.id), Options(Document.PARTICIPANT))),
        "record": text_of(build(gather(archive, session.id), Options(Document.RECORD, support_needs=True))),
        "group report": text_of(build(gather_group(archive, g.id), Options(Document.GROUP_REPORT))),
    }


def test_names_appear_only_for_those_who_chose_them_in_every_document(matrix):
    archive, g, session = matrix
    for title, text in _documents(archive, g, session).items():
        for case in CASES:
            assert (case.name in text) == case.named(), (title, case)


def test_words_are_quoted_only_where_allowed_and_attributed_as_chosen(matrix):
    archive, g, session = matrix
    docs = _documents(archive, g, session)
    for title in ("summary", "group report"):
        for case in CASES:
            quote = f"“{case.words}” — {case.shown_in_print()}"
            assert (quote in docs[title]) == case.quoted(), (title, case)
            if not case.quoted():
                assert case.words not in docs[title], (title, case)


def test_the_record_keeps_every_contribution_with_no_name_where_none_was_chosen(matrix):
    archive, g, session = matrix
    record = _documents(archive, g, session)["record"]
    for case in CASES:
        assert case.words in record, case
        assert f"Idea · {case.shown_in_print()}" in record, case


def test_owners_are_named_only_where_chosen(matrix):
    archive, g, session = matrix
    summary = _documents(archive, g, session)["summary"]
    for case in CASES:
        line = next(part for part in summary.split("task of ")[1:] if part.startswith(case.name.lower()))
        owner = line.split(" — ", 1)[1]
        if case.named():
            assert owner.startswith(case.name), case
        elif case.removed or case.other_group:
            assert owner.startswith("Not yet agreed"), case  # no longer a person of this roster
        elif case.choice is ShownInPrint.ROLE_ONLY:
            assert owner.startswith("A professional in the group"), case
        else:
            assert owner.startswith("A group member"), case


def test_the_chart_counts_a_not_at_all_person_as_anonymous(matrix):
    archive, g, session = matrix
    report = gather(archive, session.id)
    counts = privacy.contributions_by_role(report.contributions, report.people_by_id)
    hidden_here = sum(1 for c in CASES if c.choice is ShownInPrint.NOT_AT_ALL and not c.other_group)
    assert counts[None] == hidden_here  # removed ones lost their role when they left
    assert counts[Role.PATIENT] == sum(1 for c in CASES if c.choice is ShownInPrint.NOT_AT_ALL and c.other_group)


def test_you_said_we_did_attributes_as_print_does(matrix):
    archive, g, session = matrix
    paths, _ = you_said_we_did(archive, g.id)
    lines = {p.said for p in paths}
    for case in CASES:
        assert any(line.startswith(f"“{case.words}” — {case.shown_in_print()},") for line in lines), case
        assert all(case.name not in line for line in lines) or case.named(), case


def test_who_took_part_counts_a_not_at_all_person_without_their_role(matrix):
    archive, g, session = matrix
    for title, text in _documents(archive, g, session).items():
        if title == "group report":
            continue
        took_part = text.split("took part:", 1)[1].split(".", 1)[0]
        assert "patient" not in took_part, (title, took_part)  # only the hidden chose Patient here
        assert "2 other people" in took_part, (title, took_part)
