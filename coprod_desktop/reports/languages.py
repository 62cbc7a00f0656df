"""A document in Welsh, in English, or in both (Welsh first, then English from a new page,
as Welsh public bodies publish), with the PDF's language said: /Lang for the document,
and each page in the other language marked as a span in its own (``/Span <</Lang …>>``).

Each builder makes its story in the language being spoken and hands it to
``layout.render``; for both languages the builder runs twice and the two stories are
rendered as one document. What people said is never translated: only the app's words.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from reportlab.platypus import Flowable, PageBreak

from coprod_desktop import language

BOTH = "both"
EACH = "each"  # a participant summary for each person present, in the language they asked for
CHOICES = (language.WELSH, language.ENGLISH, BOTH)  # as offered at export and on the command line

_stories: ContextVar[list[dict[str, Any]] | None] = ContextVar("stories", default=None)


def known(choice: str | None) -> str:
    """``choice`` as one of CHOICES; none given: the language being spoken."""
    if choice == BOTH:
        return BOTH
    return language.known(choice) or language.current()


@contextmanager
def gathering() -> Iterator[list[dict[str, Any]]]:
    """Within this block, ``layout.render`` keeps each story (and how to render it) here
    instead of making its PDF."""
    kept: list[dict[str, Any]] = []
    token = _stories.set(kept)
    try:
        yield kept
    finally:
        _stories.reset(token)


def gathered() -> list[dict[str, Any]] | None:
    return _stories.get()


class SpeakFrom(Flowable):
    """Takes no room: the pages after it are in ``code`` (read by layout's page hooks);
    ``new_copy``: they start another copy, numbered from its page 1."""

    def __init__(self, code: str, new_copy: bool = False):
        super().__init__()
        self.code, self.new_copy = code, new_copy
        self.width = self.height = 0

    def wrap(self, *_args):
        return 0, 0

    def draw(self) -> None:
        doc = self.canv._doctemplate
        doc.next_language = self.code
        doc.next_copy = self.new_copy


def _joined(first: str, second: str) -> str:
    return first if not second or first == second else f"{first} / {second}"


def in_languages(build: Callable[[], bytes], choice: str | None, render: Callable[..., bytes]) -> bytes:
    """``build()`` in the language ``choice`` says: one, or both as one document."""
    chosen = known(choice)
    if chosen != BOTH:
        with language.speaking(chosen):
            return build()
    with gathering() as stories:
        for code in language.LANGUAGES:  # Welsh first
            with language.speaking(code):
                build()
                stories[-1]["code"] = code
    welsh, english = stories
    story = [*welsh["story"], SpeakFrom(english["code"]), PageBreak(), *english["story"]]
    settings = dict(welsh["settings"])
    for key in ("title", "subject"):  # the document's own (its properties): both
        settings[key] = _joined(welsh["settings"].get(key, ""), english["settings"].get(key, ""))
    for key in ("title", "confidential"):  # on each page, in the page's language
        settings[f"page_{key}"] = {part["code"]: part["settings"].get(key, "") for part in stories}
    with language.speaking(welsh["code"]):
        return render(story, **settings)


def in_copies(build: Callable[[], bytes], copies: list[tuple[str, int]], render: Callable[..., bytes]) -> bytes:
    """One document holding ``count`` copies of ``build()`` in each (language, count) of
    ``copies``, in that order, each copy from a new page and numbered from its page 1."""
    with gathering() as parts:
        for choice, count in copies:
            for _ in range(count):
                in_languages(build, choice, render)
                parts[-1].setdefault("code", known(choice) if choice != BOTH else language.WELSH)
    if not parts:
        raise ValueError("no copies to make")
    story: list = []
    titles: dict[str, str] = {}
    banners: dict[str, str] = {}
    for n, part in enumerate(parts):
        if n:
            story += [SpeakFrom(part["code"], new_copy=True), PageBreak()]
        story += part["story"]
        settings = part["settings"]
        titles.update(settings.get("page_title") or {part["code"]: settings.get("title", "")})
        banners.update(settings.get("page_confidential") or {part["code"]: settings.get("confidential", "")})
    first = dict(parts[0]["settings"], page_title=titles, page_confidential=banners)
    with language.speaking(parts[0]["code"]):
        return render(story, **first)
