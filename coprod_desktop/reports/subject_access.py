"""'Everything we hold about this person': the printed answer to a subject access request.

Every row the archive links to the person, in plain words, and every note elsewhere that
writes their name. Nothing is left out for privacy here: the reader is the person."""

from __future__ import annotations

import json

from reportlab.platypus import Paragraph

from coprod_desktop.domain import values as v
from coprod_desktop.language import N_, _
from coprod_desktop.reports.layout import make_styles, render
from coprod_desktop.reports.markup import para_text

SECTIONS = (  # headings marked here, translated where the document is made
    ("participant", N_("Your record on the roster")),
    ("attendance", N_("Meetings you took part in")),
    ("contributions", N_("What you said")),
    ("phone_posts", N_("What you sent from your phone as yourself")),
    ("actions", N_("Actions you took on")),
    ("report_backs", N_("What was reported back on your actions")),
    ("decisions_agreed", N_("Decisions you agreed to")),
    ("written_mentions", N_("Other notes that write your name")),
)
# Columns that say nothing to a reader (ids, links, bookkeeping).
HIDDEN = {"id", "group_id", "session_id", "participant_id", "owner_participant_id", "agenda_item_id", "action_id",
          "decision_id", "updated_at", "contribution_ids", "agreed_by", "fist_counts", "device", "contribution_id", "phone_counts"}  # fmt: skip
# What each column is called (marked; translated where shown). A column not listed is
# named from its key, in English.
LABELS = {
    "preferred_name": N_("Name"), "support_needs": N_("Support needs"), "support_notes": N_("Other support"),
    "shown_in_print": N_("In printed summaries"), "consent_basis": N_("Basis for keeping your details"),
    "consent_date": N_("Recorded on"), "consent_notes": N_("What you were told"),
    "withdrawn_on": N_("Consent withdrawn on"), "left_on": N_("Left the group on"), "known_as": N_("Also typed as"),
    "language": N_("Papers in"),
    "created_at": N_("Noted at"), "quote_allowed": N_("May be quoted"), "what": N_("Action"), "due_date": N_("Due"),
    "status_reason": N_("Why"), "cannot_change": N_("What could not change"), "text": N_("Words"), "at": N_("At"),
    "pronouns": N_("Pronouns"), "roles": N_("Roles"), "organisation": N_("Organisation"),
    "strengths": N_("Strengths"), "networks": N_("Networks"), "title": N_("Title"), "date": N_("Date"),
    "state": N_("State"), "kind": N_("Kind"), "role": N_("Role"), "card_key": N_("Card key"), "owner": N_("Owner"),
    "owner_role": N_("Owner role"), "status": N_("Status"), "note": N_("Note"), "method": N_("Method"),
    "votes_for": N_("Votes for"), "votes_against": N_("Votes against"), "votes_abstain": N_("Votes abstain"),
    "agreed_count": N_("Agreed count"), "table": N_("Table"), "column": N_("Column"),
}  # fmt: skip


def subject_access_pdf(held: dict[str, list[dict]], *, group_name: str, today: str, large_print: bool = False,
                       paper_size=None) -> bytes:  # fmt: skip
    from reportlab.lib.pagesizes import A4

    st = make_styles(large_print)
    name = held["participant"][0]["preferred_name"] if held.get("participant") else ""
    title = _("Everything we hold about {name}").format(name=name)
    story: list = [Paragraph(para_text(title), st.title)]
    story.append(Paragraph(para_text(_("{group} · as kept on {date}").format(group=group_name, date=today)), st.body))
    for key, heading in SECTIONS:
        rows = held.get(key, [])
        story.append(Paragraph(para_text(_(heading)), st.h1))
        if not rows:
            story.append(Paragraph(_("Nothing."), st.body))
            continue
        for row in rows:
            lines = [f"{_column(c)}: {_shown(c, x)}" for c, x in row.items()
                     if c not in HIDDEN and x not in (None, "", "[]")]  # fmt: skip
            story.append(Paragraph(para_text("\n".join(lines)), st.bullet, bulletText="•"))
    return render(story, paper_size=paper_size or A4, title=title,
                  subject=_("Subject access"), large_print=large_print)  # fmt: skip


def _column(column: str) -> str:
    return _(LABELS[column]) if column in LABELS else column.replace("_", " ").capitalize()


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
        return _("yes") if value else _("no")
    if column.endswith("_at") and isinstance(value, str) and "T" in value:
        return value[:16].replace("T", " ")
    if isinstance(value, str) and value.startswith("["):
        try:
            listed = json.loads(value)
        except ValueError:
            return value
        return ", ".join(_label(column, x) for x in listed)
    return _label(column, value)
