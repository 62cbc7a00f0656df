"""Across sessions: the loop, full-text search, and later fixes."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlite_utils import Database

from coprod_desktop.storage.migrations.sql import run as _run

# Text that full-text search covers: table -> columns (FTS5 through sqlite-utils, kept in
# step with inserts, edits and deletes by the triggers sqlite-utils creates).
SEARCHED = {
    "contributions": ["text"],
    "decisions": ["text", "cannot_change"],
    "actions": ["what", "status_reason"],
    "agenda_items": ["title", "notes"],
    "outcomes": ["text"],
    "outcome_evidence": ["text"],
}


def m004_loop(db: Database) -> None:
    """Across sessions: report-backs, outcomes with evidence, self-checks, and full-text search."""
    _run(
        db,
        """
        CREATE TABLE report_backs (
            id TEXT PRIMARY KEY,
            session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
            status TEXT NOT NULL,
            note TEXT NOT NULL DEFAULT '',
            action_id TEXT REFERENCES actions(id) ON DELETE CASCADE,
            decision_id TEXT REFERENCES decisions(id) ON DELETE CASCADE,
            at TEXT NOT NULL
        );
        CREATE INDEX report_backs_by_session ON report_backs(session_id);
        CREATE INDEX report_backs_by_action ON report_backs(action_id);
        CREATE INDEX report_backs_by_decision ON report_backs(decision_id);
        CREATE TABLE outcomes (
            id TEXT PRIMARY KEY,
            group_id TEXT NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
            text TEXT NOT NULL,
            created_at TEXT NOT NULL
        );
        CREATE INDEX outcomes_by_group ON outcomes(group_id);
        CREATE TABLE outcome_evidence (
            id TEXT PRIMARY KEY,
            outcome_id TEXT NOT NULL REFERENCES outcomes(id) ON DELETE CASCADE,
            text TEXT NOT NULL,
            session_id TEXT REFERENCES sessions(id) ON DELETE SET NULL,
            at TEXT NOT NULL
        );
        CREATE INDEX evidence_by_outcome ON outcome_evidence(outcome_id);
        CREATE TABLE self_checks (
            id TEXT PRIMARY KEY,
            session_id TEXT NOT NULL UNIQUE REFERENCES sessions(id) ON DELETE CASCADE,
            ladder_counts TEXT NOT NULL DEFAULT '[0,0,0,0,0,0,0]',
            facilitator_rung TEXT,
            answers TEXT NOT NULL DEFAULT '[]',
            updated_at TEXT NOT NULL
        )
        """,
    )
    for table, columns in SEARCHED.items():
        db.table(table).enable_fts(columns, fts_version="FTS5", create_triggers=True)


def m005_owner_words(db: Database) -> None:
    """An action's ``owner`` text holds only an owner in words (an organisation, someone not
    on the roster). Earlier versions also copied a person's name into it, which outlived
    the person's removal from the roster and their choice not to be named in print."""
    db.execute("UPDATE actions SET owner = '' WHERE owner_participant_id IS NOT NULL")


def m006_index_only_text_edits(db: Database) -> None:
    """Re-index a row for search only when its searched text changes: the triggers
    sqlite-utils makes re-index on any update, so every tick of a live session (an item's
    start, end or pause) rewrote the search index of the agenda. And count what each
    prompt card drew from an index, not by reading every contribution of the session."""
    db.execute("CREATE INDEX contributions_by_card ON contributions(session_id, card_key) WHERE card_key IS NOT NULL")
    for table, columns in SEARCHED.items():
        listed = ", ".join(f'"{c}"' for c in columns)
        old = ", ".join(f'old."{c}"' for c in columns)
        new = ", ".join(f'new."{c}"' for c in columns)
        db.execute(f'DROP TRIGGER IF EXISTS "{table}_au"')
        db.execute(
            f'CREATE TRIGGER "{table}_au" AFTER UPDATE OF {listed} ON "{table}" BEGIN\n'
            f'  INSERT INTO "{table}_fts" ("{table}_fts", rowid, {listed}) VALUES(\'delete\', old.rowid, {old});\n'
            f'  INSERT INTO "{table}_fts" (rowid, {listed}) VALUES (new.rowid, {new});\n'
            "END"
        )


def m007_capture_drafts(db: Database) -> None:
    """Words typed in the capture box and not yet kept, one draft a session: in the
    archive (which is to be encrypted), not in the settings file, and gone with the
    session."""
    db.execute(
        "CREATE TABLE capture_drafts ("
        " session_id TEXT PRIMARY KEY REFERENCES sessions(id) ON DELETE CASCADE,"
        " text TEXT NOT NULL,"
        " updated_at TEXT NOT NULL)"
    )
