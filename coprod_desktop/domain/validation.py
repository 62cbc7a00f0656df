"""Checks a record before it is kept: text cleaned, numbers in range.

Raises ValueError with a message fit to show a facilitator.
"""

from __future__ import annotations

import dataclasses
from enum import Enum
from typing import Any

from coprod_desktop.domain.text import clean_block, clean_line

# Fields that hold paragraphs rather than one line.
LONG_TEXT_FIELDS = frozenset(
    {
        "description",
        "purpose",
        "notes",
        "strengths",
        "networks",
        "support_notes",
        "consent_notes",
        "text",
        "cannot_change",
        "what",
        "status_reason",
    }
)

# (smallest, largest) for whole-number fields.
NUMBER_RANGES = {
    "planned_minutes": (0, 24 * 60),
    "length_minutes": (1, 24 * 60),
    "position": (0, 1_000_000),
    "votes_for": (0, 100_000),
    "votes_against": (0, 100_000),
    "votes_abstain": (0, 100_000),
    "agreed_count": (0, 100_000),
    "fist_counts": (0, 100_000),
    "extra_minutes": (0, 24 * 60),
    "minutes": (0, 24 * 60),  # an agenda template's items
    "paused_seconds": (0, 100 * 366 * 24 * 3600),  # a session can be reopened years after it closed
}

_LABELS = {
    "name": "The name",
    "preferred_name": "The name",
    "title": "The title",
    "planned_minutes": "Planned minutes",
    "length_minutes": "The session length",
}


def clean_value(field_name: str, value):
    """The value to keep for ``field_name``; ValueError if it cannot be kept."""
    what = _LABELS.get(field_name, field_name.replace("_", " ").capitalize())
    if isinstance(value, tuple):
        return tuple(clean_value(field_name, v) for v in value)
    if isinstance(value, Enum):
        return value
    if field_name in NUMBER_RANGES and value is not None:
        if isinstance(value, bool) or not isinstance(value, int):
            raise ValueError(f"{what} must be a whole number.")
        low, high = NUMBER_RANGES[field_name]
        if not low <= value <= high:
            raise ValueError(f"{what} must be between {low} and {high}.")
        return value
    if isinstance(value, str):
        if field_name in LONG_TEXT_FIELDS:
            return clean_block(value, what=what)
        return clean_line(value, what=what)
    return value


def cleaned(record: Any) -> Any:
    """A copy of ``record`` with every field passed through clean_value."""
    changes = {}
    for f in dataclasses.fields(record):
        value = getattr(record, f.name)
        new = clean_value(f.name, value)
        if new is not value:
            changes[f.name] = new
    return dataclasses.replace(record, **changes) if changes else record
