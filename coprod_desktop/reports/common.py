"""Pieces the documents share: who took part and who said what, as privacy allows in print."""

from __future__ import annotations

from reportlab.platypus import Paragraph

from coprod_desktop.domain import privacy
from coprod_desktop.domain.wording import long_date
from coprod_desktop.language import N_, _, ngettext
from coprod_desktop.reports.markup import para_text

__all__ = ["long_date", "said_by", "owner_label", "role_counts", "named", "bullets"]


def said_by(contribution, people_by_id) -> str:
    """How a speaker may appear in print (privacy decides)."""
    return privacy.speaker_in(contribution, people_by_id, privacy.Audience.PRINT)


def owner_label(action, people_by_id) -> str:
    return privacy.owner(action, people_by_id, privacy.Audience.PRINT)


role_counts = privacy.roles_in_words
named = privacy.named


def bullets(texts, style) -> list:
    return [Paragraph(para_text(t), style, bulletText="•") for t in texts]


_YEARS = {
    1: N_("one year"),
    2: N_("two years"),
    3: N_("three years"),
    4: N_("four years"),
    5: N_("five years"),
    6: N_("six years"),
}


def data_note(group) -> str:
    """What every document says about the information it comes from: how long this group's
    notes are kept (its own retention period) and whom to ask."""
    years = getattr(group, "retention_years", 2)
    period = _(_YEARS[years]) if years in _YEARS else ngettext("{n} year", "{n} years", years).format(n=years)
    contact = getattr(group, "data_contact", "").strip()
    if contact:
        return _(
            "We keep the notes of this meeting so the group can act on them and report back. Notes name "
            "only people who asked to be named; everyone else appears by their role, or not at all. "
            "We keep them for {period} after the group's last meeting, then delete them. You can ask "
            "to see what we hold about you, to correct it, or to be removed, at any time: contact {contact}, "
            "or tell the facilitator, and we will do it and let you know."
        ).format(period=period, contact=contact)
    return _(
        "We keep the notes of this meeting so the group can act on them and report back. Notes name "
        "only people who asked to be named; everyone else appears by their role, or not at all. "
        "We keep them for {period} after the group's last meeting, then delete them. You can ask "
        "to see what we hold about you, to correct it, or to be removed, at any time: tell the facilitator, "
        "and we will do it and let you know."
    ).format(period=period)


def data_note_section(group, st) -> list:
    return [Paragraph(_("About your information"), st.h1), Paragraph(para_text(data_note(group)), st.small)]
