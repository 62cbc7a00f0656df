"""Capturing what was said: who said it (as typed), its kind, and whether it may be quoted."""

from __future__ import annotations

from collections.abc import Sequence

from coprod_desktop.app.edits import AddRecord
from coprod_desktop.domain import attribution
from coprod_desktop.domain.records import Contribution, Participant, Session
from coprod_desktop.domain.values import ContributionKind
from coprod_desktop.language import _, ngettext
from coprod_desktop.storage import Archive


class Capture(AddRecord):
    """Keep a contribution, and forget the draft it was typed as, in one transaction: the
    words are in the archive as a draft until the moment they are a contribution.

    ``draft_left`` is what is in the box once it is kept: empty, unless the capture waited
    for a lock while the facilitator typed the next one."""

    draft_left = ""

    def apply(self, archive: Archive) -> None:
        with archive.transaction():
            super().apply(archive)
            archive.keep_draft(self.record.session_id, self.draft_left)


class WhoUnclear(ValueError):
    """What was typed in "who" matches no one, or more than one person."""


def capture(
    session: Session,
    said: str,
    who_typed: str,
    kind: ContributionKind,
    *,
    quote_allowed: bool,
    item_id: str | None,
    card_key: str | None,
    present: Sequence[Participant],
) -> Capture | None:
    """The step that keeps one contribution; None if nothing was said. Filed under the
    item being run and the card on the table."""
    said = said.strip()
    if not said:
        return None
    found = attribution.candidates(who_typed, present)
    if len(found) > 1:
        labels = [w.label for w in found[:6]]
        could_be = _("{some} or {last}").format(some=", ".join(labels[:-1]), last=labels[-1])
        if len(found) > 6:
            more = len(found) - 6
            raise WhoUnclear(
                ngettext(
                    "“{typed}” could be {names} (and {n} more). Type the number, or more of the name.",
                    "“{typed}” could be {names} (and {n} more). Type the number, or more of the name.",
                    more,
                ).format(typed=who_typed, names=could_be, n=more)
            )
        raise WhoUnclear(
            _("“{typed}” could be {names}. Type the number, or more of the name.").format(
                typed=who_typed, names=could_be
            )
        )
    if not found:
        raise WhoUnclear(_("Who is “{typed}”? Type their number, more of the name, or a role.").format(typed=who_typed))
    who = found[0]
    record = Contribution(
        session.id,
        said,
        kind,
        item_id,
        participant_id=who.participant_id,
        role=who.role,
        quote_allowed=quote_allowed,
        card_key=card_key,
    )
    return Capture(record, _("Capture contribution"))
