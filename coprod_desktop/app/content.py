"""The default content the app ships: the ground-rule library, the support-needs
checklist and the prompt deck, read once from resources/content/."""

from __future__ import annotations

import json
from functools import cache
from typing import NamedTuple

from coprod_desktop.assets import resource
from coprod_desktop.domain.deck import Card
from coprod_desktop.domain.values import CoproductionValue


class LibraryRule(NamedTuple):
    key: str
    text: str
    theme: str


class SupportNeed(NamedTuple):
    key: str
    label: str
    category: str


@cache
def ground_rule_library() -> tuple[LibraryRule, ...]:
    data = json.loads(resource("content", "ground_rules.json").read_text(encoding="utf-8"))
    return tuple(LibraryRule(r["key"], r["text"], r["theme"]) for r in data["rules"])


class AgendaShape(NamedTuple):
    """An agenda to start from: item titles and their minutes. Shipped (``key``) or saved
    by the facilitator (an AgendaTemplate in the archive, ``key`` its id)."""

    key: str
    name: str
    items: tuple[tuple[str, int], ...]


@cache
def shipped_agendas() -> tuple[AgendaShape, ...]:
    data = json.loads(resource("content", "agenda_templates.json").read_text(encoding="utf-8"))
    return tuple(
        AgendaShape(t["key"], t["name"], tuple((title, int(minutes)) for title, minutes in t["items"]))
        for t in data["templates"]
    )


@cache
def support_need_checklist() -> tuple[SupportNeed, ...]:
    data = json.loads(resource("content", "support_needs.json").read_text(encoding="utf-8"))
    return tuple(
        SupportNeed(item["key"], item["label"], category["name"])
        for category in data["categories"]
        for item in category["needs"]
    )


@cache
def default_deck() -> tuple[Card, ...]:
    """The default prompt cards as domain Cards (keys prefixed ``deck:``)."""
    data = json.loads(resource("content", "prompt_deck.json").read_text(encoding="utf-8"))
    return tuple(
        Card(f"deck:{c['key']}", c["text"], c["category"], CoproductionValue(c["value"])) for c in data["cards"]
    )
