from __future__ import annotations

from PySide6.QtWidgets import QHeaderView, QLabel, QMenu, QPushButton, QVBoxLayout, QWidget

from coprod_desktop.app.content import shipped_agendas
from coprod_desktop.app.edits import AddRecord
from coprod_desktop.app.next_session import agendas, save_agenda, use_agenda
from coprod_desktop.domain.records import AgendaItem
from coprod_desktop.language import N_, _, ngettext, pgettext
from coprod_desktop.ui.colours import ERROR, text_colour
from coprod_desktop.ui.colours import hint as quiet
from coprod_desktop.ui.flow_layout import FlowLayout
from coprod_desktop.ui.models.agenda import MINUTES, START, TITLE, AgendaModel
from coprod_desktop.ui.planner.lists import button, current_row, select_row, view_action
from coprod_desktop.ui.planner.ordered_tab import OrderedTab
from coprod_desktop.ui.planner.record_form import RecordForm
from coprod_desktop.ui.settings import remembered_splitter
from coprod_desktop.ui.undo_keys import TextEdit


def _shown_name(shape) -> str:
    """A shipped agenda's name in the language spoken; a saved one's as it was typed."""
    return pgettext("content", shape.name) if shape in shipped_agendas() else shape.name


class AgendaTab(OrderedTab):
    kind = AgendaItem
    words = {
        "list": N_("Agenda items of this session"),
        "delete": N_("Delete agenda item"),
        "edit": N_("Edit agenda item"),
        "move": N_("Move agenda item"),
        "deleted": N_("Deleted the agenda item. Ctrl+Z brings it back."),
    }
    follows_session = True  # start time and length drive the timings

    def __init__(self, undoable, parent=None):
        super().__init__(undoable, AgendaModel(), parent)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(START, QHeaderView.ResizeToContents)
        header.setSectionResizeMode(TITLE, QHeaderView.Stretch)
        header.setSectionResizeMode(MINUTES, QHeaderView.ResizeToContents)
        self.add_action = view_action(self.view, _("Add item"), "Insert", self.add_item)

        self.total = QLabel()
        self.total.setObjectName("agendaTotal")
        self.notes = TextEdit(placeholderText=_("Notes for this item: who leads it, what to bring, questions to ask"))
        self.notes_form = RecordForm(undoable, AgendaItem, self)
        self.notes_form.text(self.notes, "notes", N_("Edit item notes"))
        self.view.selectionModel().currentRowChanged.connect(self._show_notes)

        buttons = FlowLayout()  # wraps on a small screen
        buttons.addWidget(button(_("Add ite&m"), self.add_item, _("Add an item after the selected one (Insert)")))
        buttons.addWidget(button(_("Move &up"), lambda: self.shift(-1), "Alt+Up"))
        buttons.addWidget(button(_("Move do&wn"), lambda: self.shift(+1), "Alt+Down"))
        buttons.addWidget(
            button(_("Delete item"), self.delete_current, _("Delete the selected item (Delete); Ctrl+Z undoes"))
        )
        self.from_template = QPushButton(_("From a &template…"))
        self.from_template.setToolTip(_("Add the items of a shipped or saved agenda"))
        self.from_template.setMenu(QMenu(self.from_template, aboutToShow=self._list_templates))
        buttons.addWidget(self.from_template)
        buttons.addWidget(
            button(_("Save as template…"), self.save_template, _("Keep this agenda's items to start others from"))
        )
        buttons.addWidget(self.total)

        notes_box = QWidget()
        notes_layout = QVBoxLayout(notes_box)
        notes_layout.setContentsMargins(0, 0, 0, 0)
        label = QLabel(_("&Notes on the selected item"))
        label.setBuddy(self.notes)
        notes_layout.addWidget(label)
        notes_layout.addWidget(self.notes)

        split = remembered_splitter(
            self.undoable.settings, "agenda", self.view, notes_box, stretch=(3, 1), vertical=True
        )
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(split)
        hint = QLabel(_("Double-click or start typing to edit. Drag rows, or Alt+Up / Alt+Down, to reorder."))
        quiet(hint)
        layout.addWidget(hint)

    def _list_templates(self) -> None:
        menu = self.from_template.menu()
        menu.clear()
        for shape in agendas(self.undoable.archive):
            n = len(shape.items)
            text = ngettext("{name} ({n} item)", "{name} ({n} items)", n).format(name=_shown_name(shape), n=n)
            menu.addAction(text, lambda s=shape: self.use_template(s))

    def use_template(self, shape) -> None:
        if self.session is not None and self.undoable.run(use_agenda(self.session, shape), source=self):
            self.undoable.hub.notice.emit(
                _("Added the items of “{name}”. Ctrl+Z takes them away again.").format(name=_shown_name(shape))
            )

    def save_template(self) -> None:
        from PySide6.QtWidgets import QInputDialog

        if self.session is None or not self.model.records:
            self.undoable.hub.notice.emit(_("Add some items first: a template keeps an agenda's items."))
            return
        name, ok = QInputDialog.getText(
            self, _("Save as template"), _("A name for this agenda:"), text=self.session.title
        )
        if ok and name.strip() and self.undoable.run(save_agenda(self.undoable.archive, self.session, name)):
            saved = _("Saved “{name}”: From a template… offers it for any session.").format(name=name.strip())
            self.undoable.hub.notice.emit(saved)

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

    def _show_notes(self, *_args):
        row = current_row(self.view)
        self.notes_form.set_record(self.model.records[row] if row >= 0 else None)

    def add_item(self) -> None:
        if self.session is None:
            return
        row = current_row(self.view)
        position = row + 1 if row >= 0 else self.model.rowCount()
        item = AgendaItem(self.session.id, _("New item"), 15)
        if self.undoable.run(AddRecord(item, _("Add agenda item"), position)):
            select_row(self.view, self.model.row_of(item.id), TITLE)
            self.view.setFocus()
            self.view.edit(self.view.currentIndex())
