"""A group's prompt deck: the default cards it has not retired, plus its own."""

from __future__ import annotations

from coprod_desktop.assets import default_deck
from coprod_desktop.domain.deck import Card
from coprod_desktop.storage import Archive


def group_deck(archive: Archive, group_id: str, *, include_retired: bool = False) -> list[Card]:
    retired = archive.retired_deck_keys(group_id)
    cards = [Card(c.key, c.text, c.category, c.value, own=False, retired=c.key in retired) for c in default_deck()]
    cards += [
        Card(g.id, g.text, g.category, g.value, own=True, retired=g.retired) for g in archive.group_cards(group_id)
    ]
    return cards if include_retired else [c for c in cards if not c.retired]


def card_by_key(archive: Archive, group_id: str, key: str | None) -> Card | None:
    if not key:
        return None
    return next((c for c in group_deck(archive, group_id, include_retired=True) if c.key == key), None)
