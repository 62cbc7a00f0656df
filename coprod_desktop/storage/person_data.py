"""Everything the archive holds about one person, and erasing it for good.

Subject access reads every row linked to the person (their roster record, attendance,
what they said, actions they own, decisions they agreed to and the report-backs on their
actions) and every note that writes their name. Erasure removes or anonymises those rows
in one transaction, then makes sure the words are gone from the file itself: the
search indexes are rebuilt without them, freed pages are zeroed (secure_delete, always
on) and the write-ahead log is emptied.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

from coprod_desktop.language import N_, _
from coprod_desktop.storage import errors
from coprod_desktop.storage.migrations import SEARCHED
from coprod_desktop.storage.records import RecordStore

# Free text that may write a person's name: table -> columns.
WRITTEN = {
    "groups": ("description",),
    "sessions": ("title", "purpose", "place", "facilitators"),
    "agenda_items": ("title", "notes"),
    "ground_rules": ("text",),
    "participants": ("strengths", "networks", "support_notes", "consent_notes", "organisation"),
    "contributions": ("text",),
    "decisions": ("text", "cannot_change"),
    "actions": ("what", "owner", "status_reason"),
    "report_backs": ("note",),
    "outcomes": ("text",),
    "outcome_evidence": ("text",),
    "group_cards": ("text",),
    "session_events": ("detail",),
    "capture_drafts": ("text",),
    "phone_posts": ("text",),
    "round_answers": ("reason",),
    "agenda_templates": ("name", "titles"),  # titles: a JSON array kept without escapes (codec)
}
NAME_REMOVED = N_("[name removed]")  # written in the language spoken when the name is taken out


@dataclass
class Erased:
    """What an erasure did, counted, to tell the facilitator."""

    contributions_deleted: int = 0
    contributions_anonymised: int = 0
    actions_unowned: int = 0
    sessions_attended: int = 0
    decisions_unlinked: int = 0
    mentions_removed: int = 0
    log_emptied: bool = True
    notes: list[str] = field(default_factory=list)


def mention_pattern(name: str) -> re.Pattern[str]:
    """The name as a whole word (any case), so "Al" does not match "Also"."""
    return re.compile(rf"(?<!\w){re.escape(name.strip())}(?!\w)", re.IGNORECASE)


class PersonData(RecordStore):
    def everything_about(self, person_id: str) -> dict[str, list[dict[str, Any]]]:
        """Every row linked to the person, and every note writing their name, as plain
        rows (table -> rows), for a subject access request."""
        person = self._rows_where("participants", "id = ?", [person_id])
        if not person:
            raise errors.RecordNotFound(_("That person is no longer on the roster."))
        held: dict[str, list[dict[str, Any]]] = {"participant": person}
        held["attendance"] = self._rows_sql(
            "SELECT s.id AS session_id, s.title, s.date, s.state FROM attendance a "
            "JOIN sessions s ON s.id = a.session_id WHERE a.participant_id = ? ORDER BY s.date, s.title",
            [person_id],
        )
        held["contributions"] = self._rows_where("contributions", "participant_id = ? ORDER BY created_at", [person_id])
        held["phone_posts"] = self._rows_where("phone_posts", "participant_id = ? ORDER BY created_at", [person_id])
        held["actions"] = self._rows_where("actions", "owner_participant_id = ? ORDER BY created_at", [person_id])
        action_ids = [a["id"] for a in held["actions"]]
        held["report_backs"] = self._rows_in("report_backs", "action_id", action_ids)
        held["decisions_agreed"] = self._agreed_by(person_id)
        name = person[0]["preferred_name"]
        linked = {(t, r["id"]) for t, rows in held.items() for r in rows if "id" in r}
        held["written_mentions"] = [
            {"table": table, "id": row.get("id", row.get("session_id")), "column": column, "text": row[column]}
            for table, column, row in self._mentions(name)
            if (_key(table), row.get("id")) not in linked
        ]
        return held

    def has_taken_part(self, person_id: str) -> bool:
        """True if anything in a session's record is theirs: attendance, words, an action, an agreement."""
        return bool(
            self._scalar("SELECT EXISTS (SELECT 1 FROM attendance WHERE participant_id = ?)", person_id)
            or self._scalar("SELECT EXISTS (SELECT 1 FROM contributions WHERE participant_id = ?)", person_id)
            or self._scalar("SELECT EXISTS (SELECT 1 FROM actions WHERE owner_participant_id = ?)", person_id)
            or self._agreed_by(person_id)
        )

    def erase_person(self, person_id: str, *, delete_words: bool, remove_mentions: bool = True) -> Erased:
        """Remove the person for good. Their contributions are deleted, or kept with no
        link, role or permission to quote (``delete_words`` False); actions they own lose
        their owner; their name is taken out of other notes (``remove_mentions``). Cannot
        be undone: the caller confirms first."""
        person = self._rows_where("participants", "id = ?", [person_id])
        if not person:
            raise errors.RecordNotFound(_("That person is no longer on the roster."))
        name = person[0]["preferred_name"]
        done = Erased()
        with self.transaction():
            done.sessions_attended = self._scalar("SELECT count(*) FROM attendance WHERE participant_id = ?", person_id)
            said = [
                r[0] for r in self.conn.execute("SELECT id FROM contributions WHERE participant_id = ?", [person_id])
            ]
            if delete_words:
                self._forget_contributions(said)
                self.conn.execute("DELETE FROM contributions WHERE participant_id = ?", [person_id])
                done.contributions_deleted = len(said)
            else:
                self.conn.execute(
                    "UPDATE contributions SET participant_id = NULL, role = NULL, quote_allowed = 0 "
                    "WHERE participant_id = ?",
                    [person_id],
                )
                done.contributions_anonymised = len(said)
            # What they sent from a phone as themselves goes the same way as what they said.
            if delete_words:
                self.conn.execute("DELETE FROM phone_posts WHERE participant_id = ?", [person_id])
            else:
                self.conn.execute(
                    "UPDATE phone_posts SET participant_id = NULL, quote_allowed = 0 WHERE participant_id = ?",
                    [person_id],
                )
            done.actions_unowned = self.conn.execute(
                "UPDATE actions SET owner_participant_id = NULL, owner_role = NULL, owner = '' "
                "WHERE owner_participant_id = ?",
                [person_id],
            ).rowcount
            done.decisions_unlinked = self._unlink_agreement(person_id)
            if remove_mentions:  # as called, and as typed for them
                for written in {name, person[0].get("known_as") or ""}:
                    if written.strip():
                        done.mentions_removed += self._remove_mentions(written, skip_person=person_id)
            self.conn.execute("DELETE FROM participants WHERE id = ?", [person_id])
        self.scrub()
        done.log_emptied = self.empty_log()
        return done

    def erase_group(self, group_id: str) -> None:
        """A whole group, every session and person in it, for good."""
        with self.transaction():
            if not self.conn.execute("DELETE FROM groups WHERE id = ?", [group_id]).rowcount:
                raise errors.RecordNotFound(_("That group no longer exists."))
        self.scrub()

    def scrub(self) -> None:
        """Rewrite every search index in one piece, leaving out what was deleted (FTS5 keeps
        a deleted row's words until its segments merge); secure_delete zeroes the pages freed."""
        with self.transaction():
            for table in SEARCHED:
                self.conn.execute(f'INSERT INTO "{table}_fts" ("{table}_fts") VALUES (\'optimize\')')

    def empty_log(self) -> bool:
        """Copy the write-ahead log into the archive and truncate it, so that old versions
        of changed pages are not left in it; False if another reader kept it from finishing."""
        try:
            busy, _frames, _done = self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
        except Exception:  # noqa: BLE001 - a database error from either SQLite module: say it was not emptied
            return False
        return not busy

    # -- the parts ---------------------------------------------------------------

    def _forget_contributions(self, ids: list[str]) -> None:
        """Deleted contributions leave the decisions that cited them."""
        if not ids:
            return
        gone = set(ids)
        for decision_id, cited in self.conn.execute("SELECT id, contribution_ids FROM decisions").fetchall():
            listed = _json_list(cited)
            kept = [c for c in listed if c not in gone]
            if len(kept) != len(listed):
                self.conn.execute(
                    "UPDATE decisions SET contribution_ids = ? WHERE id = ?", [json.dumps(kept), decision_id]
                )

    def _agreed_by(self, person_id: str) -> list[dict[str, Any]]:
        rows = self._rows_sql("SELECT * FROM decisions WHERE agreed_by LIKE ?", [f"%{person_id}%"])
        return [r for r in rows if person_id in _json_list(r.get("agreed_by"))]

    def _unlink_agreement(self, person_id: str) -> int:
        count = 0
        for row in self._agreed_by(person_id):
            kept = [p for p in _json_list(row["agreed_by"]) if p != person_id]
            self.conn.execute("UPDATE decisions SET agreed_by = ? WHERE id = ?", [json.dumps(kept), row["id"]])
            count += 1
        return count

    def _mentions(self, name: str) -> list[tuple[str, str, dict[str, Any]]]:
        if not name.strip():
            return []
        pattern = mention_pattern(name)
        found: list[tuple[str, str, dict[str, Any]]] = []
        for table, columns in WRITTEN.items():
            where = " OR ".join(f"[{c}] LIKE ?" for c in columns)
            for row in self._rows_sql(f"SELECT * FROM [{table}] WHERE {where}", [f"%{name.strip()}%"] * len(columns)):
                found.extend((table, c, row) for c in columns if isinstance(row[c], str) and pattern.search(row[c]))
        return found

    def _remove_mentions(self, name: str, skip_person: str) -> int:
        pattern = mention_pattern(name)
        written = _(NAME_REMOVED)
        removed = 0
        for table, column, row in self._mentions(name):
            if table == "participants" and row["id"] == skip_person:
                continue  # their own record goes whole
            new, n = pattern.subn(lambda _match: written, row[column])
            key = "session_id" if table == "capture_drafts" else "id"
            self.conn.execute(f"UPDATE [{table}] SET [{column}] = ? WHERE [{key}] = ?", [new, row[key]])
            removed += n
        return removed

    def _rows_where(self, table: str, where: str, params: list[Any]) -> list[dict[str, Any]]:
        return self._rows_sql(f"SELECT * FROM [{table}] WHERE {where}", params)

    def _rows_in(self, table: str, column: str, values: list[str]) -> list[dict[str, Any]]:
        if not values:
            return []
        marks = ", ".join("?" * len(values))
        return self._rows_sql(f"SELECT * FROM [{table}] WHERE [{column}] IN ({marks})", values)

    def _rows_sql(self, sql: str, params: list[Any]) -> list[dict[str, Any]]:
        cursor = self.conn.execute(sql, params)
        columns = [d[0] for d in cursor.description]
        return [dict(zip(columns, row)) for row in cursor]

    def _scalar(self, sql: str, *params: Any) -> int:
        return int(self.conn.execute(sql, list(params)).fetchone()[0])


def _key(table: str) -> str:
    return {"participants": "participant", "decisions": "decisions_agreed"}.get(table, table)


def _json_list(value: Any) -> list:
    try:
        listed = json.loads(value or "[]")
    except (TypeError, ValueError):
        return []
    return listed if isinstance(listed, list) else []
