"""Keyboard-first capture: type what was said, who said it, its kind; Enter saves."""

from __future__ import annotations

from PySide6.QtCore import QSignalBlocker, QStringListModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QCompleter,
    QGridLayout,
    QLabel,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from coprod_desktop.app import capture as capture_op
from coprod_desktop.app.changes import Change
from coprod_desktop.app.edits import DeleteRecord, EditRecord
from coprod_desktop.domain import attribution, privacy
from coprod_desktop.domain.records import Contribution
from coprod_desktop.domain.text import LONG_MAX
from coprod_desktop.domain.values import ContributionKind
from coprod_desktop.language import N_, _
from coprod_desktop.ui.colours import ERROR, text_colour
from coprod_desktop.ui.fitting import long_list
from coprod_desktop.ui.flow_layout import FlowLayout
from coprod_desktop.ui.keys import shortcut
from coprod_desktop.ui.live.capture_words import count_line, people_line, reading_line, trail_text
from coprod_desktop.ui.live.pending_captures import PendingCaptures
from coprod_desktop.ui.models.contributions import ContributionsModel
from coprod_desktop.ui.models.records import RecordRole
from coprod_desktop.ui.planner.lists import view_action
from coprod_desktop.ui.undo_history import session_document
from coprod_desktop.ui.undo_keys import LineEdit


class CapturePanel(QWidget):
    def __init__(self, undoable, parent=None):
        super().__init__(parent)
        self.undoable = undoable
        self.session = None
        self.item_id: str | None = None
        self.card_key: str | None = None
        self.present: list = []
        self._reading: str | None = None  # the title of another item being read, if one is

        self.text = LineEdit(placeholderText=_("What was said — Enter saves (Ctrl+K comes back here)"))
        self.text.setMaxLength(LONG_MAX)
        self.text.setAccessibleName(_("Contribution"))
        self.who = LineEdit(placeholderText=_("Who: a number, part of a name, a role — empty is anonymous"))
        self.who.setAccessibleName(_("Who said it"))
        self._who_model = QStringListModel(self)
        completer = QCompleter(self._who_model, self)
        completer.setCaseSensitivity(Qt.CaseInsensitive)
        completer.setFilterMode(Qt.MatchContains)
        self.who.setCompleter(completer)
        self.who.textChanged.connect(self._who_changed)
        self.text.textChanged.connect(self._keep_draft)
        for field in (self.text, self.who):
            field.returnPressed.connect(self.capture)
            field.app_undo = undoable.stack
            field.local_first = True

        self.kinds = QButtonGroup(self)
        kinds_row = FlowLayout()  # wraps in a narrow column
        self._kind_keys = []
        for n, kind in enumerate(ContributionKind, start=1):
            b = QToolButton(checkable=True)
            self.kinds.addButton(b, n - 1)
            kinds_row.addWidget(b)
            says = _("Capture as: {kind}").format(kind=kind.label)
            self._kind_keys.append(shortcut(f"Alt+{n}", self, b.click, says))
        self._name_kinds()
        self.kinds.button(0).setChecked(True)
        self.quote = QCheckBox(_("May be &quoted in print"))
        self.quote.setToolTip(_("Off unless the person chose to be named; they can always say no."))
        self.people = QLabel()
        self.people.setWordWrap(True)
        self.people.setTextFormat(Qt.PlainText)
        self.problem = QLabel()
        text_colour(self.problem, ERROR)
        self.problem.setWordWrap(True)
        self.pending = PendingCaptures(self._keep, self.text.text)

        self.model = ContributionsModel(undoable.archive, self)
        self.list = long_list(self.model)
        self.list.setAlternatingRowColors(True)
        self.list.setSelectionMode(QAbstractItemView.SingleSelection)
        self.list.setAccessibleName(_("Contributions for this item, newest first"))
        self.list.activated.connect(lambda index: self.edit(index.data(RecordRole)))
        view_action(self.list, _("Delete contribution"), "Delete", self.delete_current)
        view_action(self.list, _("Edit contribution"), "F2", lambda: self.edit(self._current()))

        grid = QGridLayout()
        grid.addWidget(QLabel(_("Sa&id:"), buddy=self.text), 0, 0)
        grid.addWidget(self.text, 0, 1)
        grid.addWidget(QLabel(_("&Who:"), buddy=self.who), 1, 0)
        grid.addWidget(self.who, 1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(grid)
        layout.addLayout(kinds_row)
        layout.addWidget(self.quote)
        layout.addWidget(self.people)
        layout.addWidget(self.problem)
        layout.addWidget(self.pending)
        self.count = QLabel()
        self.count.setWordWrap(True)
        layout.addWidget(self.count)
        layout.addWidget(self.list, 1)
        self.trail = QLabel()
        self.trail.setWordWrap(True)
        self.trail.setTextFormat(Qt.PlainText)
        self.trail.setAccessibleName(_("What came of the selected contribution"))
        layout.addWidget(self.trail)
        self.list.selectionModel().currentChanged.connect(lambda *_: self.show_trail())
        shortcut("Ctrl+K", self, self.focus_capture, N_("Back to the capture box"))
        undoable.hub.changed.connect(self._on_changed)

    def _name_kinds(self) -> None:
        """Each kind's button and Alt key, named in the language now."""
        for n, (kind, b, key) in enumerate(zip(ContributionKind, self.kinds.buttons(), self._kind_keys), start=1):
            b.setText(kind.label)
            b.setToolTip(_("{kind} (Alt+{n})").format(kind=kind.label, n=n))
            b.setAccessibleName(kind.label)
            says = _("Capture as: {kind}").format(kind=kind.label)
            key.says = says  # what the shortcut says again after a change of language (ui/keys.py)
            key.setWhatsThis(says)

    def retranslate(self) -> None:
        """The kinds, who is here, the count and the trail in the language now."""
        self._name_kinds()
        self._who_model.setStringList([w.label for w in attribution.choices(self.present)])
        self.people.setText(people_line(self.present))
        if self._reading is not None:
            self.count.setText(reading_line(self._reading))
        elif self.session is not None:
            self._update_count()
        self.show_trail()

    # -- context ---------------------------------------------------------------

    def _keep(self, edit) -> bool:
        """A capture into its own session's history, even one kept later from the queue
        while another screen is shown."""
        document = session_document(edit.record.session_id)
        return self.undoable.run(edit, source=self, wait=False, document=document)

    def set_context(self, session, item_id: str | None, present: list, card_key: str | None) -> None:
        item_changed = (session.id if session else None, item_id) != (self.model.session_id, self.model.item_id)
        session_changed = (session.id if session else None) != (self.session.id if self.session else None)
        self.session, self.item_id, self.present, self.card_key = session, item_id, present, card_key
        self._who_model.setStringList([w.label for w in attribution.choices(present)])
        self.model.names = {p.id: p.preferred_name for p in present}
        self.people.setText(people_line(present))
        if item_changed:
            self.model.show_item(session.id if session else None, item_id)
        if session_changed:
            self._load_draft()
        self._update_count()

    def read_item(self, item_id: str | None, title: str) -> None:
        """List another item's contributions (a search result) without moving where new ones go."""
        if self.session is None:
            return
        self.model.show_item(self.session.id, item_id)
        if item_id != self.item_id:
            self._reading = title
            self.count.setText(reading_line(title))
        else:
            self._update_count()

    # -- the draft: words typed but not yet saved survive a crash too ------------

    def _keep_draft(self, text: str) -> None:
        """At every keystroke, into the archive: a dead battery must not take the sentence
        with it. A keystroke that meets a lock held elsewhere is kept by the next one."""
        if self.session is not None:
            self.undoable.archive.keep_draft(self.session.id, text)

    def _load_draft(self) -> None:
        """This session's unsaved words (after a crash, or from before switching sessions),
        replacing another session's: each session's draft stays with it."""
        draft = self.undoable.archive.draft(self.session.id) if self.session is not None else ""
        if self.session is not None and not draft:
            draft = self.undoable.settings.move_old_draft(self.session.id, self.undoable.archive.keep_draft)
        with QSignalBlocker(self.text):  # loading is not typing: keep the other draft where it is
            self.text.setText(draft)

    def set_live(self, live: bool) -> None:
        """Only a live session takes new words; any session's can be read and corrected."""
        for widget in (self.text, self.who, self.quote, *self.kinds.buttons()):
            widget.setEnabled(live)

    def focus_capture(self) -> None:
        """Into the box, the cursor after what is there (a draft kept from before a crash
        is not selected, or the first key would replace it)."""
        self.text.setFocus()
        self.text.deselect()
        self.text.end(False)

    def kind(self) -> ContributionKind:
        return list(ContributionKind)[self.kinds.checkedId()]

    def _who_changed(self, text: str) -> None:
        who = attribution.resolve(text, self.present)
        person = next((p for p in self.present if who and p.id == who.participant_id), None)
        self.quote.setChecked(privacy.quote_by_default(person))
        self.problem.clear()

    # -- capture ---------------------------------------------------------------

    def capture(self) -> bool:
        if self.session is None:
            return False
        try:
            edit = capture_op.capture(
                self.session,
                self.text.text(),
                self.who.text(),
                self.kind(),
                quote_allowed=self.quote.isChecked(),
                item_id=self.item_id,
                card_key=self.card_key,
                present=self.present,
            )
        except capture_op.WhoUnclear as unclear:
            self.problem.setText(str(unclear))
            self.who.setFocus()
            return False
        if edit is None:
            return False
        # Never waits for a lock held by another program: if it cannot be kept now it
        # waits in self.pending (shown as "not saved yet") and the box is free again.
        if self.pending.save(edit) is False:
            return False  # failed for another reason (disk full…): reported, still in the box
        # setText, not clear(): clear() is itself undoable inside the line edit, so
        # Ctrl+Z would bring the text back instead of undoing the capture. The draft
        # went with the capture, in its transaction.
        with QSignalBlocker(self.text):
            self.text.setText("")
        self.who.setText("")
        self._who_changed("")  # setText("") on an empty box emits nothing: reset the quote flag
        if self.model.item_id != self.item_id:  # was reading another item: show where this went
            self.model.show_item(self.session.id, self.item_id)
            self._update_count()
        self.text.setFocus()
        return True

    def show_trail(self) -> None:
        """From the selected contribution: decisions that answered it, their actions, what was reported."""
        record = self._current()
        if record is None or self.session is None:
            self.trail.clear()
            return
        self.trail.setText(trail_text(self.undoable.archive, self.session.group_id, record.id))

    def _current(self):
        index = self.list.currentIndex()
        return index.data(RecordRole) if index.isValid() else None

    def delete_current(self) -> None:
        record = self._current()
        if record is not None and self.undoable.run(DeleteRecord(Contribution, record.id, _("Delete contribution"))):
            self.undoable.hub.notice.emit(_("Deleted the contribution. Ctrl+Z brings it back."))

    def edit(self, record) -> None:
        if record is None:
            return
        from coprod_desktop.ui.dialogs.contribution import ContributionDialog

        changes = ContributionDialog.ask(self, record, self.present)
        if changes:
            old = {k: getattr(record, k) for k in changes}
            self.undoable.run(EditRecord(Contribution, record.id, old, changes, _("Edit contribution")))

    def _on_changed(self, change: Change) -> None:
        if change.everything:
            self.model.show_item(self.model.session_id, self.model.item_id)
        elif change.touches(Contribution) and self.session is not None:
            for record_id in change.ids(Contribution):
                self.model.refresh_one(record_id)
            self._update_count()

    def _update_count(self) -> None:
        self._reading = None
        self.count.setText(count_line(self.model.rowCount(), self.model.canFetchMore()))
