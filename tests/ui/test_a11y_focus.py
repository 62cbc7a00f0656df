"""Where the keyboard is, plain to see (issue 12): a focused list, tree, check box or radio
button changes a ring of pixels around it, not a few (Fusion alone: about 0.3%)."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize
from PySide6.QtWidgets import QApplication

from coprod_desktop.ui.live.self_check_panel import SelfCheckPanel


def _changed(before, after) -> int:
    a, b = before.toImage(), after.toImage()
    return sum(1 for y in range(a.height()) for x in range(a.width()) if a.pixel(x, y) != b.pixel(x, y))


def _around(widget):
    """The window's picture of ``widget`` and a few pixels round it (where a ring is drawn)."""
    top = widget.window()
    return top.grab(QRect(widget.mapTo(top, QPoint(-3, -3)), widget.size() + QSize(6, 6)))


def _ring_shows(window, qtbot, widget) -> tuple[int, int]:
    window.tree.setFocus() if widget is not window.tree else window.run_view.capture.text.setFocus()
    qtbot.waitUntil(lambda: not widget.hasFocus())
    QApplication.processEvents()
    before = _around(widget)
    widget.setFocus()
    qtbot.waitUntil(widget.hasFocus)
    QApplication.processEvents()
    after = _around(widget)
    ring = 2 * (widget.width() + widget.height()) * 2  # a 2-pixel ring all round
    return _changed(before, after), ring


def test_focus_is_plain_to_see(running, qtbot):
    window, run, session, _ = running
    window.resize(1600, 900)  # every ringed widget whole on screen
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    run.tools.setCurrentWidget(run.self_check)
    panel = run.self_check
    assert isinstance(panel, SelfCheckPanel)
    radio = next(iter(next(iter(panel.checks.values())).values()))
    area = panel.parentWidget().parentWidget()  # the tab's scroll area
    area.ensureWidgetVisible(radio)
    for widget in (window.tree, run.capture.list, run.capture.quote, radio, run.agenda):
        changed, ring = _ring_shows(window, qtbot, widget)
        assert changed >= ring * 0.6, (type(widget).__name__, changed, ring)
