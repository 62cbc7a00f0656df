"""The loop across sessions: we asked -> you said -> we agreed -> we did (or did not, and why)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from coprod_desktop.domain.values import ActionStatus


@dataclass(frozen=True)
class OpenItems:
    actions: tuple  # actions not done, with no final report-back yet
    decisions: tuple  # decisions with no final report-back yet


def latest_reports(report_backs: Sequence) -> dict[str, object]:
    """The most recent report-back for each action or decision id."""
    latest: dict[str, object] = {}
    for rb in sorted(report_backs, key=lambda r: r.at):
        for key in (rb.action_id, rb.decision_id):
            if key:
                latest[key] = rb
    return latest


def open_items(actions: Sequence, decisions: Sequence, report_backs: Sequence, *, before_session: str | None = None) -> OpenItems:
    """What is still owed to the group. Items made in ``before_session`` itself are not
    yet due (they are reported back at a later session)."""
    latest = latest_reports(report_backs)

    def still_open(record_id: str) -> bool:
        rb = latest.get(record_id)
        return rb is None or not rb.status.final

    return OpenItems(
        tuple(a for a in actions if a.session_id != before_session and a.status is ActionStatus.OPEN and still_open(a.id)),
        tuple(d for d in decisions if d.session_id != before_session and still_open(d.id)),
    )
