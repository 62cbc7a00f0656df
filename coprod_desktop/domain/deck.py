"""The curiosity-question deck: categories, cards, and drawing without repeats."""

from __future__ import annotations

import random
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from coprod_desktop.domain.values import CoproductionValue as V
from coprod_desktop.language import N_, _


@dataclass(frozen=True)
class Category:
    key: str
    english: str  # marked with N_; ``label`` is what a person reads
    values: tuple[V, ...]

    @property
    def label(self) -> str:
        return _(self.english)


CATEGORIES = (
    Category("strengths", N_("Strengths"), (V.STRENGTHS,)),
    Category("connections", N_("Connections"), (V.NETWORKS,)),
    Category("what_matters", N_("What matters"), (V.WHAT_MATTERS,)),
    Category("going_deeper", N_("Going deeper"), (V.WHAT_MATTERS, V.TRUST_POWER)),
    Category("trust_power", N_("Trust and power"), (V.TRUST_POWER,)),
    Category("ideas_action", N_("Ideas and action"), (V.ENABLE_CHANGE,)),
    Category("closing_loop", N_("Closing the loop"), (V.TRUST_POWER, V.ENABLE_CHANGE)),
)
CATEGORY_BY_KEY = {c.key: c for c in CATEGORIES}


@dataclass(frozen=True)
class Card:
    """A card as drawn: from the default deck (key ``deck:...``) or the group's own (its id)."""

    key: str
    text: str
    category: str
    value: V
    own: bool = False
    retired: bool = False

    @property
    def category_label(self) -> str:
        return CATEGORY_BY_KEY[self.category].label if self.category in CATEGORY_BY_KEY else self.category


def draw(
    cards: Sequence[Card],
    drawn: Iterable[str],
    rng: random.Random,
    *,
    category: str | None = None,
    value: V | None = None,
) -> Card | None:
    """A random active card not yet drawn in this session, optionally of a category or value."""
    seen = set(drawn)
    pool = [
        c
        for c in cards
        if not c.retired
        and c.key not in seen
        and (category is None or c.category == category)
        and (value is None or c.value is value)
    ]
    return rng.choice(pool) if pool else None
