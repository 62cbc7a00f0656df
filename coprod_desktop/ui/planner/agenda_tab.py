from __future__ import annotations

from PySide6.QtWidgets import QHeaderView, QLabel, QMenu, QPushButton, QVBoxLayout, QWidget

from coprod_desktop.app.edits import AddRecord
from coprod_desktop.app.next_session import agendas, save_agenda, use_agenda
from coprod_desktop.domain.records import AgendaItem
from coprod_desktop.domain.wording import plural
from coprod_desktop.ui.colours import ERROR, text_colour
from coprod_desktop.ui.colours import hint as quiet
from coprod_desktop.ui.flow_layout import FlowLayout
from coprod_desktop.ui.models.agenda import MINUTES, START, TITLE, AgendaModel
from coprod_desktop.ui.planner.lists import button, current_row, select_row, view_action
from coprod_desktop.ui.planner.ordered_tab import OrderedTab
from coprod_desktop.ui.planner.record_form import RecordForm
from coprod_desktop.ui.settings import remembered_splitter
from coprod_desktop.ui.undo_keys import TextEdit


class AgendaTab(OrderedTab):
    kind = AgendaItem
    noun = "agenda item"
    follows_session = True  # start time and length drive the timings

    def __init__(self, undoable, parent=None):
        super().__init__(undoable, AgendaModel(), parent)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(START, QHeaderView.ResizeToContents)
        header.setSectionResizeMode(TITLE, QHeaderView.Stretch)
        header.setSectionResizeMode(MINUTES, QHeaderView.ResizeToContents)
        self.add_action = view_action(self.view, "Add item", "Insert", self.add_item)

        self.total = QLabel()
        self.total.setObjectName("agendaTotal")
        self.notes = TextEdit(placeholderText="Notes for this item: who leads it, what to bring, questions to ask")
        self.notes_form = RecordForm(undoable, AgendaItem, self)
        self.notes_form.text(self.notes, "notes", "item notes")
        self.view.selectionModel().currentRowChanged.connect(self._show_notes)

        buttons = FlowLayout()  # wraps on a small screen
        buttons.addWidget(button("Add ite&m", self.add_item, "Add an item after the selected one (Insert)"))
        buttons.addWidget(button("Move &up", lambda: self.shift(-1), "Alt+Up"))
        buttons.addWidget(button("Move do&wn", lambda: self.shift(+1), "Alt+Down"))
        buttons.addWidget(
            button("Delete item", self.delete_current, "Delete the selected item (Delete); Ctrl+Z undoes")
        )
        self.from_template = QPushButton("From a &template…")
        self.from_template.setToolTip("Add the items of a shipped or saved agenda")
        self.from_template.setMenu(QMenu(self.from_template, aboutToShow=self._list_templates))
        buttons.addWidget(self.from_template)
        buttons.addWidget(
            button("Save as template…", self.save_template, "Keep this agenda's items to start others from")
        )
        buttons.addWidget(self.total)

        notes_box = QWidget()
        notes_layout = QVBoxLayout(notes_box)
        notes_layout.setContentsMargins(0, 0, 0, 0)
        label = QLabel("&Notes on the selected item")
        label.setBuddy(self.notes)
        notes_layout.addWidget(label)
        notes_layout.addWidget(self.notes)

        split = remembered_splitter(
            self.undoable.settings, "agenda", self.view, notes_box, stretch=(3, 1), vertical=True
        )
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(split)
        hint = QLabel("Double-click or start typing to edit. Drag rows, or Alt+Up / Alt+Down, to reorder.")
        quiet(hint)
        layout.addWidget(hint)

    def _list_templates(self) -> None:
        menu = self.from_template.menu()
        menu.clear()
        for shape in agendas(self.undoable.archive):
            menu.addAction(f"{shape.name} ({plural(len(shape.items), 'item')})", lambda s=shape: self.use_template(s))

    def use_template(self, shape) -> None:
        if self.session is not None and self.undoable.run(use_agenda(self.session, shape), source=self):
            self.undoable.hub.notice.emit(f"Added the items of “{shape.name}”. Ctrl+Z takes them away again.")

    def save_template(self) -> None:
        from PySide6.QtWidgets import QInputDialog

        if self.session is None or not self.model.records:
            self.undoable.hub.notice.emit("Add some items first: a template keeps an agenda's items.")
            return
        name, ok = QInputDialog.getText(self, "Save as template", "A name for this agenda:", text=self.session.title)
        if ok and name.strip() and self.undoable.run(save_agenda(self.undoable.archive, self.session, name)):
            self.undoable.hub.notice.emit(f"Saved “{name.strip()}”: From a template… offers it for any session.")

    def default_column(self) -> int:
        return TITLE

    def load(self) -> None:
        items = self.undoable.archive.agenda(self.session.id)
        self.model.set_session(self.session, items)
        timing = self.model.timing
        self.total.setText(timing.summary())
        over = timing.spare_minutes < 0
        if over:
            text_colour(self.total, ERROR, " font-weight: bold;")
        else:
            self.total.setStyleSheet("")
        self.total.setAccessibleName(timing.summary())
        self._show_notes()

    def _show_notes(self, *_):
        row = current_row(self.view)
        self.notes_form.set_record(self.model.records[row] if row >= 0 else None)

    def add_item(self) -> None:
        if self.session is None:
            return
        row = current_row(self.view)
        position = row + 1 if row >= 0 else self.model.rowCount()
        item = AgendaItem(self.session.id, "New item", 15)
        if self.undoable.run(AddRecord(item, "Add agenda item", position)):
            select_row(self.view, self.model.row_of(item.id), TITLE)
            self.view.setFocus()
            self.view.edit(self.view.currentIndex())
