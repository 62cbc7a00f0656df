"""A sample carers' group to explore the app with: two closed sessions and one planned.

Written straight through the archive in one transaction (the live-session
screens will later capture the same kinds of record).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from coprod_desktop.app.content import ground_rule_library
from coprod_desktop.app.sample_data import people_table, sessions_table
from coprod_desktop.domain import privacy
from coprod_desktop.domain.records import (
    Action,
    AgendaItem,
    Contribution,
    Decision,
    GroundRule,
    Group,
    Outcome,
    OutcomeEvidence,
    Participant,
    ReportBack,
    SelfCheck,
    Session,
)
from coprod_desktop.domain.values import (
    ActionStatus,
    ConsentBasis,
    LadderRung,
    ReportBackStatus,
    RuleOrigin,
    SessionState,
)
from coprod_desktop.domain.values import (
    ContributionKind as K,
)
from coprod_desktop.language import pgettext
from coprod_desktop.storage import Archive

GROUP_NAME = "Carers' hospital discharge group"  # its English name


def add_sample_group(archive: Archive, today: date) -> Group:
    """Add the sample group to ``archive`` (in one transaction) and return it, dated
    around ``today``: two sessions held in the last weeks, one to come."""
    library = ground_rule_library()[:6]
    with archive.transaction():
        group = archive.add(
            Group(
                pgettext("sample", "Carers' hospital discharge group"),
                pgettext(
                    "sample",
                    "Carers, patients and staff redesigning what happens when someone leaves hospital. (Sample group: edit or delete it freely.)",
                ),
            )
        )
        people = [
            archive.add(
                Participant(
                    group.id,
                    name,
                    pronouns,
                    roles,
                    organisation,
                    shown_in_print=shown,
                    support_needs=needs,
                    consent_basis=ConsentBasis.CONSENT,
                    consent_date=today - timedelta(weeks=7),
                    consent_notes=pgettext(
                        "sample", "Told what is kept, who sees it, that it is kept for two years, and how to withdraw."
                    ),
                )
            )
            for name, pronouns, roles, organisation, shown, needs in people_table()
        ]
        for spec in sessions_table():
            _add_closed_session(archive, group, people, library, spec, today)
        planned = archive.add(
            Session(
                group.id,
                pgettext("sample", "Version 2 checklist: first feedback"),
                purpose=pgettext("sample", "Hear how the checklist worked on Ward 7 and agree what to change."),
                date=today + timedelta(weeks=2),
                place=pgettext("sample", "Community room, Llanfair library"),
                facilitators=pgettext("sample", "Gwenllian and Sam"),
            )
        )
        for title, minutes in [
            (pgettext("sample", "Welcome and ground rules"), 10),
            (pgettext("sample", "You said, we did"), 25),
            (pgettext("sample", "Feedback from the ward pilot"), 40),
            (pgettext("sample", "Next steps"), 15),
        ]:
            archive.add(AgendaItem(planned.id, title, minutes))
        for rule in library:
            archive.add(GroundRule(planned.id, pgettext("content", rule.text), RuleOrigin.LIBRARY, rule.key))
        _add_the_loop(archive, group)
    return group


def _add_the_loop(archive, group) -> None:
    """What the second session heard back from the first, an outcome, and two self-checks."""
    first, second = sorted(
        (s for s in archive.sessions(group.id) if s.state is SessionState.CLOSED), key=lambda s: s.date
    )
    drafted = next(a for a in archive.actions(first.id) if a.status is ActionStatus.DONE)
    archive.add(
        ReportBack(
            second.id,
            ReportBackStatus.DONE,
            pgettext("sample", "The draft was handed out at the start of the session."),
            action_id=drafted.id,
        )
    )
    decision = archive.decisions(first.id)[0]
    archive.add(
        ReportBack(
            second.id,
            ReportBackStatus.DONE,
            pgettext("sample", "The checklist exists and was tested today."),
            decision_id=decision.id,
        )
    )
    outcome = archive.add(
        Outcome(
            group.id,
            pgettext("sample", "Carers know who is bringing someone home, and when, the day before discharge."),
        )
    )
    archive.add(
        OutcomeEvidence(
            outcome.id, pgettext("sample", "Two carers said the draft checklist told them what to ask for."), second.id
        )
    )
    archive.add(
        SelfCheck(
            first.id, (0, 0, 1, 2, 3, 0, 0), LadderRung.ENGAGEMENT, ("constraints_explained=yes", "pressed_to_share=no")
        )
    )
    archive.add(
        SelfCheck(
            second.id,
            (0, 0, 0, 1, 1, 3, 0),
            LadderRung.CO_DESIGN,
            ("constraints_explained=yes", "pressed_to_share=no", "something_changed=yes"),
        )
    )


def _add_closed_session(archive, group, people, library, spec, today):
    when = today + timedelta(weeks=spec["weeks"])
    session = archive.add(
        Session(
            group.id,
            spec["title"],
            purpose=spec["purpose"],
            date=when,
            place=pgettext("sample", "Community room, Llanfair library"),
            facilitators=pgettext("sample", "Gwenllian and Sam"),
            state=SessionState.CLOSED,
        )
    )
    items = [archive.add(AgendaItem(session.id, title, minutes)) for title, minutes in spec["agenda"]]
    for rule in library:
        archive.add(GroundRule(session.id, pgettext("content", rule.text), RuleOrigin.LIBRARY, rule.key))
    archive.add(
        GroundRule(
            session.id,
            pgettext("sample", "We start and finish on time so people can get back to the person they care for."),
        )
    )
    for index in spec["attend"]:
        archive.set_attending(session.id, people[index].id, True)
    said = []
    for item_index, text, kind, who, quotable in spec["contributions"]:
        person = people[spec["attend"][who % len(spec["attend"])]]
        contribution = Contribution(
            session.id,
            text,
            kind,
            items[item_index].id,
            participant_id=person.id,
            role=person.roles[0],
            quote_allowed=quotable and privacy.may_ever_be_quoted(person),
        )
        said.append(archive.add(contribution))
    decision_ids = []
    for text, method, votes, cannot_change in spec["decisions"]:
        answers = tuple(c.id for c in said if c.kind in (K.IDEA, K.CONCERN))  # what the decision answers
        decision = Decision(session.id, text, method, cannot_change=cannot_change, contribution_ids=answers)
        if votes:
            decision = replace(decision, votes_for=votes[0], votes_against=votes[1], votes_abstain=votes[2])
        decision_ids.append(archive.add(decision).id)
    for what, owner_index, status, reason in spec["actions"]:
        owner = people[owner_index]
        archive.add(
            Action(
                session.id,
                what,
                owner_participant_id=owner.id,
                due_date=when + timedelta(weeks=3),
                status=status,
                status_reason=reason,
                decision_id=decision_ids[0] if decision_ids else None,
            )
        )
    return session
