"""Colours that stay readable on any palette, light, dark or high-contrast: a colour set in
code is moved lighter or darker until it has WCAG's 4.5:1 against what it is drawn on.
Hints are drawn in such a colour rather than as disabled text (which is faint, and which a
screen reader announces as "unavailable")."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QLabel, QWidget

ERROR = "#b00020"
WARNING = "#8a4b00"
QUIET = "#767676"  # a hint, or what is already chosen
AT_LEAST = 5.0  # WCAG 2 AA asks 4.5 for text: a little over, for grounds a shade off the palette's


def _luminance(colour: QColor) -> float:
    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(colour.redF()) + 0.7152 * channel(colour.greenF()) + 0.0722 * channel(colour.blueF())


def contrast(a: QColor, b: QColor) -> float:
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def readable(colour: str | QColor, on: QColor, at_least: float = AT_LEAST) -> QColor:
    """``colour``, or the nearest shade of it (same hue) with ``at_least`` contrast on ``on``."""
    colour = QColor(colour)
    if contrast(colour, on) >= at_least:
        return colour
    hue, saturation, lightness, alpha = colour.getHslF()
    lighter = _luminance(on) < 0.18  # on a dark ground, go lighter
    for step in range(1, 101):
        shade = lightness + (1 - lightness) * step / 100 if lighter else lightness * (1 - step / 100)
        candidate = QColor.fromHslF(max(hue, 0.0), saturation, min(1.0, max(0.0, shade)), alpha)
        if contrast(candidate, on) >= at_least:
            return candidate
    return QColor("#ffffff" if lighter else "#000000")


def ground(widget: QWidget) -> QColor:
    return widget.palette().color(QPalette.Window)


def text_colour(widget: QWidget, colour: str, extra: str = "") -> None:
    """Draw ``widget``'s text in ``colour``, made readable on its ground."""
    widget.setStyleSheet(f"color: {readable(colour, ground(widget)).name()};{extra}")


def hint(label: QLabel) -> QLabel:
    """A quiet line of help: readable (not disabled), and not announced as unavailable."""
    text_colour(label, QUIET)
    label.setWordWrap(True)
    return label
