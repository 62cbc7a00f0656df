"""Participants' own phones: what they say waits in an inbox; rounds and their answers."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlite_utils import Database


def m014_phones(db: Database) -> None:
    """Posts from phones (waiting, accepted or set aside), rounds opened to the phones and
    their answers (one a phone a round, never linked to a person), and the phones' share
    of a decision's and a self-check's counts."""
    db.executescript(
        """
        CREATE TABLE phone_posts (
            id TEXT PRIMARY KEY,
            session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
            text TEXT NOT NULL,
            kind TEXT NOT NULL,
            participant_id TEXT REFERENCES participants(id) ON DELETE SET NULL,
            quote_allowed INTEGER NOT NULL DEFAULT 0,
            agenda_item_id TEXT REFERENCES agenda_items(id) ON DELETE SET NULL,
            card_key TEXT,
            device TEXT NOT NULL DEFAULT '',
            state TEXT NOT NULL DEFAULT 'waiting',
            contribution_id TEXT REFERENCES contributions(id) ON DELETE SET NULL,
            created_at TEXT NOT NULL
        );
        CREATE INDEX phone_posts_by_session ON phone_posts(session_id, state, created_at);
        CREATE TABLE phone_rounds (
            id TEXT PRIMARY KEY,
            session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
            kind TEXT NOT NULL,
            question TEXT NOT NULL DEFAULT '',
            agenda_item_id TEXT REFERENCES agenda_items(id) ON DELETE SET NULL,
            opened_at TEXT NOT NULL,
            closed_at TEXT,
            revealed_at TEXT
        );
        CREATE INDEX phone_rounds_by_session ON phone_rounds(session_id, opened_at);
        CREATE TABLE round_answers (
            id TEXT PRIMARY KEY,
            round_id TEXT NOT NULL REFERENCES phone_rounds(id) ON DELETE CASCADE,
            session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
            answer TEXT NOT NULL,
            reason TEXT NOT NULL DEFAULT '',
            device TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            UNIQUE (round_id, device)
        );
        ALTER TABLE decisions ADD COLUMN phone_counts TEXT NOT NULL DEFAULT '[]';
        ALTER TABLE self_checks ADD COLUMN phone_ladder_counts TEXT NOT NULL DEFAULT '[]';
        """
    )


def m015_phone_posts_go_with_their_contribution(db: Database) -> None:
    """A post accepted into the record goes when its contribution is deleted (and comes back
    with it on undo): its words must not outlive the record's copy. Before, the post kept
    them, only unlinked. SQLite changes a foreign key only by making the table again."""
    db.executescript(
        """
        CREATE TABLE phone_posts_new (
            id TEXT PRIMARY KEY,
            session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
            text TEXT NOT NULL,
            kind TEXT NOT NULL,
            participant_id TEXT REFERENCES participants(id) ON DELETE SET NULL,
            quote_allowed INTEGER NOT NULL DEFAULT 0,
            agenda_item_id TEXT REFERENCES agenda_items(id) ON DELETE SET NULL,
            card_key TEXT,
            device TEXT NOT NULL DEFAULT '',
            state TEXT NOT NULL DEFAULT 'waiting',
            contribution_id TEXT REFERENCES contributions(id) ON DELETE CASCADE,
            created_at TEXT NOT NULL
        );
        DELETE FROM phone_posts WHERE state = 'accepted' AND contribution_id IS NULL;
        INSERT INTO phone_posts_new SELECT id, session_id, text, kind, participant_id, quote_allowed,
            agenda_item_id, card_key, device, state, contribution_id, created_at FROM phone_posts;
        DROP TABLE phone_posts;
        ALTER TABLE phone_posts_new RENAME TO phone_posts;
        CREATE INDEX phone_posts_by_session ON phone_posts(session_id, state, created_at);
        CREATE INDEX phone_posts_by_contribution ON phone_posts(contribution_id);
        """
    )
