"""Pieces both documents share: dates, who took part, attribution as allowed in print."""

from __future__ import annotations

from collections import Counter

from reportlab.platypus import Paragraph

from coprod_desktop.domain.attribution import public_label
from coprod_desktop.domain.values import Role, ShownInPrint
from coprod_desktop.domain.wording import in_a_list, long_date, plural
from coprod_desktop.reports.markup import para_text

__all__ = ["long_date", "plural", "said_by", "owner_label", "role_counts", "named", "bullets"]


def said_by(contribution, people_by_id) -> str:
    """How a speaker may appear in print: by name only if they chose it."""
    return public_label(contribution, people_by_id.get(contribution.participant_id), names_on=True)


def owner_label(action, people_by_id) -> str:
    person = people_by_id.get(action.owner_participant_id)
    if person is not None:
        if person.shown_in_print is ShownInPrint.BY_NAME:
            return person.preferred_name
        if person.shown_in_print is ShownInPrint.ROLE_ONLY and person.roles:
            return f"A {person.roles[0].label.lower()} in the group"
        return "A group member"
    if action.owner_role:
        return f"{action.owner_role.label}s in the group"
    return action.owner or "Not yet agreed"


def role_counts(present) -> str:
    """e.g. "3 carers, 2 professionals and 1 patient": each person counted once, by first role."""
    counts = Counter(p.roles[0] if p.roles else Role.OTHER for p in present)
    parts = [plural(counts[r], r.label.lower()) for r in Role if counts[r]]
    if not parts:
        return "No one was recorded as taking part."
    return in_a_list(parts)


def named(present) -> list[str]:
    return sorted((p.preferred_name for p in present if p.shown_in_print is ShownInPrint.BY_NAME), key=str.casefold)


def bullets(texts, style) -> list:
    return [Paragraph(para_text(t), style, bulletText="•") for t in texts]
