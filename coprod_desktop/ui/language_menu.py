"""View › Language: Cymraeg or English, at any moment, with no restart, and remembered."""

from __future__ import annotations

from PySide6.QtCore import QLocale, QSettings
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu, QWidget

from coprod_desktop import language
from coprod_desktop.language import _
from coprod_desktop.ui.retranslate import retranslate_all
from coprod_desktop.ui.translator import use_language

KEY = "interface/language"


def chosen_language(settings: QSettings, asked: str | None = None) -> str:
    """The language to start in: asked for (the command line), else the one chosen last
    time, else the computer's own if it is Welsh, else English."""
    found = language.known(asked) or language.known(str(settings.value(KEY, "") or ""))
    if found:
        return found
    return language.WELSH if QLocale.system().language() == QLocale.Welsh else language.ENGLISH


def switch_language(code: str, settings: QSettings | None = None) -> str:
    """Show the whole app in ``code`` now (every open window), and remember it."""
    before = language.current()
    now = use_language(code)
    retranslate_all(before, now)
    if settings is not None:
        settings.setValue(KEY, now)
    return now


def language_menu(parent: QWidget, menu: QMenu, settings: QSettings, after=None) -> QMenu:
    """A "Language" submenu of ``menu``: each language named in itself, the one in use
    ticked. ``after`` is called once the app speaks the new one."""
    sub = menu.addMenu(_("&Language"))
    sub.setObjectName("languageMenu")
    group = QActionGroup(sub)
    group.setExclusive(True)
    for code in language.LANGUAGES:
        action = QAction(language.NAMES[code], parent)
        action.setObjectName(f"language_{code}")
        action.setCheckable(True)
        action.setChecked(code == language.current())
        action.setData(code)
        group.addAction(action)
        sub.addAction(action)

    def chosen(action: QAction) -> None:
        code = str(action.data())
        if code != language.current():
            switch_language(code, settings)
            if after is not None:
                after()

    group.triggered.connect(chosen)
    return sub
