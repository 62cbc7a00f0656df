"""A group's prompt deck, and drawing from it in a session.

The deck is the default cards the group has not retired, plus its own. Drawing
puts down the card on the table (if any) and draws another, without repeats,
as one undoable step.
"""

from __future__ import annotations

from coprod_desktop.app.content import default_deck
from coprod_desktop.app.context import Context
from coprod_desktop.app.edits import AddRecord, Edit, EditRecord, Together
from coprod_desktop.domain.deck import Card, draw
from coprod_desktop.domain.records import CardDraw, Session
from coprod_desktop.domain.values import CoproductionValue, SessionState
from coprod_desktop.language import _, pgettext
from coprod_desktop.storage import Archive


def group_deck(archive: Archive, group_id: str, *, include_retired: bool = False) -> list[Card]:
    """The group's cards: the default deck's in the language being spoken, its own as written."""
    retired = archive.retired_deck_keys(group_id)
    cards = [
        Card(c.key, pgettext("content", c.text), c.category, c.value, own=False, retired=c.key in retired)
        for c in default_deck()
    ]
    cards += [
        Card(g.id, g.text, g.category, g.value, own=True, retired=g.retired) for g in archive.group_cards(group_id)
    ]
    return cards if include_retired else [c for c in cards if not c.retired]


def card_by_key(archive: Archive, group_id: str, key: str | None) -> Card | None:
    if not key:
        return None
    return next((c for c in group_deck(archive, group_id, include_retired=True) if c.key == key), None)


class NotLive(ValueError):
    """A step of running a session, asked of one that is not live (planned, or ended)."""


def live_only(session: Session, refusal: str) -> None:
    """The one rule for what only a live session takes: drawing a card, pointing to a rule.
    ``refusal`` is the whole sentence to say when it is not live."""
    if session.state is not SessionState.LIVE:
        raise NotLive(refusal)


def put_down(context: Context, session: Session) -> Edit | None:
    """Put the card on the table down; None if there is none."""
    table = context.archive.card_on_table(session.id)
    if table is None:
        return None
    return EditRecord(
        CardDraw, table.id, {"put_down_at": None}, {"put_down_at": context.clock.now_iso()}, _("Put card down")
    )


def mark_asked(context: Context, session: Session) -> Edit | None:
    table = context.archive.card_on_table(session.id)
    if table is None or table.asked_at:
        return None
    now = context.clock.now_iso()
    return EditRecord(CardDraw, table.id, {"asked_at": None}, {"asked_at": now}, _("Mark card asked"))


def draw_card(
    context: Context, session: Session, *, category: str | None = None, value: CoproductionValue | None = None
) -> Edit | None:
    """Draw a card not yet drawn this session (of a category or value, if asked), putting
    down the one on the table; None if none is left to draw."""
    live_only(session, _("Drawing a card is for a session while it runs. Reopen the session first (it asks)."))
    archive = context.archive
    drawn = [d.card_key for d in archive.draws(session.id)]
    card = draw(group_deck(archive, session.group_id), drawn, context.rng, category=category, value=value)
    if card is None:
        return None
    steps: list[Edit] = [s for s in (put_down(context, session),) if s is not None]
    steps.append(AddRecord(CardDraw(session.id, card.key, drawn_at=context.clock.now_iso()), _("Draw a card")))
    return Together(_("Draw a card"), steps)
