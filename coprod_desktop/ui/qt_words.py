"""Qt's own words that reach a person (dialog buttons, a text box's right-click menu, the
file dialog, scroll bars), listed here so the catalogue gathers them. Qt ships no Welsh
of its own; ui/translator.py answers Qt from the catalogue with these.

Each is (Qt's translation context, Qt's English), exactly as Qt asks for it.
"""

from __future__ import annotations


def Q_(context: str, source: str) -> tuple[str, str]:
    return context, source


QT_WORDS = (
    # Standard dialog buttons (QDialogButtonBox, QMessageBox).
    Q_("QPlatformTheme", "OK"),
    Q_("QPlatformTheme", "Save"),
    Q_("QPlatformTheme", "Open"),
    Q_("QPlatformTheme", "Cancel"),
    Q_("QPlatformTheme", "Close"),
    Q_("QPlatformTheme", "Discard"),
    Q_("QPlatformTheme", "Don't Save"),
    Q_("QPlatformTheme", "Apply"),
    Q_("QPlatformTheme", "Reset"),
    Q_("QPlatformTheme", "Restore Defaults"),
    Q_("QPlatformTheme", "Help"),
    Q_("QPlatformTheme", "Save All"),
    Q_("QPlatformTheme", "&Yes"),
    Q_("QPlatformTheme", "Yes to &All"),
    Q_("QPlatformTheme", "&No"),
    Q_("QPlatformTheme", "N&o to All"),
    Q_("QPlatformTheme", "Abort"),
    Q_("QPlatformTheme", "Retry"),
    Q_("QPlatformTheme", "Ignore"),
    Q_("QGnomeTheme", "&OK"),
    Q_("QGnomeTheme", "&Save"),
    Q_("QGnomeTheme", "&Cancel"),
    Q_("QGnomeTheme", "&Close"),
    Q_("QGnomeTheme", "Close without Saving"),
    Q_("QMessageBox", "Show Details..."),
    Q_("QMessageBox", "Hide Details..."),
    # The right-click menu of a one-line and a many-line text box, and of a spin box.
    Q_("QLineEdit", "&Undo"),
    Q_("QLineEdit", "&Redo"),
    Q_("QLineEdit", "Cu&t"),
    Q_("QLineEdit", "&Copy"),
    Q_("QLineEdit", "&Paste"),
    Q_("QLineEdit", "Delete"),
    Q_("QLineEdit", "Select All"),
    Q_("QWidgetTextControl", "&Undo"),
    Q_("QWidgetTextControl", "&Redo"),
    Q_("QWidgetTextControl", "Cu&t"),
    Q_("QWidgetTextControl", "&Copy"),
    Q_("QWidgetTextControl", "Copy &Link Location"),
    Q_("QWidgetTextControl", "&Paste"),
    Q_("QWidgetTextControl", "Delete"),
    Q_("QWidgetTextControl", "Select All"),
    Q_("QAbstractSpinBox", "&Select All"),
    Q_("QAbstractSpinBox", "&Step up"),
    Q_("QAbstractSpinBox", "Step &down"),
    # Tabs that do not fit, and a scroll bar's right-click menu.
    Q_("QTabBar", "Scroll Left"),
    Q_("QTabBar", "Scroll Right"),
    Q_("QScrollBar", "Scroll here"),
    Q_("QScrollBar", "Left edge"),
    Q_("QScrollBar", "Top"),
    Q_("QScrollBar", "Right edge"),
    Q_("QScrollBar", "Bottom"),
    Q_("QScrollBar", "Page left"),
    Q_("QScrollBar", "Page up"),
    Q_("QScrollBar", "Page right"),
    Q_("QScrollBar", "Page down"),
    Q_("QScrollBar", "Scroll left"),
    Q_("QScrollBar", "Scroll up"),
    Q_("QScrollBar", "Scroll right"),
    Q_("QScrollBar", "Scroll down"),
    # The file dialog Qt draws itself where the desktop offers none.
    Q_("QFileDialog", "Look in:"),
    Q_("QFileDialog", "File &name:"),
    Q_("QFileDialog", "Files of type:"),
    Q_("QFileDialog", "&Open"),
    Q_("QFileDialog", "&Save"),
    Q_("QFileDialog", "&Choose"),
    Q_("QFileDialog", "Back"),
    Q_("QFileDialog", "Forward"),
    Q_("QFileDialog", "Parent Directory"),
    Q_("QFileDialog", "Create New Folder"),
    Q_("QFileDialog", "List View"),
    Q_("QFileDialog", "Detail View"),
    Q_("QFileDialog", "New Folder"),
    Q_("QFileDialog", "All Files (*)"),
    Q_("QFileDialog", "Directory:"),
    Q_("QFileDialog", "My Computer"),
    Q_("QFileDialog", "Computer"),
    Q_("QFileDialog", "%1 already exists.\nDo you want to replace it?"),
    Q_("QFileSystemModel", "Name"),
    Q_("QFileSystemModel", "Size"),
    Q_("QFileSystemModel", "Type"),
    Q_("QFileSystemModel", "Date Modified"),
)
