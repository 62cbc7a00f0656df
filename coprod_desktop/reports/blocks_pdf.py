"""Blocks (reports/blocks.py) set as ReportLab flowables, in the document's styles."""

from __future__ import annotations

from reportlab.platypus import KeepTogether, Paragraph, Spacer

from coprod_desktop.reports.blocks import Block
from coprod_desktop.reports.charts import bar_chart
from coprod_desktop.reports.markup import para_text


def story(blocks: list[Block] | tuple[Block, ...], st, width: float, pictures=None) -> list:
    """The flowables for ``blocks``; ``pictures`` draws a picture block (easy read)."""
    out: list = []
    for block in blocks:
        kind, text = block.kind, block.text
        if kind == "keep":
            out.append(KeepTogether(story(block.parts, st, width, pictures)))
        elif kind == "chart" and block.chart is not None:
            c = block.chart
            out.append(Spacer(1, st.size * 0.5))
            out.append(bar_chart(list(c.labels), [list(c.values)], [c.series], width, st.size, c.title))
            out.append(Paragraph(para_text(c.words), st.small))
        elif kind == "picture":
            if pictures is not None:
                out.append(pictures(block, st))
        elif kind == "quote":
            words = f"“{text}” — {block.attribution}"
            out.append(Paragraph(para_text(words), st.quote))
        elif kind == "item":
            out.append(Paragraph(para_text(text), st.bullet, bulletText="•"))
        else:
            style = {"title": st.title, "h1": st.h1, "h2": st.h2, "small": st.small}.get(kind, st.body)
            out.append(Paragraph(para_text(text), style))
    return out
