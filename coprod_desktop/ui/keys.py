"""Keyboard shortcuts that say what they do, so that Help › Keyboard shortcuts can list
every one from the window itself (menus, views, the run view, the room view): a key added
anywhere is listed without anyone remembering to. What a shortcut does and the name of its
place (the WHERE property) are best given in English, marked with N_: they are translated
here, each time, so the list follows a language switch."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QWidget

from coprod_desktop.language import _

WHERE = "coprodWhere"  # a property on a widget: the name the list gives the place


class SaysShortcut(QShortcut):
    """A shortcut that says what it does, in the language of the moment."""

    def __init__(self, keys: str, parent: QWidget, slot, says: str, context):
        super().__init__(QKeySequence(keys), parent, activated=slot, context=context)
        self.says = says  # as given: English marked with N_, or already translated
        self.retranslate()

    def retranslate(self) -> None:
        self.setWhatsThis(_(self.says))


def shortcut(keys: str, parent: QWidget, slot, says: str, context=Qt.WindowShortcut) -> QShortcut:
    return SaysShortcut(keys, parent, slot, says, context)


def _place(obj) -> str:
    widget = obj.parent()
    while widget is not None:
        where = widget.property(WHERE)
        if where:
            return _(str(where))
        widget = widget.parent()
    return _("Everywhere")


def every_shortcut(*roots: QWidget) -> list[tuple[str, str, str]]:
    """(keys, what they do, where) for each action and shortcut under ``roots``."""
    found: dict[tuple[str, str], str] = {}
    for root in roots:
        for action in root.findChildren(QAction):
            what = action.text().replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip(".…")
            for key in action.shortcuts():
                found.setdefault((key.toString(QKeySequence.NativeText), what), _place(action))
        for made in root.findChildren(QShortcut):
            found.setdefault((made.key().toString(QKeySequence.NativeText), made.whatsThis()), _place(made))
    return sorted(((keys, what, where) for (keys, what), where in found.items()), key=lambda r: (r[2], r[0]))
