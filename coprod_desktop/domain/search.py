"""Turning what a person types into a safe full-text query, and what a result is."""

from __future__ import annotations

import re
from dataclasses import dataclass

_WORD = re.compile(r"\w+", re.UNICODE)


def fts_query(typed: str) -> str | None:
    """Every word must appear (as a word or the start of one); FTS syntax typed by a person
    (quotes, AND, *, parentheses) is treated as plain words. None if nothing to look for."""
    words = _WORD.findall(typed or "")
    if not words:
        return None
    return " ".join(f'"{w}"*' for w in words[:20])


@dataclass(frozen=True)
class SearchHit:
    kind: str  # record class name: Contribution, Decision, Action, AgendaItem, Outcome, OutcomeEvidence
    record_id: str
    group_id: str
    session_id: str | None
    snippet: str
    rank: float
