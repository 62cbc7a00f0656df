"""Reading what a session captured: contributions, decisions, actions, its log, cards."""

from __future__ import annotations

from coprod_desktop.domain.records import Action, CardDraw, Contribution, Decision, GroupCard, SessionEvent
from coprod_desktop.domain.values import Role
from coprod_desktop.storage.records import RecordStore


class LiveQueries(RecordStore):
    def contributions(self, session_id: str) -> list[Contribution]:
        return self._query(
            Contribution, "SELECT * FROM contributions WHERE session_id = ? ORDER BY created_at, rowid", [session_id]
        )

    def items_with_words(self, session_id: str) -> set[str]:
        """The agenda items of a session something was said under (one query, no records)."""
        rows = self.conn.execute(
            "SELECT DISTINCT agenda_item_id FROM contributions WHERE session_id = ? AND agenda_item_id IS NOT NULL",
            [session_id],
        )
        return {row[0] for row in rows}

    def item_contributions(
        self, session_id: str, agenda_item_id: str | None, limit: int = -1, offset: int = 0
    ) -> list[Contribution]:
        """Contributions filed under one agenda item (or none), newest first."""
        order = "ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?"
        if agenda_item_id is None:
            return self._query(
                Contribution,
                f"SELECT * FROM contributions WHERE session_id = ? AND agenda_item_id IS NULL {order}",
                [session_id, limit, offset],
            )
        return self._query(
            Contribution,
            f"SELECT * FROM contributions WHERE session_id = ? AND agenda_item_id = ? {order}",
            [session_id, agenda_item_id, limit, offset],
        )

    def count_item_contributions(self, session_id: str, agenda_item_id: str | None) -> int:
        row = self.conn.execute(
            "SELECT count(*) FROM contributions WHERE session_id = ? AND agenda_item_id IS ?",
            [session_id, agenda_item_id],
        ).fetchone()
        return row[0]

    def find_contribution(self, record_id: str) -> Contribution | None:
        return self.find(Contribution, record_id)

    def recent_contributions(self, session_id: str, limit: int) -> list[Contribution]:
        return self._query(
            Contribution,
            "SELECT * FROM contributions WHERE session_id = ? ORDER BY created_at DESC, rowid DESC LIMIT ?",
            [session_id, limit],
        )

    def contribution_counts(self, session_id: str) -> list[tuple[str | None, Role | None, int]]:
        """(participant id, role, count) for a session: the facts behind the participation balance."""
        rows = self.conn.execute(
            "SELECT participant_id, role, count(*) FROM contributions WHERE session_id = ? GROUP BY participant_id, role",
            [session_id],
        )
        return [(pid, Role(role) if role else None, n) for pid, role, n in rows]

    def decisions(self, session_id: str) -> list[Decision]:
        return self._query(
            Decision, "SELECT * FROM decisions WHERE session_id = ? ORDER BY created_at, rowid", [session_id]
        )

    def actions(self, session_id: str) -> list[Action]:
        return self._query(
            Action, "SELECT * FROM actions WHERE session_id = ? ORDER BY created_at, rowid", [session_id]
        )

    def events(self, session_id: str, kind: str | None = None) -> list[SessionEvent]:
        if kind is None:
            return self._query(
                SessionEvent, "SELECT * FROM session_events WHERE session_id = ? ORDER BY at, rowid", [session_id]
            )
        return self._query(
            SessionEvent,
            "SELECT * FROM session_events WHERE session_id = ? AND kind = ? ORDER BY at, rowid",
            [session_id, kind],
        )

    def group_cards(self, group_id: str) -> list[GroupCard]:
        return self._query(GroupCard, "SELECT * FROM group_cards WHERE group_id = ? ORDER BY created_at", [group_id])

    def retired_deck_keys(self, group_id: str) -> frozenset[str]:
        rows = self.conn.execute("SELECT card_key FROM retired_deck_cards WHERE group_id = ?", [group_id])
        return frozenset(r[0] for r in rows)

    def draws(self, session_id: str) -> list[CardDraw]:
        return self._query(
            CardDraw, "SELECT * FROM card_draws WHERE session_id = ? ORDER BY drawn_at, rowid", [session_id]
        )

    def contributions_per_card(self, session_id: str) -> dict[str, int]:
        """How many contributions each prompt card drew in a session."""
        rows = self.conn.execute(
            "SELECT card_key, count(*) FROM contributions WHERE session_id = ? AND card_key IS NOT NULL GROUP BY card_key",
            [session_id],
        )
        return dict(rows.fetchall())

    def card_on_table(self, session_id: str) -> CardDraw | None:
        found = self._query(
            CardDraw,
            "SELECT * FROM card_draws WHERE session_id = ? AND put_down_at IS NULL "
            "ORDER BY drawn_at DESC, rowid DESC LIMIT 1",
            [session_id],
        )
        return found[0] if found else None
