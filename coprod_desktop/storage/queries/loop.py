"""Reading across a group's sessions: report-backs, its actions and decisions, outcomes, self-checks."""

from __future__ import annotations

from coprod_desktop.domain.records import Action, Decision, Outcome, OutcomeEvidence, ReportBack, SelfCheck
from coprod_desktop.storage.records import RecordStore


class LoopQueries(RecordStore):
    def report_backs(self, *, session_id: str | None = None, group_id: str | None = None) -> list[ReportBack]:
        """Report-backs given at one session, or at any session of a group; oldest first."""
        if session_id:
            return self._query(
                ReportBack, "SELECT * FROM report_backs WHERE session_id = ? ORDER BY at, rowid", [session_id]
            )
        return self._query(
            ReportBack,
            "SELECT r.* FROM report_backs r JOIN sessions s ON s.id = r.session_id WHERE s.group_id = ? "
            "ORDER BY r.at, r.rowid",
            [group_id],
        )

    def group_actions(self, group_id: str) -> list[Action]:
        return self._query(
            Action,
            "SELECT a.* FROM actions a JOIN sessions s ON s.id = a.session_id WHERE s.group_id = ? "
            "ORDER BY a.created_at, a.rowid",
            [group_id],
        )

    def group_decisions(self, group_id: str) -> list[Decision]:
        return self._query(
            Decision,
            "SELECT d.* FROM decisions d JOIN sessions s ON s.id = d.session_id WHERE s.group_id = ? "
            "ORDER BY d.created_at, d.rowid",
            [group_id],
        )

    def outcomes(self, group_id: str) -> list[Outcome]:
        return self._query(Outcome, "SELECT * FROM outcomes WHERE group_id = ? ORDER BY created_at, rowid", [group_id])

    def evidence(self, outcome_id: str) -> list[OutcomeEvidence]:
        return self._query(
            OutcomeEvidence, "SELECT * FROM outcome_evidence WHERE outcome_id = ? ORDER BY at, rowid", [outcome_id]
        )

    def self_check(self, session_id: str) -> SelfCheck | None:
        found = self._query(SelfCheck, "SELECT * FROM self_checks WHERE session_id = ?", [session_id])
        return found[0] if found else None
