"""Running a migration's SQL inside the transaction sqlite-utils opened for it."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlite_utils import Database


def run(db: Database, script: str) -> None:
    # Not executescript(): it would COMMIT the transaction sqlite-utils opened
    # around the migration, losing all-or-nothing.
    for statement in script.split(";"):
        if statement.strip():
            db.execute(statement)
