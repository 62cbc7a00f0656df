"""Schema history. Never edit a released migration: add a new one, and add it to STEPS.

STEPS is the one list of migrations. sqlite-utils' ``Migrations`` set is made from
it when a migration is due and records each step in ``_sqlite_migrations``; a file
whose record names a step this version does not know was made by a newer app.
sqlite-utils takes longer to import than the whole planner takes to open, so it is
imported only when a migration is due: opening an up-to-date archive stays quick.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from coprod_desktop.storage.migrations.steps_loop import (
    SEARCHED,
    m004_loop,
    m005_owner_words,
    m006_index_only_text_edits,
    m007_capture_drafts,
)
from coprod_desktop.storage.migrations.steps_phones import m014_phones, m015_phone_posts_go_with_their_contribution
from coprod_desktop.storage.migrations.steps_plan_and_live import m001_planner, m002_capture, m003_live
from coprod_desktop.storage.migrations.steps_protection import m008_consent_and_retention, m009_archive_identity
from coprod_desktop.storage.migrations.steps_roster import (
    m010_left_the_group,
    m011_known_as,
    m012_agenda_templates,
    m013_language,
)

if TYPE_CHECKING:
    from sqlite_utils import Database
    from sqlite_utils.migrations import Migrations

MIGRATION_SET = "coprod_desktop"


def migration_set() -> Migrations:
    """The sqlite-utils migration set: every step of STEPS, in order, under its own name."""
    from sqlite_utils.migrations import Migrations

    steps = Migrations(MIGRATION_SET)
    for fn in STEPS:
        steps(name=fn.__name__)(fn)
    return steps


def known() -> tuple[str, ...]:
    """The names of every step this version can apply, in order."""
    return tuple(fn.__name__ for fn in STEPS)


STEPS: tuple[Callable[[Database], None], ...] = (
    m001_planner,
    m002_capture,
    m003_live,
    m004_loop,
    m005_owner_words,
    m006_index_only_text_edits,
    m007_capture_drafts,
    m008_consent_and_retention,
    m009_archive_identity,
    m010_left_the_group,
    m011_known_as,
    m012_agenda_templates,
    m013_language,
    m014_phones,
    m015_phone_posts_go_with_their_contribution,
)

__all__ = ["MIGRATION_SET", "SEARCHED", "STEPS", "known", "migration_set"]
