"""The window coprod-desktop shows at start-up, hand-built with hard-coded data and no archive.

A reference for tests/benchmarks/startup.py, which runs it: the distance from the bare
QMainWindow to this script is what any PySide6 window with this content costs (the Qt
namespace's enums, the widget classes, fonts and the first paint); the distance from
this script to the app is the app's own work (the archive, the domain, the planner).

Same content as the app on the benchmark archive: menus and a toolbar, a tree of
10 groups x 20 sessions, the group page with its form and a 12-person roster table.
"""

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QApplication,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

app = QApplication([])
window = QMainWindow()
for menu_name in ("&File", "&Edit", "&View", "&Help"):
    menu = window.menuBar().addMenu(menu_name)
    for i in range(6):
        action = QAction(f"Item {i}", window)
        action.setShortcut(QKeySequence(f"Ctrl+{i}"))
        menu.addAction(action)
toolbar = window.addToolBar("Main")
for text in ("New group", "New session", "Undo", "Redo"):
    toolbar.addAction(text)

tree_model = QStandardItemModel()
for g in range(10):
    group = QStandardItem(f"Group {g}")
    font = group.font()
    font.setBold(True)
    group.setFont(font)
    for s in range(20):
        group.appendRow(QStandardItem(f"○ Wed 14 May 2025 — Session {s}"))
    tree_model.appendRow(group)
tree = QTreeView()
tree.setHeaderHidden(True)
tree.setModel(tree_model)
tree.expandAll()

page = QWidget()
column = QVBoxLayout(page)
column.addWidget(QLabel("<b>Group</b>"))
form = QFormLayout()
form.addRow("Group na&me", QLineEdit("Group 0"))
form.addRow("&About the group", QPlainTextEdit())
column.addLayout(form)
roster_model = QStandardItemModel(12, 5)
roster_model.setHorizontalHeaderLabels(["Name", "Pronouns", "Roles", "In print", "Support needs"])
for r in range(12):
    for c, text in enumerate((f"Person {r}", "", "No role given", "By role only", "")):
        roster_model.setItem(r, c, QStandardItem(text))
table = QTableView()
table.setModel(roster_model)
roster = QWidget()
row = QHBoxLayout(roster)
row.addWidget(table)
row.addWidget(QLabel("Select a person to see and edit their details.", alignment=Qt.AlignmentFlag.AlignCenter))
row.addWidget(QPushButton("Add person"))
tabs = QTabWidget()
tabs.addTab(roster, "&Roster")
tabs.addTab(QWidget(), "Outcomes")
column.addWidget(tabs)

splitter = QSplitter()
splitter.addWidget(tree)
splitter.addWidget(page)
window.setCentralWidget(splitter)
window.statusBar().showMessage("Archive: bench.sqlite")
window.resize(1280, 720)
window.show()
app.processEvents()
