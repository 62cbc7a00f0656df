"""The capture panel's words built from the records (who is here, how many were said on
the item, what came of a contribution), said in the language now, so a change of
language can say them again."""

from __future__ import annotations

from coprod_desktop.language import _, ngettext


def people_line(present: list) -> str:
    """ "1 Asha · 2 Ben", or that no one is marked as here."""
    return " · ".join(f"{n} {p.preferred_name}" for n, p in enumerate(present, start=1)) or _(
        "No one is marked as here yet (People tab)."
    )


def count_line(n: int, more: bool) -> str:
    """How many contributions the list holds ("40+" while more are still to be read)."""
    if more:
        words = ngettext(
            "{n}+ contribution on this item, newest first", "{n}+ contributions on this item, newest first", n
        )
    else:
        words = ngettext(
            "{n} contribution on this item, newest first", "{n} contributions on this item, newest first", n
        )
    return words.format(n=n)


def reading_line(title: str) -> str:
    return _("Showing what was said under “{title}”. New contributions still go to the current item.").format(
        title=title
    )


def trail_text(archive, group_id: str, record_id: str) -> str:
    """From a contribution: the decisions that answered it, their actions, what was reported."""
    from coprod_desktop.domain.loop import trails

    found = trails(
        record_id,
        archive.group_decisions(group_id),
        archive.group_actions(group_id),
        archive.report_backs(group_id=group_id),
    )
    if not found:
        return _("No decision has answered this yet.")
    lines = []
    for t in found:
        lines.append(_("Answered by: {decision}").format(decision=t.decision.text))
        for at in t.actions:
            status = at.report.status.label if at.report else at.action.status.label
            lines.append(f"   → {at.action.what} ({status})")
    return "\n".join(lines)
