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

from coprod_desktop.ui.keys import every_shortcut

ALWAYS = [  # what Qt itself gives every window, said once
    ("Alt + an underlined letter", "Go to that button, box or tab", "Everywhere"),
    ("Tab, Shift+Tab", "The next or the last control", "Everywhere"),
    ("Enter", "Keep what was typed in the capture box", "Run view"),
]


class KeyboardShortcuts(QDialog):
    def __init__(self, parent, *roots):
        super().__init__(parent)
        self.setWindowTitle("Keyboard shortcuts")
        self.rows = ALWAYS + every_shortcut(*roots)
        self.table = QTableWidget(len(self.rows), 3)
        self.table.setAccessibleName("Keyboard shortcuts")
        self.table.setHorizontalHeaderLabels(["Keys", "What they do", "Where"])
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
        layout.addWidget(QLabel("Every key the app answers to. The menus show theirs too."))
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(640, 520)
