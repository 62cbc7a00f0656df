"""Help › Keyboard shortcuts: every key the app answers to, read from the window itself."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from coprod_desktop.language import N_, _
from coprod_desktop.ui.keys import every_shortcut

ALWAYS = [  # what Qt itself gives every window, said once (the English, marked; translated where shown)
    (N_("Alt + an underlined letter"), N_("Go to that button, box or tab"), N_("Everywhere")),
    ("Tab, Shift+Tab", N_("The next or the last control"), N_("Everywhere")),
    ("Enter", N_("Keep what was typed in the capture box"), N_("Run view")),
]


def _always() -> list[tuple[str, str, str]]:
    """ALWAYS in the language now in use (the key names stay as the keyboard has them)."""
    return [(_(keys) if keys.startswith("Alt +") else keys, _(what), _(where)) for keys, what, where in ALWAYS]


class KeyboardShortcuts(QDialog):
    def __init__(self, parent, *roots):
        super().__init__(parent)
        self.setWindowTitle(_("Keyboard shortcuts"))
        self.rows = _always() + every_shortcut(*roots)
        self.table = QTableWidget(len(self.rows), 3)
        self.table.setAccessibleName(_("Keyboard shortcuts"))
        self.table.setHorizontalHeaderLabels([_("Keys"), _("What they do"), _("Where")])
        self.table.setEditTriggers(QTableWidget.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        for row, cells in enumerate(self.rows):
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeToContents)
        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(_("Every key the app answers to. The menus show theirs too.")))
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(640, 520)
