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
    """Takes no room: the pages after it are in ``code`` (read by layout's page hooks)."""

    def __init__(self, code: str):
        super().__init__()
        self.code = code
        self.width = self.height = 0

    def wrap(self, *_args):
        return 0, 0

    def draw(self) -> None:
        self.canv._doctemplate.next_language = self.code


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
