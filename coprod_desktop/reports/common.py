"""Pieces the documents share: who took part and who said what, as privacy allows in print."""

from __future__ import annotations

from reportlab.platypus import Paragraph

from coprod_desktop.domain import privacy
from coprod_desktop.domain.wording import long_date, plural
from coprod_desktop.reports.markup import para_text

__all__ = ["long_date", "plural", "said_by", "owner_label", "role_counts", "named", "bullets"]


def said_by(contribution, people_by_id) -> str:
    """How a speaker may appear in print (privacy decides)."""
    return privacy.speaker_in(contribution, people_by_id, privacy.Audience.PRINT)


def owner_label(action, people_by_id) -> str:
    return privacy.owner(action, people_by_id, privacy.Audience.PRINT)


role_counts = privacy.roles_in_words
named = privacy.named


def bullets(texts, style) -> list:
    return [Paragraph(para_text(t), style, bulletText="•") for t in texts]
