"""Choosing the projector: with several screens, a menu of them; with one, just that one."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMenu, QWidget


def choose_screen(anchor: QWidget, chosen: Callable[[object], None]) -> None:
    """Call ``chosen`` with the screen picked (None: "another screen if there is one")."""
    screens = QGuiApplication.screens()
    if len(screens) < 2:
        chosen(None)
        return
    menu = QMenu(anchor)
    for n, screen in enumerate(screens, start=1):
        size = screen.size()
        here = " (this window)" if screen is anchor.screen() else ""
        action = menu.addAction(f"Screen {n}: {screen.name()} {size.width()}×{size.height()}{here}")
        action.triggered.connect(lambda _=False, s=screen: chosen(s))
    menu.exec(anchor.mapToGlobal(anchor.rect().bottomLeft()))
