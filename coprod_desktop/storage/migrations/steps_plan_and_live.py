"""The first steps: the planner, capture, and running a session live."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlite_utils import Database

from coprod_desktop.storage.migrations.sql import run as _run


def m001_planner(db: Database) -> None:
    _run(
        db,
        """
        CREATE TABLE groups (
            id TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            description TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE TABLE sessions (
            id TEXT PRIMARY KEY,
            group_id TEXT NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
            title TEXT NOT NULL,
            purpose TEXT NOT NULL DEFAULT '',
            date TEXT,
            start_time TEXT NOT NULL DEFAULT '10:00',
            length_minutes INTEGER NOT NULL DEFAULT 120,
            place TEXT NOT NULL DEFAULT '',
            facilitators TEXT NOT NULL DEFAULT '',
            state TEXT NOT NULL DEFAULT 'planned',
            actual_start TEXT,
            actual_end TEXT,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE INDEX sessions_by_group ON sessions(group_id, date);
        CREATE TABLE agenda_items (
            id TEXT PRIMARY KEY,
            session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            title TEXT NOT NULL,
            planned_minutes INTEGER NOT NULL DEFAULT 15,
            notes TEXT NOT NULL DEFAULT '',
            actual_start TEXT,
            actual_end TEXT
        );
        CREATE INDEX agenda_by_session ON agenda_items(session_id, position);
        CREATE TABLE ground_rules (
            id TEXT PRIMARY KEY,
            session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            text TEXT NOT NULL,
            origin TEXT NOT NULL DEFAULT 'group',
            library_key TEXT
        );
        CREATE INDEX rules_by_session ON ground_rules(session_id, position);
        CREATE TABLE participants (
            id TEXT PRIMARY KEY,
            group_id TEXT NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
            preferred_name TEXT NOT NULL,
            pronouns TEXT NOT NULL DEFAULT '',
            roles TEXT NOT NULL DEFAULT '[]',
            organisation TEXT NOT NULL DEFAULT '',
            strengths TEXT NOT NULL DEFAULT '',
            networks TEXT NOT NULL DEFAULT '',
            support_needs TEXT NOT NULL DEFAULT '[]',
            support_notes TEXT NOT NULL DEFAULT '',
            shown_in_print TEXT NOT NULL DEFAULT 'role',
            consent_basis TEXT NOT NULL DEFAULT 'not_recorded',
            consent_date TEXT,
            consent_notes TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE INDEX participants_by_group ON participants(group_id);
        CREATE TABLE attendance (
            session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
            participant_id TEXT NOT NULL REFERENCES participants(id) ON DELETE CASCADE,
            PRIMARY KEY (session_id, participant_id)
        );
        CREATE INDEX attendance_by_participant ON attendance(participant_id);
        """,
    )


def m002_capture(db: Database) -> None:
    """What a session captures: contributions, decisions and actions."""
    _run(
        db,
        """
        CREATE TABLE contributions (
            id TEXT PRIMARY KEY,
            session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
            agenda_item_id TEXT REFERENCES agenda_items(id) ON DELETE SET NULL,
            text TEXT NOT NULL,
            kind TEXT NOT NULL,
            participant_id TEXT REFERENCES participants(id) ON DELETE SET NULL,
            role TEXT,
            quote_allowed INTEGER NOT NULL DEFAULT 0,
            created_at TEXT NOT NULL
        );
        CREATE INDEX contributions_by_session ON contributions(session_id, created_at);
        CREATE INDEX contributions_by_item ON contributions(agenda_item_id);
        CREATE INDEX contributions_by_participant ON contributions(participant_id);
        CREATE TABLE decisions (
            id TEXT PRIMARY KEY,
            session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
            text TEXT NOT NULL,
            method TEXT NOT NULL,
            votes_for INTEGER,
            votes_against INTEGER,
            votes_abstain INTEGER,
            cannot_change TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL
        );
        CREATE INDEX decisions_by_session ON decisions(session_id);
        CREATE TABLE actions (
            id TEXT PRIMARY KEY,
            session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
            what TEXT NOT NULL,
            owner TEXT NOT NULL DEFAULT '',
            owner_participant_id TEXT REFERENCES participants(id) ON DELETE SET NULL,
            due_date TEXT,
            status TEXT NOT NULL DEFAULT 'open',
            status_reason TEXT NOT NULL DEFAULT '',
            decision_id TEXT REFERENCES decisions(id) ON DELETE SET NULL,
            created_at TEXT NOT NULL
        );
        CREATE INDEX actions_by_session ON actions(session_id);
        CREATE INDEX actions_by_decision ON actions(decision_id);
        CREATE INDEX actions_by_owner ON actions(owner_participant_id);
        """,
    )


def m003_live(db: Database) -> None:
    """Running a session: the item clock, the event log, prompt cards, richer decisions."""
    _run(
        db,
        """
        ALTER TABLE sessions ADD COLUMN current_item_id TEXT;
        ALTER TABLE agenda_items ADD COLUMN extra_minutes INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE agenda_items ADD COLUMN paused_seconds INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE agenda_items ADD COLUMN paused_at TEXT;
        ALTER TABLE contributions ADD COLUMN card_key TEXT;
        ALTER TABLE decisions ADD COLUMN fist_counts TEXT NOT NULL DEFAULT '[]';
        ALTER TABLE decisions ADD COLUMN agreed_by TEXT NOT NULL DEFAULT '[]';
        ALTER TABLE decisions ADD COLUMN agreed_count INTEGER;
        ALTER TABLE decisions ADD COLUMN contribution_ids TEXT NOT NULL DEFAULT '[]';
        ALTER TABLE actions ADD COLUMN owner_role TEXT;
        CREATE TABLE session_events (
            id TEXT PRIMARY KEY,
            session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
            kind TEXT NOT NULL,
            agenda_item_id TEXT REFERENCES agenda_items(id) ON DELETE SET NULL,
            detail TEXT NOT NULL DEFAULT '',
            at TEXT NOT NULL
        );
        CREATE INDEX events_by_session ON session_events(session_id, at);
        CREATE TABLE group_cards (
            id TEXT PRIMARY KEY,
            group_id TEXT NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
            text TEXT NOT NULL,
            category TEXT NOT NULL,
            value TEXT NOT NULL,
            retired INTEGER NOT NULL DEFAULT 0,
            created_at TEXT NOT NULL
        );
        CREATE INDEX group_cards_by_group ON group_cards(group_id);
        CREATE TABLE retired_deck_cards (
            group_id TEXT NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
            card_key TEXT NOT NULL,
            PRIMARY KEY (group_id, card_key)
        );
        CREATE TABLE card_draws (
            id TEXT PRIMARY KEY,
            session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
            card_key TEXT NOT NULL,
            drawn_at TEXT NOT NULL,
            asked_at TEXT,
            put_down_at TEXT
        );
        CREATE INDEX draws_by_session ON card_draws(session_id, drawn_at);
        CREATE INDEX contributions_by_item_time ON contributions(session_id, agenda_item_id, created_at, id)
        """,
    )
