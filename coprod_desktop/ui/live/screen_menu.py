"""Choosing the projector: with several screens, a menu of them; with one, just that one."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMenu, QWidget

from coprod_desktop.language import _


def choose_screen(anchor: QWidget, chosen: Callable[[object], None]) -> None:
    """Call ``chosen`` with the screen picked (None: "another screen if there is one")."""
    screens = QGuiApplication.screens()
    if len(screens) < 2:
        chosen(None)
        return
    menu = QMenu(anchor)
    for n, screen in enumerate(screens, start=1):
        size = screen.size()
        words = (
            _("Screen {n}: {name} {width}×{height} (this window)")
            if screen is anchor.screen()
            else _("Screen {n}: {name} {width}×{height}")
        )
        action = menu.addAction(words.format(n=n, name=screen.name(), width=size.width(), height=size.height()))
        action.triggered.connect(lambda _=False, s=screen: chosen(s))
    menu.exec(anchor.mapToGlobal(anchor.rect().bottomLeft()))
