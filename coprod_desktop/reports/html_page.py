"""The accessible digital summary: blocks (reports/blocks.py) as one self-contained HTML
file for people who use a screen reader, a phone or large text: semantic headings, a
landmark around everything, lists, quotes with who said them, each chart as a table with
headers and a drawing with its numbers in words, each language's text in its own lang
(and a person's own words in their own direction). Nothing is loaded from elsewhere."""

from __future__ import annotations

from html import escape

from coprod_desktop import language
from coprod_desktop.language import _
from coprod_desktop.reports.blocks import Block, Chart

STYLE = """
:root { color-scheme: light dark; }
body { font-family: "DejaVu Sans", Verdana, sans-serif; font-size: 1.15rem; line-height: 1.6;
  max-width: 42em; margin: 0 auto; padding: 1rem; color: #111; background: #fff; }
h1 { font-size: 1.9rem; line-height: 1.25; } h2 { font-size: 1.45rem; color: #1f3d5c; margin-top: 2rem; }
h3 { font-size: 1.2rem; } .small { font-size: 1rem; color: #333; }
figure.quote { margin: 0.6rem 0 0.6rem 1.2rem; } blockquote { margin: 0; }
figure.quote figcaption { color: #333; }
table { border-collapse: collapse; margin: 0.5rem 0; } th, td { border: 1px solid #667; padding: 0.25rem 0.6rem; text-align: left; }
caption { text-align: left; font-weight: bold; }
.bar { fill: #1f5f8b; }
section.easy { display: grid; grid-template-columns: 7rem 1fr; column-gap: 1rem; align-items: start; }
section.easy > h2 { grid-column: 1 / -1; } section.easy > .picture { grid-column: 1; grid-row: 2 / span 40; }
section.easy > :not(h2):not(.picture) { grid-column: 2; } section.easy p { font-size: 1.35rem; margin: 0.3rem 0; }
nav a { margin-right: 1rem; } a { color: #0b4f8a; }
@media (prefers-color-scheme: dark) {
  body { color: #eee; background: #121212; } h2 { color: #9cc3e6; } .small, figure.quote figcaption { color: #ccc; }
  th, td { border-color: #999; } .bar { fill: #8ab4f8; } a { color: #9cc3e6; }
}
"""


def document(parts: list[tuple[str, list[Block]]], title: str, pictures=None) -> str:
    """One page holding each (language, blocks) of ``parts`` in turn (Welsh first when both);
    ``pictures`` gives a picture block's SVG (easy read)."""
    first = parts[0][0]
    body = []
    if len(parts) > 1:  # a way to the other language at the top, each named in itself
        links = " ".join(
            f'<a href="#{code}" lang="{language.BCP47[code]}" hreflang="{language.BCP47[code]}">{language.NAMES[code]}</a>'
            for code, _blocks in parts
        )
        languages = _("Languages")  # outside the f-string: Babel reads no calls inside one (Python 3.11)
        body.append(f'<nav aria-label="{escape(languages)}">{links}</nav>')
    for code, blocks in parts:
        with language.speaking(code):
            lang = language.BCP47[code]
            inner = _blocks(blocks, f"{code}-", pictures)
            own = f' lang="{lang}"' if code != first else ""
            body.append(f'<article id="{code}"{own}>\n{inner}\n</article>')
    return (
        f'<!DOCTYPE html>\n<html lang="{language.BCP47[first]}">\n<head>\n<meta charset="utf-8">\n'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>{escape(title)}</title>\n'
        f"<style>{STYLE}</style>\n</head>\n<body>\n<main>\n" + "\n".join(body) + "\n</main>\n</body>\n</html>\n"
    )


def _own(block: Block) -> str:
    """A person's own words keep the direction they were written in."""
    return ' dir="auto"' if block.own_words else ""


def _blocks(blocks, prefix: str, pictures) -> str:
    out: list[str] = []
    listing: list[str] = []
    section_open = False
    count = 0

    def close_list() -> None:
        if listing:
            out.append("<ul>\n" + "\n".join(listing) + "\n</ul>")
            listing.clear()

    for block in blocks:
        text = escape(block.text)
        if block.kind != "item":
            close_list()
        if block.kind == "title":
            out.append(f"<h1{_own(block)}>{text}</h1>")
        elif block.kind == "h1":
            if section_open:
                out.append("</section>")
            count += 1
            heading = f"{prefix}s{count}"
            out.append(f'<section aria-labelledby="{heading}" class="{block.label or "part"}">')
            out.append(f'<h2 id="{heading}">{text}</h2>')
            section_open = True
        elif block.kind == "h2":
            out.append(f"<h3{_own(block)}>{text}</h3>")
        elif block.kind == "item":
            listing.append(f"<li{_own(block)}>{text}</li>")
        elif block.kind == "quote":
            out.append(
                f'<figure class="quote"><blockquote><p dir="auto">{text}</p></blockquote>'
                f"<figcaption>— {escape(block.attribution)}</figcaption></figure>"
            )
        elif block.kind == "keep":
            out.append(_blocks(block.parts, f"{prefix}k{count}-", pictures))
        elif block.kind == "chart" and block.chart is not None:
            out.append(_chart(block.chart, f"{prefix}c{count}"))
        elif block.kind == "picture" and pictures is not None:
            out.append(pictures(block))
        elif block.kind == "small":
            out.append(f'<p class="small">{text}</p>')
        else:
            out.append(f"<p{_own(block)}>{text}</p>")
    close_list()
    if section_open:
        out.append("</section>")
    return "\n".join(out)


def _chart(chart: Chart, key: str) -> str:
    """A table with headers (the numbers), a drawing of the bars (named by the same numbers
    in words), and the words."""
    rows = "\n".join(
        f'<tr><th scope="row" dir="auto">{escape(label)}</th><td>{value:g}</td></tr>'
        for label, value in zip(chart.labels, chart.values)
    )
    who = _("Who")
    table = (
        f"<table><caption>{escape(chart.title)}</caption>\n"
        f'<thead><tr><th scope="col">{escape(who)}</th><th scope="col">{escape(chart.series)}</th></tr></thead>\n'
        f"<tbody>\n{rows}\n</tbody></table>"
    )
    top = max(chart.values, default=0) or 1
    bars = "".join(
        f'<rect class="bar" x="0" y="{n * 28}" width="{300 * value / top:.1f}" height="20"></rect>'
        for n, value in enumerate(chart.values)
    )
    drawing = (
        f'<svg role="img" aria-labelledby="{key}-words" width="320" height="{28 * len(chart.values)}" '
        f'viewBox="0 0 320 {28 * len(chart.values)}">{bars}</svg>'
    )
    return f'<figure>\n{table}\n{drawing}\n<figcaption id="{key}-words">{escape(chart.words)}</figcaption>\n</figure>'
