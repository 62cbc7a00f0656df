"""The roster over time: people who leave a group stay in its history."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlite_utils import Database


def m010_left_the_group(db: Database) -> None:
    """The day a person left the group. Leaving is not erasure: their attendance, words and
    actions stay in the record of the sessions they came to."""
    db.execute("ALTER TABLE participants ADD COLUMN left_on TEXT")


def m012_agenda_templates(db: Database) -> None:
    """Agendas saved to start other sessions from: titles and minutes, no notes."""
    db.execute(
        "CREATE TABLE agenda_templates (id TEXT PRIMARY KEY, name TEXT NOT NULL, titles TEXT NOT NULL DEFAULT '[]', "
        "minutes TEXT NOT NULL DEFAULT '[]', created_at TEXT NOT NULL)"
    )


def m013_language(db: Database) -> None:
    """The language a person wants their papers in: cy, en, both, or '' (not said)."""
    db.execute("ALTER TABLE participants ADD COLUMN language TEXT NOT NULL DEFAULT ''")


def m011_known_as(db: Database) -> None:
    """Another spelling of a person's name to type them by when capturing; never printed."""
    db.execute("ALTER TABLE participants ADD COLUMN known_as TEXT NOT NULL DEFAULT ''")
