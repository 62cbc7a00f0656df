"""What every screen must hold to, read from the widgets as a screen reader and the keyboard
meet them: a name for each control, no Alt letter twice, no value the wheel changes without
focus, and a window that fits a small screen."""

from __future__ import annotations

import re

from PySide6.QtCore import QPoint, QPointF, QRect, Qt
from PySide6.QtGui import QAccessible, QColor, QWheelEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPlainTextEdit,
    QScrollArea,
    QSlider,
    QTabBar,
    QTextEdit,
    QWidget,
)

SMALL_SCREEN = (1024, 600)
INTERACTIVE = (
    QAbstractButton,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QComboBox,
    QAbstractSpinBox,
    QAbstractItemView,
    QSlider,
)
# Names that say nothing about what the control does (seen many times on one screen).
GENERIC = {"add", "remove", "done", "browse", "delete", "edit", "change", "…", "...", "✕", "x", "+", "-", ""}


def _shown(top: QWidget, kinds) -> list:
    kinds = kinds if isinstance(kinds, tuple) else (kinds,)
    return [w for w in top.findChildren(QWidget) if isinstance(w, kinds) and w.isVisibleTo(top) and w.window() is top]


def _letter(text: str) -> str | None:
    match = re.search(r"&([^&\s])", text.replace("&&", ""))
    return match.group(1).lower() if match else None


def mnemonic_clashes(top: QWidget) -> dict[str, list[str]]:
    """Alt letters used more than once among what is shown together in ``top``."""
    used: dict[str, list[str]] = {}

    def note(text: str, where: str) -> None:
        letter = _letter(text)
        if letter:
            used.setdefault(letter, []).append(f"{where}: {text}")

    if isinstance(top, QMainWindow) and top.menuBar().isVisible():
        for action in top.menuBar().actions():
            note(action.text(), "menu")
    for w in _shown(top, (QAbstractButton, QLabel, QGroupBox)):
        if isinstance(w, QLabel) and w.buddy() is None:
            continue  # a label's & only works with a buddy
        text = w.title() if isinstance(w, QGroupBox) else w.text()
        if isinstance(w, QAbstractButton) and w.parent() is not None and isinstance(w.parent(), QTabBar):
            continue
        note(text, type(w).__name__)
    for bar in _shown(top, QTabBar):
        for i in range(bar.count()):
            if bar.isTabVisible(i):
                note(bar.tabText(i), "tab")
    return {letter: places for letter, places in used.items() if len(places) > 1}


def accessible_name(widget: QWidget) -> str:
    face = QAccessible.queryAccessibleInterface(widget)
    return (face.text(QAccessible.Name) if face is not None else "") or ""


def _plain(name: str) -> str:
    return re.sub(r"[&…\s.:]+$", "", name.replace("&", "")).strip().lower()


def unnamed_controls(top: QWidget) -> list[str]:
    """Interactive widgets a screen reader would announce with no name, or a generic one."""
    found = []
    for w in _shown(top, INTERACTIVE):
        if isinstance(w, QHeaderView) or (isinstance(w, QAbstractButton) and isinstance(w.parent(), QTabBar)):
            continue  # a header's sections and a tab's text name themselves
        if isinstance(w.parent(), (QComboBox, QAbstractSpinBox)):
            continue  # their own inner parts
        name = accessible_name(w)
        if _plain(name) in GENERIC:
            found.append(f"{type(w).__name__} {w.objectName() or ''} named {name!r}".replace("  ", " "))
    return found


def wheel_changes(top: QWidget) -> list[str]:
    """Combo and spin boxes whose value the mouse wheel changes while they lack focus."""
    changed = []
    for w in _shown(top, (QComboBox, QAbstractSpinBox, QSlider)):
        if not w.isEnabled() or w.hasFocus():
            continue
        before = _value(w)
        for delta in (-120, 120):
            wheel(w, delta)
            if _value(w) != before:
                changed.append(f"{type(w).__name__} {accessible_name(w)!r}")
                break
    return changed


def wheel(widget: QWidget, delta: int) -> None:
    """One notch of the mouse wheel over the middle of ``widget`` (up if ``delta`` > 0)."""
    centre = QPointF(widget.rect().center())
    where = QPointF(widget.mapToGlobal(centre.toPoint()))
    event = QWheelEvent(centre, where, QPoint(), QPoint(0, delta), Qt.NoButton, Qt.NoModifier, Qt.NoScrollPhase, False)
    QApplication.sendEvent(widget, event)


def _value(w):
    if isinstance(w, QComboBox):
        return w.currentIndex()
    if isinstance(w, QSlider):
        return w.value()
    return w.text()


def too_big(top: QWidget, limit: tuple[int, int] = SMALL_SCREEN) -> str | None:
    """The least size ``top`` can take, if it is more than ``limit``."""
    hint = top.minimumSizeHint().expandedTo(top.minimumSize())
    if hint.width() > limit[0] or hint.height() > limit[1]:
        return f"{hint.width()}×{hint.height()}"
    return None


def scrolled_pages(top: QWidget) -> str | None:
    """For the main window: the page on show needs scrolling at the window's size."""
    area = next((a for a in top.findChildren(QScrollArea) if a.widget() is getattr(top, "pages", None)), None)
    if area is None:
        return None
    QApplication.processEvents()
    h, v = area.horizontalScrollBar(), area.verticalScrollBar()
    if h.maximum() > 0 or v.maximum() > 0:
        hint = area.widget().currentWidget().minimumSizeHint()
        return f"needs {hint.width()}×{hint.height()} in {area.viewport().width()}×{area.viewport().height()}"
    return None


def _ink_and_ground(image) -> tuple[QColor, QColor]:
    """What a label's picture is mostly (its ground), and the colour in it that stands out
    from that most, seen in more than a few pixels (the cores of its letters: its ink)."""
    from coprod_desktop.ui.colours import contrast

    counts: dict[int, int] = {}
    step = max(1, image.width() * image.height() // 20000)
    for n in range(0, image.width() * image.height(), step):
        rgb = image.pixel(n % image.width(), n // image.width())
        counts[rgb] = counts.get(rgb, 0) + 1
    ground = QColor.fromRgb(max(counts, key=counts.get))
    seen = [QColor.fromRgb(rgb) for rgb, n in counts.items() if n >= 3] or [ground]
    return max(seen, key=lambda c: contrast(c, ground)), ground


def faint_text(top: QWidget) -> list[str]:
    """Labels whose text, as drawn, has less than 4.5:1 against what it is drawn on, or that
    are disabled as a way of looking quiet (a screen reader calls them unavailable)."""
    from coprod_desktop.ui.colours import contrast

    found = []
    for label in _shown(top, QLabel):
        if not label.text().strip() or (label.pixmap() and not label.pixmap().isNull()) or label.width() < 4:
            continue
        if not label.isEnabled():
            found.append(f"disabled: {label.text()[:30]!r}")
            continue
        seen = label.visibleRegion().boundingRect()  # what is not scrolled or clipped away
        if seen.height() < label.fontMetrics().height() or seen.width() < 8:
            continue
        where = QRect(label.mapTo(top, seen.topLeft()), seen.size())  # drawn on what is behind it
        image = top.grab(where).toImage()
        if image.isNull() or image.width() * image.height() == 0:
            continue  # scrolled out of sight
        ink, ground = _ink_and_ground(image)
        ratio = contrast(ink, ground)
        if ratio < 4.5:
            found.append(f"{label.text()[:30]!r} {ratio:.1f}:1")
    return found


def cut_off(top: QWidget) -> str | None:
    """A window shorter than its wrapped text needs at its width (a paragraph cut off)."""
    layout = top.layout()
    if layout is None or not layout.hasHeightForWidth():
        return None
    needed = layout.totalHeightForWidth(top.width())
    return f"needs {needed} px of height, has {top.height()}" if needed > top.height() else None


def problems(top: QWidget, *, size: bool = True) -> dict[str, object]:
    found: dict[str, object] = {
        "Alt letters used twice": mnemonic_clashes(top),
        "controls without a name": unnamed_controls(top),
        "changed by the wheel without focus": wheel_changes(top),
        "text too faint to read": faint_text(top),
        "text cut off": cut_off(top),
    }
    if size:
        found["larger than 1024×600"] = too_big(top)
        found["scrolls at 1024×600"] = scrolled_pages(top)
    return {what: items for what, items in found.items() if items}
