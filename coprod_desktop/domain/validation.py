"""Checks a record before it is kept: text cleaned, numbers in range.

Raises ValueError with a message fit to show a facilitator.
"""

from __future__ import annotations

import dataclasses
from enum import Enum
from typing import Any

from coprod_desktop.domain.text import clean_block, clean_line
from coprod_desktop.language import N_, _

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

# How a message names each field (marked here, translated when the message is made);
# a field not listed is named from its key, in English.
_LABELS = {
    "name": N_("The name"),
    "preferred_name": N_("The name"),
    "title": N_("The title"),
    "planned_minutes": N_("Planned minutes"),
    "length_minutes": N_("The session length"),
    "description": N_("Description"),
    "purpose": N_("Purpose"),
    "notes": N_("Notes"),
    "place": N_("Place"),
    "facilitators": N_("Facilitators"),
    "text": N_("Text"),
    "what": N_("What"),
    "owner": N_("Owner"),
    "status_reason": N_("Status reason"),
    "cannot_change": N_("Cannot change"),
    "note": N_("Note"),
    "pronouns": N_("Pronouns"),
    "organisation": N_("Organisation"),
    "strengths": N_("Strengths"),
    "networks": N_("Networks"),
    "support_notes": N_("Support notes"),
    "consent_notes": N_("Consent notes"),
    "known_as": N_("Known as"),
    "language": N_("Language for their papers"),
    "data_contact": N_("Data contact"),
    "category": N_("Category"),
    "detail": N_("Detail"),
    "start_time": N_("Start time"),
    "votes_for": N_("Votes for"),
    "votes_against": N_("Votes against"),
    "votes_abstain": N_("Votes abstain"),
    "agreed_count": N_("Agreed count"),
    "fist_counts": N_("Fist counts"),
    "extra_minutes": N_("Extra minutes"),
    "minutes": N_("Minutes"),
    "paused_seconds": N_("Paused seconds"),
    "position": N_("Position"),
}


def clean_value(field_name: str, value):
    """The value to keep for ``field_name``; ValueError if it cannot be kept."""
    what = _(_LABELS[field_name]) if field_name in _LABELS else field_name.replace("_", " ").capitalize()
    if isinstance(value, tuple):
        return tuple(clean_value(field_name, v) for v in value)
    if isinstance(value, Enum):
        return value
    if field_name in NUMBER_RANGES and value is not None:
        if isinstance(value, bool) or not isinstance(value, int):
            raise ValueError(_("{what} must be a whole number.").format(what=what))
        low, high = NUMBER_RANGES[field_name]
        if not low <= value <= high:
            raise ValueError(_("{what} must be between {low} and {high}.").format(what=what, low=low, high=high))
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
