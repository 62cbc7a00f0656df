"""The values check: every value in the archive is one the app could have written.

SQLite's integrity check vouches for the file's structure, not for what is in it: text
that is not UTF-8, a state, role or kind the app does not know, broken JSON or a date
that is not one pass it. Here each field is checked as the record types describe it
(storage.codec reads the same hints), in SQL, so 4,000 rows take a couple of
milliseconds; text is read back as the app reads it, which finds what is not UTF-8.
"""

from __future__ import annotations

import dataclasses
import typing
from collections.abc import Iterator
from datetime import date
from enum import Enum
from functools import cache
from pathlib import Path

from coprod_desktop.storage import connection, errors
from coprod_desktop.storage.codec import _base, _hints
from coprod_desktop.storage.damage import as_damage, damaged_value, in_a_record
from coprod_desktop.storage.kinds import KINDS

BATCH = 2000


def _quoted(values) -> str:
    return ", ".join("'" + str(v).replace("'", "''") + "'" for v in values)


def _wrong(column: str, hint) -> str | None:
    """A SQL condition true where ``column`` holds what a field of type ``hint`` never does."""
    hint = _base(hint)
    c = f"[{column}]"
    if typing.get_origin(hint) is tuple:
        inner = _base(typing.get_args(hint)[0])
        if isinstance(inner, type) and issubclass(inner, Enum):
            member = f"value NOT IN ({_quoted(m.value for m in inner)})"
        elif inner is int:
            member = "type NOT IN ('integer')"
        else:
            member = "type NOT IN ('text')"
        return (
            f"CASE WHEN json_valid({c}) AND json_type({c}) = 'array' "
            f"THEN EXISTS (SELECT 1 FROM json_each({c}) WHERE {member}) ELSE 1 END"
        )
    if isinstance(hint, type) and issubclass(hint, Enum):
        return f"{c} NOT IN ({_quoted(m.value for m in hint)})"
    if hint is bool:
        return f"{c} NOT IN (0, 1)"
    if hint is date:
        return f"(typeof({c}) != 'text' OR date({c}) IS NOT {c})"
    return None


@cache
def _checks(cls) -> tuple[tuple[str, str], ...]:
    """(field, condition) for each field of ``cls`` that can hold a wrong value."""
    hints = _hints(cls)
    found = []
    for f in dataclasses.fields(cls):
        condition = _wrong(f.name, hints[f.name])
        if condition is not None:
            found.append((f.name, condition))
    return tuple(found)


def _tables(conn: connection.Connection) -> Iterator[tuple[str, list[str]]]:
    """Each table of the app's (not SQLite's, not the search index's) and its columns."""
    tables = conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
        "AND sql NOT LIKE 'CREATE VIRTUAL TABLE%' AND name NOT LIKE '%search%'"
    ).fetchall()
    for (table,) in tables:
        yield table, [row[1] for row in conn.execute(f"PRAGMA table_info([{table}])")]


def check_values(conn: connection.Connection, path: Path | None) -> None:
    """Raise CorruptArchive (or another ArchiveError) for the first value the app never writes."""
    by_table = {kind.table: cls for cls, kind in KINDS.items()}
    try:
        for table, columns in _tables(conn):
            cls = by_table.get(table)
            record = cls.__name__.lower() if cls is not None else table
            for name, condition in _checks(cls) if cls is not None else ():
                if (
                    name in columns
                    and conn.execute(
                        f"SELECT 1 FROM [{table}] WHERE [{name}] IS NOT NULL AND {condition} LIMIT 1"
                    ).fetchone()
                ):
                    raise damaged_value(in_a_record(name, record), path)
            text = ", ".join(f"CASE WHEN typeof([{c}]) = 'text' THEN [{c}] END AS [{c}]" for c in columns)
            cursor = conn.execute(f"SELECT {text} FROM [{table}]")  # decoded as the app decodes it
            while cursor.fetchmany(BATCH):
                pass
    except connection.Error as error:
        damage = as_damage(error, path)
        raise (damage or errors.CorruptArchive(str(error), path)) from error
