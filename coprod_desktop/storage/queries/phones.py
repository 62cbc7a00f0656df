"""Reading what came from phones: posts by state, rounds and their answers."""

from __future__ import annotations

from coprod_desktop.domain.records import Contribution, PhonePost, PhoneRound, RoundAnswer
from coprod_desktop.domain.values import PostState
from coprod_desktop.storage.records import RecordStore


class PhoneQueries(RecordStore):
    def phone_posts(self, session_id: str, state: PostState | None = PostState.WAITING) -> list[PhonePost]:
        """A session's posts in the order they came, those in ``state`` (None: all)."""
        if state is None:
            sql, params = "SELECT * FROM phone_posts WHERE session_id = ?", [session_id]
        else:
            sql, params = "SELECT * FROM phone_posts WHERE session_id = ? AND state = ?", [session_id, state.value]
        return self._query(PhonePost, sql + " ORDER BY created_at, rowid", params)

    def phone_posts_by_id(self, ids: list[str]) -> list[PhonePost]:
        if not ids:
            return []
        marks = ", ".join("?" * len(ids))
        return self._query(PhonePost, f"SELECT * FROM phone_posts WHERE id IN ({marks}) ORDER BY created_at", ids)

    def recent_unless_phone_unquotable(self, session_id: str, limit: int) -> list[Contribution]:
        """The newest contributions, newest first, leaving out those accepted from a phone that
        may not be quoted: what privacy.may_project can allow, read in one indexed query
        however many phone posts came since (the room view asks at every change)."""
        return self._query(
            Contribution,
            "SELECT * FROM contributions c WHERE c.session_id = ? AND (c.quote_allowed"
            " OR NOT EXISTS (SELECT 1 FROM phone_posts p WHERE p.contribution_id = c.id))"
            " ORDER BY c.created_at DESC, c.rowid DESC LIMIT ?",
            [session_id, limit],
        )

    def sent_by_phone(self, contribution_ids: list[str]) -> set[str]:
        """Which of these contributions were accepted from a phone."""
        if not contribution_ids:
            return set()
        marks = ", ".join("?" * len(contribution_ids))
        rows = self.conn.execute(
            f"SELECT contribution_id FROM phone_posts WHERE contribution_id IN ({marks})", contribution_ids
        )
        return {row[0] for row in rows}

    def phone_rounds(self, session_id: str) -> list[PhoneRound]:
        return self._query(
            PhoneRound, "SELECT * FROM phone_rounds WHERE session_id = ? ORDER BY opened_at, rowid", [session_id]
        )

    def open_round(self, session_id: str) -> PhoneRound | None:
        found = self._query(
            PhoneRound,
            "SELECT * FROM phone_rounds WHERE session_id = ? AND closed_at IS NULL ORDER BY opened_at DESC LIMIT 1",
            [session_id],
        )
        return found[0] if found else None

    def round_answers(self, round_id: str) -> list[RoundAnswer]:
        return self._query(
            RoundAnswer, "SELECT * FROM round_answers WHERE round_id = ? ORDER BY created_at, rowid", [round_id]
        )

    def count_round_answers(self, round_id: str) -> int:
        return int(self.conn.execute("SELECT count(*) FROM round_answers WHERE round_id = ?", [round_id]).fetchone()[0])
