"""Reading what is planned: groups, sessions, agendas, ground rules, the roster, attendance."""

from __future__ import annotations

from coprod_desktop.domain.records import AgendaItem, AgendaTemplate, GroundRule, Group, Participant, Session
from coprod_desktop.storage.records import RecordStore


class PlanQueries(RecordStore):
    def groups(self) -> list[Group]:
        return self._query(Group, "SELECT * FROM groups ORDER BY name COLLATE NOCASE, created_at")

    def sessions(self, group_id: str | None = None) -> list[Session]:
        """Newest first; sessions without a date yet come first."""
        order = "ORDER BY COALESCE(date, '9999-99-99') DESC, created_at DESC"
        if group_id is None:
            return self._query(Session, f"SELECT * FROM sessions {order}")
        return self._query(Session, f"SELECT * FROM sessions WHERE group_id = ? {order}", [group_id])

    def group_own_rules(self, group_id: str) -> list[str]:
        """The ground rules a group wrote itself, at any of its sessions, each once, oldest first."""
        rows = self.conn.execute(
            "SELECT r.text FROM ground_rules r JOIN sessions s ON s.id = r.session_id "
            "WHERE s.group_id = ? AND r.origin = 'group' AND trim(r.text) != '' "
            "GROUP BY r.text ORDER BY min(COALESCE(s.date, '9999-99-99') || s.start_time), min(r.position)",
            [group_id],
        )
        return [row[0] for row in rows]

    def agenda_templates(self) -> list[AgendaTemplate]:
        return self._query(AgendaTemplate, "SELECT * FROM agenda_templates ORDER BY name COLLATE NOCASE, created_at")

    def live_sessions(self) -> list[Session]:
        return self._query(Session, "SELECT * FROM sessions WHERE state = 'live' ORDER BY updated_at DESC")

    def agenda(self, session_id: str) -> list[AgendaItem]:
        return self._children(AgendaItem, session_id)

    def ground_rules(self, session_id: str) -> list[GroundRule]:
        return self._children(GroundRule, session_id)

    def participants(self, group_id: str) -> list[Participant]:
        return self._query(
            Participant,
            "SELECT * FROM participants WHERE group_id = ? ORDER BY preferred_name COLLATE NOCASE, created_at",
            [group_id],
        )

    def attending(self, session_id: str) -> frozenset[str]:
        rows = self.conn.execute("SELECT participant_id FROM attendance WHERE session_id = ?", [session_id])
        return frozenset(r[0] for r in rows)

    def present(self, session: Session) -> list[Participant]:
        """The roster's people marked as here, in roster order, in one statement."""
        return self._query(
            Participant,
            "SELECT p.* FROM participants p JOIN attendance a ON a.participant_id = p.id "
            "WHERE a.session_id = ? AND p.group_id = ? ORDER BY p.preferred_name COLLATE NOCASE, p.created_at",
            [session.id, session.group_id],
        )
