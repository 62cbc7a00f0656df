"""A sample carers' group to explore the app with: two closed sessions and one planned.

Written straight through the archive in one transaction (the live-session
screens will later capture the same kinds of record).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from coprod_desktop.app.content import ground_rule_library
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
    DecisionMethod,
    LadderRung,
    ReportBackStatus,
    Role,
    RuleOrigin,
    SessionState,
    ShownInPrint,
)
from coprod_desktop.domain.values import (
    ContributionKind as K,
)
from coprod_desktop.language import pgettext
from coprod_desktop.storage import Archive

GROUP_NAME = "Carers' hospital discharge group"  # its English name


def _people() -> list:
    """The roster, in the language being spoken (names as they are)."""
    return [
        (
            "Rhiannon",
            pgettext("sample", "she/her"),
            (Role.CARER,),
            "",
            ShownInPrint.BY_NAME,
            ("welsh", "caring_duties"),
        ),
        (
            "Dafydd",
            pgettext("sample", "he/him"),
            (Role.CARER, Role.SERVICE_USER),
            "",
            ShownInPrint.ROLE_ONLY,
            ("step_free",),
        ),
        (
            "Amira",
            pgettext("sample", "she/her"),
            (Role.PATIENT,),
            "",
            ShownInPrint.NOT_AT_ALL,
            ("large_print", "breaks"),
        ),
        (
            "Sam",
            pgettext("sample", "they/them"),
            (Role.CARER,),
            pgettext("sample", "Young Carers Network"),
            ShownInPrint.BY_NAME,
            ("replacement_care",),
        ),
        (
            "Gwenllian",
            pgettext("sample", "she/her"),
            (Role.PROFESSIONAL,),
            pgettext("sample", "Ward 7, discharge team"),
            ShownInPrint.BY_NAME,
            (),
        ),
        (
            "Tom",
            pgettext("sample", "he/him"),
            (Role.PROFESSIONAL,),
            pgettext("sample", "County council adult services"),
            ShownInPrint.ROLE_ONLY,
            (),
        ),
        (
            "Mair",
            "",
            (Role.CARER, Role.OTHER),
            pgettext("sample", "Chapel luncheon club"),
            ShownInPrint.ROLE_ONLY,
            ("hearing_loop", "travel"),
        ),
    ]


def _sessions() -> list:
    """The two sessions held, in the language being spoken."""
    return [
        {
            "title": pgettext("sample", "What happens on the day of discharge"),
            "weeks": -6,
            "purpose": pgettext(
                "sample",
                "Hear what the day a cared-for person leaves hospital is like for carers, and what gets in the way.",
            ),
            "agenda": [
                (pgettext("sample", "Welcome and ground rules"), 15),
                (pgettext("sample", "Tell us about a day of discharge"), 45),
                (pgettext("sample", "Break"), 15),
                (pgettext("sample", "What would make the biggest difference?"), 30),
                (pgettext("sample", "Actions and next steps"), 15),
            ],
            "attend": [0, 1, 2, 3, 4, 5],
            "contributions": [
                (
                    1,
                    pgettext("sample", "I was told at 9am he'd be home by lunch. The transport came at 8pm."),
                    K.EXPERIENCE,
                    0,
                    False,
                ),
                (
                    1,
                    pgettext("sample", "Nobody asked whether I could manage the stairs with him."),
                    K.CONCERN,
                    1,
                    False,
                ),
                (
                    1,
                    pgettext("sample", "Carers know the home best: ask us before the day, not on it."),
                    K.IDEA,
                    0,
                    True,
                ),
                (1, pgettext("sample", "What does 'medically fit for discharge' actually mean?"), K.QUESTION, 3, True),
                (3, pgettext("sample", "A single phone number for the day would help."), K.IDEA, 2, False),
                (
                    3,
                    pgettext("sample", "The chapel luncheon club already drives people home from clinic."),
                    K.STRENGTH,
                    5,
                    True,
                ),
            ],
            "decisions": [
                (
                    pgettext("sample", "Draft a one-page 'discharge day' checklist written with carers."),
                    DecisionMethod.CONSENSUS,
                    None,
                    pgettext(
                        "sample",
                        "The ward cannot promise a fixed transport time: ambulance transport is booked county-wide.",
                    ),
                )
            ],
            "actions": [
                (pgettext("sample", "Draft the checklist and bring it to the next session"), 4, ActionStatus.DONE, ""),
                (
                    pgettext("sample", "Ask transport whether carers can be texted an arrival window"),
                    5,
                    ActionStatus.OPEN,
                    "",
                ),
            ],
        },
        {
            "title": pgettext("sample", "Testing the discharge day checklist"),
            "weeks": -3,
            "purpose": pgettext(
                "sample",
                "Look at the draft checklist together and change it until it works for carers and for the ward.",
            ),
            "agenda": [
                (pgettext("sample", "Welcome back: what happened since last time"), 20),
                (pgettext("sample", "Walk through the draft checklist"), 40),
                (pgettext("sample", "Break"), 10),
                (pgettext("sample", "Decide what goes in version 2"), 30),
            ],
            "attend": [0, 2, 3, 4, 6],
            "contributions": [
                (1, pgettext("sample", "The checklist should be in Welsh too — mae hynny'n bwysig."), K.IDEA, 0, True),
                (1, pgettext("sample", "Add a line for who holds the key safe code."), K.IDEA, 3, True),
                (
                    1,
                    pgettext("sample", "I'd never have asked about equipment without this list."),
                    K.EXPERIENCE,
                    2,
                    False,
                ),
                (3, pgettext("sample", "Can the ward give it out at admission, not on the day?"), K.QUESTION, 4, True),
            ],
            "decisions": [
                (
                    pgettext("sample", "Publish version 2 of the checklist in Welsh and English."),
                    DecisionMethod.VOTE,
                    (5, 0, 0),
                    "",
                )
            ],
            "actions": [
                (pgettext("sample", "Translate the checklist into Welsh"), 0, ActionStatus.OPEN, ""),
                (
                    pgettext("sample", "Pilot handing the checklist out at admission on Ward 7"),
                    4,
                    ActionStatus.OPEN,
                    "",
                ),
            ],
        },
    ]


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
            for name, pronouns, roles, organisation, shown, needs in _people()
        ]
        for spec in _sessions():
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
