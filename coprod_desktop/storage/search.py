"""Full-text search over everything written (SQLite FTS5, kept by sqlite-utils' triggers)."""

from __future__ import annotations

from coprod_desktop.domain.search import SearchHit, fts_query
from coprod_desktop.storage import connection
from coprod_desktop.storage.records import RecordStore

# table, kind, how to reach group and session from the indexed row
SEARCHED = (
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


def _search_sql() -> str:
    parts = [
        f"SELECT * FROM (SELECT * FROM (SELECT ? AS kind, t.id, {group_col} AS group_id, {session_col} AS session_id, "
        f"snippet({table}_fts, -1, '[', ']', '…', 10) AS snippet, {table}_fts.rank AS rank "
        f"FROM {table}_fts JOIN {table} t ON t.rowid = {table}_fts.rowid {join} "
        f"WHERE {table}_fts MATCH ? ORDER BY {table}_fts.rowid DESC LIMIT ?) ORDER BY rank LIMIT ?)"
        for table, _kind, join, group_col, session_col in SEARCHED
    ]
    return " UNION ALL ".join(parts) + " ORDER BY rank LIMIT ?"


SEARCH_SQL = _search_sql()  # identifiers only; every value is a parameter


class Search(RecordStore):
    def search(self, typed: str, limit: int = 20) -> list[SearchHit]:
        """The best ``limit`` matches across everything written, best first (FTS5 bm25,
        among the newest matches of each kind)."""
        query = fts_query(typed)
        if query is None:
            return []
        params = [p for _t, kind, *_ in SEARCHED for p in (kind, query, SEARCH_WINDOW, limit)] + [limit]
        try:
            rows = self.conn.execute(SEARCH_SQL, params).fetchall()
        except connection.OperationalError:
            return []  # a query FTS cannot parse finds nothing rather than failing
        return [SearchHit(*row) for row in rows]
