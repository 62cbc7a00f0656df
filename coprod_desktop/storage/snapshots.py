"""Deleting with a way back: a delete returns a snapshot of what it removed and
changed, and restoring the snapshot puts exactly that back."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import Any

from coprod_desktop.domain import privacy
from coprod_desktop.domain.records import Participant
from coprod_desktop.language import _
from coprod_desktop.storage import errors
from coprod_desktop.storage.codec import from_row
from coprod_desktop.storage.connection import table_names
from coprod_desktop.storage.kinds import KINDS, kind_of
from coprod_desktop.storage.records import RecordStore


@dataclass(frozen=True)
class Snapshot:
    """What a delete did, to undo exactly that: the rows it removed, whole, and for rows it
    only changed (a reference set to NULL, a sibling renumbered) just those columns, so that
    undo does not overwrite what happened to those rows since (a live session's timing)."""

    rows: dict[str, tuple[dict, ...]]
    patches: dict[str, tuple[dict, ...]] = field(default_factory=dict)  # key columns + old values

    def count(self, table: str) -> int:
        return len(self.rows.get(table, ()))


class Snapshots(RecordStore):
    def delete(self, cls: type, record_id: str) -> Snapshot:
        """Delete a record and what hangs from it; the snapshot undoes it."""
        kind = kind_of(cls)
        if (
            kind.table == "agenda_items"
            and self.conn.execute(
                "SELECT 1 FROM sessions WHERE state = 'live' AND current_item_id = ?", [record_id]
            ).fetchone()
        ):
            raise ValueError(_("That agenda item is running now. Move to another item first, then delete it."))
        snapshot = self._snapshot(kind.table, record_id)
        if not snapshot.count(kind.table):
            raise errors.RecordNotFound(_(kind.gone))
        with self.transaction():
            if kind.table == "participants":
                person = from_row(Participant, snapshot.rows["participants"][0])
                snapshot = self._clear_what_identifies(snapshot, person)
            parent = snapshot.rows[kind.table][0].get(kind.parent, "") if kind.parent else ""
            self.conn.execute(f"DELETE FROM {kind.table} WHERE id = ?", [record_id])
            if kind.ordered:
                self._renumber(kind, self._sibling_ids(kind, parent))
        return snapshot

    def _clear_what_identifies(self, snapshot: Snapshot, person: Participant) -> Snapshot:
        """Their contributions lose the link to them (ON DELETE SET NULL) and with it the
        choice that kept them out of print; domain.privacy says what else must go with it.
        The snapshot keeps the old values for undo."""
        clear = privacy.cleared_on_leaving(person)
        if not clear:
            return snapshot
        columns = sorted(clear)
        rows = self.conn.execute(
            f"SELECT id, {', '.join(columns)} FROM contributions WHERE participant_id = ?", [person.id]
        ).fetchall()
        if not rows:
            return snapshot
        self.conn.execute(
            f"UPDATE contributions SET {', '.join(f'{c} = ?' for c in columns)} WHERE participant_id = ?",
            [_stored(clear[c]) for c in columns] + [person.id],
        )
        patches = dict(snapshot.patches)
        patches["contributions"] = (
            *patches.get("contributions", ()),
            *({"id": row[0], **dict(zip(columns, row[1:]))} for row in rows),
        )
        return replace(snapshot, patches=patches)

    def restore(self, snapshot: Snapshot) -> None:
        """Put back what a delete removed or changed, as it was."""
        with self.transaction():
            for table in self._table_order:
                rows = snapshot.rows.get(table)
                if rows:
                    self.db[table].upsert_all([dict(r) for r in rows], pk=self._keys(table))
            for table, patches in snapshot.patches.items():
                keys = self._keys(table)
                for patch in patches:
                    columns = [c for c in patch if c not in keys]
                    self.conn.execute(
                        f"UPDATE [{table}] SET {', '.join(f'[{c}] = ?' for c in columns)} "
                        f"WHERE {' AND '.join(f'[{k}] = ?' for k in keys)}",
                        [patch[c] for c in columns] + [patch[k] for k in keys],
                    )

    # -- what hangs from what, read from the schema once --------------------------

    @cached_property
    def _references(self) -> dict[str, list[tuple[str, str, str]]]:
        """parent table -> [(child table, column, ON DELETE action)]."""
        refs: dict[str, list[tuple[str, str, str]]] = defaultdict(list)
        for table in table_names(self.conn):
            for fk in self.conn.execute(f"PRAGMA foreign_key_list([{table}])"):
                # (id, seq, table, from, to, on_update, on_delete, match)
                refs[fk[2]].append((table, fk[3], fk[6].upper()))
        return dict(refs)

    @cached_property
    def _primary_keys(self) -> dict[str, tuple[str, ...]]:
        keys = {}
        for table in table_names(self.conn):
            info = sorted((row[5], row[1]) for row in self.conn.execute(f"PRAGMA table_info([{table}])") if row[5])
            keys[table] = tuple(name for _, name in info) or ("rowid",)
        return keys

    def _keys(self, table: str) -> tuple[str, ...]:
        return self._primary_keys[table]

    @cached_property
    def _table_order(self) -> list[str]:
        """Tables with parents before children, for restoring."""
        tables = [t for t in table_names(self.conn) if not t.startswith(("_", "sqlite_")) and "_fts" not in t]
        parents: dict[str, set[str]] = {t: set() for t in tables}
        for parent, children in self._references.items():
            for child, _column, _action in children:
                if child != parent and child in parents:
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

    def _rows(self, table: str, column: str, values: Iterable[Any]) -> list[dict]:
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
            pks = self._keys(t)
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
                    pks = self._keys(child)
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


def _stored(value: Any) -> Any:
    from coprod_desktop.storage.codec import encode_value

    return encode_value(value)
