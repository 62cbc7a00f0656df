"""The archive: domain records in and out of SQLite, one transaction per user action."""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TypeVar

from coprod_desktop.domain import model
from coprod_desktop.domain.model import AgendaItem, GroundRule, Group, Participant, Session, now_iso
from coprod_desktop.domain.validation import clean_value, cleaned
from coprod_desktop.domain.values import ShownInPrint
from coprod_desktop.storage import errors
from coprod_desktop.storage.codec import encode_changes, from_row, to_row
from coprod_desktop.storage.database import open_database, table_names

R = TypeVar("R")


@dataclass(frozen=True)
class Kind:
    table: str
    parent: str | None = None  # the column that groups siblings
    ordered: bool = False  # siblings keep a 0-based ``position``


# By class name, so that the archive need not build every record class to open.
KINDS: dict[str, Kind] = {
    "Group": Kind("groups"),
    "Session": Kind("sessions", "group_id"),
    "AgendaItem": Kind("agenda_items", "session_id", ordered=True),
    "GroundRule": Kind("ground_rules", "session_id", ordered=True),
    "Participant": Kind("participants", "group_id"),
    "Contribution": Kind("contributions", "session_id"),
    "Decision": Kind("decisions", "session_id"),
    "Action": Kind("actions", "session_id"),
    "SessionEvent": Kind("session_events", "session_id"),
    "GroupCard": Kind("group_cards", "group_id"),
    "CardDraw": Kind("card_draws", "session_id"),
    "ReportBack": Kind("report_backs", "session_id"),
    "Outcome": Kind("outcomes", "group_id"),
    "OutcomeEvidence": Kind("outcome_evidence", "outcome_id"),
    "SelfCheck": Kind("self_checks", "session_id"),
}


@dataclass(frozen=True)
class Snapshot:
    """What a delete did, to undo exactly that: the rows it removed, whole, and for rows it
    only changed (a reference set to NULL, a sibling renumbered) just those columns, so that
    undo does not overwrite what happened to those rows since (a live session's timing)."""

    rows: dict[str, tuple[dict, ...]]
    patches: dict[str, tuple[dict, ...]] = field(default_factory=dict)  # key columns + old values

    def count(self, table: str) -> int:
        return len(self.rows.get(table, ()))


class Archive:
    """Reads go straight to the connection; writes go through sqlite-utils,
    which is imported on the first write (or by ``warm_up``) to keep start-up quick."""

    def __init__(self, conn: sqlite3.Connection, path: Path | None = None):
        self.conn = conn
        self.path = path
        self.checked_fully = True  # False: integrity still to be checked in the background
        self._db = None
        self._references = self._read_references()
        self._table_order = self._parent_first_order()

    @classmethod
    def open(cls, path: Path | str, *, create: bool = True, full_check: bool | None = None) -> Archive:
        """Open safely; ``full_check`` None decides by size (see database.FULL_CHECK_AT_OPEN_BYTES)."""
        from coprod_desktop.storage.database import FULL_CHECK_AT_OPEN_BYTES

        path = Path(path)
        archive = cls(open_database(path, create=create, full_check=full_check), path)
        archive.checked_fully = (
            full_check if full_check is not None else path.stat().st_size <= FULL_CHECK_AT_OPEN_BYTES
        )
        return archive

    @classmethod
    def read_only(cls, path: Path | str) -> Archive:
        """A second, read-only connection to an archive already opened (and checked) elsewhere,
        for work off the GUI thread: an SQLite connection belongs to the thread that made it."""
        from coprod_desktop.storage.database import uri

        conn = sqlite3.connect(uri(path, "ro"), uri=True, timeout=5)
        return cls(conn, Path(path))

    @property
    def db(self):
        """The sqlite-utils Database over this archive's connection."""
        if self._db is None:
            from sqlite_utils import Database

            self._db = Database(self.conn, execute_plugins=False)
        return self._db

    def warm_up(self) -> None:
        """Load the write path ahead of the first edit (call when idle)."""
        _ = self.db

    def close(self) -> None:
        self.conn.close()

    # -- writing -----------------------------------------------------------

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """One transaction (a savepoint inside another); SQLite failures become messages a
        person can act on.

        BEGIN IMMEDIATE takes the write lock at the start, so that when another program
        holds it, the busy timeout waits for it. A plain BEGIN that reads before it writes
        (a new item's position) fails at once instead: SQLite cannot wait while turning a
        read into a write."""
        try:
            if self.conn.in_transaction:
                with self.db.atomic():
                    yield
                return
            _ = self.db  # the write path, loaded before the lock is taken
            self.conn.execute("BEGIN IMMEDIATE")
            try:
                yield
            except BaseException:
                if self.conn.in_transaction:
                    self.conn.rollback()
                raise
            try:
                self.conn.execute("COMMIT")
            except BaseException:
                if self.conn.in_transaction:
                    self.conn.rollback()
                raise
        except sqlite3.Error as e:
            raise errors.ArchiveWriteError(_explain_write_failure(e), self.path) from e

    def add(self, record: R, position: int | None = None) -> R:
        """Keep a new record; ordered records go to ``position`` (default: the end)."""
        kind = KINDS[type(record).__name__]
        record = cleaned(record)
        with self.transaction():
            if kind.ordered:
                siblings = self._sibling_ids(kind, getattr(record, kind.parent))
                at = len(siblings) if position is None else max(0, min(position, len(siblings)))
                self.db.execute(
                    f"UPDATE {kind.table} SET position = position + 1 WHERE {kind.parent} = ? AND position >= ?",
                    [getattr(record, kind.parent), at],
                )
                record = replace(record, position=at)
            self.db[kind.table].insert(to_row(record))
        return record

    def update(self, cls: type[R], record_id: str, **changes) -> R:
        """Change some fields of one record; returns the record as now kept."""
        kind = KINDS[cls.__name__]
        if "id" in changes or "position" in changes:
            raise ValueError("use move() to reorder; ids never change")
        values = encode_changes(cls, {k: clean_value(k, v) for k, v in changes.items()})
        if "updated_at" in cls.__dataclass_fields__ and "updated_at" not in changes:  # undo passes the old one
            values["updated_at"] = now_iso()
        with self.transaction():
            cursor = self.db.execute(
                f"UPDATE {kind.table} SET {', '.join(f'[{k}] = ?' for k in values)} WHERE id = ?",
                [*values.values(), record_id],
            )
            if cursor.rowcount == 0:
                raise errors.RecordNotFound(f"That {cls.__name__.lower()} no longer exists.")
            # Read back inside the transaction: a value the record cannot hold rolls the write back.
            return self.get(cls, record_id)

    def move(self, cls: type, record_id: str, position: int) -> int:
        """Move an ordered record among its siblings; returns its new position."""
        kind = KINDS[cls.__name__]
        if not kind.ordered:
            raise ValueError(f"{cls.__name__} has no order")
        parent = getattr(self.get(cls, record_id), kind.parent)
        with self.transaction():
            ids = self._sibling_ids(kind, parent)
            ids.remove(record_id)
            position = max(0, min(position, len(ids)))
            ids.insert(position, record_id)
            self._renumber(kind, ids)
        return position

    def delete(self, cls: type, record_id: str) -> Snapshot:
        """Delete a record and what hangs from it; the snapshot undoes it."""
        kind = KINDS[cls.__name__]
        if (
            kind.table == "agenda_items"
            and self.conn.execute(
                "SELECT 1 FROM sessions WHERE state = 'live' AND current_item_id = ?", [record_id]
            ).fetchone()
        ):
            raise ValueError("That agenda item is running now. Move to another item first, then delete it.")
        snapshot = self._snapshot(kind.table, record_id)
        if not snapshot.count(kind.table):
            raise errors.RecordNotFound(f"That {cls.__name__.lower()} no longer exists.")
        with self.transaction():
            if kind.table == "participants":
                snapshot = self._keep_unnamed(snapshot, snapshot.rows["participants"][0])
            parent = snapshot.rows[kind.table][0].get(kind.parent) if kind.parent else None
            self.db.execute(f"DELETE FROM {kind.table} WHERE id = ?", [record_id])
            if kind.ordered:
                self._renumber(kind, self._sibling_ids(kind, parent))
        return snapshot

    def _keep_unnamed(self, snapshot: Snapshot, person: dict) -> Snapshot:
        """Someone who chose "not at all" stays anonymous after leaving the roster.

        Their contributions lose the link to them (ON DELETE SET NULL), and with it the
        choice that kept their role and their words out of print. So, before the delete,
        clear the role and the quote flag on what they said; the snapshot keeps the old
        values for undo."""
        if person["shown_in_print"] != ShownInPrint.NOT_AT_ALL.value:
            return snapshot
        rows = self.conn.execute(
            "SELECT id, role, quote_allowed FROM contributions WHERE participant_id = ?", [person["id"]]
        ).fetchall()
        if not rows:
            return snapshot
        self.db.execute(
            "UPDATE contributions SET role = NULL, quote_allowed = 0 WHERE participant_id = ?", [person["id"]]
        )
        patches = dict(snapshot.patches)
        patches["contributions"] = (
            *patches.get("contributions", ()),
            *({"id": i, "role": role, "quote_allowed": quote} for i, role, quote in rows),
        )
        return replace(snapshot, patches=patches)

    def restore(self, snapshot: Snapshot) -> None:
        """Put back what a delete removed or changed, as it was."""
        with self.transaction():
            for table in self._table_order:
                rows = snapshot.rows.get(table)
                if rows:
                    self.db[table].upsert_all([dict(r) for r in rows], pk=self.db[table].pks)
            for table, patches in snapshot.patches.items():
                keys = self.db[table].pks
                for patch in patches:
                    columns = [c for c in patch if c not in keys]
                    self.db.execute(
                        f"UPDATE [{table}] SET {', '.join(f'[{c}] = ?' for c in columns)} "
                        f"WHERE {' AND '.join(f'[{k}] = ?' for k in keys)}",
                        [patch[c] for c in columns] + [patch[k] for k in keys],
                    )

    def set_attending(self, session_id: str, participant_id: str, attending: bool) -> None:
        with self.transaction():
            if attending:
                self.db["attendance"].insert({"session_id": session_id, "participant_id": participant_id}, ignore=True)
            else:
                self.db.execute(
                    "DELETE FROM attendance WHERE session_id = ? AND participant_id = ?",
                    [session_id, participant_id],
                )

    def apply_live(self, session_id: str, change) -> None:
        """Keep one live step (start, move, pause, end...) and its log entries, all or nothing."""
        with self.transaction():
            if change.session:
                self.update(Session, session_id, **change.session)
            for item_id, fields in change.items.items():
                if fields:
                    self.update(AgendaItem, item_id, **fields)
            for kind, item_id, detail in change.events:
                self.add(model.SessionEvent(session_id, kind, item_id, detail))

    def set_deck_card_retired(self, group_id: str, card_key: str, retired: bool) -> None:
        with self.transaction():
            if retired:
                self.db["retired_deck_cards"].insert({"group_id": group_id, "card_key": card_key}, ignore=True)
            else:
                self.db.execute(
                    "DELETE FROM retired_deck_cards WHERE group_id = ? AND card_key = ?", [group_id, card_key]
                )

    # -- reading -------------------------------------------------------------

    def live_sessions(self) -> list[Session]:
        return self._query(Session, "SELECT * FROM sessions WHERE state = 'live' ORDER BY updated_at DESC")

    def item_contributions(
        self, session_id: str, agenda_item_id: str | None, limit: int = -1, offset: int = 0
    ) -> list[model.Contribution]:
        """Contributions filed under one agenda item (or none), newest first."""
        where = "agenda_item_id = ?" if agenda_item_id else "agenda_item_id IS NULL"
        params = [session_id] + ([agenda_item_id] if agenda_item_id else []) + [limit, offset]
        return self._query(
            model.Contribution,
            f"SELECT * FROM contributions WHERE session_id = ? AND {where} "
            "ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?",
            params,
        )

    def find_contribution(self, record_id: str) -> model.Contribution | None:
        return self.find(model.Contribution, record_id)

    def recent_contributions(self, session_id: str, limit: int) -> list[model.Contribution]:
        return self._query(
            model.Contribution,
            "SELECT * FROM contributions WHERE session_id = ? ORDER BY created_at DESC, rowid DESC LIMIT ?",
            [session_id, limit],
        )

    def contribution_counts(self, session_id: str) -> list[tuple]:
        """(participant id, role, count) for a session: the facts behind the participation balance."""
        from coprod_desktop.domain.values import Role

        rows = self.conn.execute(
            "SELECT participant_id, role, count(*) FROM contributions WHERE session_id = ? "
            "GROUP BY participant_id, role",
            [session_id],
        )
        return [(pid, Role(role) if role else None, n) for pid, role, n in rows]

    def events(self, session_id: str, kind: str | None = None) -> list[model.SessionEvent]:
        where, params = ("AND kind = ?", [session_id, kind]) if kind else ("", [session_id])
        return self._query(
            model.SessionEvent, f"SELECT * FROM session_events WHERE session_id = ? {where} ORDER BY at, rowid", params
        )

    def report_backs(self, *, session_id: str | None = None, group_id: str | None = None) -> list[model.ReportBack]:
        """Report-backs given at one session, or at any session of a group; oldest first."""
        if session_id:
            return self._query(
                model.ReportBack, "SELECT * FROM report_backs WHERE session_id = ? ORDER BY at, rowid", [session_id]
            )
        return self._query(
            model.ReportBack,
            "SELECT r.* FROM report_backs r JOIN sessions s ON s.id = r.session_id WHERE s.group_id = ? ORDER BY r.at, r.rowid",
            [group_id],
        )

    def group_actions(self, group_id: str) -> list[model.Action]:
        return self._query(
            model.Action,
            "SELECT a.* FROM actions a JOIN sessions s ON s.id = a.session_id WHERE s.group_id = ? ORDER BY a.created_at, a.rowid",
            [group_id],
        )

    def group_decisions(self, group_id: str) -> list[model.Decision]:
        return self._query(
            model.Decision,
            "SELECT d.* FROM decisions d JOIN sessions s ON s.id = d.session_id WHERE s.group_id = ? ORDER BY d.created_at, d.rowid",
            [group_id],
        )

    def outcomes(self, group_id: str) -> list[model.Outcome]:
        return self._query(
            model.Outcome, "SELECT * FROM outcomes WHERE group_id = ? ORDER BY created_at, rowid", [group_id]
        )

    def evidence(self, outcome_id: str) -> list[model.OutcomeEvidence]:
        return self._query(
            model.OutcomeEvidence,
            "SELECT * FROM outcome_evidence WHERE outcome_id = ? ORDER BY at, rowid",
            [outcome_id],
        )

    def self_check(self, session_id: str) -> model.SelfCheck | None:
        found = self._query(model.SelfCheck, "SELECT * FROM self_checks WHERE session_id = ?", [session_id])
        return found[0] if found else None

    # table, kind, how to reach group and session from the indexed row
    _SEARCH = (
        ("contributions", "Contribution", "JOIN sessions s ON s.id = t.session_id", "s.group_id", "t.session_id"),
        ("decisions", "Decision", "JOIN sessions s ON s.id = t.session_id", "s.group_id", "t.session_id"),
        ("actions", "Action", "JOIN sessions s ON s.id = t.session_id", "s.group_id", "t.session_id"),
        ("agenda_items", "AgendaItem", "JOIN sessions s ON s.id = t.session_id", "s.group_id", "t.session_id"),
        ("outcomes", "Outcome", "", "t.group_id", "NULL"),
        ("outcome_evidence", "OutcomeEvidence", "JOIN outcomes o ON o.id = t.outcome_id", "o.group_id", "t.session_id"),
    )

    # Relevance (bm25) is computed for the newest matches of each kind only: FTS5 walks
    # its index newest-first and stops, so a word found in 100,000 contributions costs
    # what one found in 500 does.
    SEARCH_WINDOW = 300

    def search(self, typed: str, limit: int = 20) -> list:
        """The best ``limit`` matches across everything written, best first (FTS5 bm25,
        among the newest matches of each kind)."""
        from coprod_desktop.domain.search import SearchHit, fts_query

        query = fts_query(typed)
        if query is None:
            return []
        parts = []
        for table, kind, join, group_col, session_col in self._SEARCH:
            parts.append(
                f"SELECT * FROM (SELECT * FROM (SELECT '{kind}' AS kind, t.id, {group_col} AS group_id, {session_col} AS session_id, "
                f"snippet({table}_fts, -1, '[', ']', '…', 10) AS snippet, {table}_fts.rank AS rank "
                f"FROM {table}_fts JOIN {table} t ON t.rowid = {table}_fts.rowid {join} "
                f"WHERE {table}_fts MATCH ? ORDER BY {table}_fts.rowid DESC LIMIT {self.SEARCH_WINDOW}) "
                f"ORDER BY rank LIMIT ?)"
            )
        sql = " UNION ALL ".join(parts) + " ORDER BY rank LIMIT ?"
        params = [p for _ in self._SEARCH for p in (query, limit)] + [limit]
        try:
            rows = self.conn.execute(sql, params).fetchall()
        except sqlite3.OperationalError:
            return []  # a query FTS cannot parse finds nothing rather than failing
        return [SearchHit(*row) for row in rows]

    def group_cards(self, group_id: str) -> list[model.GroupCard]:
        return self._query(
            model.GroupCard, "SELECT * FROM group_cards WHERE group_id = ? ORDER BY created_at", [group_id]
        )

    def retired_deck_keys(self, group_id: str) -> frozenset[str]:
        rows = self.conn.execute("SELECT card_key FROM retired_deck_cards WHERE group_id = ?", [group_id])
        return frozenset(r[0] for r in rows)

    def draws(self, session_id: str) -> list[model.CardDraw]:
        return self._query(
            model.CardDraw, "SELECT * FROM card_draws WHERE session_id = ? ORDER BY drawn_at, rowid", [session_id]
        )

    def contributions_per_card(self, session_id: str) -> dict[str, int]:
        """How many contributions each prompt card drew in a session."""
        rows = self.conn.execute(
            "SELECT card_key, count(*) FROM contributions WHERE session_id = ? AND card_key IS NOT NULL GROUP BY card_key",
            [session_id],
        )
        return dict(rows.fetchall())

    def card_on_table(self, session_id: str) -> model.CardDraw | None:
        found = self._query(
            model.CardDraw,
            "SELECT * FROM card_draws WHERE session_id = ? AND put_down_at IS NULL ORDER BY drawn_at DESC, rowid DESC LIMIT 1",
            [session_id],
        )
        return found[0] if found else None

    def get(self, cls: type[R], record_id: str) -> R:
        row = self.conn.execute(f"SELECT * FROM {KINDS[cls.__name__].table} WHERE id = ?", [record_id]).fetchone()
        if row is None:
            raise errors.RecordNotFound(f"That {cls.__name__.lower()} no longer exists.")
        return self._record(cls, row)

    def find(self, cls: type[R], record_id: str) -> R | None:
        try:
            return self.get(cls, record_id)
        except errors.RecordNotFound:
            return None

    def groups(self) -> list[Group]:
        return self._query(Group, "SELECT * FROM groups ORDER BY name COLLATE NOCASE, created_at")

    def sessions(self, group_id: str | None = None) -> list[Session]:
        """Newest first; sessions without a date yet come first."""
        where, params = ("WHERE group_id = ?", [group_id]) if group_id else ("", [])
        return self._query(
            Session,
            f"SELECT * FROM sessions {where} ORDER BY COALESCE(date, '9999-99-99') DESC, created_at DESC",
            params,
        )

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

    def contributions(self, session_id: str) -> list[model.Contribution]:
        return self._query(
            model.Contribution,
            "SELECT * FROM contributions WHERE session_id = ? ORDER BY created_at, rowid",
            [session_id],
        )

    def decisions(self, session_id: str) -> list[model.Decision]:
        return self._query(
            model.Decision, "SELECT * FROM decisions WHERE session_id = ? ORDER BY created_at, rowid", [session_id]
        )

    def actions(self, session_id: str) -> list[model.Action]:
        return self._query(
            model.Action, "SELECT * FROM actions WHERE session_id = ? ORDER BY created_at, rowid", [session_id]
        )

    def count(self, cls: type) -> int:
        return self.conn.execute(f"SELECT count(*) FROM {KINDS[cls.__name__].table}").fetchone()[0]

    # -- helpers -------------------------------------------------------------

    def _query(self, cls: type[R], sql: str, params=()) -> list[R]:
        cursor = self.conn.execute(sql, params)
        columns = [d[0] for d in cursor.description]
        return [from_row(cls, dict(zip(columns, row))) for row in cursor]

    def _record(self, cls, row):
        columns = [d[0] for d in self.conn.execute(f"SELECT * FROM {KINDS[cls.__name__].table} LIMIT 0").description]
        return from_row(cls, dict(zip(columns, row)))

    def _children(self, cls: type[R], parent_id: str) -> list[R]:
        kind = KINDS[cls.__name__]
        return self._query(cls, f"SELECT * FROM {kind.table} WHERE {kind.parent} = ? ORDER BY position", [parent_id])

    def _sibling_ids(self, kind: Kind, parent_id: str) -> list[str]:
        rows = self.conn.execute(
            f"SELECT id FROM {kind.table} WHERE {kind.parent} = ? ORDER BY position, rowid",
            [parent_id],
        )
        return [r[0] for r in rows]

    def _renumber(self, kind: Kind, ids: list[str]) -> None:
        self.conn.executemany(
            f"UPDATE {kind.table} SET position = ? WHERE id = ? AND position != ?",
            [(i, record_id, i) for i, record_id in enumerate(ids)],
        )

    def _rows(self, table: str, column: str, values) -> list[dict]:
        values = list(values)
        found: list[dict] = []
        for start in range(0, len(values), 500):
            chunk = values[start : start + 500]
            cursor = self.conn.execute(
                f"SELECT * FROM {table} WHERE [{column}] IN ({', '.join('?' * len(chunk))})", chunk
            )
            columns = [d[0] for d in cursor.description]
            found.extend(dict(zip(columns, row)) for row in cursor)
        return found

    def _snapshot(self, table: str, record_id: str) -> Snapshot:
        """Rows deleted by cascade (whole), references a delete sets to NULL and the
        positions of reordered siblings (just those columns)."""
        removed: dict[str, dict[tuple, dict]] = defaultdict(dict)
        patches: dict[str, list[dict]] = defaultdict(list)

        def take(t: str, rows: list[dict]) -> list[dict]:
            pks = self.db[t].pks
            fresh = []
            for row in rows:
                key = tuple(row[k] for k in pks)
                if key not in removed[t]:
                    removed[t][key] = row
                    fresh.append(row)
            return fresh

        pending = [(table, take(table, self._rows(table, "id", [record_id])))]
        while pending:
            parent_table, rows = pending.pop()
            ids = [r["id"] for r in rows if "id" in r]
            if not ids:
                continue
            for child, column, on_delete in self._references.get(parent_table, ()):
                children = self._rows(child, column, ids)
                if on_delete == "CASCADE":
                    fresh = take(child, children)
                    if fresh:
                        pending.append((child, fresh))
                else:
                    pks = self.db[child].pks
                    patches[child].extend({**{k: r[k] for k in pks}, column: r[column]} for r in children)
        for kind in KINDS.values():
            if kind.ordered and kind.table == table and removed[table]:
                row = next(iter(removed[table].values()))
                patches[table].extend(
                    {"id": r["id"], "position": r["position"]}
                    for r in self._rows(table, kind.parent, [row[kind.parent]])
                    if r["id"] != record_id
                )
        return Snapshot(
            {t: tuple(rows.values()) for t, rows in removed.items() if rows},
            {t: tuple(p) for t, p in patches.items() if p},
        )

    def _read_references(self) -> dict[str, list[tuple[str, str, str]]]:
        """parent table -> [(child table, column, ON DELETE action)], read from the schema."""
        refs: dict[str, list[tuple[str, str, str]]] = defaultdict(list)
        for table in table_names(self.conn):
            for fk in self.conn.execute(f"PRAGMA foreign_key_list([{table}])"):
                # (id, seq, table, from, to, on_update, on_delete, match)
                refs[fk[2]].append((table, fk[3], fk[6].upper()))
        return dict(refs)

    def _parent_first_order(self) -> list[str]:
        tables = [t for t in table_names(self.conn) if not t.startswith(("_", "sqlite_")) and "_fts" not in t]
        parents = {t: set() for t in tables}
        for parent, children in self._references.items():
            for child, _column, _action in children:
                if child != parent:
                    parents[child].add(parent)
        order: list[str] = []
        while parents:
            ready = sorted(t for t, ps in parents.items() if not ps - set(order))
            if not ready:  # a cycle: keep going rather than lose rows on restore
                ready = sorted(parents)
            order.extend(ready)
            for t in ready:
                parents.pop(t)
        return order


def _explain_write_failure(error: sqlite3.Error) -> str:
    text = str(error).lower()
    if "full" in text:
        return (
            "The disk is full, so your last change was not saved. Everything saved before it is "
            "safe. Free some space (empty the bin, delete large files) and make the change again."
        )
    if "readonly" in text or "read-only" in text:
        return (
            "The archive has become read-only (was a USB stick removed, or permissions changed?). "
            "Your last change was not saved; everything before it is safe."
        )
    if "locked" in text or "busy" in text:
        return (
            "The archive is busy in another program, so your last change was not saved. "
            "Close other copies of coprod-desktop and try again."
        )
    if isinstance(error, sqlite3.IntegrityError):
        return f"That change conflicts with what is already kept ({error}); nothing was changed."
    return f"Your last change could not be saved ({error}). Everything saved before it is safe."
