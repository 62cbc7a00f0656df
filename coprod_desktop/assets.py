"""Finding bundled resources and the default archive, with no Qt.

``resources/`` sits at the top of a source checkout; the wheel and the
PyInstaller bundle both place it at ``coprod_desktop/resources`` beside this
module. One lookup serves all three.
"""

from __future__ import annotations

import json
import os
from functools import cache
from pathlib import Path
from typing import NamedTuple

APP_NAME = "coprod-desktop"
ARCHIVE_ENV = "COPROD_ARCHIVE"
ARCHIVE_FILENAME = "archive.coprod.sqlite"


@cache
def resources_dir() -> Path:
    here = Path(__file__).resolve().parent
    for candidate in (here / "resources", here.parent / "resources"):
        if (candidate / "content").is_dir():
            return candidate
    raise FileNotFoundError(
        f"coprod-desktop's resources folder is missing (looked in {here / 'resources'} "
        f"and {here.parent / 'resources'}); reinstall the app."
    )


def resource(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)


def data_dir() -> Path:
    """The user's data folder for the app (created on demand by the archive)."""
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def default_archive_path() -> Path:
    """``$COPROD_ARCHIVE`` if set, else the archive in the user's data folder."""
    chosen = os.environ.get(ARCHIVE_ENV)
    if chosen:
        return Path(chosen).expanduser()
    return data_dir() / ARCHIVE_FILENAME


def log_dir() -> Path:
    import platformdirs

    return Path(platformdirs.user_log_dir(APP_NAME, appauthor=False))


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


@cache
def support_need_checklist() -> tuple[SupportNeed, ...]:
    data = json.loads(resource("content", "support_needs.json").read_text(encoding="utf-8"))
    return tuple(
        SupportNeed(item["key"], item["label"], category["name"])
        for category in data["categories"]
        for item in category["needs"]
    )


@cache
def default_deck():
    """The default prompt cards as domain Cards (keys prefixed ``deck:``)."""
    from coprod_desktop.domain.deck import Card
    from coprod_desktop.domain.values import CoproductionValue

    data = json.loads(resource("content", "prompt_deck.json").read_text(encoding="utf-8"))
    return tuple(
        Card(f"deck:{c['key']}", c["text"], c["category"], CoproductionValue(c["value"])) for c in data["cards"]
    )
