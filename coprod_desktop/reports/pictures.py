"""The easy read's pictures: the app's own simple drawings (no symbol set to license), one
beside each section. Each is drawn once, as shapes on a 100 × 100 grid, and set both as a
ReportLab drawing (the PDF) and as inline SVG (the web page)."""

from __future__ import annotations

from html import escape

INK = "#1f3d5c"
FILL = "#ffd166"
PALE = "#e8f0f7"

# (shape, *numbers, fill): circle cx cy r; rect x y w h; line x1 y1 x2 y2; poly x1 y1 x2 y2 …
# y grows downwards here (as in SVG); the PDF flips it.
SHAPES: dict[str, list[tuple]] = {
    "agreed": [("circle", 50, 50, 42, PALE), ("poly", 28, 52, 44, 68, 74, 34, None)],
    "next": [("rect", 12, 40, 50, 20, FILL), ("poly", 58, 24, 90, 50, 58, 76, INK)],
    "calendar": [
        ("rect", 14, 20, 72, 66, PALE), ("rect", 14, 20, 72, 16, INK), ("line", 32, 12, 32, 26, None),
        ("line", 68, 12, 68, 26, None), ("rect", 26, 46, 14, 12, FILL), ("rect", 44, 46, 14, 12, None),
        ("rect", 62, 46, 14, 12, None), ("rect", 26, 64, 14, 12, None), ("rect", 44, 64, 14, 12, None),
    ],
    "people": [
        ("circle", 28, 38, 10, FILL), ("poly", 12, 80, 16, 56, 40, 56, 44, 80, FILL),
        ("circle", 72, 38, 10, FILL), ("poly", 56, 80, 60, 56, 84, 56, 88, 80, FILL),
        ("circle", 50, 30, 12, PALE), ("poly", 30, 84, 34, 52, 66, 52, 70, 84, PALE),
    ],
    "said": [("rect", 10, 16, 80, 50, PALE), ("poly", 26, 66, 24, 86, 44, 66, PALE), ("line", 22, 34, 76, 34, None),
             ("line", 22, 48, 62, 48, None)],
    "lock": [("rect", 24, 46, 52, 40, FILL), ("poly", 34, 46, 34, 28, 44, 18, 56, 18, 66, 28, 66, 46, None),
             ("circle", 50, 62, 6, INK), ("line", 50, 62, 50, 76, None)],
    "heard": [("circle", 50, 50, 40, PALE), ("poly", 30, 50, 44, 64, 72, 36, None), ("rect", 40, 82, 20, 8, FILL)],
}  # fmt: skip


def svg(block) -> str:
    """The picture of ``block`` as inline SVG, named for who cannot see it."""
    parts = []
    for shape, *rest in SHAPES[block.picture]:
        *numbers, fill = rest
        paint = (
            f'fill="{fill or "none"}" stroke="{INK}" stroke-width="5" stroke-linejoin="round" stroke-linecap="round"'
        )
        if shape == "circle":
            parts.append(f'<circle cx="{numbers[0]}" cy="{numbers[1]}" r="{numbers[2]}" {paint}/>')
        elif shape == "rect":
            parts.append(
                f'<rect x="{numbers[0]}" y="{numbers[1]}" width="{numbers[2]}" height="{numbers[3]}" {paint}/>'
            )
        elif shape == "line":
            parts.append(f'<line x1="{numbers[0]}" y1="{numbers[1]}" x2="{numbers[2]}" y2="{numbers[3]}" {paint}/>')
        else:
            points = " ".join(f"{numbers[i]},{numbers[i + 1]}" for i in range(0, len(numbers), 2))
            parts.append(f'<{"polygon" if fill else "polyline"} points="{points}" {paint}/>')
    return (
        f'<svg class="picture" role="img" aria-label="{escape(block.label)}" width="96" height="96" '
        f'viewBox="0 0 100 100">{"".join(parts)}</svg>'
    )


def drawing(name: str, size: float):
    """The picture ``name`` as a ReportLab drawing ``size`` points square."""
    from reportlab.graphics.shapes import Circle, Drawing, Line, Polygon, PolyLine, Rect
    from reportlab.lib import colors

    from coprod_desktop.reports import fonts

    scale = size / 100
    made = Drawing(size, size)
    made.initialFontName = fonts.register()  # not Helvetica, which would go in unembedded
    for shape, *rest in SHAPES[name]:
        *numbers, fill = rest
        paint = dict(strokeColor=colors.HexColor(INK), strokeWidth=5 * scale,
                     fillColor=colors.HexColor(fill) if fill else None)  # fmt: skip
        if shape == "circle":
            made.add(Circle(numbers[0] * scale, size - numbers[1] * scale, numbers[2] * scale, **paint))
        elif shape == "rect":
            x, y, w, h = (n * scale for n in numbers)
            made.add(Rect(x, size - y - h, w, h, **paint))
        elif shape == "line":
            made.add(Line(numbers[0] * scale, size - numbers[1] * scale, numbers[2] * scale, size - numbers[3] * scale,
                          strokeColor=paint["strokeColor"], strokeWidth=paint["strokeWidth"], strokeLineCap=1))  # fmt: skip
        else:
            points = [n * scale if i % 2 == 0 else size - n * scale for i, n in enumerate(numbers)]
            if fill:
                made.add(Polygon(points, strokeLineJoin=1, **paint))
            else:
                made.add(PolyLine(points, strokeColor=paint["strokeColor"], strokeWidth=paint["strokeWidth"],
                                  strokeLineJoin=1, strokeLineCap=1))  # fmt: skip
    return made
