"""Which table keeps each kind of record, how siblings are grouped and ordered, and what
a person is told when one is asked for that is no longer there."""

from __future__ import annotations

from dataclasses import dataclass

from coprod_desktop.domain import records as r
from coprod_desktop.language import N_


@dataclass(frozen=True)
class Kind:
    table: str
    parent: str = ""  # the column that groups siblings ("" for none)
    ordered: bool = False  # siblings keep a 0-based ``position``
    gone: str = N_("That record no longer exists.")  # in English: translated where it is said


KINDS: dict[type, Kind] = {
    r.Group: Kind("groups", gone=N_("That group no longer exists.")),
    r.Session: Kind("sessions", "group_id", gone=N_("That session no longer exists.")),
    r.AgendaItem: Kind("agenda_items", "session_id", ordered=True, gone=N_("That agenda item no longer exists.")),
    r.GroundRule: Kind("ground_rules", "session_id", ordered=True, gone=N_("That ground rule no longer exists.")),
    r.Participant: Kind("participants", "group_id", gone=N_("That person is no longer on the roster.")),
    r.Contribution: Kind("contributions", "session_id", gone=N_("That contribution no longer exists.")),
    r.Decision: Kind("decisions", "session_id", gone=N_("That decision no longer exists.")),
    r.Action: Kind("actions", "session_id", gone=N_("That action no longer exists.")),
    r.SessionEvent: Kind("session_events", "session_id", gone=N_("That entry in the session's log no longer exists.")),
    r.GroupCard: Kind("group_cards", "group_id", gone=N_("That card no longer exists.")),
    r.CardDraw: Kind("card_draws", "session_id", gone=N_("That card draw no longer exists.")),
    r.ReportBack: Kind("report_backs", "session_id", gone=N_("That report back no longer exists.")),
    r.Outcome: Kind("outcomes", "group_id", gone=N_("That outcome no longer exists.")),
    r.OutcomeEvidence: Kind("outcome_evidence", "outcome_id", gone=N_("That evidence no longer exists.")),
    r.SelfCheck: Kind("self_checks", "session_id", gone=N_("That self-check no longer exists.")),
    r.PhonePost: Kind("phone_posts", "session_id", gone=N_("That message from a phone no longer exists.")),
    r.PhoneRound: Kind("phone_rounds", "session_id", gone=N_("That round no longer exists.")),
    r.RoundAnswer: Kind("round_answers", "round_id", gone=N_("That answer no longer exists.")),
    r.AgendaTemplate: Kind("agenda_templates", gone=N_("That saved agenda no longer exists.")),
}


def kind_of(cls: type) -> Kind:
    try:
        return KINDS[cls]
    except KeyError:
        raise ValueError(f"{cls.__name__} is not a kind of record the archive keeps") from None
