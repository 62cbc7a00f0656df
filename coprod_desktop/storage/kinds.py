"""Which table keeps each kind of record, and how siblings are grouped and ordered."""

from __future__ import annotations

from dataclasses import dataclass

from coprod_desktop.domain import records as r


@dataclass(frozen=True)
class Kind:
    table: str
    parent: str = ""  # the column that groups siblings ("" for none)
    ordered: bool = False  # siblings keep a 0-based ``position``


KINDS: dict[type, Kind] = {
    r.Group: Kind("groups"),
    r.Session: Kind("sessions", "group_id"),
    r.AgendaItem: Kind("agenda_items", "session_id", ordered=True),
    r.GroundRule: Kind("ground_rules", "session_id", ordered=True),
    r.Participant: Kind("participants", "group_id"),
    r.Contribution: Kind("contributions", "session_id"),
    r.Decision: Kind("decisions", "session_id"),
    r.Action: Kind("actions", "session_id"),
    r.SessionEvent: Kind("session_events", "session_id"),
    r.GroupCard: Kind("group_cards", "group_id"),
    r.CardDraw: Kind("card_draws", "session_id"),
    r.ReportBack: Kind("report_backs", "session_id"),
    r.Outcome: Kind("outcomes", "group_id"),
    r.OutcomeEvidence: Kind("outcome_evidence", "outcome_id"),
    r.SelfCheck: Kind("self_checks", "session_id"),
    r.AgendaTemplate: Kind("agenda_templates"),
}


def kind_of(cls: type) -> Kind:
    try:
        return KINDS[cls]
    except KeyError:
        raise ValueError(f"{cls.__name__} is not a kind of record the archive keeps") from None
