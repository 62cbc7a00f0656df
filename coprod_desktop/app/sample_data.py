"""The sample group's people and its two sessions held, in the language being spoken
(names stay as they are): the tables app/sample.py adds to an archive."""

from __future__ import annotations

from coprod_desktop.domain.values import ActionStatus, DecisionMethod, Role, ShownInPrint
from coprod_desktop.domain.values import ContributionKind as K
from coprod_desktop.language import pgettext


def people_table() -> list:
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


def sessions_table() -> list:
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
