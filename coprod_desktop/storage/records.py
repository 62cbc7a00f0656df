"""Domain records in and out of their tables: add, update, move, get, and the plain
reads every query builds on. Columns are read from the cursor of each query, and an
insert names its columns from the record, so no statement asks the schema again."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import replace
from typing import Any, TypeVar

from coprod_desktop.domain.records import AgendaItem, Session, SessionEvent, now_iso
from coprod_desktop.domain.validation import clean_value, cleaned
from coprod_desktop.language import _
from coprod_desktop.storage import errors
from coprod_desktop.storage.codec import encode_changes, from_row, to_row
from coprod_desktop.storage.kinds import Kind, kind_of
from coprod_desktop.storage.writing import Writer

R = TypeVar("R")


class RecordStore(Writer):
    def add(self, record: R, position: int | None = None) -> R:
        """Keep a new record; ordered records go to ``position`` (default: the end)."""
        kind = kind_of(type(record))
        record = cleaned(record)
        with self.transaction():
            if kind.ordered:
                parent = getattr(record, kind.parent)
                siblings = self._sibling_ids(kind, parent)
                at = len(siblings) if position is None else max(0, min(position, len(siblings)))
                if at < len(siblings):
                    self.conn.execute(
                        f"UPDATE {kind.table} SET position = position + 1 WHERE {kind.parent} = ? AND position >= ?",
                        [parent, at],
                    )
                record = replace(record, position=at)  # type: ignore[type-var]
            row = to_row(record)
            self.conn.execute(
                f"INSERT INTO {kind.table} ({', '.join(f'[{c}]' for c in row)}) VALUES ({', '.join('?' * len(row))})",
                list(row.values()),
            )
        return record

    def update(self, cls: type[R], record_id: str, **changes: Any) -> R:
        """Change some fields of one record; returns the record as now kept."""
        kind = kind_of(cls)
        if "id" in changes or "position" in changes:
            raise ValueError("use move() to reorder; ids never change")
        values = encode_changes(cls, {k: clean_value(k, v) for k, v in changes.items()})
        fields = {f.name for f in dataclasses.fields(cls)}  # type: ignore[arg-type]
        if "updated_at" in fields and "updated_at" not in changes:  # undo passes the old one
            values["updated_at"] = now_iso()
        with self.transaction():
            cursor = self.conn.execute(
                f"UPDATE {kind.table} SET {', '.join(f'[{k}] = ?' for k in values)} WHERE id = ? RETURNING *",
                [*values.values(), record_id],
            )
            # Read back inside the transaction: a value the record cannot hold rolls the write back.
            try:
                found = self._records(cls, cursor)
            except errors.CorruptArchive as error:  # the value given, not the file, is wrong
                raise ValueError(str(error.__cause__ or error)) from error
            if not found:
                raise errors.RecordNotFound(_(kind.gone))
            return found[0]

    def move(self, cls: type, record_id: str, position: int) -> int:
        """Move an ordered record among its siblings; returns its new position."""
        kind = kind_of(cls)
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

    def set_attending(self, session_id: str, participant_id: str, attending: bool) -> None:
        with self.transaction():
            if attending:
                self.conn.execute(
                    "INSERT OR IGNORE INTO attendance (session_id, participant_id) VALUES (?, ?)",
                    [session_id, participant_id],
                )
            else:
                self.conn.execute(
                    "DELETE FROM attendance WHERE session_id = ? AND participant_id = ?", [session_id, participant_id]
                )

    def apply_live(self, session_id: str, change: Any) -> None:
        """Keep one live step (start, move, pause, end...) and its log entries, all or nothing."""
        with self.transaction():
            if change.session:
                self.update(Session, session_id, **change.session)
            for item_id, fields in change.items.items():
                if fields:
                    self.update(AgendaItem, item_id, **fields)
            for kind, item_id, detail in change.events:
                self.add(SessionEvent(session_id, kind, item_id, detail))

    def set_deck_card_retired(self, group_id: str, card_key: str, retired: bool) -> None:
        with self.transaction():
            if retired:
                self.conn.execute(
                    "INSERT OR IGNORE INTO retired_deck_cards (group_id, card_key) VALUES (?, ?)", [group_id, card_key]
                )
            else:
                self.conn.execute(
                    "DELETE FROM retired_deck_cards WHERE group_id = ? AND card_key = ?", [group_id, card_key]
                )

    # -- reading ----------------------------------------------------------------

    def get(self, cls: type[R], record_id: str) -> R:
        found = self._query(cls, f"SELECT * FROM {kind_of(cls).table} WHERE id = ?", [record_id])
        if not found:
            raise errors.RecordNotFound(_(kind_of(cls).gone))
        return found[0]

    def find(self, cls: type[R], record_id: str) -> R | None:
        found = self._query(cls, f"SELECT * FROM {kind_of(cls).table} WHERE id = ?", [record_id])
        return found[0] if found else None

    def count(self, cls: type) -> int:
        return self.conn.execute(f"SELECT count(*) FROM {kind_of(cls).table}").fetchone()[0]

    def _query(self, cls: type[R], sql: str, params: Sequence[Any] = ()) -> list[R]:
        return self._records(cls, self.conn.execute(sql, params))

    @staticmethod
    def _records(cls: type[R], cursor: Any) -> list[R]:
        columns = [d[0] for d in cursor.description]
        return [from_row(cls, dict(zip(columns, row))) for row in cursor]

    def _children(self, cls: type[R], parent_id: str) -> list[R]:
        kind = kind_of(cls)
        return self._query(cls, f"SELECT * FROM {kind.table} WHERE {kind.parent} = ? ORDER BY position", [parent_id])

    def _sibling_ids(self, kind: Kind, parent_id: str) -> list[str]:
        rows = self.conn.execute(
            f"SELECT id FROM {kind.table} WHERE {kind.parent} = ? ORDER BY position, rowid", [parent_id]
        )
        return [r[0] for r in rows]

    def _renumber(self, kind: Kind, ids: list[str]) -> None:
        self.conn.executemany(
            f"UPDATE {kind.table} SET position = ? WHERE id = ? AND position != ?",
            [(i, record_id, i) for i, record_id in enumerate(ids)],
        )
