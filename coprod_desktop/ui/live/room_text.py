"""Text on the projector sized to the room it has: as large as fits, never clipped.

Each label of the room view has the share of the screen its layout gives it (their sizes
never push the window past the screen); the text then takes the largest font that fits
that share, down to a floor readable from the back of a room. What still does not fit at
the floor is cut by whole lines (the oldest contribution first), never in mid-line.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QLabel, QSizePolicy

FLOOR_PX = 14


def room_label(scale: float, bold: bool = False, colour: str = "#ffffff") -> QLabel:
    """A label of the room view: plain text in ``colour``, sized by ``fit`` to its share."""
    label = ShareLabel()
    label.setWordWrap(True)
    label.setTextFormat(Qt.PlainText)
    label.setProperty("scale", scale)
    label.setStyleSheet(f"color: {colour};")
    font = QFont()
    font.setBold(bold)
    label.setFont(font)
    takes_its_share(label)
    return label


class ShareLabel(QLabel):
    """A label whose share of the screen is its layout's stretch alone: it asks for no
    size, and none for its width, whatever its words or font (else the share would follow
    the font, and the font the share, and a label would keep the shape of earlier words)."""

    def hasHeightForWidth(self) -> bool:  # noqa: N802 (Qt's name)
        return False

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(1, 1)

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return QSize(1, 1)


def takes_its_share(label: QLabel) -> None:
    """The label asks for no size of its own: the layout's stretch decides it."""
    label.setSizePolicy(QSizePolicy.Ignored, QSizePolicy.Ignored)
    label.setMinimumSize(1, 1)


def _height(label: QLabel, px: int, text: str) -> int:
    font = label.font()
    font.setPixelSize(px)
    flags = int(label.alignment()) | (int(Qt.TextWordWrap) if label.wordWrap() else 0)
    width = max(1, label.contentsRect().width())
    return QFontMetrics(font).boundingRect(QRect(0, 0, width, 1 << 20), flags, text).height()


def fit(label: QLabel, most_px: int, items: list[str] | None = None, heading: str = "", joiner: str = "\n") -> None:
    """The largest font up to ``most_px`` at which ``label``'s text fits it. Given
    ``items`` (the first the most wanted), the text is ``heading`` and those, and the last
    are left out ("…") until the rest fit at the floor."""

    def joined(kept: list[str]) -> str:
        more = ["…"] if items is not None and len(kept) < len(items) else []
        return joiner.join(([heading] if heading else []) + kept + more)

    text = joined(items) if items is not None else label.text()
    room, width = label.contentsRect().height(), label.contentsRect().width()
    if room > 1 and width > 1 and items:
        kept = list(items)
        while kept and _height(label, FLOOR_PX, joined(kept)) > room:
            kept.pop()
        text = joined(kept)
    if label.text() != text:
        label.setText(text)
    if room <= 1 or width <= 1 or not text:
        return
    low, high = FLOOR_PX, max(FLOOR_PX, most_px)
    while low < high:  # the largest size that fits
        mid = (low + high + 1) // 2
        if _height(label, mid, text) <= room:
            low = mid
        else:
            high = mid - 1
    font = label.font()
    if font.pixelSize() != low:
        font.setPixelSize(low)
        label.setFont(font)
