"""A document's content, before it is a PDF or a web page: headings, paragraphs, list
items, quotes, charts with their numbers in words, pictures. The participant summary and
the easy read are written once as blocks; ``blocks_pdf`` sets them in ReportLab and
``blocks_html`` as one self-contained, accessible HTML file.

Every text is plain text (never markup): each renderer escapes it. ``own_words`` marks
what a person said (it keeps the language and direction it was said in).
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Chart:
    """Bars with a title; ``words``: the same numbers as a sentence, printed beside it."""

    title: str
    labels: tuple[str, ...]
    values: tuple[float, ...]
    series: str
    words: str


@dataclass(frozen=True)
class Block:
    kind: str  # title, subtitle, h1, h2, p, small, item, quote, chart, keep, picture
    text: str = ""
    parts: tuple[Block, ...] = ()  # keep: blocks that stay together
    chart: Chart | None = None
    picture: str = ""  # picture: the name of one of the app's drawings (reports/pictures.py)
    own_words: bool = False  # what a person said, in the language they said it in
    attribution: str = ""  # quote: who said it, as privacy allows
    label: str = field(default="", compare=False)  # picture: what it shows, for who cannot see it


def title(text: str) -> Block:
    return Block("title", text)


def h1(text: str) -> Block:
    return Block("h1", text)


def h2(text: str, own_words: bool = False) -> Block:
    return Block("h2", text, own_words=own_words)


def p(text: str, own_words: bool = False) -> Block:
    return Block("p", text, own_words=own_words)


def small(text: str) -> Block:
    return Block("small", text)


def item(text: str, own_words: bool = False) -> Block:
    return Block("item", text, own_words=own_words)


def quote(text: str, attribution: str) -> Block:
    return Block("quote", text, own_words=True, attribution=attribution)


def keep(*parts: Block) -> Block:
    return Block("keep", parts=tuple(parts))


def chart(made: Chart) -> Block:
    return Block("chart", chart=made)


def picture(name: str, label: str) -> Block:
    return Block("picture", picture=name, label=label)
