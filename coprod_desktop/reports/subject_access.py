"""'Everything we hold about this person': the printed answer to a subject access request.

Every row the archive links to the person, in plain words, and every note elsewhere that
writes their name. Nothing is left out for privacy here: the reader is the person."""

from __future__ import annotations

import json

from reportlab.platypus import Paragraph

from coprod_desktop.domain import values as v
from coprod_desktop.reports.layout import make_styles, render
from coprod_desktop.reports.markup import para_text

SECTIONS = (
    ("participant", "Your record on the roster"),
    ("attendance", "Meetings you took part in"),
    ("contributions", "What you said"),
    ("actions", "Actions you took on"),
    ("report_backs", "What was reported back on your actions"),
    ("decisions_agreed", "Decisions you agreed to"),
    ("written_mentions", "Other notes that write your name"),
)
# Columns that say nothing to a reader (ids, links, bookkeeping).
HIDDEN = {"id", "group_id", "session_id", "participant_id", "owner_participant_id", "agenda_item_id", "action_id",
          "decision_id", "updated_at", "contribution_ids", "agreed_by", "fist_counts"}  # fmt: skip
LABELS = {
    "preferred_name": "Name", "support_needs": "Support needs", "support_notes": "Other support",
    "shown_in_print": "In printed summaries", "consent_basis": "Basis for keeping your details",
    "consent_date": "Recorded on", "consent_notes": "What you were told", "withdrawn_on": "Consent withdrawn on",
    "left_on": "Left the group on", "known_as": "Also typed as",
    "created_at": "Noted at", "quote_allowed": "May be quoted", "what": "Action", "due_date": "Due",
    "status_reason": "Why", "cannot_change": "What could not change", "text": "Words", "at": "At",
}  # fmt: skip


def subject_access_pdf(held: dict[str, list[dict]], *, group_name: str, today: str, large_print: bool = False,
                       paper_size=None) -> bytes:  # fmt: skip
    from reportlab.lib.pagesizes import A4

    st = make_styles(large_print)
    name = held["participant"][0]["preferred_name"] if held.get("participant") else ""
    story: list = [Paragraph(para_text(f"Everything we hold about {name}"), st.title)]
    story.append(Paragraph(para_text(f"{group_name} · as kept on {today}"), st.body))
    for key, heading in SECTIONS:
        rows = held.get(key, [])
        story.append(Paragraph(para_text(heading), st.h1))
        if not rows:
            story.append(Paragraph("Nothing.", st.body))
            continue
        for row in rows:
            lines = [f"{LABELS.get(c, c.replace('_', ' ').capitalize())}: {_shown(c, x)}" for c, x in row.items()
                     if c not in HIDDEN and x not in (None, "", "[]")]  # fmt: skip
            story.append(Paragraph(para_text("\n".join(lines)), st.bullet, bulletText="•"))
    return render(story, paper_size=paper_size or A4, title=f"Everything we hold about {name}",
                  subject="Subject access", large_print=large_print)  # fmt: skip


ENUMS = {"roles": v.Role, "role": v.Role, "owner_role": v.Role, "shown_in_print": v.ShownInPrint,
         "consent_basis": v.ConsentBasis, "kind": v.ContributionKind, "method": v.DecisionMethod,
         "status": v.ActionStatus, "state": v.SessionState}  # fmt: skip


def _label(column: str, value) -> str:
    enum = ENUMS.get(column)
    if enum is not None:
        try:
            return enum(value).label
        except ValueError:
            pass
    return str(value)


def _shown(column: str, value) -> str:
    if column == "quote_allowed":
        return "yes" if value else "no"
    if column.endswith("_at") and isinstance(value, str) and "T" in value:
        return value[:16].replace("T", " ")
    if isinstance(value, str) and value.startswith("["):
        try:
            listed = json.loads(value)
        except ValueError:
            return value
        return ", ".join(_label(column, x) for x in listed)
    return _label(column, value)
