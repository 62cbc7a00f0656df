"""Vector charts (reportlab.graphics): contributions by role, agenda planned against actual."""

from __future__ import annotations

from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors

from coprod_desktop.language import _
from coprod_desktop.reports import fonts
from coprod_desktop.reports.markup import plain

BLUE = colors.HexColor("#1f5f8b")
AMBER = colors.HexColor("#e09f00")


def _label(text: str, room: float, size: float) -> str:
    """``text`` on one line, cut with "…" to fit ``room`` points at ``size``: a category
    label is drawn to the left of the bars, and a long one would start off the paper."""
    text = plain(text).replace("\n", " ")
    if fonts.width(text, fonts.FAMILY, size) <= room:
        return text
    while text and fonts.width(text + "…", fonts.FAMILY, size) > room:
        text = text[:-1]
    return text.rstrip() + "…"


# A drawing cannot split across pages: taller than a page, it cannot be printed at all.
MAX_PLOT_HEIGHT = 360  # points, half an A4 or Letter page


def bar_charts(
    labels: list[str], series: list[list[float]], names: list[str], width: float, font_size: float, title: str
) -> list[Drawing]:
    """As many charts as it takes to show every label, each no taller than half a page,
    all on the same scale (a full-day agenda has many items)."""
    row = _row_height(series, font_size)
    per_chart = max(1, int(MAX_PLOT_HEIGHT // row))
    top = max((max(s) for s in series if s), default=0)
    charts = []
    for start in range(0, max(len(labels), 1), per_chart):
        part = slice(start, start + per_chart)
        heading = title if start == 0 else _("{title} (continued)").format(title=title)
        charts.append(bar_chart(labels[part], [s[part] for s in series], names, width, font_size, heading, top=top))
    return charts


def _row_height(series: list[list[float]], font_size: float) -> float:
    return font_size * (2.2 if len(series) > 1 else 1.6)


def bar_chart(
    labels: list[str],
    series: list[list[float]],
    names: list[str],
    width: float,
    font_size: float,
    title: str,
    *,
    top: float | None = None,
) -> Drawing:
    """Horizontal bars, one group a label; a legend when there is more than one series.
    ``top``: the largest value on the scale (default: the largest here)."""
    fonts.register()
    row = _row_height(series, font_size)
    plot_height = max(row * len(labels), row)
    legend_height = font_size * 2 if len(series) > 1 else 0
    height = plot_height + font_size * 3 + legend_height
    drawing = Drawing(width, height)
    drawing.initialFontName = fonts.FAMILY  # not Helvetica, which would go in unembedded
    chart = HorizontalBarChart()
    label_width = min(width * 0.42, font_size * 18)
    chart.x, chart.y = label_width, font_size * 1.8 + legend_height
    chart.width, chart.height = width - label_width - font_size, plot_height
    chart.data = [list(reversed(s)) for s in series]
    names_shown = [_label(text, label_width - font_size, font_size * 0.85) for text in reversed(labels)]
    chart.categoryAxis.categoryNames = ["" for _name in names_shown]  # drawn below, run by run
    chart.valueAxis.labels.fontName = chart.categoryAxis.labels.fontName = fonts.FAMILY
    chart.valueAxis.labels.fontSize = font_size * 0.85
    chart.valueAxis.valueMin = 0
    if top is None:
        top = max((max(s) for s in series if s), default=0)
    chart.valueAxis.valueMax = max(1, top * 1.1)
    chart.valueAxis.valueStep = max(1, round(top / 5) or 1)
    palette = [BLUE, AMBER]
    for i in range(len(series)):
        chart.bars[i].fillColor = palette[i % 2]
        chart.bars[i].strokeColor = None
    chart.barSpacing = 1
    drawing.add(chart)
    label_size = font_size * 0.85
    for n, name in enumerate(names_shown):  # each label right-aligned to the bars, in fonts that have it
        y = chart.y + (n + 0.5) * chart.height / max(1, len(names_shown)) - label_size * 0.35
        drawing.add(
            fonts.strings(
                chart.x - font_size * 0.4 - fonts.width(name, fonts.FAMILY, label_size),
                y,
                name,
                fonts.FAMILY,
                label_size,
            )
        )
    drawing.add(String(0, height - font_size, plain(title), fontName=fonts.BOLD, fontSize=font_size))
    if len(series) > 1:
        legend = Legend()
        legend.x, legend.y = label_width, font_size * 1.2
        legend.fontName, legend.fontSize = fonts.FAMILY, font_size * 0.85
        legend.alignment = "right"
        legend.columnMaximum = 1
        legend.deltax = font_size * 10
        legend.colorNamePairs = list(zip(palette, names))
        drawing.add(legend)
    return drawing


def in_words(labels: list[str], series: list[list[float]], names: list[str]) -> str:
    """A chart's numbers as a sentence beside it, for whoever cannot see the bars (or reads
    the PDF aloud): "In words: Carer 12, Professional 5." With two series, each label's pair:
    "In words: Welcome — planned 20, actual 18; …". ``names``: already in the language spoken."""

    def number(value: float) -> str:
        return f"{value:g}"

    if len(series) == 1:
        parts = [f"{plain(label)} {number(v)}" for label, v in zip(labels, series[0])]
    else:
        parts = [
            f"{plain(label)} — " + ", ".join(f"{name} {number(s[i])}" for name, s in zip(names, series))
            for i, label in enumerate(labels)
        ]
    return _("In words: {numbers}.").format(numbers=("; " if len(series) > 1 else ", ").join(parts))
